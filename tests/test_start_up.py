"""The app starts with Python's cyclic collector paused, to draw its first screen sooner, and turns it
back on once that screen is up: a long session must not keep everything it ever made."""

from __future__ import annotations

import gc

from app_states import TODAY
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.tui.screens.welcome import WelcomeScreen


async def test_the_collector_paused_for_start_up_runs_again_once_the_first_screen_is_up(tmp_path) -> None:
    gc.disable()  # as the program does before it imports the app
    try:
        app = CompassApp(PolicyPaths(tmp_path / "policy.toml"), today=TODAY, collector_paused=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, WelcomeScreen)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()  # the app froze the start-up heap; the test process gives it back


async def test_an_app_started_with_the_collector_on_leaves_it_alone(tmp_path) -> None:
    app = CompassApp(PolicyPaths(tmp_path / "policy.toml"), today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert gc.isenabled() and gc.get_freeze_count() == 0
