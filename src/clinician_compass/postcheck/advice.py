"""What the result says beyond the findings: her own policy's answer, the platform's facts, what to do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from clinician_compass.postcheck.citations import CANNOT_PROVE, GMC_SUM, HIPAA_SAFE_HARBOR
from clinician_compass.postcheck.risk import Assessment
from clinician_compass.record import record

if TYPE_CHECKING:
    from clinician_compass.guidance.model import Platform
    from clinician_compass.policy.model import Policy

DECISION = "posting-about-patients"
"""The global decision whose answer the result quotes."""

_WHAT_TO_DO = {
    "name": "Take out names, initials, nicknames, handles and hashtags that name anyone involved.",
    "contact": "Take out phone numbers, email and web addresses.",
    "record-number": "Take out every record, NHS, Medicare, health card or Social Security number.",
    "photo": "Don't attach the image unless the patient agreed in writing; crop out faces, tattoos, "
    "name bands and screen labels, and strip the file's location data.",
    "date": "Leave out the day and the time: \u201crecently\u201d says enough.",
    "age": "Give a broad age (\u201can older woman\u201d), never an exact one, and never one over 89.",
    "place": "Leave out the ward, the hospital, the town and where it happened.",
    "occupation": "Leave out the job or public role.",
    "rare-detail": "A rare condition or an unusual event can identify on its own: change it or don't post.",
}


@record(frozen=True)
class PlatformFact:
    topic: str
    text: str
    checked: str
    confidence: str


def policy_line(policy: Policy | None, about_patient: bool) -> str:
    """Her own answer to "posting about patients", applied to this post."""
    if policy is None:
        return "You have no policy yet: run clinician-compass to decide whether you post about patients."
    answer = policy.global_decisions.get(DECISION)
    choice = answer.choice if answer else ""
    if not choice:
        return "You have not decided yet whether you post about patients: the walkthrough asks it."
    if choice == "never":
        return "You decided never to post about patients." + (
            " This post is about one: by your own policy, don't post it." if about_patient else ""
        )
    if choice == "deidentified-consent":
        return "You post about a patient only with their explicit consent: do you have it in writing?"
    if choice == "deidentified-only":
        return (
            "You post only de-identified teaching points, and if in doubt you don't post: "
            "every detail marked here must go."
        )
    return f"Your policy's answer to posting about patients ({choice!r}) is not one this version knows."


def platform_facts(platform: Platform | None) -> list[PlatformFact]:
    """How posts and deleting them work on the platform, with the date each fact was checked."""
    if platform is None:
        return []
    return [
        PlatformFact(topic, fact.text, fact.checked.isoformat(), fact.confidence.label)
        for topic, fact in platform.facts.items()
        if topic in ("posts", "editing")
    ]


def what_to_do(assessment: Assessment, kinds: Sequence[str]) -> list[str]:
    """One line per kind of detail found in a post about a patient; nothing to do for any other post."""
    return [_WHAT_TO_DO[k] for k in _WHAT_TO_DO if k in kinds] if assessment.about_patient else []


GUIDANCE = (GMC_SUM, HIPAA_SAFE_HARBOR, CANNOT_PROVE)
"""Why the check weighs details together, and what it cannot do, shown with every result."""


def guidance_for(jurisdiction: str) -> tuple[str, ...]:
    """The guidance lines, her own jurisdiction's first: HIPAA before the GMC for a US clinician."""
    if jurisdiction == "US":
        return (HIPAA_SAFE_HARBOR, GMC_SUM, CANNOT_PROVE)
    return GUIDANCE
