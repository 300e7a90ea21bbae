"""A clinician with two accounts on X and one on Facebook walks through, names her handles, and meets a conflict."""

from __future__ import annotations

from textual.widgets import DataTable, Input, OptionList

from app_states import TODAY
from clinician_compass.policy.draft import Draft, load_draft, save_draft
from clinician_compass.policy.model import Policy, Profile
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp


def screen_name(app: CompassApp) -> str:
    return type(app.screen).__name__


async def choose(pilot, option_id: str) -> None:
    """Highlight ``option_id`` on the decision screen and press Enter, as she would with the arrows."""
    screen = pilot.app.screen
    ids = [o.id for o in screen.options]
    assert option_id in ids, f"{screen.step.position} offers {ids}, not {option_id}"
    screen.query_one(OptionList).focus()
    for _ in range(ids.index(option_id) - screen.query_one(OptionList).highlighted):
        await pilot.press("down")
    for _ in range(screen.query_one(OptionList).highlighted - ids.index(option_id)):
        await pilot.press("up")
    await pilot.press("enter")
    await pilot.pause()


async def start(pilot, *platform_keys: str) -> None:
    """Welcome → profile → tick platforms with ``platform_keys`` (arrows and space) → the first step."""
    await pilot.press("enter", *"Jane Smith", "ctrl+n")
    await pilot.press(*platform_keys, "enter")
    await pilot.pause()


X_AND_FACEBOOK = ("space", "down", "space")
"""X is first in the platform list and Facebook second."""

PERSONAL_CALM = {
    "visibility": "protected",
    "patient-connects": "decline-explain",
    "following-patients": "never",
    "blocking": "abuse-only",
    "care-by-dm": "redirect",
    "care-in-public": "no-reply",
    "profile-disclaimer": "none",
}
"""Answers for a personal account that make no conflict."""


async def test_two_accounts_on_x_and_one_on_facebook(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, *X_AND_FACEBOOK)
        assert app.screen.step.position == "x/account-purpose"
        await choose(pilot, "separate")

        assert screen_name(app) == "HandlesScreen", "two accounts: both handles asked at once"
        assert [i.id for i in app.screen.query(Input)] == ["handle-professional", "handle-personal"]
        await pilot.press(*"@DrJaneSmithGP", "enter", *"@jane_at_home", "enter")
        await pilot.pause()

        seen: dict[str, list[str]] = {}
        while app.session.position.startswith("x/"):
            screen = app.screen
            assert screen_name(app) == "DecisionScreen"
            header = str(screen.query_one("#progress-text").render())
            seen.setdefault(screen.step.account, []).append(screen.step.decision)
            if screen.step.account == "professional":
                assert header.startswith("X · professional @DrJaneSmithGP")
                calm = "never" if screen.step.decision == "following-patients" else screen.options[0].id
                await choose(pilot, calm)  # following back would clash with never looking patients up
            else:
                assert header.startswith("X · personal @jane_at_home")
                await choose(pilot, PERSONAL_CALM[screen.step.decision])
        assert seen["professional"] == seen["personal"], "each account is asked the same questions once"
        assert "visibility" in seen["professional"] and len(seen["professional"]) == len(
            set(seen["professional"])
        )

        assert app.session.position == "facebook/account-purpose"
        await choose(pilot, "personal")
        assert screen_name(app) == "HandlesScreen"
        assert [i.id for i in app.screen.query(Input)] == ["handle-personal"]
        await pilot.press("enter")  # no handle: fine, she goes on
        await pilot.pause()
        assert app.screen.step.position == "facebook/personal/visibility"
        assert str(app.screen.query_one("#progress-text").render()).startswith("Facebook · personal ·")
        offered = [o.id for o in app.screen.options]
        assert "friends" in offered and "protected" not in offered
        while screen_name(app) == "DecisionScreen" and app.screen.step.platform == "facebook":
            await choose(pilot, {**PERSONAL_CALM, "visibility": "friends"}[app.screen.step.decision])
        while screen_name(app) == "DecisionScreen":
            await choose(pilot, app.screen.options[0].id)

        assert screen_name(app) == "ReviewScreen"
        table = app.screen.query_one(DataTable)
        rows = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "X · professional" in rows and "X · personal" in rows and "Facebook · personal" in rows
        handles = {str(table.get_row_at(i)[1]): str(table.get_row_at(i)[2]) for i in range(table.row_count)}
        assert handles["X · professional"] == "@DrJaneSmithGP"
        assert handles["X · personal"] == "@jane_at_home"
        assert handles["Facebook · personal"] == "no handle given"
        await pilot.press("s")
        await pilot.pause()

    x = app.session.saved.platforms["x"]
    assert x.accounts["professional"].handle == "@DrJaneSmithGP"
    assert x.accounts["personal"].decisions["visibility"].choice == "protected"
    assert x.accounts["professional"].decisions["visibility"].choice == "public"


async def test_a_wrong_x_handle_is_refused_with_the_rule(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "space")
        await choose(pilot, "professional")
        await pilot.press(*"@Dr Jane Smith!")
        await pilot.pause()
        problem = str(app.screen.query_one("#problem-professional").render())
        assert "up to 15 letters, digits or underscores" in problem, "the rule shows as she types"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "HandlesScreen", "a wrong handle does not go on"
        assert "Correct the handle or clear it" in str(app.screen.query_one("#handles-blocked").render())
        await pilot.press("ctrl+u")  # clear the field
        await pilot.press(*"@DrJaneSmithGP", "enter")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
    assert app.session.working.platforms["x"].accounts["professional"].handle == "@DrJaneSmithGP"


async def test_accepting_patients_on_a_personal_account_is_a_conflict_she_can_keep(
    paths: PolicyPaths,
) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot, "down", "space")  # Facebook only
        await choose(pilot, "personal")
        await pilot.press("enter")  # no handle
        await pilot.pause()
        await choose(pilot, "friends")
        await choose(pilot, "accept")

        assert screen_name(app) == "ClashDialog", "the second choice meets the first"
        said = str(app.screen.query_one("#clash-answers").render())
        assert (
            "You chose earlier: What this account is for (Facebook): Personal: family and friends"
            in said.replace("\n", " ")
        )
        assert "A personal account that accepts patients" in str(
            app.screen.query_one("#clash-title").render()
        )
        assert "The BMA (2011)" in str(app.screen.query_one("#clash-leans").render())

        await pilot.press("c")  # change this answer: back to the options, nothing recorded
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen" and app.screen.step.decision == "patient-connects"
        assert app.session.working.answer("facebook", "patient-connects") is None

        await pilot.press("enter")  # Accept again
        await pilot.pause()
        await pilot.press("k")
        await pilot.press("enter")  # an empty note is not enough
        await pilot.pause()
        assert screen_name(app) == "ClashDialog"
        await pilot.press(*"Only old school friends who are now my patients")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen" and app.screen.step.decision != "patient-connects"

    answer = app.session.working.answer("facebook", "patient-connects")
    assert answer.choice == "accept"
    assert answer.keeps == ("personal-account-accepts-patients",)
    assert answer.note == "Only old school friends who are now my patients"
    assert load_draft(paths).policy.answer("facebook", "patient-connects").keeps == answer.keeps


async def test_changing_the_earlier_answer_from_the_conflict_then_carries_on(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await start(pilot, "down", "space")
        await choose(pilot, "personal")
        await pilot.press("enter")
        await pilot.pause()
        await choose(pilot, "friends")
        await choose(pilot, "accept")
        await pilot.press("e")  # keep Accept; change what the account is for
        await pilot.pause()
        assert app.screen.step.position == "facebook/account-purpose"
        await choose(pilot, "professional")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        assert app.screen.step.position == "facebook/professional/following-patients", (
            "she carries on after the answer she was giving"
        )
    assert app.session.working.answer("facebook", "patient-connects").choice == "accept"


async def test_review_lists_open_conflicts_and_undecided_steps_and_jumps_to_them(paths: PolicyPaths) -> None:
    policy = Policy(profile=Profile("Jane Smith", "physician", "UK", "the surgery"))
    policy.set_answer("facebook", "account-purpose", "personal")
    policy.set_answer("facebook", "patient-connects", "accept")
    save_draft(Draft(policy, "review", ("facebook",)), paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # resume
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        table = app.screen.query_one(DataTable)
        first = [str(c) for c in table.get_row_at(1)]
        assert first[0] == "!" and first[1] == "A personal account that accepts patients"
        assert "Facebook · personal" in first[2]
        titles = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "Not decided yet" in titles
        await pilot.press("c")  # the next conflict
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.step.position == "facebook/personal/patient-connects"
        await pilot.press("enter")  # the same Accept: the open conflict is put to her again
        await pilot.pause()
        assert screen_name(app) == "ClashDialog"


async def test_an_old_draft_position_resumes_on_the_only_account(paths: PolicyPaths) -> None:
    policy = Policy(profile=Profile("Jane Smith", "physician", "UK", "the surgery"))
    policy.set_answer("x", "account-purpose", "professional")
    save_draft(Draft(policy, "x/visibility", ("x",)), paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        assert app.screen.step.position == "x/professional/visibility"
        assert str(app.screen.query_one("#progress-text").render()).startswith("X · professional")


async def test_one_answer_that_makes_two_conflicts_asks_about_each_and_keeps_both(paths: PolicyPaths) -> None:
    policy = Policy(profile=Profile("Jane Smith", "physician", "UK", "the surgery"))
    policy.set_answer("facebook", "account-purpose", "personal")
    policy.set_answer("facebook", "visibility", "friends")
    policy.set_answer("facebook", "blocking", "proactive")
    save_draft(Draft(policy, "facebook/personal/patient-connects", ("facebook",)), paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # resume
        await pilot.pause()
        await choose(pilot, "accept")  # on a personal account that blocks patients on sight
        assert screen_name(app) == "ClashDialog"
        first = str(app.screen.query_one("#clash-title").render())
        await pilot.press("k", *"Family friends only", "enter")
        await pilot.pause()
        assert screen_name(app) == "ClashDialog", "the second conflict is put to her too"
        second = str(app.screen.query_one("#clash-title").render())
        await pilot.press("k")
        assert app.screen.query_one("#clash-note", Input).value == "Family friends only", "her words so far"
        await pilot.press(*"; strangers are blocked", "enter")
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
    assert "(1 of 2)" in first and "(2 of 2)" in second and first != second
    answer = app.session.working.answer("facebook", "patient-connects")
    assert set(answer.keeps) == {"personal-account-accepts-patients", "accepts-then-blocks"}
    assert answer.note == "Family friends only; strangers are blocked"


async def test_the_quick_reference_opens_a_decision_on_the_account_still_to_answer(
    paths: PolicyPaths,
) -> None:
    policy = Policy(profile=Profile("Jane Smith", "physician", "UK", "the surgery"))
    policy.set_answer("x", "account-purpose", "separate")
    policy.set_answer("x", "care-by-dm", "redirect", account="professional")
    save_draft(Draft(policy, "x/handles", ("x",)), paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # resume
        await pilot.pause()
        app.goto("x/care-by-dm")  # how the quick reference names a decision
        await pilot.pause()
        assert app.screen.step.position == "x/personal/care-by-dm"


async def test_options_follow_the_platform_and_her_earlier_answers(paths: PolicyPaths) -> None:
    """Bluesky is public or nothing, so it is not asked; a pseudonymous personal account needs one to exist."""
    policy = Policy(profile=Profile("Jane Smith", "physician", "UK", "the surgery"))
    policy.set_answer("bluesky", "account-purpose", "professional")
    save_draft(Draft(policy, "bluesky/handles", ("bluesky",)), paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # resume
        await pilot.pause()
        await pilot.press("enter")  # no handle
        await pilot.pause()
        asked = []
        while app.screen.step.platform == "bluesky":
            asked.append(app.screen.step.decision)
            calm = "never" if asked[-1] == "following-patients" else app.screen.options[0].id
            await choose(pilot, calm)
        assert asked and "visibility" not in asked, "one way to answer is no question"
        while app.screen.step.decision != "identity":
            await choose(pilot, app.screen.options[0].id)
        offered = [o.id for o in app.screen.options]
        assert offered == ["named", "pseudonym-private"], "no pseudonymous personal account without one"
        app.goto("bluesky/account-purpose")  # as from review: two accounts on Bluesky
        await pilot.pause()
        await choose(pilot, "separate")
        assert screen_name(app) == "ClashDialog", "the personal copy of her answers accepts patients"
        await pilot.press("k", *"I will look at it next", "enter")
        await pilot.pause()
        app.goto("global/identity")
        await pilot.pause()
        assert "named-professional-pseudonym-personal" in [o.id for o in app.screen.options]


async def test_rewording_the_note_of_a_kept_conflict_keeps_it_kept(paths: PolicyPaths) -> None:
    policy = Policy(profile=Profile("Jane Smith", "physician", "UK", "the surgery"))
    policy.set_answer("facebook", "account-purpose", "personal")
    policy.set_answer("facebook", "visibility", "friends")
    keeps = ("personal-account-accepts-patients",)
    policy.set_answer("facebook", "patient-connects", "accept", "Old friends only", keeps=keeps)
    save_draft(Draft(policy, "facebook/personal/patient-connects", ("facebook",)), paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # resume
        await pilot.pause()
        await pilot.press("ctrl+e", "end", *", from school")
        await pilot.press("escape")  # back, the note reworded
        await pilot.pause()
        assert app.session.working.answer("facebook", "patient-connects").keeps == keeps
        await pilot.press("enter")  # friends only, as before
        await pilot.pause()
        await pilot.press("enter")  # accept again: already kept, so no dialog
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen" and app.screen.step.decision != "patient-connects"
    answer = app.session.working.answer("facebook", "patient-connects")
    assert answer.keeps == keeps and answer.note == "Old friends only, from school"
