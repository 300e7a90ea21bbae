"""What a detector reports: a span of the draft, its kind, and why it matters."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Protocol

from clinician_compass.record import record

KINDS = (
    "name",
    "contact",
    "record-number",
    "photo",
    "date",
    "age",
    "place",
    "occupation",
    "rare-detail",
    "patient",
)
"""Every kind of finding, in the order a result lists them."""

DIRECT = frozenset({"name", "contact", "record-number", "photo"})
"""Kinds that can identify someone on their own."""

QUASI = frozenset({"date", "age", "place", "occupation", "rare-detail"})
"""Kinds that identify in combination: the GMC's "sum of information"."""


@record(frozen=True)
class Finding:
    """One span of the draft that could help identify a patient, or shows the post is about one."""

    kind: str
    start: int
    """Character offset of the first character, into the text as given."""
    end: int
    """Character offset just past the last character."""
    text: str
    why: str

    def overlaps(self, other: Finding) -> bool:
        return self.start < other.end and other.start < self.end

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end, "why": self.why}


_FOLD = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ\u0130\u0131\u017f\u212a", "abcdefghijklmnopqrstuvwxyziisk"
)
"""ASCII capitals, and the letters beyond ASCII that ``re.IGNORECASE`` matches to ASCII ones (dotted and
dotless I, long S, the Kelvin sign): tests/test_post_check_keys.py scans every code point for more."""


def fold(text: str) -> str:
    """``text`` as ``re.IGNORECASE`` sees ASCII letters: lowered, look-alikes such as "\u017f" made "s".

    A word that a case-blind pattern matches in ``text`` occurs, folded, in this.
    """
    return text.translate(_FOLD)


@lru_cache(maxsize=4)
def folded(text: str) -> str:
    """``fold(text)``, once for the several lists that look a draft's words up."""
    return fold(text)


def present(text: str, needs: Iterable[str]) -> bool:
    """Whether any of the trigger words ``needs`` (lower case) occurs in ``text``, folded as a case-blind
    pattern sees it (so "\u017felfie" has "selfie"); no needs: always. Folding keeps the length, so a
    trigger search is one C-level scan."""
    low = folded(text)
    triggers = tuple(needs)
    return not triggers or any(word in low for word in triggers)


class Lazy:
    """A regular expression compiled the first time a draft has its trigger words (``spans``'s ``needs``).

    Compiling the detectors' expressions is most of what a check costs when the command starts: a
    draft with no digit never needs the date or postcode patterns, one with no "@" never the handle's.
    """

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)

    def search(self, text: str) -> re.Match[str] | None:
        return self.compiled.search(text)


def lazy(source: str, flags: int = 0) -> Lazy:
    """``re.compile(source, flags)``, put off until a draft needs it: for the patterns a check skips
    when the draft lacks their trigger words (``needs``, or a detector's own test such as "no digit")."""
    return Lazy(source, flags)


class Scanner(Protocol):
    """What ``spans`` scans with: a compiled pattern, a ``Lazy`` one, or a ``keyed.Keyed`` one."""

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]: ...


def spans(
    kind: str,
    pattern: Scanner,
    text: str,
    why: str,
    *,
    group: int | str = 0,
    needs: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """A finding for each match of ``pattern`` (its ``group``), trailing punctuation trimmed.

    ``needs`` lists words (lower case) without one of which the pattern cannot match: a draft
    without them is not scanned at all, which keeps the check fast as the patterns grow.
    """
    if needs and not present(text, needs):
        return
    for match in pattern.finditer(text):
        start, end = match.span(group)
        if start < 0:
            continue
        while end > start and text[end - 1] in ".,;:!?)'\u2019\"":
            end -= 1
        if end > start:
            yield Finding(kind, start, end, text[start:end], why)


def tidy(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """One finding per stretch of a kind: overlapping findings of one kind merge, the first one's reason kept."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.kind, f.start, -f.end)):
        last = kept[-1] if kept else None
        if last and last.kind == finding.kind and last.overlaps(finding):
            if finding.end > last.end:
                kept[-1] = Finding(
                    last.kind, last.start, finding.end, text[last.start : finding.end], last.why
                )
            continue
        kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, KINDS.index(f.kind)))


def words(block: str) -> frozenset[str]:
    """A word list written as a block of text, one word or name per space."""
    return frozenset(block.split())


DIGITS = tuple("0123456789")
"""The trigger for patterns that need a digit."""
