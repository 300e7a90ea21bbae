"""Occupations and public roles: "a local teacher", "the mayor", "a footballer", "a well-known chef".

An employer is among the people Safe Harbor asks to protect, and a job plus a
town is often all a neighbour needs. Clinical roles (nurse, doctor,
paramedic) are left out: clinicians name them all day about themselves and
their colleagues.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import Finding, lazy, spans
from clinician_compass.postcheck.keyed import Keyed, Words

JOBS = Words(
    r"teachers?", r"headteachers?", r"head[ \t]+teachers?", r"headmasters?", r"headmistress",
    r"police(?:[ \t]+officers?|man|woman)?", r"cops?", r"firefighters?", r"fire[ \t]?fighters?", r"soldiers?",
    r"veterans?", r"vets?", r"farmers?", r"fishermen", r"fisherman", r"miners?", r"builders?", r"plumbers?",
    r"electricians?", r"mechanics?",
    r"pilots?(?![ \t]+(?:study|scheme|project|programme|program|trial|site|phase))",
    r"bus[ \t]+drivers?", r"dancers?", r"ballerinas?", r"rangers?", r"navigators?", r"lifeguards?", r"surfers?",
    r"(?:hockey|football|soccer|rugby|netball|basketball|baseball|cricket|tennis|AFL|NRL|NHL|NFL|NBA)[ \t]+players?",
    r"(?:Health|Home|Foreign)[ \t]+Secretary", r"Secretary[ \t]+of[ \t]+State",
    r"Prime[ \t]+Minister", r"President", r"governors?", r"sheriffs?", r"bishops?",
    r"taxi[ \t]+drivers?", r"lorry[ \t]+drivers?", r"truck(?:ie|ies|[ \t]+drivers?)", r"tradies?", r"chefs?",
    r"butchers?", r"bakers?", r"shopkeepers?", r"publicans?", r"barmaids?", r"bar[ \t]?tenders?", r"lawyers?",
    r"solicitors?", r"barristers?", r"judges?", r"magistrates?", r"accountants?", r"bankers?", r"journalists?",
    r"reporters?", r"priests?", r"vicars?", r"rabbis?", r"imams?", r"ministers?", r"pastors?", r"nuns?",
    r"councillors?", r"councilors?", r"mayors?", r"MPs?", r"MLAs?", r"MSPs?", r"MPPs?", r"senators?",
    r"congress(?:man|woman)", r"premiers?", r"politicians?", r"footballers?", r"rugby[ \t]+players?",
    r"cricketers?", r"AFL[ \t]+players?", r"NRL[ \t]+players?", r"NHL[ \t]+players?", r"NFL[ \t]+players?",
    r"hockey[ \t]+players?", r"athletes?", r"Olympians?", r"boxers?", r"jockeys?", r"golfers?", r"swimmers?",
    r"celebrit(?:y|ies)", r"influencers?", r"YouTubers?", r"TikTokers?", r"actors?", r"actress(?:es)?",
    r"singers?", r"musicians?", r"rappers?", r"TV[ \t]+presenters?", r"newsreaders?",
    r"reality[ \t]+(?:TV[ \t]+)?stars?", r"artists?", r"uni[ \t]+students?", r"lollipop[ \t]+(?:lady|man)",
    r"postman", r"postie", r"postal[ \t]+workers?", r"cleaners?", r"dinner[ \t]+lady", r"shop[ \t]+assistants?",
    r"business(?:man|woman)", r"owner[ \t]+of",
)
"""Occupations, each a piece of pattern starting with its word (``keyed.Words``): add one where it reads best."""
_INTRODUCED = Keyed(
    r"\b(?:a|an|the|our|local|retired|former|famous|well[- ]known|semi-pro(?:fessional)?|professional|pro)"
    r"[ \t]+(?:[\w'-]+[ \t]+)??(?:(?:local|retired|former|famous|well[- ]known|young|old|primary[ \t]+school"
    r"|high[ \t]+school|secondary[ \t]+school|premier[ \t]+league|Premier[ \t]+League|A-League|state|county|club"
    r"|village|parish)[ \t]+)*{jobs}\b",
    re.I,
    required=("jobs",),
    jobs=JOBS,
)
_PLAYS = lazy(
    r"\b(?:plays|played|used[ \t]+to[ \t]+play|playing)[ \t]+(?:QB|quarterback|goalie|for[ \t]+(?:the[ \t]+)?[A-Z][\w'-]*"
    r"|in[ \t]+the[ \t]+(?:NHL|NFL|NBA|AFL|NRL|Premier[ \t]+League|A-League))(?:[ \t]+for[ \t]+the[ \t]+[a-z]+[ \t]+school)?"
)
_WHERE_WORKS = lazy(r"\bthe[ \t]+[\w'-]+[ \t]+where[ \t]+(?:she|he|they)[ \t]+(?:works|worked)\b")
_EX = Keyed(r"\bex-{jobs}\b", re.I, required=("jobs",), jobs=JOBS)
_PUBLIC = lazy(
    r"\b(?:the[ \t]+(?:mayor|MP|local[ \t]+MP|premier|governor|sheriff|bishop|headteacher|vicar)|celebrit(?:y|ies)"
    r"|a[ \t]+local[ \t]+legend|household[ \t]+name|well[- ]known[ \t]+(?:locally|in[ \t]+(?:the[ \t]+)?(?:town|area|village)))\b"
)
_WORKS_AT = Keyed(
    r"\b(?:he|she|they|who|dad|mum|husband|wife|son|daughter|partner)[ \t]+{works}"
    r"(?:[ \t]+(?:nights|days|shifts|part-time|full-time|weekends))?[ \t]+(?:at|for|in)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][\w'\u2019&-]*(?:[ \t]+[A-Z][\w'\u2019&-]*){{0,3}}",
    re.I,
    required=("works",),
    works=Words("works", "worked"),
)


def find(text: str) -> Iterator[Finding]:
    yield from spans("occupation", _INTRODUCED, text, "an occupation: with a place it can name the person")
    yield from spans(
        "occupation", _EX, text, "a former occupation: with a place it can name the person", needs=("ex-",)
    )
    yield from spans(
        "occupation",
        _PUBLIC,
        text,
        "a public role or fame: many people would recognise them",
        needs=("the ", "celebrit", "legend", "household", "known"),
    )
    yield from spans(
        "occupation", _PLAYS, text, "a team or sport they play for: fans would know them", needs=("play",)
    )
    yield from spans(
        "occupation", _WHERE_WORKS, text, "where they work: an employer narrows who it is", needs=("where",)
    )
    yield from spans(
        "occupation",
        _WORKS_AT,
        text,
        "a named employer: an identifier for the patient and for them",
        needs=("work",),
    )
