"""Her note is kept as she types it; two accounts become one only after she says yes; each mode keeps its own screens."""

from __future__ import annotations

from textual.widgets import Input, Static

from app_states import TODAY, left_unfinished, two_accounts_draft
from clinician_compass.policy import store
from clinician_compass.policy.draft import load_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.tui.messages import EditStep
from clinician_compass.walkthrough.plan import REVIEW

UNDECIDED = "facebook/personal/following-patients"
NOTE = "Only if we knew each other before"


def screen_name(app: CompassApp) -> str:
    return type(app.screen).__name__


async def test_a_note_typed_but_not_confirmed_survives_ctrl_q_and_is_there_on_resume(paths: PolicyPaths) -> None:
    app = left_unfinished(paths, UNDECIDED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")  # the welcome: resume
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen" and app.session.position == UNDECIDED
        await pilot.press("ctrl+e", *NOTE)
        await pilot.press("ctrl+q")  # at once, before typing has paused
        await pilot.pause()
    draft = load_draft(paths)
    assert draft is not None and draft.notes == {UNDECIDED: NOTE}
    assert draft.policy.answer("facebook", "following-patients", "personal") is None, "nothing answered for her"

    again = CompassApp(paths, today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert again.screen.query_one("#note", Input).value == NOTE


async def test_a_note_is_on_disk_once_typing_pauses_so_a_kill_keeps_it(paths: PolicyPaths) -> None:
    app = left_unfinished(paths, UNDECIDED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+e", *NOTE)
        await pilot.pause(CompassApp.TYPING_DELAY + 0.3)
        draft = load_draft(paths)  # read while the app still runs: what a kill now would leave
        assert draft is not None and draft.notes.get(UNDECIDED) == NOTE


async def test_two_accounts_become_one_only_after_she_says_yes_to_what_goes(paths: PolicyPaths) -> None:
    store.save(two_accounts_draft(), paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.post_message(EditStep("x/account-purpose"))  # what home's "Change · X · …" sends
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        await pilot.press("up", "up", "enter")  # from "separate accounts" up to "professional only"
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog"
        said = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "personal account: handle @AlexAtHome" in said
        await pilot.press("n")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        assert list(app.session.working.platforms["x"].accounts) == ["professional", "personal"]
        loaded = store.load(paths)
        assert loaded and list(loaded.policy.platforms["x"].accounts) == ["professional", "personal"]

        await pilot.press("enter", "y")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
    loaded = store.load(paths)
    assert loaded and list(loaded.policy.platforms["x"].accounts) == ["professional"]
    assert loaded.policy.platforms["x"].accounts["professional"].handle == "@NurseAlexM"


async def test_the_quick_reference_has_its_own_place_and_escape_returns_to_help_over_her_decision(
    paths: PolicyPaths,
) -> None:
    app = left_unfinished(paths, UNDECIDED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("f1", "ctrl+r")
        await pilot.pause()
        assert screen_name(app) == "ReferenceScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "HelpScreen", "help was open over her decision: it still is"
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen" and app.session.position == UNDECIDED


async def test_a_note_is_on_disk_before_ctrl_z_suspends_the_app(paths: PolicyPaths) -> None:
    app = left_unfinished(paths, UNDECIDED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+e", *NOTE)
        await pilot.pause()  # well within the typing delay: nothing written yet
        assert load_draft(paths).notes == {}
        app.app_suspend_signal.publish(app)  # what Textual sends as Ctrl+Z suspends the process
        draft = load_draft(paths)
        assert draft is not None and draft.notes.get(UNDECIDED) == NOTE


async def test_saving_with_notes_she_never_confirmed_asks_first_and_not_yet_keeps_them(paths: PolicyPaths) -> None:
    answered, kept = "facebook/personal/visibility", "Friends from before I qualified only"
    notes = {answered: kept, UNDECIDED: NOTE}
    app = left_unfinished(paths, REVIEW, notes)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog"
        said = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert kept in said and "not decided yet, so this note cannot be kept" in said
        await pilot.press("n")  # not yet: back to review, nothing saved, the notes still hers
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        assert store.load(paths) is None and app.session.notes == notes

        await pilot.press("ctrl+s", "y")
        await pilot.pause()
    loaded = store.load(paths)
    assert loaded is not None
    visibility = loaded.policy.answer("facebook", "visibility", "personal")
    assert visibility is not None and (visibility.choice, visibility.note) == ("friends", kept)
    assert loaded.policy.answer("facebook", "following-patients", "personal") is None
