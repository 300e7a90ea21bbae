"""The clinician's policy: who they are and what they decided, platform by platform.

Plain mutable dataclasses: the walkthrough fills them in answer by answer, and
``policy.codec`` turns them into the TOML file and back. Each class keeps the
keys it does not know in ``extra`` so a newer app's or a hand-added key survives
a save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

SCHEMA_VERSION = 1
"""The file layout this app writes. Older files are migrated; newer ones refused."""

ROLES: dict[str, str] = {
    "physician": "Physician",
    "nurse": "Nurse",
    "midwife": "Midwife",
    "pharmacist": "Pharmacist",
    "allied-health": "Allied health professional",
    "student-medicine": "Medical student",
    "student-nursing": "Nursing or midwifery student",
    "student-pharmacy": "Pharmacy student",
    "student-other": "Student in another health profession",
    "other": "Other",
}
"""Role id → how it reads on screen. Students are split by discipline: each reads its own bodies."""

ROLE_ALIASES: dict[str, str] = {"student": "student-other"}
"""Old role ids a policy file may hold → the role they now read as. The old ``student`` did not say
which discipline, so it becomes ``student-other`` until the clinician picks theirs."""

JURISDICTIONS: dict[str, str] = {
    "UK": "United Kingdom",
    "US": "United States",
    "Canada": "Canada",
    "Australia": "Australia",
    "other": "Elsewhere",
}
"""Where the clinician practises; it decides whose guidance is shown first."""

REVIEW_INTERVAL_DAYS = 365
"""A policy is due for review a year after it was last reviewed."""


def now() -> datetime:
    """The current time, in UTC, to the second: what ``meta.updated`` stores."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Answer:
    """One decision answered: the chosen option and the clinician's own words."""

    choice: str
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PlatformEntry:
    """What the clinician decided for one platform they use."""

    professional_handle: str = ""
    personal_handle: str = ""
    decisions: dict[str, Answer] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Profile:
    """Who the clinician is, as far as the policy and its reply scripts need."""

    display_name: str = ""
    role: str = "other"
    jurisdiction: str = "other"
    practice_contact: str = ""
    """How patients should reach them instead, e.g. "the surgery on 020 7946 0000"."""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class ShortForm:
    """The policy in a dozen words; ``edited`` protects the clinician's own wording."""

    text: str = ""
    edited: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Meta:
    """When the policy was made and reviewed, and by which app version."""

    created: date = field(default_factory=date.today)
    updated: datetime = field(default_factory=now)
    last_reviewed: date | None = None
    app_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Policy:
    """A clinician's whole social media policy."""

    profile: Profile = field(default_factory=Profile)
    platforms: dict[str, PlatformEntry] = field(default_factory=dict)
    """Platform id → entry, in the order the clinician chose them."""
    global_decisions: dict[str, Answer] = field(default_factory=dict)
    short_form: ShortForm = field(default_factory=ShortForm)
    meta: Meta = field(default_factory=Meta)
    extra: dict[str, Any] = field(default_factory=dict)

    def answer(self, platform_id: str | None, decision_id: str) -> Answer | None:
        """The answer to a decision, per platform or global (``platform_id=None``)."""
        if platform_id is None:
            return self.global_decisions.get(decision_id)
        entry = self.platforms.get(platform_id)
        return entry.decisions.get(decision_id) if entry else None

    def set_answer(self, platform_id: str | None, decision_id: str, choice: str, note: str = "") -> None:
        if platform_id is None:
            target = self.global_decisions
        else:
            target = self.platforms.setdefault(platform_id, PlatformEntry()).decisions
        previous = target.get(decision_id)
        target[decision_id] = Answer(choice, note, previous.extra if previous else {})

    def review_due(self, today: date | None = None) -> bool:
        """Whether a year has passed since the last review (or since creation, if never reviewed)."""
        last = self.meta.last_reviewed or self.meta.created
        return ((today or date.today()) - last).days >= REVIEW_INTERVAL_DAYS

    @property
    def is_empty(self) -> bool:
        return not self.global_decisions and not any(e.decisions for e in self.platforms.values())
