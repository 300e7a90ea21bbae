"""The pieces of each part she would paste somewhere, one at a time: a reply, a bio line, the short form.

Each piece is its text only (no heading, no "83 of 160 characters" note), so what lands in
the clipboard is exactly what goes into the platform's box.
"""

from __future__ import annotations

from clinician_compass.documents import bios, scripts
from clinician_compass.documents.checklist import ACCOUNT_NAMES
from clinician_compass.documents.export import render
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import Policy


def _account(platform_name: str, key: str, two: bool, handle: str) -> str:
    name = platform_name
    if two:
        name += f", {ACCOUNT_NAMES.get(key, f'{key} account')}"
    return name + (f" {handle.strip()}" if handle.strip() else "")


def items(policy: Policy, catalog: Catalog, part: str) -> list[tuple[str, str]]:
    """(label, text) for each piece of ``part``, then the whole part as plain text last."""
    found: list[tuple[str, str]] = []
    if part == "bios":
        for bio in bios.build(policy, catalog):
            if not bio.line.strip():
                continue
            view = bio.view
            where = _account(bio.platform.name, view.key, view.two, view.handle) if view else bio.platform.name
            found.append((f"Profile line: {where}", bio.line))
    elif part == "scripts":
        doc = scripts.build(policy, catalog)
        for account in doc.accounts:
            view = account.view
            where = _account(view.platform.name, view.key, view.two, view.handle)
            for reply in account.replies:
                found.append((f"{reply.script.title}: {where}", reply.text))
        for reply in doc.everywhere:
            found.append((f"{reply.script.title}: everywhere", reply.text))
    elif part == "short":
        from clinician_compass.documents.short_form import effective_short_form

        text = effective_short_form(policy, catalog).strip()
        if text:
            found.append(("The short form", text))
    elif part == "patients":
        found.append(("The statement for patients", render(policy, catalog, format="txt", part="patients").strip()))
        return found
    found.append(("The whole tab", render(policy, catalog, format="txt", part=part).strip()))
    return found
