"""What the clinician decided about a situation: their own answer beside the guidance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clinician_compass.guidance.model import Catalog, Situation
from clinician_compass.guidance.ranking import OrderedGuidance, ordered_situation
from clinician_compass.policy.model import Policy
from clinician_compass.reference.search import Hit


@dataclass(frozen=True, slots=True)
class YourAnswer:
    decision: str
    decision_title: str
    platform: str | None
    """None for a global decision."""
    platform_name: str
    choice: str | None
    """The chosen option id, or None when not decided yet."""
    label: str
    policy_sentence: str
    note: str


@dataclass(frozen=True, slots=True)
class Reference:
    """One hit with everything the quick reference shows for it."""

    hit: Hit
    answers: tuple[YourAnswer, ...]
    script_text: str
    ordered: OrderedGuidance | None = None
    """The situation's sources in the clinician's order (own regulator first), with the absence line."""

    @property
    def decided(self) -> tuple[YourAnswer, ...]:
        return tuple(a for a in self.answers if a.choice is not None)

    def as_json(self) -> dict[str, Any]:
        situation = self.hit.situation
        return {
            "id": situation.id,
            "title": situation.title,
            "score": self.hit.score,
            "decisions": list(situation.decisions),
            "your_answer": [
                {
                    "decision": a.decision,
                    "platform": a.platform,
                    "choice": a.choice,
                    "label": a.label,
                    "note": a.note,
                }
                for a in self.decided
            ]
            or None,
            "guidance": situation.guidance,
            "own_suggestion": situation.own_suggestion,
            "weak_match": self.hit.weak,
            "sources": [i.source.id for i in self.ordered.items] if self.ordered else list(situation.sources),
            "source_labels": [i.label for i in self.ordered.items] if self.ordered else [],
            "absence": self.ordered.absence if self.ordered else "",
            "script": self.script_text or None,
        }


def answers_for(hit: Hit, catalog: Catalog, policy: Policy | None, platform: str | None = None) -> Reference:
    """The clinician's answers to the decisions a situation touches.

    Per-platform decisions are shown for ``platform`` if given, else for each
    platform in the policy where the decision applies.
    """
    answers: list[YourAnswer] = []
    for decision_id in hit.situation.decisions:
        decision = catalog.decisions[decision_id]
        if decision.scope == "global":
            targets: list[str | None] = [None]
        elif platform in catalog.platforms:
            # A decision the walkthrough never asks on this platform has no answer to show there.
            targets = [platform] if decision.applies_to(catalog.platforms[platform]) else []
        else:
            targets = [p for p in (policy.platforms if policy else {}) if p in catalog.platforms]
            targets = [p for p in targets if decision.applies_to(catalog.platforms[p])] or []
        for target in targets:
            answer = policy.answer(target, decision_id) if policy else None
            option = decision.option(answer.choice) if answer else None
            answers.append(
                YourAnswer(
                    decision=decision_id,
                    decision_title=decision.title,
                    platform=target,
                    platform_name=catalog.platforms[target].name if target else "Everywhere",
                    choice=option.id if option else None,
                    label=option.label if option else "not decided yet",
                    policy_sentence=option.policy if option else "",
                    note=answer.note if answer and option else "",
                )
            )
    script = catalog.scripts.get(hit.situation.script) if hit.situation.script else None
    script_text = ""
    if script:
        profile = policy.profile if policy else None
        script_text = script.fill(
            name=profile.display_name if profile else "",
            practice_contact=(profile.practice_contact if profile else "") or "<your practice contact>",
        )
    ordered = situation_guidance(hit.situation, catalog, policy)
    return Reference(hit, tuple(answers), script_text.strip(), ordered)


def situation_guidance(situation: Situation, catalog: Catalog, policy: Policy | None) -> OrderedGuidance:
    """A situation's sources for this clinician's role and country ("other" for both without a policy)."""
    profile = policy.profile if policy else None
    return ordered_situation(
        situation, catalog, profile.role if profile else "other", profile.jurisdiction if profile else "other"
    )
