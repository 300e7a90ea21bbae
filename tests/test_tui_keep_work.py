"""No key sets her work aside without asking: start again, discard, Ctrl+S, a window too small."""

from __future__ import annotations

import tomllib

from app_states import TODAY, left_unfinished, sample_policy, to_first_decision, walked_through_again
from clinician_compass.policy import store
from clinician_compass.policy.draft import load_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp


def screen_name(app: CompassApp) -> str:
    return type(app.screen).__name__


def kept_drafts(paths: PolicyPaths) -> list[str]:
    folder = paths.history
    return sorted(p.name for p in folder.glob("policy.draft-*.toml")) if folder.is_dir() else []


async def test_start_again_on_the_welcome_screen_asks_and_keeps_the_old_draft(paths: PolicyPaths) -> None:
    app = left_unfinished(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert screen_name(app) == "ConfirmDialog"
        await pilot.press("enter")  # the default button keeps her answers
        assert screen_name(app) == "WelcomeScreen"
        assert load_draft(paths) is not None and kept_drafts(paths) == []
        await pilot.press("s", "y")
        await pilot.pause()
        assert screen_name(app) == "ProfileScreen"
        assert app.screen.query_one("#name").value == "", "a fresh start, not the old answers"
    assert len(kept_drafts(paths)) == 1
    kept = tomllib.loads((paths.history / kept_drafts(paths)[0]).read_text(encoding="utf-8"))
    assert kept["platforms"]["facebook"]["accounts"]["personal"]["decisions"]["patient-connects"]["choice"] == "accept"
    assert store.history(paths) == [], "a draft is never offered as a version of the policy"


async def test_walk_through_again_over_an_unfinished_walkthrough_asks_first(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    app = left_unfinished(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert screen_name(app) == "ConfirmDialog"
        await pilot.press("escape")
        assert screen_name(app) == "HomeScreen" and load_draft(paths) is not None


async def test_an_abandoned_walkthrough_is_discarded_from_home_after_asking(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    app = left_unfinished(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")  # "Discard your unfinished walkthrough"
        assert screen_name(app) == "ConfirmDialog"
        await pilot.press("y")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
        options = [str(o.prompt) for o in app.screen.query_one("#home-actions").options]
        assert not any("unfinished" in o for o in options)
    assert load_draft(paths) is None and len(kept_drafts(paths)) == 1
    assert store.load(paths).policy.profile == sample_policy().profile, "the saved policy is untouched"


async def test_ctrl_s_on_review_saves_the_policy(paths: PolicyPaths) -> None:
    app = left_unfinished(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running and screen_name(app) == "PolicyScreen"
    assert paths.policy.exists() and load_draft(paths) is None


async def test_ctrl_r_while_the_window_is_too_small_leaves_no_request_behind(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_first_decision(pilot)
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert screen_name(app) == "TooSmallScreen"
        await pilot.press("ctrl+r")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "TooSmallScreen" not in [type(s).__name__ for s in app.screen_stack]
        assert screen_name(app) == "PlatformsScreen", "Escape reached the walkthrough: one step back"


async def test_profile_typing_reaches_the_draft_once_she_pauses(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    app.TYPING_DELAY = 0.05
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"Alex")
        await pilot.pause(0.2)
        draft = load_draft(paths)
        assert draft is not None and draft.policy.profile.display_name == "Alex", "a kill now keeps the name"


async def test_decide_later_leaves_the_decision_open_and_says_how_many_on_save(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_first_decision(pilot)
        first = app.screen.step
        await pilot.press("l")
        await pilot.pause()
        assert app.screen.step != first, "she goes on to the next decision"
        assert app.session.plan.answer(first) is None
    # Enter through the remaining steps, done with the core: what is left open must stay open to the save.
    walked_through_again(paths, change_every_answer=False)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")  # resume, at review
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("s")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("still to make" in m for m in messages), messages
    assert store.load(paths).policy.answer(first.platform, first.decision, first.account) is None
