"""Places: "Ward 7", "St Mary's", "Royal Infirmary", "Leeds", "Riverside Primary", "our A&E", her own practice.

Geographic units smaller than a state are a HIPAA Safe Harbor identifier, and
the clinician's own workplace is the detail readers already know: "our ED"
narrows a case to one department's patients that week.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import DIGITS, Finding, lazy, spans, words
from clinician_compass.postcheck.gazetteer import CHAINS, HOSPITALS, TOWNS
from clinician_compass.postcheck.keyed import Keyed, Words

_WARD_WORDS = ("ward", "bay", "bed", "room", "cubicle", "cube", "pod", "resus", "theatre")
_WARD = lazy(
    r"\b(?:ward|bay|bed|room|cubicle|cube|pod|resus|side[ \t]+room|bed[ \t]+space|theatre)"
    r"[ \t]+(?:\d{1,3}[A-Za-z]?|(?-i:[A-Z]\d?))\b(?![.:/]\d)",
    re.I,
)
_WORKPLACES = Words(
    "A&E", r"A\+E", "ED", "ER", "ICU", "ITU", "NICU", "PICU", "HDU", "CCU", "SCBU", "MAU", "AMU", "EAU", "CDU",
    "department", "hospital", "trust", "ward", "unit", "practice", "surgery", "clinic", "pharmacy", "hospice",
    r"GP[ \t]+practice", r"health[ \t]+board", r"emergency[ \t]+department", r"labour[ \t]+ward",
    r"labor[ \t]+and[ \t]+delivery", r"birth[ \t]+centre", r"maternity[ \t]+unit", r"care[ \t]+home",
    r"nursing[ \t]+home", "town", "village", "community", r"high[ \t]+street", "school",
)
"""Where a clinician works, or lives, after "our" or "my"."""
_OURS = Keyed(
    r"\b(?:our|my)[ \t]+(?:[a-z]+[ \t]+)??{workplaces}\b"
    r"(?![ \t]+(?:manager|sister|team|round|rounds|clerk|staff|nurses?|matron|charge|coordinator|lead|meeting))"
    r"|\bthe[ \t]+(?:A&E|ED|ER|ICU|ITU|NICU|PICU|hospital|ward|unit|practice|clinic|pharmacy|department)[ \t]+here\b",
    re.I,
    workplaces=_WORKPLACES,
)
_UNITS = Words(
    "A&E", "ED", "ER", "ICU", "ITU", "NICU", "PICU", "HDU", "CCU", "SCBU", "MAU", "AMU", "L&D", "emerg", "minors",
    "majors", "paeds", "peds", "gynae", "ortho",
)
"""Departments by their short names, written as the wards write them (case counts)."""
_SPECIALTIES = Words(
    "stroke", "cardiac", "cardiology", "children's", r"children\u2019s", "childrens", "paediatric", "pediatric",
    "maternity", "labou?r", "birth", "birthing", "hospice", "surgical", "medical", "renal", "cancer", "oncology",
    "burns", "spinal", "dementia", "rehab", "neonatal", "coronary", "psych", "psychiatric", r"mental[ \t]+health",
    r"eating[ \t]+disorders?", r"high[ \t]+dependency", r"intensive[ \t]+care", "assessment", "trauma",
    "respiratory", "haematology", "hematology", "orthopaedic", "orthopedic", "geriatric", r"elderly[ \t]+care",
    "day",
)
"""What a ward, unit or centre is for: "the stroke ward"."""
_DEPARTMENT = Keyed(
    r"\b(?:(?:the|in|on|at|into)[ \t]+)(?-i:{units})\b"
    r"|\b(?:the|in|on|at)[ \t]+{specialties}[ \t]+(?:ward|unit|centre|center|department|suite)\b"
    r"|\bthe[ \t]+waiting[ \t]+room\b|\blabou?r[ \t]+ward\b|\b(?:in|on|at)[ \t]+(?-i:L&D)\b",
    re.I,
    units=_UNITS,
    specialties=_SPECIALTIES,
)
_ISLE = lazy(r"\b(?:the[ \t]+)?(?:Isle|Island)[ \t]+of[ \t]+[A-Z][\w'-]+")
_ROAD = lazy(
    r"\b(?:the[ \t]+)?(?-i:[AM]\d{1,4}(?:\(M\))?|I-\d{1,3}|Route[ \t]+\d{1,3}|Highway[ \t]+\d{1,3})\b(?![-/.]\d)"
)
_NAMED_SITE = re.compile(
    r"\bthe[ \t]+(?-i:[A-Z][\w'\u2019-]+)[ \t]+(?:clinic|hospital|surgery|practice|health[ \t]+centre|medical[ \t]+centre|walk-in"
    r"|lecture[ \t]+theatre|building|wing|unit|ward|centre|center|pharmacy|school|pub|club)\b"
    r"|(?<![\w.])\d{1,2}[ \t]+(?-i:West|East|North|South)\b",
    re.I,
)
_SPOTS = Words(
    r"chip[ \t]+shop", "pub", r"local[ \t]+pub", r"school[ \t]+(?:gates|fair|run|disco|playground)",
    r"gym(?:[ \t]+on[ \t]+[A-Z]\w+[ \t]+(?:Road|Street|Lane))?", r"leisure[ \t]+centre", r"football[ \t]+ground",
    r"bus[ \t]+station", r"train[ \t]+station", r"petrol[ \t]+station", "servo", r"pharmacy[ \t]+counter",
    r"car[ \t]+park", r"parking[ \t]+lot", r"job[ \t]+centre", r"food[ \t]+bank", r"care[ \t]+home",
    r"nursing[ \t]+home", r"corner[ \t]+shop", "market", r"high[ \t]+street", "beach", r"skate[ \t]+park",
)
"""Local spots that people who live nearby know, after "the"."""
_LOCAL_SPOT = Keyed(r"\bthe[ \t]+{spots}\b", required=("spots",), spots=_SPOTS)
_POSTCODE = lazy(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d"
    r"|(?:NSW|VIC|QLD|WA|SA|TAS|NT|ACT)[ \t]+\d{4}|[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?)\b"
)
_SAINT = lazy(r"\b(?:St\.?|Saint)[ \t]+[A-Z][a-z]+(?:'s|s'|\u2019s|s\u2019)?(?![ \t]+(?:Day|Night)\b)")
_RUN = re.compile(r"\b[A-Z][\w'\u2019&.-]*(?:[ \t]+(?:(?:of|for|upon|de)[ \t]+)?[A-Z][\w'\u2019&.-]*)*")
_WORD = re.compile(r"[^ \t]+")

INSTITUTIONS = words(
    """
    Hospital Hospitals Infirmary Hospice Clinic Surgery Practice Trust Health Healthcare General
    Memorial Children's Childrens Ward Maternity
    """
)
VENUES = words(
    """
    School Primary Academy College University Park Station Airport Stadium Arena Beach Road Street Lane
    Avenue Close Drive Mall Church Mosque Temple Synagogue Prison Farm Manor Court Lodge Village Estate
    Leisure Pool Shopping Home Homes Gardens Square Bridge Harbour Harbor Pier Centre Center Oval MCG
    SCG Racecourse Run Marathon Festival Show
    """
)
_STOP = words(
    """
    The A An Our My Their His Her At In On From To This That These Last Next Busy Quiet When Then After
    Before Today Tonight I We You He She They It Its And But Or So If As Just Also Saw Met Went Off Back
    Called Named Mr Mrs Ms Miss Dr Prof Professor Sister Nurse Big New Local Old Dear Why What Where Who
    How Every Shout Huge Massive Thanks Thank Congrats Congratulations Welcome Happy
    """
)
_GENERIC = words(
    """
    NHS App GP GPs Surgery Practice Clinic Health Centre Center Hospital Trust Medical Pharmacy Email
    Phone Call
    """
)
_ALONE_NOT = frozenset(
    {"Centre", "Center", "Health", "General", "Trust", "Ward", "Home", "Practice", "Surgery"}
)


def _run_places(text: str) -> Iterator[Finding]:
    """Named places inside each run of capitalised words: towns, hospitals, venues."""
    for run in _RUN.finditer(text):
        words = [
            (m.start() + run.start(), m.end() + run.start(), m.group()) for m in _WORD.finditer(run.group())
        ]
        bare = [w.rstrip(".,;:!?)") for _, _, w in words]
        taken = -1
        for i, word in enumerate(bare):
            if i <= taken:
                continue
            for size in (3, 2, 1):
                phrase = " ".join(bare[i : i + size])
                if len(bare[i : i + size]) == size and (phrase in TOWNS or phrase in HOSPITALS):
                    end = words[i + size - 1][0] + len(bare[i + size - 1])
                    why = "a hospital" if phrase in HOSPITALS else "a town or city"
                    yield Finding("place", words[i][0], end, text[words[i][0] : end], why)
                    taken = i + size - 1
                    break
            else:
                if word in INSTITUTIONS or word in VENUES or (word == "Royal" and i + 1 < len(bare)):
                    first = i
                    while (
                        first > 0
                        and i - first < 4
                        and bare[first - 1] not in _STOP
                        and bare[first - 1][:1].isupper()
                    ):
                        first -= 1
                    last = i + 1 if word == "Royal" else i
                    if word in _ALONE_NOT and first == i:
                        continue
                    end = words[last][0] + len(bare[last])
                    why = (
                        "a named hospital or practice"
                        if word in INSTITUTIONS or word == "Royal"
                        else "a named venue, school or street"
                    )
                    yield Finding("place", words[first][0], end, text[words[first][0] : end], why)
                    taken = last


def _practice(text: str, practice_contact: str) -> Iterator[Finding]:
    """Her own practice, as her profile names it: readers who know her know where the patient was seen."""
    folded = text.casefold()
    for run in _RUN.finditer(practice_contact):
        words = [w.strip(",.;:") for w in run.group().split() if w not in _STOP]
        name = " ".join(words)
        if len(name) < 4 or all(w in _GENERIC for w in words):
            continue  # "the NHS App" names no practice
        at = folded.find(name.casefold())
        while at >= 0:
            yield Finding(
                "place",
                at,
                at + len(name),
                text[at : at + len(name)],
                "your own practice (from your profile): readers who know you know where this patient was seen",
            )
            at = folded.find(name.casefold(), at + len(name))


def _named_venues(text: str) -> Iterator[Finding]:
    for match in _RUN.finditer(text):
        for word in _WORD.finditer(match.group()):
            bare = word.group().rstrip(".,;:!?)")
            if bare in CHAINS:
                start = match.start() + word.start()
                if text[max(0, start - 4) : start].lower() == "the ":
                    start -= 4
                end = match.start() + word.start() + len(bare)
                yield Finding(
                    "place", start, end, text[start:end], "a named shop or venue: it places the patient"
                )


def find(text: str, practice_contact: str = "") -> Iterator[Finding]:
    if practice_contact.strip():  # first, so that its reason wins where another pattern finds the same words
        yield from _practice(text, practice_contact)
    yield from spans(
        "place",
        _WARD,
        text,
        "a ward, bay or bed: it narrows the case to a handful of patients",
        needs=_WARD_WORDS,
    )
    yield from spans(
        "place",
        _OURS,
        text,
        "your own workplace: readers who know you know where it is",
        needs=("our ", "my ", " here"),
    )
    yield from spans(
        "place", _POSTCODE, text, "a postcode or ZIP code (a HIPAA Safe Harbor identifier)", needs=DIGITS
    )
    yield from spans("place", _SAINT, text, "a named hospital or place", needs=("st ", "st.", "saint"))
    yield from _run_places(text)
    yield from _named_venues(text)
    yield from spans("place", _DEPARTMENT, text, "a department: with your known workplace it says where")
    yield from spans("place", _ROAD, text, "a road: it places the event", needs=DIGITS)
    yield from spans("place", _ISLE, text, "an island: few people live there", needs=("isle", "island"))
    yield from spans("place", _NAMED_SITE, text, "a named site: it says where the patient was")
    yield from spans(
        "place", _LOCAL_SPOT, text, "a local spot: people who live nearby know it", needs=("the ",)
    )
