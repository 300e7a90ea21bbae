"""The unfinished walkthrough, saved on every answer so a crash or Ctrl+C loses nothing.

A draft is the policy so far plus where the clinician was. It lives in its own
file beside the policy, so the real policy is only replaced when they save.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import Any

import tomli_w

from clinician_compass.policy.codec import (
    FutureSchema,
    InvalidPolicy,
    escape_invisible,
    policy_from_document,
    policy_to_document,
)
from clinician_compass.policy.model import Policy
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.policy.store import _ensure_folder, atomic_write

DRAFT_HEADER = "# clinician-compass draft: an unfinished walkthrough. The app offers to resume it.\n\n"


@dataclass
class Draft:
    """A policy in progress and the step the clinician was on."""

    policy: Policy
    position: str = ""
    """The walkthrough step, e.g. ``profile``, ``platforms``, ``x/visibility`` or ``review``."""
    platforms: tuple[str, ...] = ()
    """The platforms chosen for this walkthrough, in order."""


def save_draft(draft: Draft, paths: PolicyPaths) -> None:
    document: dict[str, Any] = policy_to_document(draft.policy)
    document["walkthrough"] = {"position": draft.position, "platforms": list(draft.platforms)}
    _ensure_folder(paths.draft.parent)
    atomic_write(paths.draft, (DRAFT_HEADER + escape_invisible(tomli_w.dumps(document))).encode("utf-8"))


def load_draft(paths: PolicyPaths) -> Draft | None:
    """The saved draft, or None if there is none or it cannot be used.

    A damaged draft is left on disk (never deleted here) and treated as absent:
    the policy file, not the draft, is what must never be lost.
    """
    try:
        document = tomllib.loads(paths.draft.read_text(encoding="utf-8"))
        walk = document.pop("walkthrough", {})
        policy, _ = policy_from_document(document)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, InvalidPolicy, FutureSchema):
        return None
    position = walk.get("position", "") if isinstance(walk, dict) else ""
    platforms = walk.get("platforms", []) if isinstance(walk, dict) else []
    return Draft(
        policy,
        position if isinstance(position, str) else "",
        tuple(p for p in platforms if isinstance(p, str)) if isinstance(platforms, list) else (),
    )


def discard_draft(paths: PolicyPaths) -> None:
    paths.draft.unlink(missing_ok=True)
