"""Where an edit trip ends: change one answer, add or remove a platform, without a re-walk.

Plain rules, no Textual: the app asks ``EditTrip.next_after`` where Advance goes and
finishes the trip (saves the policy, back home) when it answers ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clinician_compass.policy.model import Policy
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW, Plan, Step


@dataclass
class EditTrip:
    """One change to a saved policy: one position, or the questions of newly added platforms."""

    start: str
    """Where the trip begins: a step's position, ``profile`` or ``platforms``."""
    added: tuple[str, ...] = field(default=())
    """Platforms added on this trip: their questions (and only theirs) are asked next."""

    def next_after(self, position: str, plan: Plan) -> str | None:
        """The step after ``position`` on this trip, or None when the change is complete."""
        if position == PROFILE or position == REVIEW:
            return None
        if position == PLATFORMS:
            return self._first_of_added(plan)
        index = plan.index_of(position)
        if not self.added or index is None:
            return None
        following = [s for s in plan.steps[index + 1 :] if s.platform in self.added]
        return following[0].position if following else None

    def _first_of_added(self, plan: Plan) -> str | None:
        steps = [s for s in plan.steps if s.platform in self.added]
        return steps[0].position if steps else None


def added_platforms(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in after if p not in before)


def what_goes(policy: Policy, plan_before: Plan, removed: tuple[str, ...]) -> list[str]:
    """In words, what removing ``removed`` drops: accounts with handles, answers, ticked steps."""
    lines: list[str] = []
    for pid in removed:
        entry = policy.platforms.get(pid)
        platform = plan_before.catalog.platforms.get(pid)
        if entry is None or platform is None:
            continue
        answers = [s for s in plan_before.decision_steps if s.platform == pid and plan_before.answer(s)]
        accounts = ", ".join(
            f"{name}{' ' + acc.handle if acc.handle else ''}" for name, acc in entry.accounts.items()
        )
        ticked = sum(len(acc.checklist) for acc in entry.accounts.values())
        parts = [f"{len(answers)} {'answer' if len(answers) == 1 else 'answers'}"]
        if accounts:
            parts.insert(0, f"accounts: {accounts}")
        if ticked:
            parts.append(f"{ticked} ticked settings {'step' if ticked == 1 else 'steps'}")
        lines.append(f"{platform.name}: " + "; ".join(parts))
    return lines


__all__ = ["EditTrip", "Step", "added_platforms", "what_goes"]
