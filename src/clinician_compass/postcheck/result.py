"""A checked draft, and the report the faces show: findings, risk, her policy, the platform, what to do."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from clinician_compass.postcheck.advice import (
    DECISION,
    GUIDANCE,
    PlatformFact,
    platform_facts,
    policy_line,
    what_to_do,
)
from clinician_compass.postcheck.detect import find_all
from clinician_compass.postcheck.finding import KINDS, Finding
from clinician_compass.postcheck.image import ImageFacts
from clinician_compass.postcheck.risk import Assessment, Risk, assess

if TYPE_CHECKING:
    from clinician_compass.guidance.model import Platform
    from clinician_compass.policy.model import Policy


@dataclass(frozen=True, slots=True)
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
    return PostCheck(text, findings, assess(findings, image=image is not None), image)


@dataclass(frozen=True, slots=True)
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
                {"name": self.platform, "facts": [_fact(f) for f in self.facts]}
                if self.platform
                else None
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
    )
