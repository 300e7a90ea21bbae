"""The review as plain lines: every answer by account, what is undecided, what conflicts.

Also how a conflict names the earlier answer it is with, so the walkthrough's
warning and the review's list say it in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

from clinician_compass.documents.profile_text import contact, who
from clinician_compass.documents.safe_text import one_line
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.commitments import AccountRef
from clinician_compass.policy.conflicts import Found, open_conflicts
from clinician_compass.walkthrough.plan import Plan, Step
from clinician_compass.walkthrough.session import Session

NOT_DECIDED = "not decided yet"


def answer_label(plan: Plan, step: Step) -> str:
    """Her answer to ``step`` as its option reads, or what the platform leaves as the only way."""
    decision = plan.decision(step)
    answer = plan.answer(step)
    if answer is not None:
        option = decision.option(answer.choice)
        return option.label if option else f"{one_line(answer.choice)} (not an option this app knows)"
    platform = plan.platform(step)
    only = decision.options_for(platform)
    if platform is not None and len(only) == 1:
        return f"{only[0].label} (the only way {platform.short_name} works)"
    return NOT_DECIDED


def place(plan: Plan, ref: AccountRef) -> str:
    """ "X, personal account @DrJane": one account as a sentence names it."""
    return plan.where(Step(ref.platform, "", ref.account))


def _step_for(plan: Plan, ref: AccountRef, decision_id: str) -> Step:
    decision = plan.catalog.decisions[decision_id]
    if decision.scope == "global":
        return Step(None, decision_id)
    if decision.scope == "platform":
        return Step(ref.platform, decision_id)
    return Step(ref.platform, decision_id, ref.account)


def conflict_lines(plan: Plan, found: Sequence[Found], answering: str) -> list[str]:
    """Each conflict the answer being given would make: which earlier answer, why, and the guidance's lean."""
    lines: list[str] = []
    by_conflict: dict[str, list[Found]] = {}
    for f in found:
        by_conflict.setdefault(f.conflict.id, []).append(f)
    for group in by_conflict.values():
        conflict = group[0].conflict
        lines.append(f"{conflict.title}. {conflict.explain}")
        earlier: dict[Step, AccountRef] = {}
        for f in group:
            other = f.first if f.second == answering else f.second
            earlier.setdefault(_step_for(plan, f.where, other), f.where)
        for step, ref in earlier.items():
            where = place(plan, ref) if step.platform else "Every platform"
            lines.append(
                f"  Your earlier answer: {where}: {plan.decision(step).title}: {answer_label(plan, step)}"
            )
        lines.append(f"  The guidance: {conflict.leans}")
    return lines


def review_lines(session: Session) -> list[str]:
    plan = session.plan
    working, catalog = session.working, session.catalog
    changed = session.changed()
    asked = plan.decision_steps
    lines = ["Review your answers.", f"{plan.answered()} of {len(asked)} decided."]
    if session.saved:
        lines[-1] += " * marks an answer changed since your saved policy."
    lines.append(f"About you: {who(working.profile) or 'not filled in'}.")
    lines.append(f"Patients reach you through: {one_line(contact(working.profile))}.")
    group: tuple[str | None, str | None] | None = None
    for step in asked:
        if (step.platform, step.account) != group:
            group = (step.platform, step.account)
            lines.append(f"{plan.where(step)}:")
        mark = "* " if step in changed else ""
        answer = plan.answer(step)
        note = f' (your note: "{one_line(answer.note)}")' if answer and answer.note else ""
        lines.append(f"  {mark}{plan.decision(step).title}: {answer_label(plan, step)}{note}")
    undecided = plan.undecided()
    if undecided:
        lines.append(f"Not decided yet: {len(undecided)}.")
        lines += [f"  {plan.where(s)}: {plan.decision(s).title}" for s in undecided]
    lines += open_conflict_lines(plan, catalog)
    return lines


def open_conflict_lines(plan: Plan, catalog: Catalog) -> list[str]:
    found = open_conflicts(plan.policy, catalog)
    if not found:
        return ["No open conflicts."]
    lines = [f"Open conflicts: {len(found)}."]
    for f in found:
        first, second = (plan.decision(_step_for(plan, f.where, d)).title for d in (f.first, f.second))
        lines.append(
            f"  {place(plan, f.where)}: {f.conflict.title} ({first} and {second}). {f.conflict.explain}"
        )
    return lines
