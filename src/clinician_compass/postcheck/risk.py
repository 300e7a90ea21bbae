"""The sum of information: one risk level for all the findings together, and why.

The rules, in order (a post is "about a patient" when the patient detector
finds a cue or the post holds a record number, which only a patient has):

* not about a patient: ``none`` with no findings, else ``low`` whatever dates,
  places or names it holds (a colleague's name, a conference's date);
* about a patient and holding a direct identifier (a name, a contact, a
  record number, a photo mentioned or an image file given): ``high``;
* about a patient with an age over 89 (a Safe Harbor identifier on its own),
  with three or more kinds of quasi-identifier (say place, date and age), or
  with a rare detail plus any other quasi-identifier: ``high``;
* about a patient with two or more quasi-identifiers, or a rare detail alone:
  ``medium``;
* about a patient with one quasi-identifier or none: ``low``.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from clinician_compass.postcheck.citations import CANNOT_PROVE
from clinician_compass.postcheck.finding import DIRECT, KINDS, QUASI, Finding
from clinician_compass.record import record

OVER_89 = "an age over 89"


class Risk(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def blocks(self) -> bool:
        """Medium and high: the CLI exits 1 and the screen says think again."""
        return self in (Risk.MEDIUM, Risk.HIGH)


@record(frozen=True)
class Assessment:
    risk: Risk
    reason: str
    about_patient: bool


def _listed(kinds: Sequence[str]) -> str:
    words = [k.replace("-", " ") for k in kinds]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def assess(findings: Sequence[Finding], *, image: bool = False) -> Assessment:
    """The risk of ``findings`` together; ``image`` when a photo goes with the post (a direct identifier)."""
    kinds = [k for k in KINDS if any(f.kind == k for f in findings) or (k == "photo" and image)]
    about_patient = "patient" in kinds or "record-number" in kinds
    if not kinds:
        return Assessment(Risk.NONE, f"Nothing found. {CANNOT_PROVE}", False)
    if not about_patient:
        return Assessment(
            Risk.LOW,
            f"Nothing says this post is about a patient or a case, so its details ({_listed(kinds)}) are "
            "unlikely to identify one. If it is about a patient, read them again: they count.",
            False,
        )
    direct = [k for k in kinds if k in DIRECT]
    quasi = [f for f in findings if f.kind in QUASI]
    quasi_kinds = [k for k in kinds if k in QUASI]
    high = []
    if direct:
        high.append(f"a direct identifier ({_listed(direct)}) can identify someone on its own")
    if any(f.kind == "age" and f.why.startswith(OVER_89) for f in findings):
        high.append("an age over 89 is an identifier on its own under HIPAA Safe Harbor")
    if len(quasi_kinds) >= 3 or ("rare-detail" in quasi_kinds and len(quasi_kinds) >= 2):
        high.append(
            f"{_listed(quasi_kinds)} together can let the patient, their family or colleagues recognise the case"
        )
    if high:
        return Assessment(Risk.HIGH, "It is about a patient: " + "; ".join(high) + ".", True)
    if len(quasi) >= 2 or "rare-detail" in quasi_kinds:
        return Assessment(
            Risk.MEDIUM,
            f"It is about a patient and holds {len(quasi)} details that narrow who it is ({_listed(quasi_kinds)}): "
            "remove or change them and check again.",
            True,
        )
    if quasi:
        return Assessment(
            Risk.LOW,
            f"It is about a patient, with one detail that narrows who it is ({_listed(quasi_kinds)}). "
            f"Another detail would make it easier to recognise. {CANNOT_PROVE}",
            True,
        )
    return Assessment(Risk.LOW, f"It is about a patient; nothing identifying was found. {CANNOT_PROVE}", True)
