"""What ``?`` and a number reads out: one option's pros and cons, the guidance, and how the platform works.

The same facts as the TUI's detail panel, as plain lines: each guidance
statement names its source (short name and year) and how it was checked, each
platform fact its checked date and confidence, so nothing unverified passes
for checked.
"""

from __future__ import annotations

from clinician_compass.guidance.model import Catalog, Decision, Option, Platform, Verification
from clinician_compass.guidance.ranking import ordered_guidance

_CHECKED = {
    Verification.SECONDARY: " (checked via a secondary source)",
    Verification.NOT_VERIFIED: " (NOT VERIFIED: treat as unconfirmed)",
}


def option_lines(option: Option) -> list[str]:
    lines = [f"{option.label}.", f"Your policy would say: {option.policy}", "For:"]
    lines += [f"  + {pro}" for pro in option.pros]
    lines.append("Against:")
    lines += [f"  - {con}" for con in option.cons]
    return lines


def guidance_lines(decision: Decision, catalog: Catalog, role: str, jurisdiction: str) -> list[str]:
    """The decision's guidance statements in ``guidance.ranking``'s order, each with its label
    ("GMC: must", "BMA (UK): advises"), and the absence line when no body of hers speaks."""
    ordered = ordered_guidance(decision, catalog, role, jurisdiction)
    lines = ["What the guidance says:"]
    if ordered.absence:
        lines.append(f"  {ordered.absence}")
    for item in ordered.items:
        statement = item.statement
        assert statement is not None  # a decision's items are its statements
        note = f" ({item.note})" if item.note else ""
        tag = _CHECKED.get(statement.verification, "")
        lines.append(f"  {item.label} ({item.source.year}){note}{tag}: {statement.says}")
    if decision.disagreement:
        lines.append(f"  Where the bodies disagree: {decision.disagreement}")
    if decision.silence:
        lines.append(f"  What the guidance does not say: {decision.silence}")
    return lines


def platform_lines(decision: Decision, platform: Platform) -> list[str]:
    topics = decision.facts or tuple(platform.facts)
    facts = [platform.facts[t] for t in topics if t in platform.facts]
    lines = [f"How {platform.name} works:"]
    lines += [f"  {f.text} (checked {f.checked.isoformat()}, {f.confidence.label})" for f in facts]
    if not facts:
        lines.append("  Nothing checked about this for this platform yet.")
    return lines


def details(
    option: Option,
    decision: Decision,
    platform: Platform | None,
    catalog: Catalog,
    role: str,
    jurisdiction: str,
) -> list[str]:
    """Everything about one option, in the order she weighs it."""
    lines = option_lines(option) + guidance_lines(decision, catalog, role, jurisdiction)
    if platform is not None:
        lines += platform_lines(decision, platform)
    return lines
