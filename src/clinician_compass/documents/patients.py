"""The statement for patients: for the waiting room, the practice website, a reply.

Built from the chosen options' ``patient_text`` (second person, plain words),
said once however many platforms share it, grouped by the platforms it holds
for, then how to reach the practice and what to do in an emergency. No jargon
and no citations: a patient reads this, not a regulator.
"""

from __future__ import annotations

from clinician_compass.documents.accounts import AccountView, place, views
from clinician_compass.documents.answers import global_entries
from clinician_compass.documents.profile_text import contact, emergency_line, plain_role
from clinician_compass.documents.safe_text import flat
from clinician_compass.documents.writer import Writer
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import ACCOUNT_PURPOSE, Policy
from clinician_compass.record import record

TITLE = "How I use social media"


@record(frozen=True)
class Group:
    """What holds on a set of platforms, such as "On X and Instagram"."""

    platforms: tuple[str, ...]
    """Places as a sentence names them ("YouTube", "my website"), in the clinician's order."""
    lines: tuple[str, ...]

    @property
    def heading(self) -> str:
        return "On " + and_list(self.platforms)


@record(frozen=True)
class PatientStatement:
    intro: str
    pointers: tuple[str, ...]
    """Where to find her on a platform with two accounts: "On X, please follow my professional account…"."""
    groups: tuple[Group, ...]
    everywhere: tuple[str, ...]
    care: str
    emergency: str
    empty: bool

    def prose(self) -> str:
        """The running text a patient reads, headings left out: what readability is measured on."""
        lines = [
            self.intro,
            *self.pointers,
            *(line for g in self.groups for line in g.lines),
            *self.everywhere,
        ]
        return "\n".join([*lines, self.care, self.emergency])


def and_list(items: tuple[str, ...] | list[str]) -> str:
    """Names joined as a sentence joins them: "X", "X and Y", "X, Y and Z"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _intro(policy: Policy) -> str:
    name = flat(policy.profile.display_name)
    role = plain_role(policy.profile)
    me = f"I'm {name}, {role}. " if name and role else (f"I'm {name}. " if name else "")
    return me + "This is how I use social media, and what it means for you."


PSEUDONYM = "pseudonym-private"
SPLIT_IDENTITY = "named-professional-pseudonym-personal"


def _said(option_text: str) -> str:
    return " ".join(option_text.split())


def _mentioned(view: AccountView, identity: str | None) -> bool:
    """Whether the statement may speak of this account at all: never of one she keeps under another name."""
    return not (identity == SPLIT_IDENTITY and view.use == "personal")


def _two_accounts(view: AccountView, identity: str | None, both: bool) -> str:
    """The sentence that points patients to her professional account on a platform with two."""
    named = view.handle and identity != PSEUDONYM
    account = f"my professional account, {view.handle}" if named else "my professional account"
    line = f"On {place(view.platform)}, please follow {account}."
    return line + (" My other account there is for my family and friends." if both else "")


def _grouped(policy: Policy, catalog: Catalog) -> tuple[tuple[Group, ...], set[str], tuple[str, ...]]:
    """Each distinct text once, under the places it holds for; most widely shared groups first.

    On a platform with two accounts the professional account speaks for it, and the
    personal one is only said to be for family and friends.
    """
    identity = policy.global_decisions.get("identity")
    chosen = identity.choice if identity else None
    holds: dict[str, list[str]] = {}
    pointers: list[str] = []
    for view in views(policy, catalog):
        if not _mentioned(view, chosen) or (view.two and view.use == "personal"):
            continue
        where = place(view.platform)
        texts = []
        if view.two:
            personal = policy.platforms[view.platform.id].accounts.get("personal")
            pointers.append(_two_accounts(view, chosen, personal is not None and chosen != SPLIT_IDENTITY))
            where += " (my professional account)"
        else:
            purpose = policy.platforms[view.platform.id].decisions.get(ACCOUNT_PURPOSE)
            option = catalog.decisions[ACCOUNT_PURPOSE].option(purpose.choice) if purpose else None
            if option and option.patient_text.strip():
                texts.append(_said(option.patient_text))
        texts += [
            _said(e.option.patient_text) for e in view.entries if e.option and e.option.patient_text.strip()
        ]
        for text in texts:
            names = holds.setdefault(text, [])
            if where not in names:
                names.append(where)
    by_places: dict[tuple[str, ...], list[str]] = {}
    for text, names in holds.items():
        by_places.setdefault(tuple(names), []).append(text)
    order = sorted(by_places, key=lambda names: -len(names))  # stable: first seen first among equals
    groups = tuple(Group(names, tuple(by_places[names])) for names in order)
    return groups, set(holds), tuple(pointers)


def _emergency(policy: Policy, catalog: Catalog) -> str:
    line = emergency_line(catalog, policy.profile)
    if line.emergency.startswith("your "):
        call = "In an emergency, call your local emergency number now."
    else:
        call = f"In an emergency, call {line.emergency} now, or your local emergency number if you are abroad."
    return f"{call} {line.crisis}" if line.crisis else call


def build(policy: Policy, catalog: Catalog) -> PatientStatement:
    groups, said, pointers = _grouped(policy, catalog)
    everywhere: list[str] = []
    for entry in global_entries(policy, catalog):
        if entry.option and entry.option.patient_text.strip():
            text = _said(entry.option.patient_text)
            if text not in said:
                said.add(text)
                everywhere.append(text)
    care = (
        f"For anything about your care, please contact {flat(contact(policy.profile))}. "
        "Social media is not a safe place to talk about your health, so please don't send me health questions there."
    )
    empty = not groups and not everywhere
    return PatientStatement(
        _intro(policy), pointers, groups, tuple(everywhere), care, _emergency(policy, catalog), empty
    )


def as_data(doc: PatientStatement) -> dict[str, object]:
    return {
        "title": TITLE,
        "intro": doc.intro,
        "where_to_follow": list(doc.pointers),
        "by_platform": [{"platforms": list(g.platforms), "statements": list(g.lines)} for g in doc.groups],
        "everywhere": list(doc.everywhere),
        "care": doc.care,
        "emergency": doc.emergency,
    }


def write(doc: PatientStatement, w: Writer) -> None:
    w.title(TITLE)
    w.paragraph(doc.intro)
    for pointer in doc.pointers:
        w.paragraph(pointer)
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
