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

JOBS = (
    r"teachers?|headteachers?|head[ \t]+teachers?|headmasters?|headmistress"
    r"|police(?:[ \t]+officers?|man|woman)?|cops?|firefighters?|fire[ \t]?fighters?|soldiers?|veterans?|vets?"
    r"|farmers?|fishermen|fisherman|miners?|builders?|plumbers?|electricians?|mechanics?|pilots?(?![ \t]+(?:study|scheme|project|programme|program|trial|site|phase))|bus[ \t]+drivers?"
    r"|dancers?|ballerinas?|rangers?|navigators?|lifeguards?|surfers?|(?:hockey|football|soccer|rugby|netball|basketball|baseball|cricket"
    r"|tennis|AFL|NRL|NHL|NFL|NBA)[ \t]+players?|(?:Health|Home|Foreign)[ \t]+Secretary|Secretary[ \t]+of[ \t]+State"
    r"|Prime[ \t]+Minister|President|governors?|sheriffs?|bishops?"
    r"|taxi[ \t]+drivers?|lorry[ \t]+drivers?|truck(?:ie|ies|[ \t]+drivers?)|tradies?|chefs?|butchers?|bakers?"
    r"|shopkeepers?|publicans?|barmaids?|bar[ \t]?tenders?|lawyers?|solicitors?|barristers?|judges?|magistrates?"
    r"|accountants?|bankers?|journalists?|reporters?|priests?|vicars?|rabbis?|imams?|ministers?|pastors?|nuns?"
    r"|councillors?|councilors?|mayors?|MPs?|MLAs?|MSPs?|MPPs?|senators?|congress(?:man|woman)|premiers?|politicians?"
    r"|footballers?|rugby[ \t]+players?|cricketers?|AFL[ \t]+players?|NRL[ \t]+players?|NHL[ \t]+players?"
    r"|NFL[ \t]+players?|hockey[ \t]+players?|athletes?|Olympians?|boxers?|jockeys?|golfers?|swimmers?"
    r"|celebrit(?:y|ies)|influencers?|YouTubers?|TikTokers?|actors?|actress(?:es)?|singers?|musicians?|rappers?"
    r"|TV[ \t]+presenters?|newsreaders?|reality[ \t]+(?:TV[ \t]+)?stars?|artists?"
    r"|uni[ \t]+students?|lollipop[ \t]+(?:lady|man)|postman|postie|postal[ \t]+workers?|cleaners?"
    r"|dinner[ \t]+lady|shop[ \t]+assistants?|business(?:man|woman)|owner[ \t]+of"
)
_INTRODUCED = re.compile(
    rf"\b(?:a|an|the|our|local|retired|former|famous|well[- ]known|semi-pro(?:fessional)?|professional|pro)"
    rf"[ \t]+(?:[\w'-]+[ \t]+)??(?:(?:local|retired|former|famous|well[- ]known|young|old|primary[ \t]+school|high[ \t]+school|secondary"
    rf"[ \t]+school|premier[ \t]+league|Premier[ \t]+League|A-League|state|county|club|village|parish)[ \t]+)*(?:{JOBS})\b",
    re.I,
)
_PLAYS = lazy(
    r"\b(?:plays|played|used[ \t]+to[ \t]+play|playing)[ \t]+(?:QB|quarterback|goalie|for[ \t]+(?:the[ \t]+)?[A-Z][\w'-]*"
    r"|in[ \t]+the[ \t]+(?:NHL|NFL|NBA|AFL|NRL|Premier[ \t]+League|A-League))(?:[ \t]+for[ \t]+the[ \t]+[a-z]+[ \t]+school)?"
)
_WHERE_WORKS = lazy(r"\bthe[ \t]+[\w'-]+[ \t]+where[ \t]+(?:she|he|they)[ \t]+(?:works|worked)\b")
_EX = lazy(rf"\bex-(?:{JOBS})\b", re.I)
_PUBLIC = lazy(
    r"\b(?:the[ \t]+(?:mayor|MP|local[ \t]+MP|premier|governor|sheriff|bishop|headteacher|vicar)|celebrit(?:y|ies)"
    r"|a[ \t]+local[ \t]+legend|household[ \t]+name|well[- ]known[ \t]+(?:locally|in[ \t]+(?:the[ \t]+)?(?:town|area|village)))\b"
)
_WORKS_AT = lazy(
    r"\b(?:he|she|they|who|dad|mum|husband|wife|son|daughter|partner)[ \t]+(?:works|worked)(?:[ \t]+(?:nights|days|shifts|part-time|full-time|weekends))?[ \t]+(?:at|for|in)[ \t]+(?:the[ \t]+)?[A-Z][\w'\u2019&-]*(?:[ \t]+[A-Z][\w'\u2019&-]*){0,3}",
    re.I,
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
