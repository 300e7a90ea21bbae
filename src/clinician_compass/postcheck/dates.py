"""Dates and times: "12/03/2025", "March 3rd", "today", "last night", "Boxing Day", "at 3am".

Every part of a date but the year is a HIPAA Safe Harbor identifier, and a
day plus a place is how colleagues and families recognise "their" case. A post
about no patient may hold as many dates as it likes: the risk only counts them
when the post is about a patient.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import DIGITS, Finding, lazy, spans
from clinician_compass.postcheck.keyed import Keyed, Words

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_HOLIDAYS = (
    "christmas",
    "xmas",
    "boxing",
    "new year",
    "hogmanay",
    "easter",
    "good friday",
    "bonfire",
    "fawkes",
    "hallowe",
    "thanksgiving",
    "july",
    "independence",
    "memorial",
    "labo",
    "australia day",
    "anzac",
    "canada day",
    "victoria day",
    "remembrance",
    "valentine",
    "mother",
    "father",
    "bank holiday",
    "diwali",
    "eid",
    "hanukkah",
    "chanukah",
    "patrick",
    "melbourne cup",
    "super bowl",
    "black friday",
    "pancake",
    "burns night",
    "waitangi",
)
_NUMERIC = lazy(
    r"(?<![\d/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\d/.-]?\d)"
)
_YEAR = r"(?:,?[ \t]+\d{4}\b(?![-/.]\d))?"
_DAY_MONTH = lazy(rf"\b{_ORDINAL}[ \t]+(?:of[ \t]+)?{_MONTH}(?![a-z]){_YEAR}")
_MONTH_DAY = lazy(rf"\b{_MONTH}[ \t]+{_ORDINAL}\b{_YEAR}")
_MONTH_ALONE = lazy(
    r"\b(?:(?:in|last|this|next|early|late|mid|since|until|over|for|of|during|by|before|after)[ \t-]+)?"
    r"(?:January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|\b(?:in|last|this|next|early|late|mid|since|until|for|during|by|before|after)[ \t-]+May\b"
)
_RELATIVE = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|this[ \t]+(?:morning|afternoon|evening|week|weekend)"
    r"|(?:last|next|this)[ \t]+(?:week|weekend|month)|last[ \t]+night(?![ \t]+shift)|last[ \t]+shift|this[ \t]+am\b|this[ \t]+pm\b|(?:busy|quiet|long|rough|mad|crazy|late|one)[ \t]+night|(?:night|late|twilight)[ \t]+shift"
    r"|overnight|in[ \t]+the[ \t]+(?:early|small|wee)[ \t]+hours|earlier[ \t]+(?:today|this[ \t]+week)"
    r"|(?:this|last|on|every|next)[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?)\b",
    re.I,
)
_WEEKDAY = lazy(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_HOLIDAY_NAMES = Words(
    r"Christmas(?:[ \t]+(?:Eve|Day))?(?![ \t]+trees?)", r"Xmas(?:[ \t]+(?:Eve|Day))?", r"Boxing[ \t]+Day",
    r"New[ \t]+Year'?s?(?:[ \t]+(?:Eve|Day))?", r"Hogmanay", r"Easter(?:[ \t]+(?:Sunday|Monday|weekend))?",
    r"Good[ \t]+Friday", r"Bonfire[ \t]+Night", r"Guy[ \t]+Fawkes(?:[ \t]+Night)?", r"Hallowe'?en", r"Thanksgiving",
    r"Fourth[ \t]+of[ \t]+July", r"July[ \t]+4th", r"Independence[ \t]+Day", r"Memorial[ \t]+Day", r"Labou?r[ \t]+Day",
    r"Australia[ \t]+Day", r"Anzac[ \t]+Day", r"ANZAC[ \t]+Day", r"Canada[ \t]+Day", r"Victoria[ \t]+Day",
    r"Remembrance[ \t]+Day", r"Valentine'?s(?:[ \t]+Day)?", r"Mother'?s[ \t]+Day", r"Father'?s[ \t]+Day",
    r"bank[ \t]+holiday(?:[ \t]+Monday)?", r"Diwali", r"Eid", r"Hanukkah", r"Chanukah",
    ("patrick", r"St\.?[ \t]+Patrick'?s[ \t]+Day"), r"Melbourne[ \t]+Cup(?:[ \t]+Day)?",
    r"Super[ \t]+Bowl(?:[ \t]+Sunday)?", r"Black[ \t]+Friday", r"Pancake[ \t]+Day", r"Burns[ \t]+Night",
    r"Waitangi[ \t]+Day",
)
"""Holidays and days everyone remembers (``keyed.Words``); a new one also needs its word in ``_HOLIDAYS``."""
_HOLIDAY = Keyed(r"\b{holidays}\b", re.I, required=("holidays",), holidays=_HOLIDAY_NAMES)
_TIME = lazy(
    r"(?<![\w:])(?:(?:at|around|about|by|from|since|until)[ \t]+)?(?:\d{1,2}(?:[:.]\d{2})?[ \t]?(?:am\b|pm\b|a\.m\.|p\.m\.)"
    r"|[01]\d[:h]?[0-5]\d(?=[ \t]*(?:hrs|hours|h)\b)|\d{1,2}:\d{2}"
    r"|(?:midnight|midday|noon)|\d{1,2}[ \t]+(?:in[ \t]+the|at)[ \t]+(?:morning|night|afternoon|evening))(?!\w)(?!:\d)",
    re.I,
)


def find(text: str) -> Iterator[Finding]:
    why = "a date: with a place or an age it points to one day's patients"
    yield from spans("date", _NUMERIC, text, why, needs=DIGITS)
    yield from spans("date", _DAY_MONTH, text, why, needs=DIGITS)
    yield from spans("date", _MONTH_DAY, text, why, needs=DIGITS)
    yield from spans("date", _MONTH_ALONE, text, "a month: a part of a date", needs=_MONTHS)
    yield from spans("date", _RELATIVE, text, "when it happened: readers who were there can work out the day")
    yield from spans("date", _WEEKDAY, text, "a day of the week", needs=("day",))
    yield from spans(
        "date",
        _HOLIDAY,
        text,
        "a holiday: a day everyone remembers, and few patients are seen on it",
        needs=_HOLIDAYS,
    )
    yield from spans(
        "date",
        _TIME,
        text,
        "a time of day: with the day, it narrows the case to a few patients",
        needs=(*DIGITS, "midnight", "midday", "noon"),
    )
