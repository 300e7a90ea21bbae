"""The statement for patients: for the waiting room, the practice website, a reply.

Built from the chosen options' ``patient_text`` (second person, plain words),
said once however many platforms share it, grouped by the platforms it holds
for, then how to reach the practice and what to do in an emergency. No jargon
and no citations: a patient reads this, not a regulator.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinician_compass.documents.answers import global_entries, known_platforms, platform_entries
from clinician_compass.documents.profile_text import EMERGENCY_NUMBERS, PLAIN_ROLES, contact
from clinician_compass.documents.safe_text import flat
from clinician_compass.documents.writer import Writer
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import Policy

TITLE = "How I use social media"


@dataclass(frozen=True, slots=True)
class Group:
    """What holds on a set of platforms, such as "On X and Instagram"."""

    platforms: tuple[str, ...]
    """Platform names, in the clinician's order."""
    lines: tuple[str, ...]

    @property
    def heading(self) -> str:
        return "On " + and_list(self.platforms)


@dataclass(frozen=True, slots=True)
class PatientStatement:
    intro: str
    groups: tuple[Group, ...]
    everywhere: tuple[str, ...]
    care: str
    emergency: str
    empty: bool

    def prose(self) -> str:
        """The running text a patient reads, headings left out: what readability is measured on."""
        lines = [self.intro, *(line for g in self.groups for line in g.lines), *self.everywhere]
        return "\n".join([*lines, self.care, self.emergency])


def and_list(items: tuple[str, ...] | list[str]) -> str:
    """Names joined as a sentence joins them: "X", "X and Y", "X, Y and Z"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _intro(policy: Policy) -> str:
    name = flat(policy.profile.display_name)
    role = PLAIN_ROLES.get(policy.profile.role, "")
    me = f"I'm {name}, {role}. " if name and role else (f"I'm {name}. " if name else "")
    return me + "This is how I use social media, and what it means for you."


def _grouped(policy: Policy, catalog: Catalog) -> tuple[tuple[Group, ...], set[str]]:
    """Each distinct text once, under the platforms it holds for; most widely shared groups first."""
    holds: dict[str, list[str]] = {}
    for platform in known_platforms(policy, catalog):
        for entry in platform_entries(policy, catalog, platform.id):
            if entry.option and entry.option.patient_text.strip():
                names = holds.setdefault(" ".join(entry.option.patient_text.split()), [])
                if platform.name not in names:
                    names.append(platform.name)
    by_platforms: dict[tuple[str, ...], list[str]] = {}
    for text, names in holds.items():
        by_platforms.setdefault(tuple(names), []).append(text)
    order = sorted(by_platforms, key=lambda names: -len(names))  # stable: first seen first among equals
    groups = tuple(Group(names, tuple(by_platforms[names])) for names in order)
    return groups, set(holds)


def build(policy: Policy, catalog: Catalog) -> PatientStatement:
    groups, said = _grouped(policy, catalog)
    everywhere: list[str] = []
    for entry in global_entries(policy, catalog):
        if entry.option and entry.option.patient_text.strip():
            text = " ".join(entry.option.patient_text.split())
            if text not in said:
                said.add(text)
                everywhere.append(text)
    care = (
        f"For anything about your care, please contact {flat(contact(policy.profile))}. "
        "Social media is not a safe place to talk about your health, so please don't send me health questions there."
    )
    number = EMERGENCY_NUMBERS.get(policy.profile.jurisdiction)
    emergency = (
        f"In an emergency, call {number} now, or your local emergency number if you are abroad."
        if number
        else "In an emergency, call your local emergency number now."
    )
    empty = not groups and not everywhere
    return PatientStatement(_intro(policy), groups, tuple(everywhere), care, emergency, empty)


def as_data(doc: PatientStatement) -> dict[str, object]:
    return {
        "title": TITLE,
        "intro": doc.intro,
        "by_platform": [{"platforms": list(g.platforms), "statements": list(g.lines)} for g in doc.groups],
        "everywhere": list(doc.everywhere),
        "care": doc.care,
        "emergency": doc.emergency,
    }


def write(doc: PatientStatement, w: Writer) -> None:
    w.title(TITLE)
    w.paragraph(doc.intro)
    if doc.empty:
        w.paragraph("I'm still writing down how I use each site and app.")
    for group in doc.groups:
        w.heading(group.heading)
        w.bullets(group.lines)
    if doc.everywhere:
        w.heading("Wherever I am online")
        w.bullets(doc.everywhere)
    w.heading("About your care")
    w.paragraph(doc.care)
    w.paragraph(doc.emergency)
