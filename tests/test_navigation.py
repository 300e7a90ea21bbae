"""Where Advance and Back lead, without Textual: one change asks only its own steps, a jump from
review returns there, a detour to an earlier answer carries on where she was going."""

from __future__ import annotations

import pytest

from app_states import sample_policy, two_accounts_draft
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.draft import load_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.walkthrough.navigation import (
    EditTrip,
    Move,
    Navigator,
    accounts_lost_if,
    added_platforms,
    what_goes,
    where_to,
)
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW, Plan, Step
from clinician_compass.walkthrough.session import Session

CATALOG = load_catalog()


def plan_for(platforms: tuple[str, ...]) -> Plan:
    policy = sample_policy()
    return Plan(CATALOG, platforms, policy)


def test_one_answer_or_the_profile_ends_the_trip_once_confirmed() -> None:
    plan = plan_for(("x", "instagram"))
    assert EditTrip("x/professional/visibility").next_after("x/professional/visibility", plan) is None
    assert EditTrip(PROFILE).next_after(PROFILE, plan) is None
    assert EditTrip("x/handles").next_after("x/handles", plan) is None


def test_an_added_platform_asks_its_own_questions_and_no_others() -> None:
    plan = plan_for(("x", "instagram", "linkedin"))
    trip = EditTrip(PLATFORMS, added=("linkedin",))
    visited, position = [], PLATFORMS
    while (position := trip.next_after(position, plan)) is not None:
        visited.append(position)
    assert visited and all(p.startswith("linkedin/") for p in visited)
    assert visited[0] == "linkedin/account-purpose"
    assert [s.position for s in plan.steps if s.platform == "linkedin"] == visited


def test_platforms_with_nothing_added_end_the_trip() -> None:
    assert EditTrip(PLATFORMS).next_after(PLATFORMS, plan_for(("x",))) is None


def test_added_platforms_keep_her_order() -> None:
    assert added_platforms(("x", "instagram"), ("x", "linkedin", "instagram", "tiktok")) == ("linkedin", "tiktok")


def test_removing_a_platform_says_its_accounts_handles_and_answers() -> None:
    policy = sample_policy()
    plan = Plan(CATALOG, ("x", "instagram"), policy)
    (line,) = what_goes(policy, plan, ("instagram",))
    assert line.startswith("Instagram: accounts: personal @alex.morgan.home")
    answered = sum(1 for s in plan.decision_steps if s.platform == "instagram" and plan.answer(s))
    assert f"{answered} answers" in line


# --- where Advance and Back lead: the rules the app asks, tested without Textual -----------------


@pytest.fixture
def walk(tmp_path) -> Session:
    session = Session(PolicyPaths(tmp_path / "policy.toml"), CATALOG)
    session.begin(("x", "instagram"))
    return session


def decisions(session: Session) -> list[str]:
    return [s.position for s in session.plan.steps if not s.is_handles]


def test_a_walk_goes_step_by_step_and_back_past_the_profile_leaves(walk: Session) -> None:
    nav = Navigator()
    nav.start_walk()
    assert nav.advance("profile", walk) == Move("goto", "platforms")
    assert nav.advance("platforms", walk) == Move("goto", walk.plan.steps[0].position)
    walk.move_to("profile")
    assert nav.back(walk) == Move("leave")


def test_an_answer_changed_from_review_goes_back_to_review_and_so_does_escape(walk: Session) -> None:
    nav = Navigator()
    nav.start_walk()
    one = decisions(walk)[2]
    nav.jump_from_review()
    walk.move_to(one)
    assert nav.advance(one, walk) == Move("goto", REVIEW)
    assert nav.back(walk) == Move("goto", REVIEW)
    assert nav.advance("profile", walk) == Move("goto", "platforms"), "the profile is walked on, not skipped"
    nav.arrived(REVIEW)
    walk.move_to(REVIEW)
    assert nav.back(walk) == Move("goto", walk.plan.steps[-1].position), "at review Escape walks back again"


def test_after_a_conflict_sends_her_to_an_earlier_answer_she_carries_on_where_she_was_going(walk: Session) -> None:
    nav = Navigator()
    nav.start_walk()
    earlier, later = decisions(walk)[1], decisions(walk)[4]
    nav.change_earlier(walk.next_position(later))
    walk.move_to(earlier)
    assert nav.advance(earlier, walk) == Move("goto", walk.next_position(later))
    assert nav.advance(earlier, walk) == Move("goto", walk.next_position(earlier)), "once, not every time"


def test_leaving_the_earlier_answer_with_escape_also_carries_on(walk: Session) -> None:
    nav = Navigator()
    nav.start_walk()
    earlier, later = decisions(walk)[1], decisions(walk)[4]
    nav.change_earlier(walk.next_position(later))
    walk.move_to(earlier)
    assert nav.back(walk) == Move("goto", walk.next_position(later))


def test_a_one_change_trip_ends_once_confirmed_and_goes_back_where_it_was_asked(walk: Session) -> None:
    nav = Navigator()
    one = decisions(walk)[3]
    nav.start_trip(one, "policy")
    walk.move_to(one)
    assert nav.advance(one, walk) == Move("finish")
    assert nav.back(walk) == Move("cancel"), "Escape on the one step leaves it unchanged"
    assert nav.end_trip() == "policy" and nav.trip is None


def test_escape_on_an_added_platforms_question_goes_back_through_its_questions_then_to_platforms(
    walk: Session,
) -> None:
    nav = Navigator()
    nav.start_trip("platforms", "home")
    assert nav.trip is not None
    walk.set_platforms(("x", "instagram", "linkedin"))
    nav.trip.added = ("linkedin",)
    first = nav.advance("platforms", walk)
    assert first.kind == "goto" and first.position.startswith("linkedin/")
    walk.move_to(first.position)
    assert nav.back(walk) == Move("goto", "platforms")
    second = nav.advance(first.position, walk)
    walk.move_to(second.position)
    assert nav.back(walk) == Move("goto", first.position)


def test_two_accounts_becoming_one_says_which_account_goes_with_its_handle() -> None:
    policy = two_accounts_draft()
    plan = Plan(CATALOG, ("x", "facebook"), policy)
    purpose = Step("x", "account-purpose")
    (line,) = accounts_lost_if(policy, plan, purpose, "professional")
    x = CATALOG.platforms["x"].short_name
    assert line.startswith(f"{x}, personal account: handle @AlexAtHome;") and "answers" in line
    (line,) = accounts_lost_if(policy, plan, purpose, "personal")
    assert "professional account: handle @NurseAlexM" in line
    assert accounts_lost_if(policy, plan, purpose, "separate") == []
    assert accounts_lost_if(policy, plan, Step("facebook", "account-purpose"), "professional") == [], "one account"
    assert accounts_lost_if(policy, plan, Step("x", "visibility", "professional"), "public") == []


def test_a_note_typed_but_not_confirmed_is_kept_in_the_draft_and_shown_back(walk: Session) -> None:
    step = walk.plan.steps[2]
    walk.keep_note(step, "Only people I have met")
    walk.autosave()
    assert walk.plan.answer(step) is None, "typing a note answers nothing"
    draft = load_draft(walk.paths)
    assert draft is not None and draft.notes == {step.position: "Only people I have met"}
    again = Session(walk.paths, CATALOG)
    again.resume(draft)
    assert again.note_for(step) == "Only people I have met"
    again.answer(step, again.plan.options(step)[0].id, "Only people I have met")
    assert again.notes == {} and again.note_for(step) == "Only people I have met"


def test_a_decision_named_without_its_account_opens_on_the_first_account_not_answered_there() -> None:
    policy = two_accounts_draft()
    plan = Plan(CATALOG, ("x", "facebook"), policy)
    position, index = where_to(plan, "x/care-in-public")
    assert position == "x/personal/care-in-public" and plan.steps[index].position == position
    assert where_to(plan, "linkedin/professional/visibility") == (REVIEW, None), "a platform she no longer has"
    assert where_to(plan, PROFILE) == (PROFILE, None)
