"""Run every detector over a draft and settle where two kinds claim the same words."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from clinician_compass.postcheck import (
    ages,
    contacts,
    dates,
    names,
    patient,
    photos,
    places,
    rare,
    records,
    roles,
)
from clinician_compass.postcheck.finding import Finding, tidy

_GIVES_WAY = {
    "contact": ("record-number",),
    "date": ("record-number", "contact"),
    "age": ("record-number", "contact", "date"),
    "name": ("place", "contact", "date"),
    "place": ("date",),
}
"""A finding of the key's kind is dropped where it overlaps one of these kinds: the digits of an NHS
number are not also a phone number, and "St Mary's" is a place rather than a person."""

_TITLED = "a title and a name"


def find_all(text: str, *, rare_conditions: Sequence[str] = (), practice_contact: str = "") -> list[Finding]:
    """Every finding in ``text``, in reading order, one per span and kind."""
    found = tidy(
        text,
        [
            *names.find(text),
            *contacts.find(text),
            *records.find(text),
            *photos.find(text),
            *dates.find(text),
            *ages.find(text),
            *places.find(text, practice_contact),
            *roles.find(text),
            *rare.find(text, rare_conditions),
            *patient.find(text),
        ],
    )
    by_kind: dict[str, tuple[list[int], list[int]]] = {}
    for finding in found:  # after tidy the findings of one kind are disjoint and in order
        starts, ends = by_kind.setdefault(finding.kind, ([], []))
        starts.append(finding.start)
        ends.append(finding.end)
    titled = [f for f in found if f.kind == "name" and f.why == _TITLED]
    by_kind["titled"] = ([f.start for f in titled], [f.end for f in titled])

    def overlaps(kind: str, finding: Finding) -> bool:
        starts, ends = by_kind.get(kind, ([], []))
        i = bisect_left(starts, finding.end) - 1
        return i >= 0 and ends[i] > finding.start

    kept = []
    for finding in found:
        if finding.kind == "place" and overlaps("titled", finding):
            continue  # "Mrs Hamilton" is a person, not the town
        if finding.why != _TITLED and any(overlaps(k, finding) for k in _GIVES_WAY.get(finding.kind, ())):
            continue
        kept.append(finding)
    return kept
