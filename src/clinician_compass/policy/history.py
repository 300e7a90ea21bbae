"""Saved versions she can use: when each was saved, and what changed in words.

Built from the policy model, never from a text diff: "X: public → protected;
LinkedIn added; contact number changed" is what a clinician can act on,
a diff of TOML lines is not. No Textual here: the TUI's history screen and the
CLI's ``history`` command read the same list.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from clinician_compass.guidance.model import Catalog
from clinician_compass.policy import store
from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.policy.model import Answer, Policy
from clinician_compass.policy.paths import PolicyPaths, real_target
from clinician_compass.record import record

ACCOUNT_NAMES = {"professional": "professional", "personal": "personal", "mixed": "", "main": ""}
"""How an account is named after its platform; a platform's only account needs no name."""

PROFILE_FIELDS = (
    ("display_name", "name"),
    ("role", "role"),
    ("jurisdiction", "country"),
    ("practice_contact", "contact number"),
)
"""Profile field → how a change to it reads ("contact number changed")."""


@record(frozen=True)
class Version:
    """One saved version in history, newest first in ``versions``."""

    path: Path
    saved: datetime
    """When it was saved (from its name in history, in UTC)."""
    policy: Policy | None
    """None when this version cannot be read any more."""
    changes: tuple[str, ...]
    """What changed against the version before, in words; ("first saved version",) for the oldest."""
    problem: str = ""
    """Why it cannot be read, when ``policy`` is None."""

    @property
    def when(self) -> str:
        """The saved time as she reads it, in local time: "2026-11-30 14:02"."""
        return self.saved.astimezone().strftime("%Y-%m-%d %H:%M")


def saved_at(path: Path) -> datetime:
    """The moment a history file was saved, from its stamp (its modification time if the name has none)."""
    stamp = path.stem.rsplit("-", 1)[-1]
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(os.stat(path).st_mtime, UTC)


def read(path: Path) -> tuple[Policy | None, str]:
    try:
        return store.read_version(path), ""
    except PolicyFileError as error:
        return None, "; ".join(p.message for p in error.problems) or "it cannot be read"
    except OSError as error:
        return None, error.strerror or str(error)


def versions(paths: PolicyPaths, catalog: Catalog) -> list[Version]:
    """Every version history holds, newest first, each with what changed since the one before it."""
    files = store.history(paths)
    read_ = [read(f) for f in files]
    found: list[Version] = []
    for i, path in enumerate(files):
        policy, problem = read_[i]
        older = read_[i + 1][0] if i + 1 < len(files) else None
        if policy is None:
            changes: tuple[str, ...] = ("cannot be read",)
        elif i + 1 == len(files):
            changes = ("first saved version",)
        elif older is None:
            changes = ("the version before cannot be read",)
        else:
            changes = tuple(describe(older, policy, catalog)) or ("nothing she decided changed",)
        found.append(Version(path, saved_at(path), policy, changes, problem))
    return found


def describe(before: Policy, after: Policy, catalog: Catalog) -> list[str]:
    """What changed from ``before`` to ``after``, in words, in the order the policy reads."""
    changes: list[str] = []
    for field_name, words in PROFILE_FIELDS:
        if getattr(before.profile, field_name) != getattr(after.profile, field_name):
            changes.append(f"{words} changed")
    for pid in after.platforms:
        if pid not in before.platforms:
            changes.append(f"{_platform(catalog, pid)} added")
    for pid in before.platforms:
        if pid not in after.platforms:
            changes.append(f"{_platform(catalog, pid)} removed")
    for pid, entry in after.platforms.items():
        old = before.platforms.get(pid)
        if old is None:
            continue
        name = _platform(catalog, pid)
        changes += _answers(catalog, name, old.decisions, entry.decisions)
        if len(old.accounts) == 1 and len(entry.accounts) == 1:  # her only account, whatever it is called now
            pairs = [(next(iter(entry.accounts)), next(iter(old.accounts.values())), next(iter(entry.accounts.values())))]
        else:
            pairs = [(k, old.accounts[k], a) for k, a in entry.accounts.items() if k in old.accounts]
            changes += [f"{_account(name, k)}: account added" for k in entry.accounts if k not in old.accounts]
            changes += [f"{_account(name, k)}: account removed" for k in old.accounts if k not in entry.accounts]
        only = len(old.accounts) == 1 and len(entry.accounts) == 1
        for key, was, account in pairs:
            where = name if only else _account(name, key)  # "X professional" only where X has two
            if was.handle != account.handle:
                changes.append(f"{where}: handle changed")
            changes += _answers(catalog, where, was.decisions, account.decisions)
            ticked = len(account.checklist) - len(was.checklist)
            if ticked > 0:
                changes.append(f"{where}: {_count(ticked, 'setting')} ticked off")
            elif ticked < 0:
                changes.append(f"{where}: {_count(-ticked, 'setting')} marked still to do")
    changes += _answers(catalog, "Every platform", before.global_decisions, after.global_decisions)
    if before.short_form.text != after.short_form.text:
        changes.append("short form reworded" if after.short_form.edited else "short form changed")
    if before.meta.last_reviewed != after.meta.last_reviewed and after.meta.last_reviewed:
        changes.append(f"marked reviewed on {after.meta.last_reviewed.isoformat()}")
    return changes


def _answers(catalog: Catalog, where: str, before: dict[str, Answer], after: dict[str, Answer]) -> list[str]:
    changes: list[str] = []
    for decision_id in [*after, *(d for d in before if d not in after)]:
        old, new = before.get(decision_id), after.get(decision_id)
        decision = catalog.decisions.get(decision_id)
        title = decision.title if decision else decision_id
        if old is None and new is not None:
            changes.append(f"{where}: {title}: {_label(catalog, decision_id, new.choice)}")
        elif new is None and old is not None:
            changes.append(f"{where}: {title}: not decided now (was {_label(catalog, decision_id, old.choice)})")
        elif old is not None and new is not None:
            if old.choice != new.choice:
                was, now = _label(catalog, decision_id, old.choice), _label(catalog, decision_id, new.choice)
                changes.append(f"{where}: {title}: {was} → {now}")
            elif old.note != new.note:
                changes.append(f"{where}: {title}: note changed")
    return changes


def _label(catalog: Catalog, decision_id: str, choice: str) -> str:
    decision = catalog.decisions.get(decision_id)
    option = decision.option(choice) if decision else None
    return option.label if option else choice


def _platform(catalog: Catalog, pid: str) -> str:
    platform = catalog.platforms.get(pid)
    return platform.short_name if platform else pid


def _account(platform: str, key: str) -> str:
    label = ACCOUNT_NAMES.get(key, key)
    return f"{platform} {label}" if label else platform


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


@record(frozen=True)
class Recovery:
    """What the damaged-file screen offers: the newest version that can be read, and how the two compare."""

    good: Path
    saved: datetime
    description: str
    """In words: "saved 2026-11-30 14:02; the damaged file (1,234 bytes, changed 2026-12-01 09:15)
    cannot be read past line 12"."""


def recovery(error: PolicyFileError) -> Recovery | None:
    """The version to offer for a file that cannot be read, or None when history holds none that can be."""
    paths = PolicyPaths(real_target(error.path))
    good = store.newest_good_version(paths)
    if good is None:
        return None
    saved = saved_at(good)
    when = saved.astimezone().strftime("%Y-%m-%d %H:%M")
    parts = [f"saved {when}"]
    try:
        info = os.stat(paths.policy)
    except OSError:
        parts.append("the damaged file cannot be looked at")
    else:
        changed = datetime.fromtimestamp(info.st_mtime, UTC).astimezone().strftime("%Y-%m-%d %H:%M")
        where = next((p.line for p in error.problems if p.line), None)
        state = f"cannot be read past line {where}" if where else "cannot be read"
        parts.append(f"the damaged file ({info.st_size:,} bytes, changed {changed}) {state}")
        if info.st_mtime > saved.timestamp() + 1:
            parts.append("it was changed after that save, by hand or by another program")
    return Recovery(good, saved, "; ".join(parts))
