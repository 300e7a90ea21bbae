"""Which conflicts an answer would leave open, told as the clinician meets them: with the earlier answer.

Plain Python (no Textual), so the decision screen, review and any other face share it, and
tests can read it directly. A conflict is shown once however many accounts it
touches; each account's earlier answer is listed, so she can change any of them.
"""

from __future__ import annotations

import copy

from clinician_compass.guidance.model import Conflict, Decision
from clinician_compass.policy.commitments import AccountRef
from clinician_compass.policy.conflicts import Found, open_conflicts
from clinician_compass.policy.model import ACCOUNT_PURPOSE, Policy
from clinician_compass.record import record
from clinician_compass.walkthrough.plan import Plan, Step
from clinician_compass.walkthrough.session import Session


@record(frozen=True)
class Earlier:
    """The other answer in a conflict: which decision, on which account, what she chose there."""

    decision: Decision
    where: str
    """ "X · personal @handle", "Facebook", or "Everywhere" for a decision asked once."""
    choice: str
    """The chosen option's label (or the only one the platform allows)."""
    step: Step | None
    """Where she can change it, once this answer is recorded; None when the platform leaves no choice."""


@record(frozen=True)
class Clash:
    """One conflict an answer brings about, and every earlier answer it is with."""

    conflict: Conflict
    earlier: tuple[Earlier, ...]


def touches(found: Found, step: Step) -> bool:
    """Whether ``step``'s answer is one of the two that make ``found``."""
    if step.decision not in (found.first, found.second):
        return False
    if step.platform is None:
        return True
    if step.account is None:
        return found.where.platform == step.platform
    return found.where == AccountRef(step.platform, step.account)


def clashes_if(session: Session, step: Step, choice: str) -> list[Clash]:
    """The conflicts answering ``step`` with ``choice`` leaves open, unless this answer already keeps them.

    New conflicts come from ``session.conflicts_if``; re-confirming the same
    choice (a second walkthrough, or a jump from review) also brings back the
    open ones it is part of, so she can settle them there.
    """
    previous = session.plan.answer(step)
    same = previous is not None and previous.choice == choice
    kept = previous.keeps if previous is not None and same else ()
    found = session.conflicts_if(step, choice)
    if same:
        found += [
            f for f in open_conflicts(session.working, session.catalog) if touches(f, step) and f not in found
        ]
    trial = copy.deepcopy(session.working)
    trial.set_answer(step.platform, step.decision, choice, "", step.account)
    plan = Plan(session.catalog, session.platforms, trial)
    grouped: dict[str, list[Found]] = {}
    for f in found:
        if f.conflict.id not in kept:
            grouped.setdefault(f.conflict.id, []).append(f)
    return [
        Clash(group[0].conflict, tuple(_earlier(f, step, trial, plan) for f in group))
        for group in grouped.values()
    ]


def step_for(decision: Decision, where: AccountRef) -> Step:
    """The step that asks ``decision`` for the account ``where`` (its platform, or once for all)."""
    if decision.scope == "global":
        return Step(None, decision.id)
    if decision.id == ACCOUNT_PURPOSE:
        return Step(where.platform, decision.id)
    return Step(where.platform, decision.id, where.account)


def _earlier(found: Found, step: Step, policy: Policy, plan: Plan) -> Earlier:
    other_id = found.second if found.first == step.decision else found.first
    decision = plan.catalog.decisions[other_id]
    other = step_for(decision, found.where)
    answer = policy.answer(other.platform, other.decision, other.account)
    option = decision.option(answer.choice) if answer else None
    if option is None:  # a decision the platform leaves one way to answer
        options = decision.options_for(plan.platform(other))
        option = options[0] if len(options) == 1 else None
    return Earlier(
        decision=decision,
        where=plan.group_name(other) if other.platform is None or other.platform in policy.platforms else "",
        choice=option.label if option else (answer.choice if answer else "not decided"),
        step=other if other in plan.steps else None,
    )


def jump_target(found: Found, plan: Plan) -> Step | None:
    """Where review sends her to settle ``found``: the later of its two answers, else the other."""
    for decision_id in (found.second, found.first):
        decision = plan.catalog.decisions.get(decision_id)
        if decision is not None and (candidate := step_for(decision, found.where)) in plan.steps:
            return candidate
    return None
