"""Whether the draft is about a patient or a case: "my patient", "a lady I saw today", "pt", "in resus".

Dates and places only matter when they attach to a patient. A clinician's
post about a conference, a rota or a public figure may hold many of them and
identify nobody, so the risk counts quasi-identifiers only when this detector
finds a patient. Generic talk about patients ("our patients deserve safe
staffing", "if a patient has chest pain") is not a case: plurals and
"a patient" without a story are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import Finding, spans
from clinician_compass.postcheck.keyed import Keyed, Words
from clinician_compass.postcheck.roles import JOBS

_PEOPLE = Words(
    "patient", "pt", "lady", "ladies", "woman", "women", "man", "men", "gentleman", "gent", "chap", "bloke",
    "fella", "fellow", "guy", "girl", "boy", "baby", "babies", "child", "kid", "toddler", "teen", "teenager",
    "lad", "lass", "mum", "mom", "mother", "dad", "father", "grandmother", "grandma", "grandfather", "grandad",
    "grandpa", "granny", "nan", "couple", "family", "husband", "wife", "son", "daughter", "newborn", "neonate",
    "infant", "resident", "twins", "triplets", "digger", "veteran", "centenarian", "nonagenarian",
    "octogenarian",
    r"\d{1,3}[ \t]?-?[ \t]?(?:years?|yrs?|months?|weeks?|days?)[ \t-]+old",
    r"\d{1,3}[ \t]?(?:yo|y/o)",
)
_PERSON = _PEOPLE + JOBS
"""Whom a story about a patient is about: people, ages and occupations."""
_CARE = Words(
    "treated", r"looked[ \t]+after", r"cared[ \t]+for", "nursed", "admitted", "discharged", "delivered",
    "resuscitated", "clerked", "examined", "intubated", r"operated[ \t]+on", "reviewed", "triaged",
    r"have[ \t]+been[ \t]+seeing", r"had[ \t]+been[ \t]+seeing", r"'ve[ \t]+been[ \t]+seeing",
    r"been[ \t]+seeing", r"was[ \t]+(?:caring[ \t]+for|looking[ \t]+after|seeing|treating|nursing)",
    "saw", "seen", "see", "met", "had", "lost",
)
"""What "I" or "we" did for the patient."""
_VERB = Words(
    r"told[ \t]+me", r"asked[ \t]+me", r"asked[ \t]+if", r"said[ \t]+to[ \t]+me", r"thanked[ \t]+me",
    r"showed[ \t]+me", r"gave[ \t]+me", r"grabbed[ \t]+my", r"held[ \t]+my", r"tell[ \t]+me", r"came[ \t]+in(?:to)?",
    r"comes?[ \t]+in", r"coming[ \t]+in", r"came[ \t]+through", r"came[ \t]+back", r"was[ \t]+admitted",
    r"got[ \t]+admitted", "presented", "self[- ]presented", r"brought[ \t]+in", r"brought[ \t]+(?:her|his|their)",
    r"rolled[ \t]+in", r"walked[ \t]+in", r"turned[ \t]+up", "arrived", "died", r"passed[ \t]+away", "passed",
    "arrested", "coded", "crashed", ("resus", r"in[ \t]+resus"),
    (("bed", "bay", "cubicle", "room", "side"), r"in[ \t]+(?:bed|bay|cubicle|room|side[ \t]+room)[ \t]+\d+"),
    ("ward", r"on[ \t]+the[ \t]+ward"), ("clinic", r"in[ \t]+clinic"), ("triage", r"at[ \t]+triage"),
    r"in[ \t]+(?:A&E|ED|the[ \t]+ED|ER|the[ \t]+ER|ICU|the[ \t]+unit|majors|minors|theatre)",
    r"was[ \t]+discharged", r"went[ \t]+home", r"was[ \t]+rushed", r"was[ \t]+transferred", r"keeps[ \t]+asking",
    r"has[ \t]+asked", r"whose[ \t]+(?:family|wife|husband|daughter|son|mum|dad)", r"was[ \t]+so[ \t]+brave",
    r"sent[ \t]+(?:me|us|the)", r"has[ \t]+written", r"bit[ \t]+me", r"renew(?:ed)?[ \t]+their", "who'd",
    r"who[ \t]+had", (("ward", "bay"), r"on[ \t]+(?:ward|bay)[ \t]+\d+"), "swallowed", "fell", "collapsed", "broke", "fractured",
    "overdosed", r"was[ \t]+found", r"was[ \t]+brought", r"walked[ \t]+out", "got",
    r"who[ \t]+(?:put|got|came|went|fell|ate|drank|had|was|[a-z]+ed)\b",
)
"""What the patient said or did, or where they were: after "I" or "we" and a ``_CARE`` verb."""
_SAW = Words(
    "saw", "seen", "seeing", "treated", "treating", "met", "admitted", "discharged", "delivered",
    r"looked[ \t]+after", r"cared[ \t]+for", r"caring[ \t]+for", "reviewed", "clerked", "resuscitated",
    "intubated", "had", "have", "got", "lost", "spotted", "helped", "nursed", "watched", r"sat[ \t]+with",
    r"chat(?:ted)?[ \t]+with", r"spoke[ \t]+(?:to|with)", r"talking[ \t]+(?:to|with)",
)
"""Ways to say you saw someone at work."""
_SAYS_SO = Words(
    (
        ("patient", "pt", "client", "service"),
        r"(?:my|our|this|that|one)[ \t]+(?:[\w'-]+[ \t]+){0,2}?(?:patient|pt|client|service[ \t]+user)(?!s)\b",
    ),
    r"one[ \t]+of[ \t]+(?:my|our)[ \t]+(?:patients|pts|regulars)",
    ("patient", r"(?:(?:a|our|the)[ \t]+)?patient[ \t]+(?:I|we|of[ \t]+mine|who|whose)\b"),
    r"(?:patient|pt)(?:'s|\u2019s)[ \t]+\w+",
    r"(?:patient|pt|resident|survivor)[ \t]+(?:went[ \t]+home|passed|died|was[ \t]+discharged|turned|came|asked"
    r"|told|today|yesterday|last[ \t]+night|earlier|this[ \t]+(?:morning|week|shift)|in[ \t]+clinic|is[ \t]+in"
    r"|is[ \t]+\d)",
    ("pt", r"(?<![\w@#])pts?(?![\w'])(?!/)"),
    ("resus", r"in[ \t]+resus"),
    ("resus", r"to[ \t]+resus"),
    (
        "resus",
        r"(?<!\w)resus(?:'d|ed|citated)?(?!\w)(?![ \t]+(?:training|course|council|officer|update|skills|trolley))",
    ),
    ("case", r"(?:interesting|fascinating|sad|tough|heartbreaking|unusual|memorable|great|classic)[ \t]+case"),
    r"case[ \t]+(?:report|study|I[ \t]+saw|from[ \t]+(?:today|clinic|last[ \t]+night|this[ \t]+week|work))",
    (
        ("ward", "clinic", "shift", "list", "round", "night"),
        r"(?:on|at|in|from)[ \t]+(?:my|our|the)[ \t]+(?:ward|clinic|shift|list|round|rounds|night[ \t]+shift"
        r"|night)[ \t]+(?:today|tonight|this|last|a|an|one|we|I)\b",
    ),
    (
        ("admitted", "discharged", "intubated", "resuscitated", "delivered", "triaged", "clerked", "reviewed",
         "treated", "examined", "operated"),
        r"(?:admitted|discharged|intubated|resuscitated|delivered|triaged|clerked|reviewed|treated|examined"
        r"|operated[ \t]+on)[ \t]+(?:a|an|this|one|my|her|him|them|twins|triplets)\b",
    ),
    (
        ("her", "his", "him", "them", "their"),
        r"we[ \t]+(?:changed|started|stopped|gave|put|sent|referred|admitted|discharged|treated|intubated|lost)"
        r"[ \t]+(?:her|his|him|them|their)\b",
    ),
    (
        ("script", "prescription", "notes", "chart", "bloods", "results", "referral", "requisition", "discharge",
         "obs", "meds"),
        r"(?:her|his|their)[ \t]+(?:script|prescription|notes|chart|bloods|results|referral|requisition"
        r"|discharge|obs|meds)\b",
    ),
    r"(?:bed|bay|cubicle)[ \t]+\d+[ \t]+(?:is|was|has|had|asked|told|wants|keeps)",
    ("coming", r"been[ \t]+coming[ \t]+to[ \t]+(?:our|my|the)[ \t]+(?:practice|clinic|surgery|pharmacy)"),
    (
        "born",
        r"(?<!I[ \t]was[ \t])(?<!I'm[ \t])born[ \t]+(?:at[ \t]+\d|this|last|today|yesterday"
        r"|on[ \t]+(?:the[ \t]+)?ward)",
    ),
    r"(?:bringing|brought|wheeling)[ \t]+in[ \t]+(?:a|an|the)\b",
    r"(?:told|telling)[ \t]+(?:a|the)[ \t]+(?:family|mum|mom|dad|wife|husband|daughter|son)\b",
    r"had[ \t]+(?:a|an|the|this|one)[ \t]+(?:[\w'-]+[ \t]+){0,3}?in[ \t]+(?:today|tonight|yesterday|this|last|for"
    r"|with|clinic|earlier)\b",
)
"""Words that say the post is about a patient or a case."""
_SHORTHAND = Words(
    r"(?-i:\b\d{1,3}[MF]\b)",
    r"\b\d{1,3}[ \t]?(?:yo|y/o|y\.o\.)(?!\w)",
    (
        ("mr", "ms", "miss"),
        r"(?-i:\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+[A-Z][\w'-]*[ \t]+(?:in[ \t]+(?i:bed|bay|cubicle|room)|told[ \t]+me|asked"
        r"|showed[ \t]+me|said))",
    ),
    r",[ \t]*\d{1,3},[ \t]+(?:came|come|was|is|told|asked|presented|arrived|had|brought|walked|collapsed)\b",
    ("baby", r"(?-i:\b[Bb]aby[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?[ \t]+(?:parents|mum|dad|family|is|was|went|came))"),
    (",", r"(?-i:\b[A-Z][a-z]+,[ \t]+\d{1,3},)"),
    (
        ("mr", "ms", "miss"),
        r"(?-i:\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+[A-Z][\w-]*(?:'s|\u2019s)[ \t]+(?:son|daughter|wife|husband|family|mum|dad"
        r"|carer|partner))",
    ),
)
"""Notes' shorthand for a patient: "72F", "Mrs Patel in bed 3", "Doris, 94,"."""
_DIRECT = Keyed(r"\b{says_so}|{shorthand}", re.I, says_so=_SAYS_SO, shorthand=_SHORTHAND)
_NARRATIVE = Keyed(
    r"\b(?:a|an|the|this|one|our|my|that|someone's|someone\u2019s)[ \t]+(?:[\w'-]+[ \t]+){{0,3}}?{person}\b"
    r"[^.!?\n]{{0,80}}?\b(?:(?:I|we)[ \t]+{care}|{verb})\b",
    re.I,
    required=("person",),
    person=_PERSON,
    care=_CARE,
    verb=_VERB,
)
_SENTENCE_START = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=[.!?:]\s\s))(?!(?:a|an|any|every|each|if|no|the)\b)(?:[\w'-]+[ \t]+){0,2}"
    r"(?:patient|pt|lady|woman|man|gentleman|gent|bloke|girl|boy|lad|baby|mum|dad|couple)"
    r"(?:,[ \t]*\d{1,3},)?[ \t]+(?:in|at|on|from|who|I|we|turned|came|told|asked|brought|was)\b",
    re.I | re.M,
)
_SAW_PERSON = Keyed(
    r"\b{saw}[ \t]+(?:a|an|this|one|my|our)[ \t]+(?:[\w'-]+[ \t]+){{0,2}}?{person}\b",
    re.I,
    required=("saw", "person"),
    saw=_SAW,
    person=_PERSON,
)


def find(text: str) -> Iterator[Finding]:
    yield from spans("patient", _DIRECT, text, "says the post is about a patient or a case")
    yield from spans("patient", _NARRATIVE, text, "tells of someone you met at work: a patient")
    yield from spans("patient", _SENTENCE_START, text, "tells of someone you met at work: a patient")
    yield from spans("patient", _SAW_PERSON, text, "tells of someone you saw or treated: a patient")
