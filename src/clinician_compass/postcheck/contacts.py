"""Contact details: phone numbers (UK, US, Canadian, Australian), email addresses and web addresses.

Telephone numbers, email addresses and URLs are three of HIPAA Safe Harbor's
identifiers. Each pattern starts where a run of its characters starts (a
look-behind), so a long run of digits or letters is scanned once, not once per
character.
"""

from __future__ import annotations

from collections.abc import Iterator

from clinician_compass.postcheck.finding import DIGITS, Finding, lazy, spans

_SEP = r"[ \t.-]?"
_PHONES = [
    # UK: +44 7700 900123, 07700 900123, 020 7946 0000, 0161 496 0000, +44 (0)20 7946 0000
    (
        lazy(
            r"(?<![\w+])(?:\+44[ \t]?(?:\(0\)[ \t]?)?|0)(?:7\d{3}[ \t]?\d{3}[ \t]?\d{3}|[1-9]\d{1,3}[ \t]?\d{3,4}[ \t]?\d{3,4})(?!\d)"
        ),
        "a UK phone number",
    ),
    # US and Canada: (415) 555-0132, 415-555-0132, +1 604 555 0199, 416.555.0100
    (
        lazy(
            rf"(?<![\w+(])(?:\+?1{_SEP})?(?:\(\d{{3}}\)[ \t]?|\d{{3}}{_SEP})\d{{3}}{_SEP}\d{{4}}(?!\d)"
        ),
        "a US or Canadian phone number",
    ),
    # Australia: 0412 345 678, +61 412 345 678, (02) 9876 5432, 1300 123 456, 13 22 11
    (
        lazy(
            r"(?<![\w+])(?:(?:\+61[ \t]?|0)4\d{2}[ \t]?\d{3}[ \t]?\d{3}|(?:\+61[ \t]?|\(0[2378]\)[ \t]?|0[2378][ \t]?)\d{4}[ \t]?\d{4}"
            r"|1[38]00[ \t]?\d{3}[ \t]?\d{3})(?!\d)"
        ),
        "an Australian phone number",
    ),
]
_EMAIL = lazy(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_URL = lazy(r"(?<![^\s(\[<\"'\u201c\u2018])(?:https?://|www\.)[^\s<>\"]+")
_DOMAIN = lazy(
    r"(?<![\w@./-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co\.uk|org\.uk|nhs\.uk|gov\.uk|com\.au|org\.au|ca|au)"
    r"(?:/[^\s<>\"]*)?(?![\w@])"
)


def find(text: str) -> Iterator[Finding]:
    for pattern, why in _PHONES:
        yield from spans("contact", pattern, text, why, needs=DIGITS)
    yield from spans("contact", _EMAIL, text, "an email address", needs=("@",))
    yield from spans(
        "contact", _URL, text, "a web address: it can lead to a person or a place", needs=("http", "www.")
    )
    yield from spans(
        "contact",
        _DOMAIN,
        text,
        "a web address: it can lead to a person or a place",
        needs=(".com", ".org", ".net", ".io", ".uk", ".au", ".ca"),
    )
