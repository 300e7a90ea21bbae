"""Between patients, a message arrives: the clinician finds what they decided in one keystroke."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from app_states import TODAY, sample_policy
from clinician_compass.policy import store
from clinician_compass.policy.draft import load_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from test_walkthrough import screen_name


def saved_app(paths: PolicyPaths) -> CompassApp:
    store.save(sample_policy(), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


def detail_text(app: CompassApp) -> str:
    return str(app.screen.query_one("#reference-text").render())


def results(app: CompassApp) -> list[str]:
    options = app.screen.query_one("#results", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_dm_rash_shows_the_photo_situation_with_the_clinicians_answer_and_a_reply(
    paths: PolicyPaths,
) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"dm rash")
        await pilot.pause()
        assert screen_name(app) == "ReferenceScreen"
        assert results(app)[0] == "A patient sent me a photo of their rash"
        shown = detail_text(app)
        assert "Your policy says" in shown
        assert "X · professional @NurseAlexM" in shown, "each account named, with its purpose and handle"
        assert "Instagram · personal @alex.morgan.home" in shown
        assert "Care questions by DM: One standard reply" in shown, "her own answer, per account"
        assert "What the guidance says" in shown and "Sources:" in shown
        assert "How X (formerly Twitter) works" in shown and "checked 20" in shown

        await pilot.press("ctrl+y")
        assert "020 7946 0000" in app.clipboard, "the reply is filled with her practice contact"


async def test_her_own_note_is_shown_under_her_answer(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"patient sent me a friend request")
        await pilot.pause()
        assert "Unless we were friends before I cared for them." in detail_text(app)


async def test_naming_a_platform_in_the_query_narrows_the_answer_to_it(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"instagram friend request")
        await pilot.pause()
        shown = detail_text(app)
        assert "Instagram · personal @alex.morgan.home" in shown
        assert "A patient wants to connect: Decline, with a short explanation" in shown
        assert "@NurseAlexM" not in shown, "her X account is not shown when she asked about Instagram"


async def test_each_account_shows_the_reply_her_choice_there_calls_for_and_ctrl_y_copies_the_highlighted_one(
    paths: PolicyPaths,
) -> None:
    app = saved_app(paths)  # X professional accepts patients; Instagram personal declines them
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"patient sent me a friend request")
        await pilot.pause()
        shown = detail_text(app)
        x_part, instagram_part = shown.split("Instagram · personal @alex.morgan.home", 1)
        assert "X · professional @NurseAlexM" in x_part
        assert "Accept, or let the follow stand" in x_part and "welcome" in x_part.lower()
        assert "private account" in instagram_part, "the decline names the account as private"
        assert "welcome here" not in instagram_part, "no welcome where she decided to decline"

        await pilot.press("ctrl+y")
        assert "welcome" in app.clipboard.lower(), "the first account, X, is highlighted"
        await pilot.press("ctrl+o", "ctrl+y")
        assert "private account" in app.clipboard and "welcome here" not in app.clipboard
        assert "▸ Instagram · personal @alex.morgan.home" in detail_text(app)


async def test_an_account_where_she_decided_not_to_reply_says_so_and_copies_nothing(paths: PolicyPaths) -> None:
    from clinician_compass.documents.scripts import NO_REPLY

    policy = sample_policy()
    policy.set_answer("instagram", "patient-connects", "ignore")
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"patient sent me a friend request")
        await pilot.pause()
        instagram_part = detail_text(app).split("Instagram · personal @alex.morgan.home", 1)[1]
        assert NO_REPLY in instagram_part.split("What the guidance says")[0]
        await pilot.press("ctrl+y")
        copied = app.clipboard
        await pilot.press("ctrl+o", "ctrl+y")
        assert app.clipboard == copied, "nothing is copied for an account she does not reply from"


async def test_the_reference_opens_mid_walkthrough_and_escape_returns_to_the_same_decision(
    paths: PolicyPaths,
) -> None:
    from app_states import to_first_decision

    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_decision(pilot)
        step = app.screen.step
        await pilot.press("ctrl+r")
        assert screen_name(app) == "ReferenceScreen"
        await pilot.press(*"block", "escape")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen" and app.screen.step == step


async def test_an_undecided_situation_says_so_and_ctrl_t_opens_that_decision(paths: PolicyPaths) -> None:
    policy = sample_policy()
    del policy.global_decisions["online-reviews"]
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"one star review")
        await pilot.pause()
        assert "not decided yet" in detail_text(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        assert app.screen.step.decision == "online-reviews"


async def test_nothing_matched_says_what_to_try_instead(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"qwxz")
        await pilot.pause()
        shown = detail_text(app)
        assert "Nothing matched" in shown and "friend request" in shown
        assert results(app) == []


async def test_results_follow_every_keystroke(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"tagged")
        await pilot.pause()
        first = results(app)[0]
        app.screen.query_one("#query", Input).value = ""
        await pilot.press(*"google a patient")
        await pilot.pause()
        assert results(app)[0] != first


async def test_the_command_palette_finds_a_situation_from_any_screen_and_opens_it(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        assert screen_name(app) == "HomeScreen"
        await pilot.press("ctrl+p", *"friend request")
        await pilot.pause(0.5)  # the palette searches in a worker
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "ReferenceScreen"
        assert "friend request" in results(app)[0].lower()
        assert "Your policy says" in detail_text(app)


async def test_the_command_palette_finds_a_platform_and_shows_how_it_works(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p", *"bluesky")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "ReferenceScreen"
        assert app.screen.platform == "bluesky"


async def test_ctrl_t_on_a_platform_she_has_not_chosen_adds_it_and_opens_that_decision(
    paths: PolicyPaths,
) -> None:
    app = saved_app(paths)  # X and Instagram only
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+r", *"fb friend request")
        await pilot.pause()
        shown = " ".join(detail_text(app).split())
        assert "Facebook A patient wants to connect: not one of your platforms yet" in shown
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        assert (app.screen.step.platform, app.screen.step.decision) == ("facebook", "patient-connects")
        assert app.session.platforms == ("x", "instagram", "facebook"), "her own platforms are kept"


async def test_ctrl_t_mid_walkthrough_opens_the_decision_without_losing_a_single_answer(
    paths: PolicyPaths,
) -> None:
    from app_states import to_first_decision

    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)
        for _ in range(4):  # three answers, and the handles step passed on the way
            await pilot.press("down", "enter")
            await pilot.pause()
        await pilot.press("ctrl+r", *"one star review")
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        assert app.screen.step.decision == "online-reviews"
        working = app.session.working
        assert working.profile.display_name == "Alex Morgan"
        assert app.session.platforms == ("x", "instagram")
        x = working.platforms["x"]
        given = len(x.decisions) + sum(len(a.decisions) for a in x.accounts.values())
        assert given == 3, "the three answers given so far are kept"
    draft = load_draft(paths)
    assert draft is not None and draft.policy.profile.display_name == "Alex Morgan"
