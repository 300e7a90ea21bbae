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
from clinician_compass.postcheck.roles import JOBS

_S = r"[ \t]+"
_PERSON = (
    r"(?:patient|pt|lady|ladies|woman|women|man|men|gentleman|gent|chap|bloke|fella|fellow|guy|girl|boy|baby|babies"
    r"|child|kid|toddler|teen|teenager|lad|lass|mum|mom|mother|dad|father|grandmother|grandma|grandfather|grandad"
    r"|grandpa|granny|nan|couple|family|husband|wife|son|daughter|newborn|neonate|infant|resident|twins|triplets"
    r"|digger|veteran|centenarian|nonagenarian|octogenarian"
    r"|\d{1,3}[ \t]?-?[ \t]?(?:years?|yrs?|months?|weeks?|days?)[ \t-]+old|\d{1,3}[ \t]?(?:yo|y/o)"
    rf"|{JOBS})"
)
_CARE = (
    r"(?:treated|looked[ \t]+after|cared[ \t]+for|nursed|admitted|discharged|delivered|resuscitated|clerked|"
    r"examined|intubated|operated[ \t]+on|reviewed|triaged|(?:have|had|'ve)[ \t]+been[ \t]+seeing|been[ \t]+seeing|"
    r"was[ \t]+(?:caring[ \t]+for|looking[ \t]+after|seeing|treating|nursing)|saw|seen|see|met|had|lost)"
)
_VERB = (
    rf"(?:I[ \t]+{_CARE}|we[ \t]+{_CARE}|told[ \t]+me|asked[ \t]+me|asked[ \t]+if|said[ \t]+to[ \t]+me|thanked[ \t]+me|"
    r"showed[ \t]+me|gave[ \t]+me|grabbed[ \t]+my|held[ \t]+my|tell[ \t]+me|came[ \t]+in(?:to)?|comes?[ \t]+in|coming[ \t]+in|"
    r"came[ \t]+through|came[ \t]+back|was[ \t]+admitted|got[ \t]+admitted|presented|self[- ]presented|brought[ \t]+in|"
    r"brought[ \t]+(?:her|his|their)|rolled[ \t]+in|walked[ \t]+in|turned[ \t]+up|arrived|died|passed[ \t]+away|passed|"
    r"arrested|coded|crashed|in[ \t]+resus|in[ \t]+(?:bed|bay|cubicle|room|side[ \t]+room)[ \t]+\d+|on[ \t]+the[ \t]+ward|"
    r"in[ \t]+clinic|at[ \t]+triage|in[ \t]+(?:A&E|ED|the[ \t]+ED|ER|the[ \t]+ER|ICU|the[ \t]+unit|majors|minors|theatre)|"
    r"was[ \t]+discharged|went[ \t]+home|was[ \t]+rushed|was[ \t]+transferred|keeps[ \t]+asking|has[ \t]+asked|"
    r"whose[ \t]+(?:family|wife|husband|daughter|son|mum|dad)|was[ \t]+so[ \t]+brave|sent[ \t]+(?:me|us|the)|"
    r"has[ \t]+written|bit[ \t]+me|renew(?:ed)?[ \t]+their|who'd|who[ \t]+had|on[ \t]+(?:ward|bay)[ \t]+\d+|"
    r"swallowed|fell|collapsed|broke|fractured|overdosed|was[ \t]+found|was[ \t]+brought|walked[ \t]+out|got|"
    r"who[ \t]+(?:put|got|came|went|fell|ate|drank|had|was|[a-z]+ed)\b)"
)
_DIRECT = re.compile(
    r"\b(?:(?:my|our|this|that|one)[ \t]+(?:[\w'-]+[ \t]+){0,2}?(?:patient|pt|client|service[ \t]+user)(?!s)\b"
    r"|one[ \t]+of[ \t]+(?:my|our)[ \t]+(?:patients|pts|regulars)"
    r"|(?:(?:a|our|the)[ \t]+)?patient[ \t]+(?:I|we|of[ \t]+mine|who|whose)\b"
    r"|(?:patient|pt)(?:'s|\u2019s)[ \t]+\w+"
    r"|(?:patient|pt|resident|survivor)[ \t]+(?:went[ \t]+home|passed|died|was[ \t]+discharged|turned|came|asked|told|today"
    r"|yesterday|last[ \t]+night|earlier|this[ \t]+(?:morning|week|shift)|in[ \t]+clinic|is[ \t]+in|is[ \t]+\d)"
    r"|(?<![\w@#])pts?(?![\w'])(?!/)|in[ \t]+resus|to[ \t]+resus"
    r"|(?<!\w)resus(?:'d|ed|citated)?(?!\w)(?![ \t]+(?:training|course|council|officer|update|skills|trolley))"
    r"|(?:interesting|fascinating|sad|tough|heartbreaking|unusual|memorable|great|classic)[ \t]+case"
    r"|case[ \t]+(?:report|study|I[ \t]+saw|from[ \t]+(?:today|clinic|last[ \t]+night|this[ \t]+week|work))"
    r"|(?:on|at|in|from)[ \t]+(?:my|our|the)[ \t]+(?:ward|clinic|shift|list|round|rounds|night[ \t]+shift|night)[ \t]+"
    r"(?:today|tonight|this|last|a|an|one|we|I)\b"
    r"|(?:admitted|discharged|intubated|resuscitated|delivered|triaged|clerked|reviewed|treated|examined|operated[ \t]+on)"
    r"[ \t]+(?:a|an|this|one|my|her|him|them|twins|triplets)\b"
    r"|we[ \t]+(?:changed|started|stopped|gave|put|sent|referred|admitted|discharged|treated|intubated|lost)[ \t]+"
    r"(?:her|his|him|them|their)\b"
    r"|(?:her|his|their)[ \t]+(?:script|prescription|notes|chart|bloods|results|referral|requisition|discharge|obs|meds)\b"
    r"|(?:bed|bay|cubicle)[ \t]+\d+[ \t]+(?:is|was|has|had|asked|told|wants|keeps)"
    r"|been[ \t]+coming[ \t]+to[ \t]+(?:our|my|the)[ \t]+(?:practice|clinic|surgery|pharmacy)"
    r"|(?<!I[ \t]was[ \t])(?<!I'm[ \t])born[ \t]+(?:at[ \t]+\d|this|last|today|yesterday|on[ \t]+(?:the[ \t]+)?ward)"
    r"|(?:bringing|brought|wheeling)[ \t]+in[ \t]+(?:a|an|the)\b"
    r"|(?:told|telling)[ \t]+(?:a|the)[ \t]+(?:family|mum|mom|dad|wife|husband|daughter|son)\b"
    r"|had[ \t]+(?:a|an|the|this|one)[ \t]+(?:[\w'-]+[ \t]+){0,3}?in[ \t]+(?:today|tonight|yesterday|this|last|for|with|clinic|earlier)\b)"
    r"|(?-i:\b\d{1,3}[MF]\b)|\b\d{1,3}[ \t]?(?:yo|y/o|y\.o\.)(?!\w)"
    r"|(?-i:\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+[A-Z][\w'-]*[ \t]+(?:in[ \t]+(?i:bed|bay|cubicle|room)|told[ \t]+me|asked|showed[ \t]+me|said))"
    r"|,[ \t]*\d{1,3},[ \t]+(?:came|come|was|is|told|asked|presented|arrived|had|brought|walked|collapsed)\b"
    r"|(?-i:\b[Bb]aby[ \t]+[A-Z][a-z]+(?:'s|\u2019s)?[ \t]+(?:parents|mum|dad|family|is|was|went|came))"
    r"|(?-i:\b[A-Z][a-z]+,[ \t]+\d{1,3},)"
    r"|(?-i:\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+[A-Z][\w-]*(?:'s|\u2019s)[ \t]+(?:son|daughter|wife|husband|family|mum|dad|carer|partner))",
    re.I,
)
_NARRATIVE = re.compile(
    rf"\b(?:a|an|the|this|one|our|my|that|someone's|someone\u2019s)[ \t]+(?:[\w'-]+[ \t]+){{0,3}}?{_PERSON}\b"
    rf"[^.!?\n]{{0,80}}?\b{_VERB}\b",
    re.I,
)
_SENTENCE_START = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=[.!?:]\s\s))(?!(?:a|an|any|every|each|if|no|the)\b)(?:[\w'-]+[ \t]+){0,2}"
    r"(?:patient|pt|lady|woman|man|gentleman|gent|bloke|girl|boy|lad|baby|mum|dad|couple)"
    r"(?:,[ \t]*\d{1,3},)?[ \t]+(?:in|at|on|from|who|I|we|turned|came|told|asked|brought|was)\b",
    re.I | re.M,
)
_SAW_PERSON = re.compile(
    rf"\b(?:saw|seen|seeing|treated|treating|met|admitted|discharged|delivered|looked[ \t]+after|cared[ \t]+for|"
    rf"caring[ \t]+for|reviewed|clerked|resuscitated|intubated|had|have|got|lost|spotted|helped|nursed|watched|sat[ \t]+with|"
    rf"chat(?:ted)?[ \t]+with|spoke[ \t]+(?:to|with)|talking[ \t]+(?:to|with))[ \t]+(?:a|an|this|one|my|our)[ \t]+"
    rf"(?:[\w'-]+[ \t]+){{0,2}}?{_PERSON}\b",
    re.I,
)


def find(text: str) -> Iterator[Finding]:
    yield from spans("patient", _DIRECT, text, "says the post is about a patient or a case")
    yield from spans("patient", _NARRATIVE, text, "tells of someone you met at work: a patient")
    yield from spans("patient", _SENTENCE_START, text, "tells of someone you met at work: a patient")
    yield from spans("patient", _SAW_PERSON, text, "tells of someone you saw or treated: a patient")
