"""The yearly review, without Textual: one rule for "due", only a review sets the date, what changed since she decided."""

from __future__ import annotations

from datetime import date

import pytest

from app_states import sample_policy
from clinician_compass.documents import summary_text
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.model import Meta, Policy
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.policy.review import next_review, review_due, review_order
from clinician_compass.walkthrough.session import Session


def reviewed_on(day: date) -> Policy:
    return Policy(meta=Meta(created=date(2020, 1, 1), last_reviewed=day))


@pytest.mark.parametrize(
    ("reviewed", "due"),
    [
        (date(2027, 3, 1), date(2028, 3, 1)),  # across a 29 February: twelve months, not 365 days (that gave 02-29)
        (date(2024, 2, 29), date(2025, 2, 28)),  # a leap day: the month's last day, a day early rather than late
        (date(2026, 11, 22), date(2027, 11, 22)),
        (date(2026, 1, 31), date(2027, 1, 31)),
    ],
)
def test_a_policy_is_due_twelve_calendar_months_after_its_last_review(reviewed: date, due: date) -> None:
    policy = reviewed_on(reviewed)
    assert next_review(policy) == due
    assert not review_due(policy, date.fromordinal(due.toordinal() - 1)), "not the day before"
    assert review_due(policy, due) and policy.review_due(due), "due on the day, by the model's rule too"


def test_a_policy_never_reviewed_is_due_a_year_after_it_was_written() -> None:
    policy = Policy(meta=Meta(created=date(2026, 5, 31)))
    assert next_review(policy) == date(2027, 5, 31)


def test_show_and_home_give_the_same_next_review_date_as_the_rule() -> None:
    policy = sample_policy()
    policy.meta.last_reviewed = date(2027, 3, 1)
    text = summary_text(policy, load_catalog(), today=date(2027, 6, 1))
    assert "next review 2028-03-01" in text and "2028-02-29" not in text


def saved_session(paths: PolicyPaths, reviewed: date) -> Session:
    policy = sample_policy()
    policy.meta.last_reviewed = reviewed
    store.save(policy, paths, expected_digest=None)
    session = Session(paths, load_catalog())
    session.open()
    return session


def test_adding_an_answer_and_saving_keeps_the_last_review_date(paths: PolicyPaths) -> None:
    session = saved_session(paths, date(2026, 3, 1))
    session.begin()
    step = next(s for s in session.plan.decision_steps if s.decision == "visibility" and s.platform == "x")
    session.answer(step, "protected")
    session.save(today=date(2026, 11, 30))
    again = store.load(paths)
    assert again is not None and again.policy.meta.last_reviewed == date(2026, 3, 1), "a save is not a review"
    assert again.policy.answer("x", "visibility", "professional").choice == "protected"


def test_the_first_save_of_a_new_policy_counts_as_its_first_review(paths: PolicyPaths) -> None:
    session = Session(paths, load_catalog())
    session.open()
    session.begin(("x",))
    session.save(today=date(2026, 11, 30))
    assert store.load(paths).policy.meta.last_reviewed == date(2026, 11, 30)


def test_mark_reviewed_records_the_day_and_nothing_else(paths: PolicyPaths) -> None:
    session = saved_session(paths, date(2026, 3, 1))
    before = store.load(paths).policy
    session.mark_reviewed(date(2027, 3, 2))
    after = store.load(paths).policy
    assert after.meta.last_reviewed == date(2027, 3, 2)
    assert after.platforms == before.platforms and after.profile == before.profile
    assert not after.review_due(date(2028, 3, 1)) and after.review_due(date(2028, 3, 2))


def every_answer(policy: Policy) -> list[tuple[str | None, str, str | None]]:
    where: list[tuple[str | None, str, str | None]] = []
    for pid, entry in policy.platforms.items():
        where += [(pid, d, None) for d in entry.decisions]
        for key, account in entry.accounts.items():
            where += [(pid, d, key) for d in account.decisions]
    return where + [(None, d, None) for d in policy.global_decisions]


def dated(policy: Policy, day: date) -> Policy:
    for where in every_answer(policy):
        answer = policy.answer(*where)
        assert answer is not None
        answer.decided = day
    return policy


def test_an_answer_made_before_its_guidance_was_checked_is_listed_first_with_what_changed() -> None:
    catalog = load_catalog()
    policy = dated(sample_policy(), date(2026, 11, 30))
    policy.platforms["x"].accounts["professional"].decisions["visibility"].decided = date(2026, 3, 1)
    changed, rest = review_order(policy, catalog, every_answer(policy))
    assert [(c.platform, c.decision) for c in changed] == [("x", "visibility")]
    reasons = " | ".join(changed[0].reasons)
    assert "Who can see your posts: guidance checked 2026-11-22, after you decided on 2026-03-01" in reasons
    assert "X: privacy checked 2026-11-22, after you decided on 2026-03-01" in reasons
    assert ("x", "visibility", "professional") not in rest and len(rest) == len(every_answer(policy)) - 1


def test_answers_made_after_every_check_are_all_in_the_one_list_to_confirm() -> None:
    policy = dated(sample_policy(), date(2026, 12, 1))
    changed, rest = review_order(policy, load_catalog(), every_answer(policy))
    assert changed == [] and len(rest) == len(every_answer(policy))


def test_an_answer_without_a_date_counts_as_made_when_the_policy_was_written() -> None:
    policy = dated(sample_policy(), date(2026, 12, 1))
    policy.global_decisions["identity"].decided = None  # written by an older app
    changed, _ = review_order(policy, load_catalog(), every_answer(policy))
    assert [c.decision for c in changed] == ["identity"]
    assert "after you decided on 2026-03-01" in changed[0].reasons[0]


def test_keeping_an_answer_in_a_review_confirms_it_so_next_year_does_not_ask_again(paths: PolicyPaths) -> None:
    session = saved_session(paths, date(2026, 3, 1))
    policy = session.saved
    assert policy is not None
    step = next(s for s in session.plan.decision_steps if s.decision == "identity")
    session.saved.global_decisions["identity"].decided = date(2026, 3, 1)
    session.confirm_answers([step], date(2026, 12, 1))
    kept = store.load(paths).policy.global_decisions["identity"]
    assert kept.decided == date(2026, 12, 1) and kept.choice == "named"
    changed, _ = review_order(store.load(paths).policy, load_catalog(), [(None, "identity", None)])
    assert changed == []
