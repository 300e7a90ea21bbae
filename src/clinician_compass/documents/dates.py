"""Dates as a document shows them, taken from the policy, never from the clock.

Exports must be byte-for-byte repeatable, so nothing here asks for today's
date; callers that need it (the "review due" flag) pass it in.
"""

from __future__ import annotations

import calendar
from datetime import date

from clinician_compass.policy.model import Policy

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names whatever the locale (``calendar.month_name`` follows it): the documents are in English."""


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months; the 31st becomes the month's last day when needed."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def last_review(policy: Policy) -> date:
    """When the policy was last looked over: the last review, or its creation if never reviewed."""
    return policy.meta.last_reviewed or policy.meta.created


def next_review(policy: Policy) -> date:
    """Twelve months after the last review (or creation): the date the policy asks to be read again."""
    return add_months(last_review(policy), 12)


def long_date(day: date, jurisdiction: str = "") -> str:
    """A date in words, unambiguous anywhere: "1 November 2026", or "November 1, 2026" in the US."""
    month = MONTHS[day.month - 1]
    if jurisdiction == "US":
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"
