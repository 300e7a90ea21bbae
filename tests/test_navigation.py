"""Where an edit trip goes next, without Textual: one change asks only its own steps."""

from __future__ import annotations

from app_states import sample_policy
from clinician_compass.guidance import load_catalog
from clinician_compass.walkthrough.navigation import EditTrip, added_platforms, what_goes
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, Plan

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
