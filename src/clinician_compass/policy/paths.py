"""Where the policy, its history and the draft live. The one seam tests patch.

Nothing here touches the disk: folders are created when something is saved,
never at import or lookup time.
"""

from __future__ import annotations

import os
from pathlib import Path

from clinician_compass.record import record

ENV_VAR = "CLINICIAN_COMPASS_POLICY"
APP_NAME = "clinician-compass"


def default_policy_path() -> Path:
    """``policy.toml`` in the platform's user config folder."""
    from platformdirs import user_config_path  # deferred: the CLI's path-free commands skip it

    return user_config_path(APP_NAME, appauthor=False) / "policy.toml"


@record(frozen=True)
class PolicyPaths:
    """The files that belong to one policy."""

    policy: Path

    @property
    def folder(self) -> Path:
        return self.policy.parent

    @property
    def history(self) -> Path:
        """Earlier versions, one file per save, newest kept."""
        return self.folder / "history"

    @property
    def draft(self) -> Path:
        """An unfinished walkthrough, saved on every answer."""
        return self.folder / f"{self.policy.stem}.draft.toml"


def resolve(override: str | os.PathLike[str] | None = None) -> PolicyPaths:
    """The policy path: ``--policy`` first, then ``$CLINICIAN_COMPASS_POLICY``, then the default."""
    chosen = override or os.environ.get(ENV_VAR) or default_policy_path()
    return PolicyPaths(Path(chosen).expanduser())


def real_target(path: Path) -> Path:
    """Write through a symlink to its target, so a synced or linked policy stays linked."""
    try:
        return path.resolve() if path.is_symlink() else path
    except (OSError, RuntimeError):  # cannot look (a folder we may not search) or a loop: use the path as given
        return path
