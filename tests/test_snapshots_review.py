"""Review now, history, the damaged-file screen and the short-form editor, pictured at 80×24 and 120×40.

Most are pushed on a tiny host app over a policy folder at a fixed place with fixed dates, so the
pictures do not change with the calendar or the run; the review states (tests/review_states.py) are
the whole app reached with her keys, as scripts/screenshots.py pictures them.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from review_states import REVIEW_STATES
from textual.app import App
from textual.screen import Screen

from app_states import AppState, sample_policy
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.screens.damaged import DamagedFileScreen
from clinician_compass.tui.screens.dialogs import EditShortFormDialog
from clinician_compass.tui.screens.history import HistoryScreen
from clinician_compass.tui.screens.review_now import ReviewNowScreen
from clinician_compass.walkthrough.session import Session

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
STAMPS = ["20260301T090000000000Z", "20261130T140200000000Z", "20261201T101500000000Z"]


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Saved times are shown in local time: pin it, so the pictures are the same in any time zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Host(App[None]):
    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


def folder(name: str) -> PolicyPaths:
    """A fixed place, so the path a screen shows is the same on every run."""
    root = Path("/tmp/clinician-compass-snapshots") / name
    shutil.rmtree(root, ignore_errors=True)
    return PolicyPaths(root / "policy.toml")


def with_history(paths: PolicyPaths) -> Session:
    """Three saves (written; X protected; marked reviewed), renamed to fixed times."""
    policy = sample_policy()
    for where in (policy.platforms["x"].accounts["professional"], policy.platforms["instagram"].accounts["personal"]):
        for answer in where.decisions.values():
            answer.decided = date(2026, 11, 30)
    for answer in policy.global_decisions.values():
        answer.decided = date(2026, 11, 30)
    policy.platforms["x"].accounts["professional"].decisions["visibility"].decided = date(2026, 3, 1)
    store.save(policy, paths, expected_digest=None)
    session = Session(paths, load_catalog())
    session.open()
    session.begin()
    step = next(s for s in session.plan.decision_steps if s.platform == "instagram" and s.decision == "blocking")
    session.answer(step, "proactive")
    session.save()
    session.mark_reviewed(date(2026, 12, 1))
    for kept, stamp in zip(sorted(store.history(paths)), STAMPS, strict=True):
        kept.rename(kept.with_name(f"policy-{stamp}.toml"))
    return session


@SIZES
def test_review_now(size: tuple[int, int], snap_compare) -> None:
    session = with_history(folder("review-now"))
    assert snap_compare(Host(ReviewNowScreen(session, today=date(2027, 12, 2))), terminal_size=size)


@SIZES
def test_history(size: tuple[int, int], snap_compare) -> None:
    session = with_history(folder("history"))
    assert snap_compare(Host(HistoryScreen(session)), terminal_size=size)


@SIZES
def test_damaged_file_offers_the_last_save(size: tuple[int, int], snap_compare) -> None:
    paths = folder("damaged")
    with_history(paths)
    paths.policy.write_bytes(paths.policy.read_bytes().replace(b"[profile]", b"[profile", 1))
    os.utime(paths.policy, (1764600000, 1764600000))  # 2025-12-01 14:40 UTC: before the saves, so no "changed after"
    with pytest.raises(PolicyFileError) as raised:
        store.load(paths)
    assert snap_compare(Host(DamagedFileScreen(raised.value)), terminal_size=size)


@SIZES
def test_short_form_editor_is_centred(size: tuple[int, int], snap_compare) -> None:
    dialog = EditShortFormDialog("Keep it kind, Don't Pry / Redirect DMs", "Kind, private, redirect")
    assert snap_compare(Host(dialog), terminal_size=size)


NOT_PICTURED_ABOVE = [s for s in REVIEW_STATES if s.name in ("review-undecided", "restore-version")]
"""Review now and history have their pictures above; these two only here."""


@SIZES
@pytest.mark.parametrize("state", NOT_PICTURED_ABOVE, ids=[s.name for s in NOT_PICTURED_ABOVE])
def test_reached_with_her_keys(state: AppState, size: tuple[int, int], snap_compare, tmp_path: Path) -> None:
    """The review with answers left for later (U on the second), and the restore question over history."""
    assert snap_compare(state.build(tmp_path), run_before=state.keys, terminal_size=size)
