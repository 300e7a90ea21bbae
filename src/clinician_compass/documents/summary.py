"""The one-screen summary ``clinician-compass show`` prints."""

from __future__ import annotations

from pathlib import Path

from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import JURISDICTIONS, ROLES, Answer, Policy


def _answer_label(catalog: Catalog, decision_id: str, answer: Answer) -> str:
    decision = catalog.decisions.get(decision_id)
    option = decision.option(answer.choice) if decision else None
    label = option.label if option else f"{answer.choice} (not in this app's catalog)"
    title = decision.title if decision else decision_id
    note = f"  ({answer.note})" if answer.note else ""
    return f"  {title}: {label}{note}"


def summary_text(policy: Policy, catalog: Catalog, *, policy_path: Path | None = None) -> str:
    p = policy.profile
    who = ", ".join(x for x in (p.display_name, ROLES.get(p.role, p.role), JURISDICTIONS.get(p.jurisdiction, "")) if x)
    lines = [f"Social media policy: {who}" if who else "Social media policy"]
    if policy.short_form.text:
        lines += ["", policy.short_form.text]
    for platform_id, entry in policy.platforms.items():
        platform = catalog.platforms.get(platform_id)
        lines += ["", platform.name if platform else platform_id]
        handles = [h for h in (entry.professional_handle, entry.personal_handle) if h]
        if handles:
            lines.append("  handles: " + ", ".join(handles))
        lines += [_answer_label(catalog, d, a) for d, a in entry.decisions.items()] or ["  nothing decided yet"]
    if policy.global_decisions:
        lines += ["", "Everywhere"]
        lines += [_answer_label(catalog, d, a) for d, a in policy.global_decisions.items()]
    reviewed = policy.meta.last_reviewed or policy.meta.created
    due = "  (review due)" if policy.review_due() else ""
    lines += ["", f"Last reviewed {reviewed.isoformat()}{due}"]
    if policy_path:
        lines.append(f"File: {policy_path}")
    return "\n".join(lines)
