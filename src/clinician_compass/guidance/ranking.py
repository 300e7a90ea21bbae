"""Whose guidance a clinician reads first: their own regulator, then their own professional body.

One order for every face (the decision screen, the quick reference, the
command line, the full policy's citations), worked out here from the data:
each source says where it applies (``jurisdiction``, ``region``), whom it
governs (``roles``) and what kind of voice it is (``kind``); each statement
says how firmly the body puts it (``strength``).

For a clinician of role R in country J a statement falls into a group:

0. *home*: a body of J that governs R by name (or a regulator of every role,
   such as Ahpra), regulator first, then professional and defence bodies;
1. a body of J that governs R's nearest role (a US midwife reads the NCSBN's
   nursing guidance);
2. J's law, employers, studies and blogs that apply to R;
3. a body elsewhere that governs R, labelled with its country;
4. a body elsewhere that governs R's nearest role;
5. the rest: other roles abroad, foreign reports of cases or gaps, and
   public services such as crisis lines.

Within a group, a current document reads before a superseded one, a regulator
(or its own teaching case) before a professional body, and a "must" before an
"advises"; ties keep the catalog's order.

When group 0 is empty the order carries an ``absence`` sentence that says so
and names the nearest bodies, rather than letting a foreign body pass for hers.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from clinician_compass.guidance.model import (
    NEAREST_NOTES,
    NEAREST_ROLES,
    PRACTITIONER_ROLES,
    ROLE_BODIES,
    Catalog,
    Decision,
    Situation,
    Source,
    Statement,
    Strength,
)
from clinician_compass.record import record

AUTHORITY = {
    "regulator": 0,
    "professional-body": 1,
    "indemnity": 1,
    "law": 2,
    "employer": 3,
    "case": 4,
    "literature": 4,
    "blog": 5,
    "service": 6,
}
"""Within a group, a regulator speaks before a professional body, and a blog last."""

COUNTRY_ADJECTIVES = {"UK": "UK", "US": "US", "Canada": "Canadian", "Australia": "Australian"}

NEAREST_SHOWN = 3
"""How many bodies the absence line names as the closest."""


@record(frozen=True)
class Ranked:
    """One source in the order, with what it says here (if a statement) and its label."""

    source: Source
    statement: Statement | None
    """The statement on this decision, or None for a source a situation cites without one."""
    label: str
    """"GPhC: must", "BMA (UK): advises", or the body alone ("CMPA") when no strength is known."""
    group: int
    """0 her own bodies, 1 her country's for the nearest role, 2 her country's law and the like,
    3 and 4 bodies elsewhere for her role and its nearest, 5 the rest (see the module's docstring)."""
    note: str = ""
    """Why a body of another role is shown: "nursing guidance"; or ""."""

    @property
    def home(self) -> bool:
        """A body of the clinician's own country that governs their role."""
        return self.group == 0

    @property
    def says(self) -> str:
        return self.statement.says if self.statement else ""


@record(frozen=True)
class OrderedGuidance:
    """Statements (or cited sources) in the order the clinician should read them."""

    items: tuple[Ranked, ...]
    absence: str
    """"No Canadian pharmacy body we checked addresses this; the closest are ...", or "" when one does."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """Each source once, in order."""
        return tuple({item.source.id: item.source for item in self.items}.values())


@lru_cache(maxsize=4)  # a catalog never changes once loaded, and is hashed by identity
def _regulator_bodies(catalog: Catalog) -> frozenset[str]:
    """Bodies that regulate: their teaching cases rank as the regulator does."""
    return frozenset(s.body_name for s in catalog.sources.values() if s.kind == "regulator")


def _roles(source: Source, statement: Statement | None) -> tuple[str, ...]:
    return statement.roles if statement and statement.roles else source.roles


def _names(source: Source, statement: Statement | None, role: str) -> bool:
    """Whether the body governs ``role`` by name; ``all`` counts only for a regulator of every role (Ahpra)."""
    roles = _roles(source, statement)
    return role in roles or ("all" in roles and source.kind == "regulator" and role in PRACTITIONER_ROLES)


def _covers(source: Source, statement: Statement | None, role: str) -> bool:
    """Whether it applies to ``role`` at all: by name, or as guidance or law for every practitioner."""
    roles = _roles(source, statement)
    return _names(source, statement, role) or ("all" in roles and role in PRACTITIONER_ROLES)


def _near(source: Source, statement: Statement | None, role: str) -> str:
    """The nearest role this body governs by name ("nurse" for a midwife), or ""."""
    return next((n for n in NEAREST_ROLES.get(role, ()) if _names(source, statement, n)), "")


def _authority(source: Source, regulator_bodies: frozenset[str]) -> int:
    if source.kind == "case" and source.body_name in regulator_bodies:
        return 0  # a regulator's own teaching case speaks with the regulator's voice
    return AUTHORITY.get(source.kind, 5)


def _group(source: Source, statement: Statement | None, role: str, jurisdiction: str, authority: int) -> int:
    """Which group a statement falls in for this clinician (see the module's docstring)."""
    if source.kind == "service":
        return 5  # a crisis line is where to send a patient, never whose word to read
    home = source.jurisdiction == jurisdiction  # a StrEnum is its value: no .value lookup
    body = authority <= 1
    if home and body and _names(source, statement, role):
        return 0
    if home and body and _near(source, statement, role):
        return 1
    if home and _covers(source, statement, role):
        return 2
    if statement is not None and statement.strength is Strength.REPORTS:
        return 5  # another country's account of a case or a gap does not guide
    if body and _names(source, statement, role):
        return 3
    if body and _near(source, statement, role):
        return 4
    return 5


_STRENGTH_ORDER = {strength: i for i, strength in enumerate(Strength)}
"""Must, expects, advises, reports: the order a statement's strength sorts in."""


def rank_key(
    source: Source,
    statement: Statement | None,
    role: str,
    jurisdiction: str,
    regulator_bodies: frozenset[str],
) -> tuple[int, int, int, int]:
    """(group, superseded, authority, strength): smaller reads first; ties keep the catalog's order."""
    authority = _authority(source, regulator_bodies)
    strength = _STRENGTH_ORDER[statement.strength] if statement else len(_STRENGTH_ORDER)
    group = _group(source, statement, role, jurisdiction, authority)
    return (group, int(source.superseded), authority, strength)


def body_label(source: Source, jurisdiction: str) -> str:
    """The body as a clinician in ``jurisdiction`` reads it: "GMC", or "GMC (UK)" from abroad."""
    name = source.body_name
    foreign = source.jurisdiction != jurisdiction
    where = [source.region] if source.region else []
    if foreign:
        where.append(source.jurisdiction.value)
    return f"{name} ({', '.join(where)})" if where else name


def strength_label(statement: Statement | None, source: Source, jurisdiction: str) -> str:
    """"GPhC: must" for a UK pharmacist, "GMC (UK): must" for an Australian; the body alone with no statement."""
    label = body_label(source, jurisdiction)
    return f"{label}: {statement.strength.value}" if statement else label


def _note(source: Source, statement: Statement | None, role: str, jurisdiction: str) -> str:
    if source.superseded:
        return "since replaced"
    if source.jurisdiction == jurisdiction and not _names(source, statement, role):
        near = _near(source, statement, role)
        if near:
            return NEAREST_NOTES.get(near, "")
    return ""


def _order(
    pairs: Iterable[tuple[Source, Statement | None]], catalog: Catalog, role: str, jurisdiction: str
) -> OrderedGuidance:
    bodies = _regulator_bodies(catalog)
    listed = list(pairs)
    keys = [rank_key(source, statement, role, jurisdiction, bodies) for source, statement in listed]
    items = tuple(
        Ranked(
            source=listed[i][0],
            statement=listed[i][1],
            label=strength_label(listed[i][1], listed[i][0], jurisdiction),
            group=keys[i][0],
            note=_note(listed[i][0], listed[i][1], role, jurisdiction),
        )
        for i in sorted(range(len(listed)), key=lambda i: (keys[i], i))  # ties keep the catalog's order
    )
    return OrderedGuidance(items, _absence(items, role, jurisdiction))


def body_label_of(item: Ranked) -> str:
    return item.label.rsplit(": ", 1)[0] if item.statement else item.label


def _absence(items: tuple[Ranked, ...], role: str, jurisdiction: str) -> str:
    if not items or any(item.home for item in items) or jurisdiction not in COUNTRY_ADJECTIVES:
        return ""
    bodies = [i for i in items if i.group in (1, 3, 4)]
    nearest = list(dict.fromkeys(body_label_of(i) for i in bodies or items))[:NEAREST_SHOWN]
    closest = nearest[0] if len(nearest) == 1 else ", ".join(nearest[:-1]) + " and " + nearest[-1]
    body = ROLE_BODIES.get(role, "body for your role")
    country = COUNTRY_ADJECTIVES.get(jurisdiction)
    if country is None:
        return ""  # we don't know where they practise, so every body is as near as any other
    return f"No {country} {body} we checked addresses this; the closest {'is' if len(nearest) == 1 else 'are'} {closest}."


_ORDERED: dict[tuple[int, int, str, str], tuple[Decision, Catalog, OrderedGuidance]] = {}
"""Rankings already worked out, by decision, catalog, role and jurisdiction: an export ranks each
decision's guidance for its citations, its policy line and its reply scripts (60 calls for one
policy). Decisions, sources and rankings are frozen; the decision and catalog are kept beside the
ranking, so an entry answers only for those very objects."""
_ORDERED_KEPT = 512


def ordered_guidance(decision: Decision, catalog: Catalog, role: str, jurisdiction: str) -> OrderedGuidance:
    """A decision's ``[[guidance]]`` statements, the clinician's own regulator first, each labelled."""
    key = (id(decision), id(catalog), role, jurisdiction)
    kept = _ORDERED.get(key)
    if kept is not None and kept[0] is decision and kept[1] is catalog:
        return kept[2]
    pairs = [(catalog.sources[g.source], g) for g in decision.guidance if g.source in catalog.sources]
    ordered = _order(pairs, catalog, role, jurisdiction)
    if len(_ORDERED) >= _ORDERED_KEPT:
        _ORDERED.clear()
    _ORDERED[key] = (decision, catalog, ordered)
    return ordered


def ordered_situation(
    situation: Situation, catalog: Catalog, role: str, jurisdiction: str
) -> OrderedGuidance:
    """A situation's sources in the same order, with what the clinician's own bodies say on it.

    The situation's own sources come with the linked decisions' statements by
    the same body where there are any (so each carries its strength). Beside
    them come the linked decisions' statements from the clinician's own bodies
    that the situation does not cite: a Canadian nurse asking about a friend
    request sees the CNO's rule even though the situation text names no
    Canadian body.
    """
    statements: dict[str, Statement] = {}
    for decision_id in situation.decisions:
        decision = catalog.decisions.get(decision_id)
        for statement in decision.guidance if decision else ():
            statements.setdefault(statement.source, statement)
    bodies = _regulator_bodies(catalog)
    pairs: dict[str, tuple[Source, Statement | None]] = {}
    for source_id in situation.sources:
        if source_id in catalog.sources:
            pairs[source_id] = (catalog.sources[source_id], statements.get(source_id))
    for source_id, statement in statements.items():
        source = catalog.sources.get(source_id)
        if source and source_id not in pairs and rank_key(source, statement, role, jurisdiction, bodies)[0] == 0:
            pairs[source_id] = (source, statement)
    return _order(pairs.values(), catalog, role, jurisdiction)


def ordered_sources(
    source_ids: Iterable[str], catalog: Catalog, role: str, jurisdiction: str
) -> list[Source]:
    """Sources by id (unknown ids left out), in the clinician's order: what citation lists use."""
    bodies = _regulator_bodies(catalog)
    found = [catalog.sources[s] for s in dict.fromkeys(source_ids) if s in catalog.sources]
    keyed = sorted(enumerate(found), key=lambda i: (rank_key(i[1], None, role, jurisdiction, bodies), i[0]))
    return [source for _, source in keyed]


def home_sources(catalog: Catalog, role: str, jurisdiction: str) -> OrderedGuidance:
    """Every source in the catalog in the clinician's order: whose word is theirs (section E of the brief).

    ``items[0]`` is their own regulator where we hold one; ``absence`` says so
    when no body of their country governs their role.
    """
    return _order(((s, None) for s in catalog.sources.values()), catalog, role, jurisdiction)


def cited_sources(
    decision: Decision | None, option_sources: Iterable[str], catalog: Catalog, role: str, jurisdiction: str
) -> list[Source]:
    """What a policy line cites for a chosen option: the clinician's own bodies on the decision first.

    An option's pros and cons cite whoever argued them, often a foreign body;
    the clinician's own regulator and professional body (their statements on
    the decision) lead, so an Australian pharmacist's policy cites Ahpra before
    the GMC. The rest follow in ``ordered_sources`` order.
    """
    own: list[str] = []
    if decision is not None:
        own = [item.source.id for item in ordered_guidance(decision, catalog, role, jurisdiction).items if item.home]
    rest = [s.id for s in ordered_sources(option_sources, catalog, role, jurisdiction)]
    return [catalog.sources[s] for s in dict.fromkeys([*own, *rest])]
