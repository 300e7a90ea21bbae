"""The full policy: the document a clinician hands to an employer or an appraiser.

Who they are, the short form with a gloss for each maxim, a section per
platform (with a subsection per account where she keeps two) with each
decision as a first-person sentence, her note in her own words, her reason
and numbered citations of the sources that support the choice, then the
decisions that hold everywhere, the sources, and when the policy was written
and is next due for review. Where a choice departs from a body's advice, the
policy says so, with her reason.
"""

from __future__ import annotations

from clinician_compass.documents.accounts import views
from clinician_compass.documents.answers import Entry, account_entries, global_entries, platform_entries
from clinician_compass.documents.citations import Backing, backing, departure, objections
from clinician_compass.documents.dates import long_date, next_review
from clinician_compass.documents.profile_text import jurisdiction_name, role_name
from clinician_compass.documents.safe_text import flat
from clinician_compass.documents.short_form import (
    effective_short_form,
    has_edit,
    maxims_needed,
    needs_sentence,
    short_form_lines,
)
from clinician_compass.documents.writer import Piece, Writer, code, link, raw, strong
from clinician_compass.guidance.model import Catalog, Decision, Option, Source
from clinician_compass.policy.model import Policy
from clinician_compass.record import record

NOT_DECIDED = "Not decided yet."


@record(frozen=True)
class Item:
    """One decision as the document states it."""

    title: str
    sentence: str
    """The option's first-person policy sentence; "" when undecided or unknown."""
    note: str
    reason: str
    """Her reason: the option's first-person ``why``, true of any account it can be chosen for."""
    citations: tuple[int, ...]
    decided: bool
    unknown_choice: str = ""
    """The chosen option's id when this catalog does not know it."""
    departs: bool = False
    """Whether a body advises against this choice (her note is then her reason, not said twice)."""
    departure: str = ""
    """"The BMA advises against this; my reason: …" where a body speaking to her role argues the other way."""
    labels: tuple[tuple[int, str], ...] = ()
    """(number, "Ahpra: expects") for each citation, in the order cited."""
    absence: str = ""
    """The ranking's line when no body of her role in her country speaks to the decision."""


@record(frozen=True)
class Section:
    """One platform, or "Everywhere" for the global decisions."""

    title: str
    handles: tuple[tuple[str, str], ...]
    """(label, handle) pairs, such as ("Professional account", "@DrOkafor")."""
    items: tuple[Item, ...]
    known: bool = True
    accounts: tuple[Section, ...] = ()
    """One subsection per account where the platform holds two; their items are not in ``items``."""


@record(frozen=True)
class FullPolicy:
    name: str
    role: str
    jurisdiction: str
    practice_contact: str
    short_form: str
    maxims: tuple[tuple[str, str], ...]
    """(maxim, gloss) for a generated short form; () for her own wording."""
    short_form_needs: int
    """How many more maxims the short form needs before it can be written (0 when it has enough)."""
    sections: tuple[Section, ...]
    everywhere: Section
    sources: tuple[Source, ...]
    """In citation order: ``sources[0]`` is [1]."""
    written: str
    updated: str
    reviewed: str
    next_review: str
    empty: bool


class _Citations:
    """Numbers sources in the order the document first cites them."""

    def __init__(self, catalog: Catalog, role: str, jurisdiction: str) -> None:
        self.catalog, self.role, self.jurisdiction = catalog, role, jurisdiction
        self.numbers: dict[str, int] = {}
        self._backing: dict[tuple[str, str], Backing] = {}
        """Each choice's backing, worked out once: its citations and its absence line both read it."""

    def _backing_of(self, decision: Decision, option: Option) -> Backing:
        key = (decision.id, option.id)
        if key not in self._backing:
            self._backing[key] = backing(self.catalog, decision, option, self.role, self.jurisdiction)
        return self._backing[key]

    def cite(self, entry: Entry) -> tuple[tuple[int, str], ...]:
        """(number, label) for each source backing the entry's choice, in her order."""
        if not entry.option or not entry.decision:
            return ()
        found = self._backing_of(entry.decision, entry.option)
        return tuple(
            (self.numbers.setdefault(c.source.id, len(self.numbers) + 1), c.text) for c in found.cited
        )

    def absence(self, entry: Entry) -> str:
        if not entry.option or not entry.decision:
            return ""
        return self._backing_of(entry.decision, entry.option).absence

    def sources(self) -> tuple[Source, ...]:
        return tuple(self.catalog.sources[s] for s in self.numbers)


def _item(entry: Entry, citations: _Citations) -> Item:
    answer = entry.answer
    if answer is None:
        return Item(entry.title, "", "", "", (), decided=False)
    if entry.option is None or entry.decision is None:
        return Item(entry.title, "", answer.note, "", (), decided=True, unknown_choice=answer.choice)
    option = entry.option
    bodies = objections(citations.catalog, entry.decision, option, citations.role, citations.jurisdiction)
    labels = citations.cite(entry)
    return Item(
        entry.title,
        option.policy,
        answer.note,
        option.why,
        tuple(n for n, _ in labels),
        decided=True,
        departs=bool(bodies),
        departure=departure(bodies, answer.note, citations.jurisdiction),
        labels=labels,
        absence=citations.absence(entry),
    )


def _handles(policy: Policy, platform_id: str) -> tuple[tuple[str, str], ...]:
    entry = policy.platforms[platform_id]
    pairs = (
        (f"{key.capitalize()} account" if key != "main" else "Account", a.handle)
        for key, a in entry.accounts.items()
    )
    return tuple((label, flat(handle)) for label, handle in pairs if handle.strip())


def _platform_section(policy: Policy, catalog: Catalog, platform_id: str, citations: _Citations) -> Section:
    platform = catalog.platforms.get(platform_id)
    title = platform.name if platform else platform_id
    handles = _handles(policy, platform_id)
    two = [v for v in views(policy, catalog) if v.platform.id == platform_id and v.two]
    if not two:
        items = tuple(_item(e, citations) for e in platform_entries(policy, catalog, platform_id))
        return Section(title, handles, items, known=platform is not None)
    entry = policy.platforms[platform_id]
    own = [e for e in platform_entries(policy, catalog, platform_id) if e.account is None]
    subsections = tuple(
        Section(
            view.title,
            (),
            tuple(
                _item(e, citations)
                for e in account_entries(catalog, platform_id, view.key, entry.accounts[view.key].decisions)
            ),
        )
        for view in two
    )
    return Section(title, handles, tuple(_item(e, citations) for e in own), accounts=subsections)


def build(policy: Policy, catalog: Catalog) -> FullPolicy:
    """The full policy's content, ready for a writer."""
    profile = policy.profile
    citations = _Citations(catalog, profile.role, profile.jurisdiction)
    sections = [_platform_section(policy, catalog, p, citations) for p in policy.platforms]
    everywhere = Section(
        "Everywhere", (), tuple(_item(e, citations) for e in global_entries(policy, catalog))
    )
    meta, place = policy.meta, profile.jurisdiction
    return FullPolicy(
        name=profile.display_name,
        role=role_name(profile),
        jurisdiction=jurisdiction_name(profile),
        practice_contact=profile.practice_contact.strip(),
        short_form=effective_short_form(policy, catalog),
        maxims=() if has_edit(policy) else tuple(short_form_lines(policy, catalog)),
        short_form_needs=0 if has_edit(policy) else maxims_needed(policy, catalog),
        sections=tuple(sections),
        everywhere=everywhere,
        sources=citations.sources(),
        written=long_date(meta.created, place),
        updated=long_date(meta.updated.date(), place),
        reviewed=long_date(meta.last_reviewed, place) if meta.last_reviewed else "",
        next_review=long_date(next_review(policy), place),
        empty=policy.is_empty,
    )


# --- layout ----------------------------------------------------------------------------------------------


def _cite(numbers: tuple[int, ...]) -> list[Piece]:
    return [raw(" [" + ", ".join(str(n) for n in numbers) + "]")] if numbers else []


def _write_item(item: Item, w: Writer, *, deeper: bool = False) -> None:
    w.subheading(item.title, deeper=deeper)
    if not item.decided:
        w.paragraph(NOT_DECIDED)
        return
    if item.unknown_choice:
        w.paragraph(
            f"I chose “{flat(item.unknown_choice)}”, an option this version of clinician-compass does not know."
        )
    else:
        w.paragraph(item.sentence, *_cite(item.citations))
    if item.note.strip() and not item.departs:
        w.paragraph(strong("In my words:"), " ", item.note)
    if item.reason:
        w.paragraph(strong("Why:"), " ", item.reason)
    if item.departure:
        w.paragraph(strong("Against advice:"), " ", item.departure)
    if item.absence:
        w.paragraph(strong("Guidance for my role:"), " ", item.absence)
    if item.labels:
        pieces: list[Piece] = []
        for i, (number, label) in enumerate(item.labels):
            pieces += ["; " if i else "", label, raw(f" [{number}]")]
        w.paragraph(strong("Guidance:"), " ", *pieces)


def _write_section(section: Section, w: Writer, *, account: bool = False) -> None:
    if account:
        w.subsection(section.title)
    else:
        w.heading(section.title)
    if not section.known:
        w.paragraph("This platform is not in this version of clinician-compass's catalog.")
    if section.handles:
        w.bullets([(strong(label + ":"), " ", handle) for label, handle in section.handles])
    for item in section.items:
        _write_item(item, w, deeper=account)
    for sub in section.accounts:
        _write_section(sub, w, account=True)
    if not section.items and not section.accounts:
        w.paragraph("No decisions apply here.")


def _how_to_start(w: Writer) -> None:
    w.heading("No decisions yet")
    w.paragraph(
        "This policy has no decisions in it yet. To start, run ",
        code("clinician-compass"),
        " in a terminal: it asks about each platform you use, one decision at a time, "
        "and this document fills in as you answer.",
    )


def _source_entry(number: int, source: Source) -> list[Piece]:
    title = source.title if source.title.endswith((".", "?", "!")) else source.title + "."
    pieces: list[Piece] = [raw(f"[{number}] "), f"{source.publisher} ({source.year}). {title}"]
    if source.url:
        pieces += [" ", link(source.url)]
    return pieces


def _article(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def write(doc: FullPolicy, w: Writer) -> None:
    """Lay the full policy out with ``w``."""
    w.title(f"Social media policy: {flat(doc.name)}" if doc.name.strip() else "Social media policy")
    facts: list[list[Piece]] = [[strong("Role:"), " ", doc.role]]
    if doc.jurisdiction:
        facts.append([strong("Where I practise:"), " ", doc.jurisdiction])
    contact = doc.practice_contact or "not given yet (add it to your profile in the app)"
    facts.append([strong("Patients reach me through:"), " ", contact])
    w.bullets(facts)
    w.paragraph(
        f"This is my personal policy for using social media as {_article(doc.role.lower())}. It says what I do on each "
        "platform I use and why, with the professional guidance each decision draws on."
    )
    if doc.short_form:
        w.heading("In short")
        w.quote(doc.short_form)
        if doc.maxims:
            w.bullets([(strong(maxim + ":"), " ", gloss) for maxim, gloss in doc.maxims])
    elif doc.short_form_needs and not doc.empty:
        w.heading("In short")
        w.paragraph(needs_sentence(doc.short_form_needs))
    if doc.empty:
        _how_to_start(w)
    for section in doc.sections:
        _write_section(section, w)
    if not doc.sections:
        w.heading("Platforms")
        w.paragraph("No platforms chosen yet.")
    _write_section(doc.everywhere, w)
    if doc.sources:
        w.heading("Sources")
        w.bullets([_source_entry(n, s) for n, s in enumerate(doc.sources, start=1)])
    w.heading("Dates")
    dates: list[list[Piece]] = [[strong("Written:"), " ", doc.written]]
    if doc.updated != doc.written:
        dates.append([strong("Last changed:"), " ", doc.updated])
    if doc.reviewed:
        dates.append([strong("Last reviewed:"), " ", doc.reviewed])
    dates.append([strong("Next review:"), " ", doc.next_review])
    w.bullets(dates)
