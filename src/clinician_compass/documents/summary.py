"""The one-screen summary ``clinician-compass show`` prints: the short form first.

A typical policy (three platforms) fits in about 24 lines: choices shared by
every platform are said once, each platform is then a header line and the
rest of its choices as maxims; the full policy is one ``export`` away.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clinician_compass.documents.answers import Entry, global_entries, platform_entries
from clinician_compass.documents.dates import last_review, next_review
from clinician_compass.documents.profile_text import who
from clinician_compass.documents.safe_text import one_line, printable
from clinician_compass.documents.short_form import effective_short_form
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import Policy

WIDTH = 78
SEPARATOR = " · "


def _choice(entry: Entry) -> str:
    if entry.option:
        return entry.option.maxim
    assert entry.answer
    return f"{one_line(entry.answer.choice)} (unknown option)"


def wrap_items(items: list[str], width: int = WIDTH, indent: str = "  ") -> list[str]:
    """Items joined by " · ", wrapped between items only, so no maxim is split over two lines."""
    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line}{SEPARATOR}{item}" if line else item
        if line and len(indent) + len(candidate) > width:
            lines.append(indent + line + SEPARATOR.rstrip())
            line = item
        else:
            line = candidate
    if line:
        lines.append(indent + line)
    return lines


def _shared(policy: Policy, catalog: Catalog) -> set[tuple[str, str]]:
    """(decision, choice) pairs every one of two or more platforms has: said once, not per platform."""
    if len(policy.platforms) < 2:
        return set()
    per_platform = [
        {
            (e.decision_id, e.answer.choice)
            for e in platform_entries(policy, catalog, p)
            if e.answer and e.option
        }
        for p in policy.platforms
    ]
    return set.intersection(*per_platform)


def summary_text(
    policy: Policy, catalog: Catalog, *, policy_path: Path | None = None, today: date | None = None
) -> str:
    """The short form, who the policy is for, each platform's choices, and when it is due for review.

    ``today`` decides only the "review due" flag; it defaults to the real date.
    """
    short = effective_short_form(policy, catalog)
    lines = [short or "No short form yet: make a few decisions first.", ""]
    p = policy.profile
    lines.append(f"Social media policy: {who(p)}")
    if p.practice_contact.strip():
        lines.append(f"Patients reach me through: {one_line(p.practice_contact)}")
    lines.append("")
    shared = _shared(policy, catalog)
    if shared:
        first = platform_entries(policy, catalog, next(iter(policy.platforms)))
        common = [e for e in first if e.answer and (e.decision_id, e.answer.choice) in shared]
        lines += [f"All {len(policy.platforms)} platforms", *wrap_items([_choice(e) for e in common])]
    for platform_id, entry in policy.platforms.items():
        platform = catalog.platforms.get(platform_id)
        name = platform.name if platform else f"{platform_id} (not in this app's catalog)"
        handles = [one_line(a.handle) for a in entry.accounts.values() if a.handle.strip()]
        entries = platform_entries(policy, catalog, platform_id)
        decided = [e for e in entries if e.answer]
        lines.append("  ".join([name, *handles, f"{len(decided)} of {len(entries)} decided"]))
        lines += wrap_items([_choice(e) for e in decided if (e.decision_id, e.answer.choice) not in shared])
    if not policy.platforms:
        lines.append("No platforms chosen yet.")
    everywhere = global_entries(policy, catalog)
    decided = [e for e in everywhere if e.answer]
    lines += [
        "",
        f"Everywhere  {len(decided)} of {len(everywhere)} decided",
        *wrap_items([_choice(e) for e in decided]),
    ]
    due = "  (review due now)" if policy.review_due(today) else ""
    done = "Last reviewed" if policy.meta.last_reviewed else "Written"
    lines += [
        "",
        f"{done} {last_review(policy).isoformat()}; next review {next_review(policy).isoformat()}{due}",
    ]
    if policy.is_empty:
        lines.append("To start, run clinician-compass and answer the questions for each platform.")
    if policy_path:
        lines.append(f"File: {policy_path}")
    return printable("\n".join(lines))
