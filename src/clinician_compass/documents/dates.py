"""Dates as a document shows them, taken from the policy, never from the clock.

Exports must be byte-for-byte repeatable, so nothing here asks for today's
date; callers that need it (the "review due" flag) pass it in.
"""

from __future__ import annotations

from datetime import date

from clinician_compass.policy.review import add_months, last_review, next_review

__all__ = ["add_months", "last_review", "long_date", "next_review"]

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
"""English month names whatever the locale (``calendar.month_name`` follows it): the documents are in English."""


def long_date(day: date, jurisdiction: str = "") -> str:
    """A date in words, unambiguous anywhere: "1 November 2026", or "November 1, 2026" in the US."""
    month = MONTHS[day.month - 1]
    if jurisdiction == "US":
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"
