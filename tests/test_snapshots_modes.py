"""The question before two accounts become one, pictured at 80×24 and 120×40."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from app_states import TODAY, two_accounts_draft
from clinician_compass.policy import store
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
