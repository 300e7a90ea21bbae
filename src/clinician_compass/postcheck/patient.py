"""Whether the draft is about a patient or a case: "my patient", "a lady I saw today", "pt", "in resus".

Dates and places only matter when they attach to a patient. A clinician's
post about a conference, a rota or a public figure may hold many of them and
identify nobody, so the risk counts quasi-identifiers only when this detector
finds a patient.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import Finding, spans

_DIRECT = re.compile(
    r"\b(?:(?:my|this|that|one)[ \t]+(?:\w+[ \t]+)?(?:patient|pt|client|service[ \t]+user)(?!s)\b"
    r"|one[ \t]+of[ \t]+(?:my|our)[ \t]+(?:patients|pts|regulars)|(?:a|our|the)[ \t]+patient[ \t]+(?:I|we|of[ \t]+mine)\b"
    r"|(?<![\w@#])pts?(?![\w'])(?!/)|(?-i:PT)(?![\w'])|in[ \t]+resus|to[ \t]+resus|(?<!\w)resus(?:'d|ed|citated)?(?!\w)(?![ \t]+(?:training|course|council|officer|update|skills|trolley))"
    r"|patient[ \t]+(?:of[ \t]+mine|today|yesterday|last[ \t]+night|earlier|this[ \t]+(?:morning|week|shift))"
    r"|(?:interesting|fascinating|sad|tough|heartbreaking|unusual|memorable|great|classic)[ \t]+case"
    r"|case[ \t]+(?:report|study|I[ \t]+saw|from[ \t]+(?:today|clinic|last[ \t]+night|this[ \t]+week|work))"
    r"|(?:on|at|in|from)[ \t]+(?:my|our|the)[ \t]+(?:ward|clinic|shift|list|round|rounds|night[ \t]+shift|night)[ \t]+"
    r"(?:today|tonight|this|last|a|an|one|we|I)\b"
    r"|(?:admitted|discharged|intubated|resuscitated|delivered|triaged|clerked|reviewed|treated|examined|operated[ \t]+on)"
    r"[ \t]+(?:a|an|this|one|my|her|him|them)\b"
    r"|(?:bed|bay|cubicle)[ \t]+\d+[ \t]+(?:is|was|has|had|asked|told|wants|keeps))",
    re.I,
)
_PERSON = (
    r"(?:patient|lady|ladies|woman|women|man|men|gentleman|gent|chap|bloke|fella|fellow|guy|girl|boy|baby|babies|child|kid"
    r"|toddler|teen|teenager|lad|lass|mum|mother|dad|father|grandmother|grandma|grandfather|grandad|grandpa|granny"
    r"|nan|couple|family|husband|wife|son|daughter|newborn|neonate|infant|resident|elderly[ \t]+\w+|young[ \t]+\w+"
    r"|\d{1,3}[ \t]?-?[ \t]?(?:years?|yrs?|months?|weeks?|days?)[ \t-]+old|\d{1,3}[ \t]?(?:yo|y/o|M|F)"
    r"|(?:nonagenarian|centenarian|octogenarian))"
)
_VERB = (
    r"(?:I[ \t]+(?:saw|see|met|treated|looked[ \t]+after|cared[ \t]+for|admitted|discharged|delivered|reviewed|"
    r"clerked|examined|had|was[ \t]+looking[ \t]+after|was[ \t]+caring[ \t]+for)|we[ \t]+(?:saw|had|treated|admitted|"
    r"delivered|lost)|told[ \t]+me|asked[ \t]+me|said[ \t]+to[ \t]+me|thanked[ \t]+me|showed[ \t]+me|gave[ \t]+me|"
    r"grabbed[ \t]+my|held[ \t]+my|came[ \t]+in|come[ \t]+in|comes[ \t]+in|coming[ \t]+in|was[ \t]+admitted|"
    r"got[ \t]+admitted|presented|self[- ]presented|brought[ \t]+in|rolled[ \t]+in|walked[ \t]+in|turned[ \t]+up|"
    r"arrived|died|passed[ \t]+away|passed|arrested|coded|crashed|in[ \t]+resus|in[ \t]+bed[ \t]+\d+|on[ \t]+the[ \t]+ward|"
    r"in[ \t]+clinic|at[ \t]+triage|in[ \t]+(?:A&E|ED|the[ \t]+ED|ER|the[ \t]+ER|ICU|the[ \t]+unit|majors|minors|theatre)|"
    r"was[ \t]+discharged|went[ \t]+home|was[ \t]+rushed|was[ \t]+transferred|needed|refused|insisted|"
    r"whose[ \t]+(?:family|wife|husband|daughter|son|mum|dad))"
)
_NARRATIVE = re.compile(
    rf"\b(?:a|an|the|this|one|our|my|that)[ \t]+(?:(?:lovely|sweet|poor|little|tiny|young|old|elderly|frail|retired|"
    rf"local|brave|kind|grumpy|angry|drunk|confused|sick|very|\w+-year-old)[ \t]+)*{_PERSON}\b[^.!?\n]{{0,80}}?\b{_VERB}\b",
    re.I,
)
_SAW_PERSON = re.compile(
    rf"\b(?:saw|seen|seeing|treated|treating|met|admitted|discharged|delivered|looked[ \t]+after|cared[ \t]+for|"
    rf"caring[ \t]+for|reviewed|clerked|resuscitated|intubated|had)[ \t]+(?:a|an|this|one|my|our)[ \t]+"
    rf"(?:[\w-]+[ \t]+){{0,2}}?{_PERSON}\b",
    re.I,
)


def find(text: str) -> Iterator[Finding]:
    yield from spans("patient", _DIRECT, text, "says the post is about a patient or a case")
    yield from spans("patient", _NARRATIVE, text, "tells of someone you met at work: a patient")
    yield from spans("patient", _SAW_PERSON, text, "tells of someone you saw or treated: a patient")
