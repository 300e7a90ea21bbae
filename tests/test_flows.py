"""Flows a clinician takes through the app in an order nobody planned for: nothing typed is ever lost."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.widgets import OptionList

from app_states import TODAY, sample_policy, to_first_decision, walked_through_again
from clinician_compass.policy import store
from clinician_compass.policy.draft import Draft, load_draft, save_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp


def name(app):
    return type(app.screen).__name__


def answers(policy):
    """Every answer given on a platform: its own (what the accounts are for) and each account's."""
    return {
        (p, key, d): a.choice
        for p, e in policy.platforms.items()
        for key, given in ((None, e.decisions), *((k, a.decisions) for k, a in e.accounts.items()))
        for d, a in given.items()
    }


STEPPING = ("DecisionScreen", "HandlesScreen")
"""The screens a step of the walkthrough is shown on."""


async def test_escape_back_to_welcome_then_resume_keeps_every_answer(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_decision(pilot)
        await pilot.press("enter", "enter", "enter")  # two answers, and the handle left empty
        await pilot.pause()
        before = answers(app.session.working)
        assert len(before) == 2
        for _ in range(6):  # decision 3 -> 2 -> handles -> 1 -> platforms -> profile -> welcome
            await pilot.press("escape")
            await pilot.pause()
        assert name(app) == "WelcomeScreen"
        assert len(answers(load_draft(paths).policy)) == 2
        await pilot.press("r")  # "Resume where I left off"
        await pilot.pause()
        draft = load_draft(paths)
        assert app.session.working.profile.display_name == "Alex Morgan", "the name typed is lost"
        assert len(answers(app.session.working)) == 2, "the answers are lost"
        assert len(answers(draft.policy)) == 2, "and the draft on disk was overwritten"


def walked_to_review(paths: PolicyPaths, *, change_every_answer: bool = False) -> CompassApp:
    """Her saved policy and a walkthrough of it done up to review, unsaved: the app over both."""
    store.save(sample_policy(), paths, expected_digest=None)
    walked_through_again(paths, change_every_answer=change_every_answer)
    return CompassApp(paths, today=TODAY)


async def _resume_at_review(pilot):
    """Home → "Resume" → review, where the walkthrough was left."""
    await pilot.press("enter")
    await pilot.pause()
    assert name(pilot.app) == "ReviewScreen"


async def test_after_changing_one_answer_from_review_escape_walks_back_through_the_steps(paths) -> None:
    app = walked_to_review(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _resume_at_review(pilot)
        assert name(app) == "ReviewScreen"
        await pilot.press("enter")  # first row: change it
        await pilot.pause()
        assert name(app) == "DecisionScreen"
        await pilot.press("enter")  # keep the answer; back to review
        await pilot.pause()
        assert name(app) == "ReviewScreen"
        await pilot.press("escape")  # the last decision
        await pilot.pause()
        last = app.session.position
        assert name(app) == "DecisionScreen"
        await pilot.press("escape")  # should be the decision before the last
        await pilot.pause()
        assert name(app) == "DecisionScreen" and app.session.position != last


async def test_the_quick_reference_asked_for_right_after_enter_stays_open(paths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)
        first = app.session.position
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("ctrl+r", None))
        await pilot.pause()
        await pilot.pause()
        assert name(app) == "ReferenceScreen", "the reference the clinician asked for is shown"
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "DecisionScreen" and app.current_mode == "walkthrough", "back in the walkthrough"
        step = app.screen.step
        answered = app.session.working.answer(step.platform, step.decision, step.account)
        assert step.position != first or answered is None, "the step shown is the one she is on"


async def test_ctrl_t_from_the_reference_over_help_shows_the_decision_and_no_stale_screen(paths) -> None:
    policy = sample_policy()
    del policy.global_decisions["online-reviews"]
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "ctrl+n", "enter")
        await pilot.pause()
        assert name(app) == "DecisionScreen"
        depth = len(app.screen_stack)
        await pilot.press("f1")
        await pilot.press("ctrl+r", *"one star review")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert len(app.screen_stack) == depth


async def test_after_reloading_on_a_conflict_home_offers_to_resume(paths) -> None:
    app = walked_to_review(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _resume_at_review(pilot)
        # another copy (a second window, sync) saves meanwhile
        other = sample_policy()
        other.profile.display_name = "Someone else"
        loaded = store.load(paths)
        store.save(other, paths, expected_digest=loaded.digest)
        await pilot.press("s")
        await pilot.pause()
        assert name(app) == "ConflictDialog"
        await pilot.click("#reload")
        await pilot.pause()
        assert name(app) == "HomeScreen"
        assert load_draft(paths) is not None, "the walkthrough is in the draft, as the toast says"
        ids = [
            app.screen.query_one(OptionList).get_option_at_index(i).id
            for i in range(app.screen.query_one(OptionList).option_count)
        ]
        assert "resume" in ids, "home offers to resume the walkthrough the toast says is kept"


async def test_leaving_a_walkthrough_for_home_offers_to_resume_it(paths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w", "ctrl+n", "enter")
        await pilot.press("down", "enter")  # change x/account-purpose
        await pilot.pause()
        for _ in range(4):
            await pilot.press("escape")
            await pilot.pause()
        assert name(app) == "HomeScreen"
        assert load_draft(paths) is not None
        ids = [
            app.screen.query_one(OptionList).get_option_at_index(i).id
            for i in range(app.screen.query_one(OptionList).option_count)
        ]
        assert "resume" in ids


async def test_a_damaged_file_keeps_the_quick_reference_closed(paths) -> None:
    paths.policy.parent.mkdir(parents=True)
    paths.policy.write_text("this is = = not toml")
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert name(app) == "DamagedFileScreen"
        await pilot.press("ctrl+r", *"one star review")
        await pilot.pause()
        await pilot.press("down")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert name(app) != "DecisionScreen"


async def test_add_or_remove_a_platform_from_home_keeps_an_unfinished_walkthrough(paths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    work = sample_policy()
    work.set_answer("x", "visibility", "protected", "changed my mind")
    save_draft(Draft(work, "x/visibility", ("x", "instagram")), paths)  # after a crash
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        ol = app.screen.query_one(OptionList)
        ids = [ol.get_option_at_index(i).id for i in range(ol.option_count)]
        assert ids[0] == "resume"
        ol.highlighted = ids.index("add-platform")
        await pilot.press("enter")
        await pilot.pause()
        assert name(app) == "PlatformsScreen"
    d = load_draft(paths)
    assert d.policy.answer("x", "visibility").choice == "protected"


async def test_escape_from_review_reaches_the_profile_after_a_jump(paths) -> None:
    app = walked_to_review(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _resume_at_review(pilot)
        await pilot.press("enter", "enter")  # jump to row 1, keep it, back to review
        await pilot.pause()
        seen = []
        for _ in range(30):  # one step back each: more than the walkthrough has
            await pilot.press("escape")
            await pilot.pause()
            seen.append(name(app))
            if seen[-1] in ("HomeScreen", "PlatformsScreen"):
                break
        assert "HomeScreen" in seen or "PlatformsScreen" in seen


async def test_quitting_after_a_save_leaves_no_draft(paths) -> None:
    app = walked_to_review(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _resume_at_review(pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "HomeScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not paths.draft.exists()


async def test_quitting_from_home_after_a_reload_keeps_the_draft(paths) -> None:
    app = walked_to_review(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await _resume_at_review(pilot)
        before = paths.draft.read_text()
        loaded = store.load(paths)
        other = sample_policy()
        other.profile.display_name = "Other"
        store.save(other, paths, expected_digest=loaded.digest)
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#reload")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert paths.draft.read_text() == before


@pytest.mark.parametrize("second", [("ctrl+r", None), ("f1", None)])
@pytest.mark.parametrize("turns", [0, 5])
async def test_help_or_the_reference_asked_for_right_after_enter_opens_over_the_next_decision(
    paths, turns, second
) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)
        await pilot.press("enter", "enter")  # past the account purpose and the handle
        await pilot.pause()
        app.post_message(events.Key("enter", "\r"))
        for _ in range(turns):
            await asyncio.sleep(0)
        app.post_message(events.Key(*second))
        await pilot.pause()
        await pilot.pause()
        over = name(app)
        assert over in ("HelpScreen", "ReferenceScreen"), "what she asked for is shown"
        answered = app.session.position
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "DecisionScreen", "closing it shows the next decision, once"
        assert app.session.position == answered
        await pilot.press("escape")  # Back: the decision before, not a second copy of this one
        await pilot.pause()
        assert name(app) in STEPPING and app.session.position != answered


@pytest.mark.parametrize("turns", [0, 2])
async def test_pressing_s_twice_saves_once(paths, turns) -> None:
    app = walked_to_review(paths)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _resume_at_review(pilot)
        app.post_message(events.Key("s", "s"))
        for _ in range(turns):
            await asyncio.sleep(0)
        app.post_message(events.Key("s", "s"))
        await pilot.pause()
        await pilot.pause()
        saves = [n for n in app._notifications if n.title == "Policy saved"]
        assert len(saves) == 1


@pytest.mark.parametrize("double", [True])
@pytest.mark.parametrize("turns", [0])
async def test_pressing_s_twice_still_asks_about_the_short_form(paths, turns, double) -> None:
    app = walked_to_review(paths, change_every_answer=True)  # her own short form, new decisions
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await _resume_at_review(pilot)
        app.post_message(events.Key("s", "s"))
        if double:
            for _ in range(turns):
                await asyncio.sleep(0)
            app.post_message(events.Key("s", "s"))
        await pilot.pause()
        await pilot.pause()
        stack = [type(s).__name__ for s in app.screen_stack]
        assert "ShortFormChoiceDialog" in stack


async def test_save_and_quit_on_the_profile_keeps_the_typed_name(paths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *"Alex Morgan")
        await pilot.pause()
        assert name(app) == "ProfileScreen"
        await pilot.press("ctrl+s")  # the footer's "Save & quit"
        await pilot.pause()
    draft = load_draft(paths)
    assert draft.policy.profile.display_name == "Alex Morgan"


async def test_ctrl_t_from_the_reference_over_the_profile_keeps_the_typed_name(paths) -> None:
    policy = sample_policy()
    del policy.global_decisions["online-reviews"]
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert name(app) == "ProfileScreen"
        await pilot.press("ctrl+a", "ctrl+k", *"Dr Alex Morgan")  # she corrects her name
        await pilot.press("ctrl+r", *"one star review")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert name(app) == "DecisionScreen"
        assert app.session.working.profile.display_name == "Dr Alex Morgan"


async def test_closing_the_reference_over_a_decision_leaves_enter_answering(paths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)
        first = app.session.position
        await pilot.press("ctrl+r", *"dm")
        await pilot.press("escape")
        await pilot.pause()
        assert name(app) == "DecisionScreen"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session.position != first
