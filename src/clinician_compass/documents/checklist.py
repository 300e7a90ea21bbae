"""The settings checklist as a document: each account, and the settings that make it match her decisions.

The steps come from ``policy.checklist`` (a step is listed only where the
account's commitments call for it). Each step shows where the setting is, the
day its facts were checked and how sure we are of them; where they are not
verified, the document says so and tells her to look for the wording rather
than trust the menu path.
"""

from __future__ import annotations

from typing import Any

from clinician_compass.documents.dates import long_date
from clinician_compass.documents.writer import Inline, Writer, code, raw, strong
from clinician_compass.guidance.model import Catalog, Confidence, SetupStep
from clinician_compass.policy.checklist import AccountChecklist, Item, checklist_for
from clinician_compass.policy.model import UNDECIDED_ACCOUNT, Policy

LOOK_FOR_WORDING = "Menu names change: look for this wording."
"""Added to every step whose facts are not verified: the path may be out of date."""

PROFILE_LINE_STEP = "bio-line"
"""The step that pastes the profile line in; the profile lines part holds its text."""

ACCOUNT_NAMES = {
    "professional": "professional account",
    "personal": "personal account",
    "mixed": "account for personal and professional use",
    UNDECIDED_ACCOUNT: "account (what it is for is not decided yet)",
}

_BREAK = Inline("\\\n  ", "\n  ")
"""A line break inside a bullet: CommonMark's hard break, or a new indented line."""


def account_heading(checklist: AccountChecklist) -> str:
    """ "X (formerly Twitter): personal account @janeatweekends"."""
    name = ACCOUNT_NAMES.get(checklist.account_key, f"{checklist.account_key} account")
    handle = checklist.handle.strip()
    return f"{checklist.platform.name}: {name}" + (f" {handle}" if handle else "")


def where(step: SetupStep) -> str:
    """Where the setting is, with the warning an unverified path needs."""
    text = f"Where: {step.path}." if step.path else "Where: the menu path is not recorded here."
    if step.confidence is Confidence.UNVERIFIED:
        text += " " + LOOK_FOR_WORDING
    return text


def provenance(step: SetupStep, jurisdiction: str = "") -> str:
    """ "Checked 22 November 2026 (secondary source): ...", or "(NOT VERIFIED)": on every step."""
    source = step.source.rstrip()
    end = "" if source.endswith((".", "?", "!")) else "."
    return f"Checked {long_date(step.checked, jurisdiction)} ({step.confidence.label}): {source}{end}"


def undecided(policy: Policy, catalog: Catalog, checklist: AccountChecklist) -> int:
    """How many of the account's questions are still open: their settings cannot be listed yet."""
    account = policy.platforms[checklist.platform.id].accounts[checklist.account_key]
    return sum(
        1
        for d in catalog.account_decisions(checklist.platform.id)
        if len(d.options_for(checklist.platform)) > 1 and d.id not in account.decisions
    )


def _item(item: Item, jurisdiction: str) -> list[str | Inline]:
    pieces: list[str | Inline] = [raw("[x] " if item.done else "[ ] "), strong(item.step.title)]
    if item.step.id == PROFILE_LINE_STEP:
        pieces += [" (the text is in your profile lines: ", code("clinician-compass export --part bios"), ")"]
    pieces += [_BREAK, where(item.step), _BREAK, provenance(item.step, jurisdiction)]
    if item.done_on is not None:
        pieces += [_BREAK, f"Done on {long_date(item.done_on, jurisdiction)}."]
    return pieces


def write(policy: Policy, catalog: Catalog, w: Writer) -> None:
    w.title("Settings checklist")
    lists = checklist_for(policy, catalog)
    if not lists:
        w.paragraph(
            "No accounts yet. Choose your platforms in the app, and the settings for each account appear here."
        )
        return
    w.paragraph(
        "For each account, the settings that make it work the way you decided, in the order to change them. "
        "Each step says when its facts were checked and how sure we are of them. A step you have ticked off "
        "shows the day you did it."
    )
    jurisdiction = policy.profile.jurisdiction
    for checklist in lists:
        w.heading(account_heading(checklist))
        if checklist.steps:
            w.paragraph(f"{checklist.done} of {len(checklist.steps)} done.")
            w.bullets(_item(item, jurisdiction) for item in checklist.steps)
        else:
            w.paragraph("Nothing to change here for the choices made so far.")
        if open_ := undecided(policy, catalog, checklist):
            w.paragraph(
                "1 question is still open for this account; any settings it calls for appear once you decide."
                if open_ == 1
                else f"{open_} questions are still open for this account; any settings they call for appear "
                "once you decide."
            )


def as_data(policy: Policy, catalog: Catalog) -> dict[str, Any]:
    """The checklist as data: every account, every step with its date, confidence and tick."""
    accounts = []
    for checklist in checklist_for(policy, catalog):
        steps = []
        for item in checklist.steps:
            step: dict[str, Any] = {
                "id": item.step.id,
                "title": item.step.title,
                "path": item.step.path,
                "checked": item.step.checked,
                "confidence": item.step.confidence.value,
                "source": item.step.source,
            }
            if item.step.confidence is Confidence.UNVERIFIED:
                step["caution"] = LOOK_FOR_WORDING
            step["done"] = item.done
            if item.done_on is not None:
                step["done_on"] = item.done_on
            steps.append(step)
        accounts.append(
            {
                "platform": checklist.platform.id,
                "account": checklist.account_key,
                "handle": checklist.handle,
                "steps": steps,
            }
        )
    return {"accounts": accounts}
