"""Reading her policy for a command: required (``show``, ``export``) or only if readable (``ref``, ``check-post``)."""

from __future__ import annotations

import sys

from clinician_compass.cli.errors import UserError, terminal_safe
from clinician_compass.documents.safe_text import escaped
from clinician_compass.policy import store
from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.policy.model import Policy
from clinician_compass.policy.paths import PolicyPaths


def load_required(paths: PolicyPaths) -> store.Loaded:
    """Her policy, or a one-line error saying how to make one."""
    loaded = store.load(paths)
    if loaded is None:
        raise UserError(f"no policy yet at {escaped(paths.policy)}. Run clinician-compass to make one.")
    return loaded


def policy_if_readable(paths: PolicyPaths, without_it: str) -> Policy | None:
    """Her policy, or None with a warning saying what is shown instead: a damaged file must not stop
    the commands that only read it (``ref``, ``check-post``)."""
    try:
        loaded = store.load(paths)
    except PolicyFileError as error:
        print(terminal_safe(f"warning: your policy could not be read, so {without_it}.\n{error}"), file=sys.stderr)
        return None
    return loaded.policy if loaded else None
