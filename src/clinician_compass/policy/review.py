"""The yearly review: when it is due, and which answers the guidance has moved on from.

One definition of "due" for every face (home, ``show``, the documents, plain
mode): twelve calendar months after the last review, or after the policy was
first written if it was never reviewed. A review on 29 February is next due on
28 February (the month's last day), never on 1 March: the clinician is asked a
day early rather than a day late.

"Changed since you decided": each answer carries the day it was made
(``Answer.decided``); a decision's guidance (``Decision.reviewed``) or a
platform fact that bears on it (``Fact.checked``) dated after that day means
the advice she decided on may have moved, so the review asks about it first.
"""

from __future__ import annotations

from datetime import date

from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import Answer, Policy
from clinician_compass.record import record

REVIEW_MONTHS = 12
"""A policy is due for review twelve calendar months after it was last reviewed."""


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months; the 31st (or 29 February) becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    last = 29 if month == 1 and leap else _MONTH_DAYS[month]
    return date(year, month + 1, min(day.day, last))


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""Days in each month of a common year: ``calendar.monthrange`` without importing ``calendar`` on
every command's start."""


def last_review(policy: Policy) -> date:
    """When the policy was last looked over: the last review, or its creation if never reviewed."""
    return policy.meta.last_reviewed or policy.meta.created


def next_review(policy: Policy) -> date:
    """The day the policy asks to be read again: twelve calendar months after the last review."""
    return add_months(last_review(policy), REVIEW_MONTHS)


def review_due(policy: Policy, today: date | None = None) -> bool:
    """Whether the next review date has come."""
    return (today or date.today()) >= next_review(policy)


@record(frozen=True)
class Changed:
    """One answer whose guidance or platform facts were checked after she made it."""

    platform: str | None
    account: str | None
    decision: str
    decided: date | None
    reasons: tuple[str, ...]
    """What changed, in words: "X: DM settings checked 2026-11-28, after you decided on 2026-03-01"."""


def changes_since_decided(
    policy: Policy, catalog: Catalog, where: list[tuple[str | None, str, str | None]]
) -> list[Changed]:
    """The answers in ``where`` (platform, decision, account) whose guidance moved since she decided.

    An answer without a date (written by an older app) counts as decided when
    the policy was created: the review then asks about anything checked since.
    """
    found: list[Changed] = []
    for platform_id, decision_id, account in where:
        answer = policy.answer(platform_id, decision_id, account)
        decision = catalog.decisions.get(decision_id)
        if answer is None or decision is None:
            continue
        reasons = _reasons(policy, catalog, answer, platform_id, decision_id)
        if reasons:
            found.append(Changed(platform_id, account, decision_id, answer.decided, tuple(reasons)))
    return found


def _reasons(policy: Policy, catalog: Catalog, answer: Answer, platform_id: str | None, decision_id: str) -> list[str]:
    decision = catalog.decisions[decision_id]
    decided = answer.decided or policy.meta.created
    reasons: list[str] = []
    if decision.reviewed > decided:
        reasons.append(
            f"{decision.title}: guidance checked {decision.reviewed.isoformat()}, after you decided on {decided.isoformat()}"
        )
    platform = catalog.platforms.get(platform_id) if platform_id else None
    if platform is not None:
        topics = decision.facts or tuple(platform.facts)
        for topic in topics:
            fact = platform.facts.get(topic)
            if fact is not None and fact.checked > decided:
                reasons.append(
                    f"{platform.short_name}: {topic.replace('-', ' ')} checked {fact.checked.isoformat()}, "
                    f"after you decided on {decided.isoformat()}: {_first_sentence(fact.text)}"
                )
    return reasons


Where = tuple[str | None, str, str | None]
"""One answer's place: (platform id or None for a global decision, decision id, account key or None)."""


def review_order(policy: Policy, catalog: Catalog, where: list[Where]) -> tuple[list[Changed], list[Where]]:
    """What a review walks: the answers whose guidance changed since she decided, then the rest.

    Only answered decisions are listed; undecided ones are home's and the walkthrough's to ask.
    """
    changed = changes_since_decided(policy, catalog, where)
    moved = {(c.platform, c.decision, c.account) for c in changed}
    rest = [w for w in where if w not in moved and policy.answer(*w) is not None]
    return changed, rest


def _first_sentence(text: str) -> str:
    """What the fact says now, in one sentence: the review lists it, the decision screen has the rest."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]
