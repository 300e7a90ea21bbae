"""The unfinished walkthrough, saved on every answer so a crash or Ctrl+C loses nothing.

A draft is the policy so far plus where the clinician was. It lives in its own
file beside the policy, so the real policy is only replaced when they save.
"""

from __future__ import annotations

import tomllib
from dataclasses import field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import tomli_w

from clinician_compass.policy import reading
from clinician_compass.policy.codec import (
    FutureSchema,
    InvalidPolicy,
    escape_invisible,
    policy_from_document,
    policy_to_document,
)
from clinician_compass.policy.limits import beyond_limits
from clinician_compass.policy.model import Policy
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.policy.store import MAX_FILE_BYTES, _ensure_folder, atomic_write
from clinician_compass.record import record

DRAFT_HEADER = "# clinician-compass draft: an unfinished walkthrough. The app offers to resume it.\n\n"


@record
class Draft:
    """A policy in progress and the step the clinician was on."""

    policy: Policy
    position: str = ""
    """The walkthrough step, e.g. ``profile``, ``platforms``, ``x/visibility`` or ``review``."""
    platforms: tuple[str, ...] = ()
    """The platforms chosen for this walkthrough, in order."""
    notes: dict[str, str] = field(default_factory=dict)
    """Notes typed on a step but not yet confirmed with an answer, by position: shown back on resume."""


def save_draft(draft: Draft, paths: PolicyPaths) -> None:
    document: dict[str, Any] = policy_to_document(draft.policy)
    walk: dict[str, Any] = {"position": draft.position, "platforms": list(draft.platforms)}
    if draft.notes:
        walk["notes"] = dict(draft.notes)
    document["walkthrough"] = walk
    _ensure_folder(paths.draft.parent)
    atomic_write(paths.draft, (DRAFT_HEADER + escape_invisible(tomli_w.dumps(document))).encode("utf-8"))


def load_draft(paths: PolicyPaths) -> Draft | None:
    """The saved draft, or None if there is none or it cannot be used.

    A damaged draft is left on disk (never deleted here) and treated as absent:
    the policy file, not the draft, is what must never be lost.
    """
    try:
        data = reading.read_limited(paths.draft, MAX_FILE_BYTES)  # a pipe or device here is no draft
        if data is None:
            return None
        text = data.decode("utf-8")
        document = tomllib.loads(text)  # a depth bomb raises RecursionError, caught below
        if beyond_limits(document):
            return None
        walk = document.pop("walkthrough", {})
        policy, _ = policy_from_document(document)
    except (reading.UnreadableFile, ValueError, RecursionError, MemoryError, InvalidPolicy, FutureSchema):
        return None  # ValueError covers a bad encoding, bad TOML and an overlong number
    position = walk.get("position", "") if isinstance(walk, dict) else ""
    platforms = walk.get("platforms", []) if isinstance(walk, dict) else []
    notes = walk.get("notes", {}) if isinstance(walk, dict) else {}
    return Draft(
        policy,
        position if isinstance(position, str) else "",
        tuple(p for p in platforms if isinstance(p, str)) if isinstance(platforms, list) else (),
        {k: v for k, v in notes.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(notes, dict) else {},
    )


def draft_exists(paths: PolicyPaths) -> bool:
    """Whether a draft file is there; False when its folder cannot even be looked into."""
    try:
        return reading.exists(paths.draft)
    except reading.UnreadableFile:
        return False


def discard_draft(paths: PolicyPaths) -> None:
    paths.draft.unlink(missing_ok=True)


def keep_draft_in_history(paths: PolicyPaths) -> Path | None:
    """Copy the draft into ``history/`` before a fresh start replaces it; the copy's path, or None.

    Named ``<stem>.draft-<stamp>.toml`` so the policy's own history (``<stem>-<stamp>.toml``)
    never offers an unfinished walkthrough as a version of the policy to restore.
    """
    try:
        data = reading.read_limited(paths.draft, MAX_FILE_BYTES)
    except reading.UnreadableFile:
        return None
    if data is None:
        return None
    _ensure_folder(paths.history)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = paths.history / f"{paths.policy.stem}.draft-{stamp}.toml"
    atomic_write(kept, data)
    return kept
