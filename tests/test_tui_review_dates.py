"""Story: a review is dated with the app's today, not the computer's clock.

The app is told it is 15 June 2031, years from any real run of this test, so an answer
or a review dated by the clock instead would show at once.
"""

from __future__ import annotations

from datetime import date

from test_tui_review_history import session_with
from textual.widgets import OptionList

from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp

FAR = date(2031, 6, 15)


def screen_name(app: CompassApp) -> str:
    return type(app.screen).__name__


async def test_kept_confirmed_and_reviewed_on_the_apps_today(paths: PolicyPaths) -> None:
    session_with(paths, date(2026, 11, 30))  # X's "who can see" decided before its guidance was checked
    app = CompassApp(paths, today=FAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen.query_one("#home-actions", OptionList)
        assert str(home.get_option_at_index(0).prompt).startswith("Review now")
        await pilot.press("enter")  # Review now
        await pilot.pause()
        assert screen_name(app) == "ReviewNowScreen"
        await pilot.press("k")  # keep the changed one as it is
        await pilot.press("a")  # confirm the rest
        await pilot.press("m")  # mark reviewed
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
    policy = store.load(paths).policy
    assert policy.meta.last_reviewed == FAR
    assert policy.answer("x", "visibility", "professional").decided == FAR, "kept: decided on the app's today"
    assert policy.answer("instagram", "blocking", "personal").decided == FAR, "confirmed with the rest"
    assert policy.answer(None, "identity").decided == FAR


async def test_an_answer_changed_from_the_review_is_dated_on_the_apps_today(paths: PolicyPaths) -> None:
    session_with(paths, date(2026, 11, 30))
    app = CompassApp(paths, today=FAR)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter", "enter")  # Review now; open the changed answer
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        await pilot.press("enter")  # her answer, confirmed
        await pilot.pause()
        await pilot.pause()
        assert screen_name(app) == "ReviewNowScreen"
    assert store.load(paths).policy.answer("x", "visibility", "professional").decided == FAR
