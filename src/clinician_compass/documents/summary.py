"""The one-screen summary ``clinician-compass show`` prints: the short form first.

A typical policy (three platforms) fits in about 24 lines: choices shared by
every account are said once, each account is then a header line ("X ·
professional account @DrJaneSmithGP") and the rest of its choices as maxims;
the full policy is one ``export`` away.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from clinician_compass.documents.accounts import AccountView, views
from clinician_compass.documents.answers import Entry, global_entries, platform_entries
from clinician_compass.documents.dates import last_review, next_review
from clinician_compass.documents.profile_text import who
from clinician_compass.documents.safe_text import escaped, one_line, printable
from clinician_compass.documents.short_form import effective_short_form, maxims_needed, needs_sentence
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


def _rows(policy: Policy, catalog: Catalog) -> list[tuple[str, list[Entry]]]:
    """(title, entries) for each account, the platform's own decisions in its first account's row.

    A platform the catalog does not know is one row with whatever answers it holds.
    """
    rows: list[tuple[str, list[Entry]]] = []
    by_platform: dict[str, list[AccountView]] = {}
    for view in views(policy, catalog):
        by_platform.setdefault(view.platform.id, []).append(view)
    for platform_id in policy.platforms:
        entries = platform_entries(policy, catalog, platform_id)
        own = [e for e in entries if e.account is None]
        if platform_id not in by_platform:
            rows.append((f"{platform_id} (not in this app's catalog)", entries))
            continue
        for i, view in enumerate(by_platform[platform_id]):
            rows.append((view.title, (own if i == 0 else []) + list(view.entries)))
    return rows


def _shared(rows: list[tuple[str, list[Entry]]]) -> set[tuple[str, str]]:
    """(decision, choice) pairs every one of two or more accounts has: said once, not per account."""
    if len(rows) < 2:
        return set()
    per_row = [
        {(e.decision_id, e.answer.choice) for e in entries if e.answer and e.option} for _, entries in rows
    ]
    return set.intersection(*per_row)


def summary_text(
    policy: Policy, catalog: Catalog, *, policy_path: Path | None = None, today: date | None = None
) -> str:
    """The short form, who the policy is for, each account's choices, and when it is due for review.

    ``today`` decides only the "review due" flag; it defaults to the real date.
    """
    short = effective_short_form(policy, catalog)
    if short:  # a line to each beat, as Timimi's is printed
        lines = [*(beat.strip() for beat in short.split(" / ")), ""]
    elif policy.is_empty:
        lines = ["No short form yet: make a few decisions first.", ""]
    else:
        lines = [needs_sentence(maxims_needed(policy, catalog)), ""]
    p = policy.profile
    lines.append(f"Social media policy: {who(p)}")
    if p.practice_contact.strip():
        lines.append(f"Patients reach me through: {one_line(p.practice_contact)}")
    lines.append("")
    rows = _rows(policy, catalog)
    shared = _shared(rows)
    if shared:
        first = rows[0][1]
        common = [e for e in first if e.answer and (e.decision_id, e.answer.choice) in shared]
        everyone = "Both accounts" if len(rows) == 2 else f"All {len(rows)} accounts"
        lines += [everyone, *wrap_items([_choice(e) for e in common])]
    for title, entries in rows:
        decided = [e for e in entries if e.answer]
        lines.append(f"{one_line(title)}  {len(decided)} of {len(entries)} decided")
        lines += wrap_items(
            [_choice(e) for e in decided if e.answer and (e.decision_id, e.answer.choice) not in shared]
        )
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
        lines.append(f"File: {escaped(policy_path)}")
    return printable("\n".join(lines))
