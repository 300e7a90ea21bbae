"""Record numbers: NHS, hospital and medical record numbers, US SSN, Australian Medicare, Canadian health cards.

Social Security, medical record and health plan numbers are HIPAA Safe Harbor
identifiers, and any of these numbers names one patient exactly. The NHS and
Medicare numbers carry check digits, so a bare number is called one only when
its check digit is right; a number labelled as one ("NHS no", "MRN") is marked
whatever its digits, since a mistyped number can still identify.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import DIGITS, Finding, lazy, present, spans
from clinician_compass.postcheck.keyed import Keyed, Words

_TEN_DIGITS = lazy(r"(?<![\d+(-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d-])")
_NHS_LABELLED = lazy(
    r"\bNHS[ \t]+(?:number|no\.?|#)?[ \t:#]*(?P<number>\d{3}[ -]?\d{3}[ -]?\d{4})(?!\d)", re.I
)
_LABELS = Words(
    "MRN", "URN", r"UR[ \t]+(?:number|no\.?)", r"hospital[ \t]+(?:number|no\.?|#)", r"hosp[ \t]+no\.?",
    r"medical[ \t]+record[ \t]+(?:number|no\.?|#)", r"record[ \t]+(?:number|no\.?)",
    r"patient[ \t]+(?:number|no\.?|ID)", r"unit[ \t]+(?:number|no\.?)", r"chart[ \t]+(?:number|no\.?|#)",
    r"CHI(?:[ \t]+number)?", r"H&C[ \t]+number", "NHI", "PHN", "OHIP",
    r"health[ \t]+card(?:[ \t]+(?:number|no\.?))?", r"Medicare(?:[ \t]+(?:number|no\.?|card))?",
)
"""The labels a record number is written after."""
_LABELLED = Keyed(
    r"\b{labels}[ \t]*[:#.]?[ \t]*(?P<number>[A-Z]{{0,3}}\d[\d \t-]{{2,14}}\d(?:[ \t-]?[A-Z]{{1,2}}\b)?)",
    re.I,
    required=("labels",),
    labels=_LABELS,
)
_PHONE_WORDS = lazy(
    r"\b(?:call|ring|phone|tel|text|mobile|cell|fax|contact|reach|at|on)\b[^\d]*$", re.I
)
_SSN = lazy(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_MEDICARE = lazy(r"(?<![\d-])[2-6]\d{3}[ \t]?\d{5}[ \t]?\d(?:[ \t]?\d)?(?![\d-])")
_HEALTH_CARD = lazy(r"(?<![\d-])\d{4}[ -]\d{3}[ -]\d{3}[ -]?[A-Z]{2}\b")


def nhs_check_digit_ok(number: str) -> bool:
    """The NHS number's modulus 11 check: weights 10 down to 2 on the first nine digits."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) != 10:
        return False
    remainder = sum(d * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 11 - remainder
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def medicare_check_digit_ok(number: str) -> bool:
    """The Australian Medicare card's check: weights 1, 3, 7, 9, 1, 3, 7, 9 on the first eight digits."""
    digits = [int(c) for c in number if c.isdigit()]
    if len(digits) not in (10, 11) or not 2 <= digits[0] <= 6:
        return False
    total = sum(d * w for d, w in zip(digits[:8], (1, 3, 7, 9, 1, 3, 7, 9), strict=True))
    return total % 10 == digits[8]


def find(text: str) -> Iterator[Finding]:
    if not present(text, DIGITS):
        return  # every record number has digits
    for finding in spans("record-number", _TEN_DIGITS, text, ""):
        before = text[max(0, finding.start - 24) : finding.start]
        if nhs_check_digit_ok(finding.text) and not _PHONE_WORDS.search(before):
            yield Finding(
                "record-number",
                finding.start,
                finding.end,
                finding.text,
                "an NHS number (its check digit is valid): it names one patient",
            )
    yield from spans(
        "record-number",
        _NHS_LABELLED,
        text,
        "labelled as an NHS number: it names one patient",
        group="number",
    )
    yield from spans(
        "record-number", _LABELLED, text, "a labelled record or card number: it names one patient"
    )
    yield from spans(
        "record-number", _SSN, text, "a US Social Security number (a HIPAA Safe Harbor identifier)"
    )
    for finding in spans("record-number", _MEDICARE, text, ""):
        if medicare_check_digit_ok(finding.text):
            yield Finding(
                "record-number",
                finding.start,
                finding.end,
                finding.text,
                "an Australian Medicare card number (its check digit is valid)",
            )
    yield from spans(
        "record-number", _HEALTH_CARD, text, "a Canadian health card number with its version code"
    )
