"""The questions A's modes round added, pictured at 80×24 and 120×40: two accounts become one; notes never confirmed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from app_states import TODAY, two_accounts_draft
from clinician_compass.policy import store
from clinician_compass.policy.draft import Draft, save_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.tui.messages import EditStep


def two_accounts_app() -> CompassApp:
    """A saved policy with two X accounts, at a fixed place so the picture is the same on every run."""
    root = Path("/tmp/clinician-compass-snapshots/one-account")
    shutil.rmtree(root, ignore_errors=True)
    paths = PolicyPaths(root / "policy.toml")
    store.save(two_accounts_draft(), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


async def _to_one_account(pilot: Pilot) -> None:
    """Change X's accounts from two to "professional only": what goes, before anything goes."""
    await pilot.pause()
    pilot.app.post_message(EditStep("x/account-purpose"))
    await pilot.pause()
    await pilot.press("up", "up", "enter")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_two_accounts_to_one_asks_first(size: tuple[int, int], snap_compare) -> None:
    assert snap_compare(two_accounts_app(), run_before=_to_one_account, terminal_size=size)


def unconfirmed_notes_app() -> CompassApp:
    """A walkthrough at review with a note typed on an answered step and one on a step left for later."""
    root = Path("/tmp/clinician-compass-snapshots/unconfirmed-notes")
    shutil.rmtree(root, ignore_errors=True)
    paths = PolicyPaths(root / "policy.toml")
    notes = {
        "facebook/personal/visibility": "Friends from before I qualified only",
        "facebook/personal/following-patients": "Ask the practice manager",
    }
    save_draft(Draft(two_accounts_draft(), "review", ("x", "facebook"), notes), paths)
    return CompassApp(paths, today=TODAY)


async def _save_with_notes(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_saving_with_unconfirmed_notes_asks_first(size: tuple[int, int], snap_compare) -> None:
    assert snap_compare(unconfirmed_notes_app(), run_before=_save_with_notes, terminal_size=size)
