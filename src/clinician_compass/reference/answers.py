"""What the clinician decided about a situation: their own answer beside the guidance."""

from __future__ import annotations

from typing import Any

from clinician_compass.documents.accounts import views
from clinician_compass.documents.scripts import NO_REPLY, reply_for, suggested_reply
from clinician_compass.guidance.commitments import SUGGESTED_REPLIES
from clinician_compass.guidance.model import Catalog, Situation
from clinician_compass.guidance.ranking import OrderedGuidance, ordered_situation
from clinician_compass.policy.model import Policy
from clinician_compass.record import record
from clinician_compass.reference.search import Hit


@record(frozen=True)
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
    account: str | None = None
    """The account key for an account decision ("professional", "personal"...); None otherwise."""
    reply: str = ""
    """The reply her choice on this account calls for, ``NO_REPLY``, or "" when there is none to show."""


@record(frozen=True)
class Reference:
    """One hit with everything the quick reference shows for it."""

    hit: Hit
    answers: tuple[YourAnswer, ...]
    script_text: str
    ordered: OrderedGuidance | None = None
    """The situation's sources in the clinician's order (own regulator first), with the absence line."""
    suggested: bool = False
    """Whether the reply is the app's suggestion for a moment no decision covers, not her policy."""

    @property
    def replies(self) -> tuple[tuple[str, str], ...]:
        """(account, reply) for each account whose reply differs, in order; NO_REPLY included."""
        found: dict[str, str] = {}
        for a in self.answers:
            if a.reply and a.platform_name not in found:
                found[a.platform_name] = a.reply
        return tuple(found.items()) if len(set(found.values())) > 1 else ()

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
                    "account": a.account,
                    "where": a.platform_name,
                    "choice": a.choice,
                    "label": a.label,
                    "note": a.note,
                    "reply": a.reply or None,
                }
                for a in self.decided
            ]
            or None,
            "guidance": situation.guidance,
            "own_suggestion": situation.own_suggestion,
            "reply_is_suggestion": self.suggested,
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
    wanted = hit.situation.script
    for decision_id in hit.situation.decisions:
        decision = catalog.decisions[decision_id]
        if decision.scope == "global":
            targets: list[str | None] = [None]
        elif platform is not None and platform in catalog.platforms:
            # A decision the walkthrough never asks on this platform has no answer to show there.
            targets = [platform] if decision.applies_to(catalog.platforms[platform]) else []
        else:
            targets = [
                p
                for p in (policy.platforms if policy else {})
                if p in catalog.platforms and decision.applies_to(catalog.platforms[p])
            ]
        for target in targets:
            for account, where in _accounts(policy, catalog, target, decision.per_account):
                answer = policy.answer(target, decision_id, account) if policy else None
                option = decision.option(answer.choice) if answer else None
                reply = reply_for(policy, catalog, target, account, wanted) if policy and wanted else ""
                answers.append(
                    YourAnswer(
                        decision=decision_id,
                        decision_title=decision.title,
                        platform=target,
                        platform_name=where,
                        choice=option.id if option else None,
                        label=option.label if option else "not decided yet",
                        policy_sentence=option.policy if option else "",
                        note=answer.note if answer and option else "",
                        account=account,
                        reply=reply if option else "",
                    )
                )
    ordered = situation_guidance(hit.situation, catalog, policy)
    script = catalog.scripts.get(wanted) if wanted else None
    suggested = script is not None and script.kind in SUGGESTED_REPLIES
    if suggested and script is not None and policy is not None:  # no choice of hers covers it: our suggestion, filled for her
        text = suggested_reply(policy, catalog, platform if platform in catalog.platforms else None, None, script.kind)
    else:
        text = _script_text(hit, catalog, policy, answers)
    return Reference(hit, tuple(answers), text, ordered, suggested)


def _accounts(
    policy: Policy | None, catalog: Catalog, target: str | None, per_account: bool
) -> list[tuple[str | None, str]]:
    """(account key, how it is named) for each account a decision is answered on at ``target``."""
    if target is None:
        return [(None, "Everywhere")]
    name = catalog.platforms[target].name
    if policy is None or not per_account or target not in policy.platforms:
        return [(None, name)]
    found: list[tuple[str | None, str]] = [(v.key, v.title) for v in views(policy, catalog, target)]
    return found or [(None, name)]


def _script_text(hit: Hit, catalog: Catalog, policy: Policy | None, answers: list[YourAnswer]) -> str:
    """The reply to copy: her own (the first account's that calls for one), or with no policy the plain script."""
    if policy is not None:
        return next((a.reply for a in answers if a.reply and a.reply != NO_REPLY), "")
    script = catalog.scripts.get(hit.situation.script) if hit.situation.script else None
    if script is None:
        return ""
    # No policy, so no jurisdiction: the generic emergency wording, and no crisis line we cannot know.
    return script.fill(
        name="",
        practice_contact="<your practice contact>",
        emergency=catalog.emergency["other"].emergency,
        crisis="",
        handle="my professional account",
    ).strip()


def situation_guidance(situation: Situation, catalog: Catalog, policy: Policy | None) -> OrderedGuidance:
    """A situation's sources for this clinician's role and country ("other" for both without a policy)."""
    profile = policy.profile if policy else None
    return ordered_situation(
        situation, catalog, profile.role if profile else "other", profile.jurisdiction if profile else "other"
    )
