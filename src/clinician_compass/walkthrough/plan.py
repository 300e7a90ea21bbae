"""Which decisions a walkthrough asks, in what order, and how far along the clinician is.

The walkthrough is: profile → platforms → each platform's decisions → the
global decisions → review. ``Position`` strings (``profile``, ``platforms``,
``x/visibility``, ``global/identity``, ``review``) are what the draft stores, so
a resumed walkthrough lands on the exact step it left.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinician_compass.guidance.model import Catalog, Decision, Platform
from clinician_compass.policy.model import Answer, Policy

PROFILE, PLATFORMS, REVIEW = "profile", "platforms", "review"
GLOBAL = "global"


@dataclass(frozen=True, slots=True)
class Step:
    """One decision to answer: per platform, or global when ``platform`` is None."""

    platform: str | None
    decision: str

    @property
    def position(self) -> str:
        return f"{self.platform or GLOBAL}/{self.decision}"

    @classmethod
    def from_position(cls, position: str) -> Step | None:
        group, _, decision = position.partition("/")
        if not decision:
            return None
        return cls(None if group == GLOBAL else group, decision)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a step sits: "Instagram · 3 of 7 · 42% overall"."""

    group: str
    """The platform's name, or "Everywhere" for the global decisions."""
    number: int
    of: int
    overall: float
    """Fraction of all steps answered before this one, 0.0 to 1.0."""

    def __str__(self) -> str:
        return f"{self.group} · {self.number} of {self.of} · {round(self.overall * 100)}% overall"


class Plan:
    """The ordered steps for a chosen set of platforms."""

    def __init__(self, catalog: Catalog, platform_ids: list[str] | tuple[str, ...]) -> None:
        self.catalog = catalog
        self.platform_ids = tuple(p for p in platform_ids if p in catalog.platforms)
        steps = [Step(pid, d.id) for pid in self.platform_ids for d in catalog.platform_decisions(pid)]
        steps += [Step(None, d.id) for d in catalog.global_decisions()]
        self.steps: tuple[Step, ...] = tuple(steps)

    def __len__(self) -> int:
        return len(self.steps)

    def index_of(self, position: str) -> int | None:
        step = Step.from_position(position)
        return self.steps.index(step) if step in self.steps else None

    def decision(self, step: Step) -> Decision:
        return self.catalog.decisions[step.decision]

    def platform(self, step: Step) -> Platform | None:
        return self.catalog.platforms[step.platform] if step.platform else None

    def progress(self, index: int) -> Progress:
        step = self.steps[index]
        group_steps = [i for i, s in enumerate(self.steps) if s.platform == step.platform]
        platform = self.platform(step)
        return Progress(
            group=platform.name if platform else "Everywhere",
            number=group_steps.index(index) + 1,
            of=len(group_steps),
            overall=index / len(self.steps) if self.steps else 1.0,
        )

    def answered(self, policy: Policy) -> int:
        return sum(1 for s in self.steps if policy.answer(s.platform, s.decision) is not None)

    def first_unanswered(self, policy: Policy) -> int | None:
        return next(
            (i for i, s in enumerate(self.steps) if policy.answer(s.platform, s.decision) is None), None
        )


def changed_answers(before: Policy, after: Policy, plan: Plan) -> set[Step]:
    """Steps whose answer differs between two versions: marked as changed on review."""

    def key(answer: Answer | None) -> tuple[str, str] | None:
        return (answer.choice, answer.note) if answer else None

    return {
        s
        for s in plan.steps
        if key(before.answer(s.platform, s.decision)) != key(after.answer(s.platform, s.decision))
    }
