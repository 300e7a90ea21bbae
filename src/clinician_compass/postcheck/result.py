"""A checked draft, and the report the faces show: findings, risk, her policy, the platform, what to do."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from clinician_compass.postcheck.advice import (
    DECISION,
    GUIDANCE,
    PlatformFact,
    guidance_for,
    platform_facts,
    policy_line,
    what_to_do,
)
from clinician_compass.postcheck.detect import find_all
from clinician_compass.postcheck.finding import KINDS, Finding
from clinician_compass.postcheck.image import ImageFacts
from clinician_compass.postcheck.risk import Assessment, Risk, assess
from clinician_compass.record import record

_PARAGRAPH_BREAK = re.compile(r"(\n[ \t]*\n)")
"""Split keeping the breaks, so the parts' lengths add up to the text's."""

if TYPE_CHECKING:
    from clinician_compass.guidance.model import Platform
    from clinician_compass.policy.model import Policy


@record(frozen=True)
class PostCheck:
    """A draft and what the detectors found in it. Nothing here is kept anywhere."""

    text: str
    findings: tuple[Finding, ...]
    assessment: Assessment
    image: ImageFacts | None = None

    @property
    def risk(self) -> Risk:
        return self.assessment.risk

    @property
    def kinds(self) -> list[str]:
        found = {f.kind for f in self.findings} | ({"photo"} if self.image else set())
        return [k for k in KINDS if k in found]


def check_post(
    text: str,
    *,
    rare_conditions: Sequence[str] = (),
    practice_contact: str = "",
    image: ImageFacts | None = None,
) -> PostCheck:
    """Check a draft post for anything that could identify a patient. Pure: no I/O, nothing kept."""
    findings = tuple(find_all(text, rare_conditions=rare_conditions, practice_contact=practice_contact))
    counted = about_the_patient(text, findings)
    assessment = assess(counted, image=image is not None)
    if len(counted) < len(findings) and assessment.about_patient:
        assessment = Assessment(
            assessment.risk,
            assessment.reason
            + " Details in paragraphs that say nothing of a patient are listed but not counted.",
            True,
        )
    return PostCheck(text, findings, assessment, image)


LONG_POST = 600
"""Characters beyond which a draft is a blog post, read paragraph by paragraph."""


def about_the_patient(text: str, findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """The findings that add up: in a long post, only those in a paragraph that is about a patient.

    A blog post may mention a patient in one paragraph and its own publication date, a bank holiday
    and a colleague in others; those do not describe the patient. A short post is one paragraph.
    """
    if len(text) <= LONG_POST:
        return tuple(findings)
    bounds, start = [], 0
    for part in _PARAGRAPH_BREAK.split(text):
        bounds.append((start, start + len(part)))
        start += len(part)
    if len(bounds) < 3:
        return tuple(findings)
    about = {
        i
        for i, (lo, hi) in enumerate(bounds)
        if any(f.kind in ("patient", "record-number") and lo <= f.start < hi for f in findings)
    }
    return tuple(
        f for f in findings if any(lo <= f.start < hi for i, (lo, hi) in enumerate(bounds) if i in about)
    )


@record(frozen=True)
class Report:
    """Everything the CLI prints and the screen shows for one draft."""

    check: PostCheck
    choice: str | None
    """Her answer to ``posting-about-patients``, or None when undecided or without a policy."""
    policy: str
    platform: str
    """The platform's name, or "" when none was given."""
    facts: list[PlatformFact] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    """What to change, one line per kind of detail found (empty when the post is about no patient)."""
    guidance: tuple[str, ...] = GUIDANCE

    def as_json(self) -> dict[str, object]:
        check = self.check
        return {
            "risk": check.risk.value,
            "reason": check.assessment.reason,
            "about_patient": check.assessment.about_patient,
            "findings": [f.as_json() for f in check.findings],
            "policy": {"decision": DECISION, "choice": self.choice, "says": self.policy},
            "platform": (
                {"name": self.platform, "facts": [_fact(f) for f in self.facts]} if self.platform else None
            ),
            "image": check.image.as_json() if check.image else None,
            "advice": self.advice,
            "guidance": list(self.guidance),
        }


def _fact(fact: PlatformFact) -> dict[str, str]:
    return {"topic": fact.topic, "text": fact.text, "checked": fact.checked, "confidence": fact.confidence}


def report(check: PostCheck, policy: Policy | None, platform: Platform | None = None) -> Report:
    answer = policy.global_decisions.get(DECISION) if policy else None
    return Report(
        check,
        answer.choice if answer and answer.choice else None,
        policy_line(policy, check.assessment.about_patient),
        platform.name if platform else "",
        platform_facts(platform),
        what_to_do(check.assessment, check.kinds),
        guidance_for(policy.profile.jurisdiction if policy else ""),
    )
