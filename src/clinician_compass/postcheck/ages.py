"""Ages: "94-year-old", "aged 7", "in her 80s", "72M", "a nonagenarian", "her 100th birthday".

Any age narrows who a patient can be; an age over 89 is a HIPAA Safe Harbor
identifier on its own (Safe Harbor lets such ages stand only as "90 or
older"), so those findings say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import DIGITS, Finding, lazy, present

_UNITS = r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)"
_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|a[ \t]+hundred(?:[- ]and[- ]\w+)?)"
)
_PATTERNS = [
    lazy(rf"(?<![\w.])(?P<n>\d{{1,3}})[ \t]?-?[ \t]?{_UNITS}[- \t]old\b", re.I),
    lazy(rf"\b(?P<w>{_WORD_NUMBER})[- \t]{_UNITS}[- \t]old\b", re.I),
    lazy(r"(?<![\w.])(?P<n>\d{1,3})[ \t]?(?:yo|y/o|y\.o\.|yr[ \t]old|yrs[ \t]old)(?!\w)", re.I),
    lazy(
        r"(?<!from )(?<!over )(?<!under )(?<!above )(?<!below )\baged?[ \t]+(?P<n>\d{1,3})(?![\d/.:])(?![ \t]*(?:to|-|\u2013|and[ \t]+(?:over|under|above)|\+|or[ \t]+(?:over|older))\b)",
        re.I,
    ),
    lazy(r"\bage[ \t]*[:=][ \t]*(?P<n>\d{1,3})(?!\d)", re.I),
    lazy(
        r"\b(?:in[ \t]+)?(?:her|his|their|my|your|early|late|mid)[- \t]+(?:(?:early|late|mid)[- \t]*)?(?P<decade>\d0)'?s\b",
        re.I,
    ),
    lazy(
        r"\b(?:in[ \t]+)?(?:her|his|their|the)[ \t]+(?:(?:early|late|mid)[- \t]*)?"
        r"(?P<wdecade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        re.I,
    ),
    lazy(r"(?<![\w.\u00a3$\u20ac])(?P<n>\d{1,3})(?:M|F)(?![\w'])"),
    lazy(r"(?<![\w.])(?P<n>\d{1,3})(?:st|nd|rd|th)[ \t]+birthday\b", re.I),
    lazy(r"\b(?:turned|turning|just[ \t]+turned)[ \t]+(?P<n>\d{1,3})\b", re.I),
    lazy(r"\b(?P<old>nonagenarian|centenarian|supercentenarian|octogenarian|septuagenarian)s?\b", re.I),
    lazy(r"(?<=, )(?P<n>\d{1,3})(?=,)"),
    lazy(rf"(?<=, )(?P<n>\d{{1,3}})[ \t]+{_UNITS}(?=,)", re.I),
    lazy(
        r"\b(?:he|she|they|who|pt|patient|baby)(?:'s|\u2019s|[ \t]+is|[ \t]+was|[ \t]+'s)[ \t]+(?:only[ \t]+|just[ \t]+|now[ \t]+)?"
        r"(?P<n>\d{1,3})\b(?![.:/]\d)(?![ \t]*(?:%|mg|ml|kg|lb|minutes|mins|hours|hrs|days|weeks|months|times|cm|mm|x|points))",
        re.I,
    ),
    lazy(
        r"\b(?:passed|died|away|lost|retir\w*|married|graduat\w*)[^.!?\n]{0,30}?\b(?P<a>at[ \t]+(?P<n>\d{2,3}))\b(?![:.]\d|[ \t]*(?:am|pm|%))",
        re.I,
    ),
    lazy(
        r"(?<![\w.])(?P<decade>\d0)'?s[ \t]+(?:man|woman|male|female|lady|gent|gentleman|patient|pt|bloke)\b",
        re.I,
    ),
    lazy(r"(?<![\w.])(?P<decade>\d0)-something\b", re.I),
    lazy(
        r"(?<![\w.:/])(?P<a>(?P<n>\d{2,3}))[ \t]+(?:next|this)[ \t]+(?:month|week|year|birthday)\b", re.I
    ),
    lazy(r"(?<![\w/])(?P<n>\d{1,2})/(?:12|52)[ \t]+old\b"),
]


def _age(match: re.Match[str]) -> int | None:
    """The age in years where the words say it, else None."""
    found = match.groupdict()
    if found.get("n"):
        return int(found["n"])
    if found.get("decade"):
        return int(found["decade"])
    word = (found.get("w") or found.get("wdecade") or found.get("old") or "").lower()
    if "hundred" in word or word.startswith(("centenarian", "supercentenarian")):
        return 100
    if word.startswith(("ninety", "nonagenarian")) or word == "nineties":
        return 90
    return None


_WORDS_ONLY = {1: ("old",), 6: ("ties",), 10: ("narian",)}
"""The patterns that can match without a digit, and the word each needs; every other one needs a digit."""


def find(text: str) -> Iterator[Finding]:
    digits = present(text, DIGITS)
    for i, pattern in enumerate(_PATTERNS):
        if not (present(text, _WORDS_ONLY[i]) if i in _WORDS_ONLY else digits):
            continue
        for match in pattern.finditer(text):
            start, end = match.span("a") if match.groupdict().get("a") else match.span()
            if start == end:
                continue
            age = _age(match)
            months = re.search(r"month|mo|week|wk|day|/12|/52", match.group(), re.I)
            if age is not None and age > 89 and not months:
                why = (
                    "an age over 89: on its own a HIPAA Safe Harbor identifier (such ages may only be given "
                    "as 90 or older), and there are few patients this old"
                )
            else:
                why = "an age: with a place or a date it narrows the case to a few patients"
            yield Finding("age", start, end, text[start:end], why)
