"""Which sources support a choice, and which bodies advise against it.

A citation beside a sentence tells the reader "this is backed by that". An
option's ``sources`` list names the sources that bear on it, some of which
argue the other way (the BMA is cited on accepting patients because it says
not to), so a source is cited for a choice only when its statement on the
decision does not argue against it; and where a body does, the policy says so
plainly, with her reason.

The catalog will say this itself (``Statement.supports`` / ``Statement.against``,
tuples of option ids). Until every decision has those links, ``KNOWN_STANCES``
records the cases we have read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Literal

from clinician_compass.guidance.model import (
    NEAREST_NOTES,
    Catalog,
    Decision,
    Option,
    Source,
    Statement,
    Strength,
)
from clinician_compass.guidance.ranking import Ranked, body_label, ordered_guidance, rank_key, strength_label
from clinician_compass.record import record

Stance = Literal["supports", "against", "neutral"]

# fmt: off
KNOWN_STANCES: Mapping[tuple[str, str], Mapping[str, Stance]] = MappingProxyType(
    {
        # A separate account for each is what ACP/FSMB, the AMA, the ANA, the CNO and the BCCNM ask for.
        ("account-purpose", "mixed"): {
            "acp-fsmb-2013": "against", "ama-2010": "against", "ana-2011": "against",
            "bccnm-social": "against", "cno-2019": "against", "nmc-2012": "against",
        },
        # The RCGP's "the personal and professional can't always be separated" cautions, it does not back them;
        # the GMC's "say who you are" is about commenting on health, which a personal account does not do.
        ("account-purpose", "separate"): {"rcgp-2013": "neutral"},
        ("account-purpose", "personal"): {"rcgp-2013": "neutral", "gmc-2024": "neutral"},
        ("account-purpose", "professional"): {"rcgp-2013": "neutral"},
        # A public account is not what the BMA's "conservative privacy settings" means, nor against it.
        ("visibility", "public"): {"bma-2011": "neutral"},
        # The BMA says not to accept patients' requests; ACP/FSMB say not to friend them; Mayo strongly
        # discourages it; the NMC counts relationships with patients as a risk to registration; the CNO says
        # never accept; the BCCNM and the AOM say not to; the ANA says online contact blurs boundaries.
        # Bodies that ask only for boundaries, with no rule on requests, neither back it nor argue against it.
        # The GMC's former-patient scenario starts with a GP accepting a request and ends with a referral.
        ("patient-connects", "accept"): {
            "gmc-former-patient": "neutral",
            "bma-2011": "against", "acp-fsmb-2013": "against", "mayo-guidelines": "against",
            "nmc-2015": "against", "cno-2019": "against", "cno-boundaries-2026": "against",
            "bccnm-social": "against", "aom-social": "against", "ana-2011": "against",
            "gmc-walker-case": "neutral", "cmo-2016": "neutral", "ncsbn-2011": "neutral",
            "hcpc-2024": "neutral", "gphc-2016": "neutral", "ahpra-2019": "neutral", "ama-2010": "neutral",
        },
        # The BMA, the CNO and the BCCNM make no exception for friends from before the care.
        ("patient-connects", "friends-before-care"): {
            "bma-2011": "against", "cno-2019": "against", "cno-boundaries-2026": "against",
            "bccnm-social": "against",
        },
        # Following back: Mayo says generally neither send nor accept; ACP/FSMB say no contact through
        # personal social media; the BMA warns what connecting shows; the CNO's 2026 standard covers following.
        ("following-patients", "never-initiate"): {
            "mayo-guidelines": "against", "acp-fsmb-2013": "against", "bma-2011": "against",
            "cno-boundaries-2026": "against", "nmc-2015": "neutral", "gmc-former-patient": "neutral",
            "bccnm-social": "neutral", "ama-2010": "neutral",
        },
        # Bodies that say they have nothing on blocking.
        ("blocking", "never-for-following"): {"cmpa-2014": "neutral", "ama-2010": "neutral", "ahpra-2019": "neutral"},
        ("blocking", "abuse-only"): {"cmpa-2014": "neutral", "ama-2010": "neutral", "ahpra-2019": "neutral"},
        ("blocking", "proactive"): {"cmpa-2014": "neutral", "ama-2010": "neutral", "ahpra-2019": "neutral"},
        # Mayo's rule holds where staff name their employer, which not every account does; Ahpra is silent;
        # the GPhC says "my own views" means little, which is no argument for or against writing it.
        ("profile-disclaimer", "none"): {"mayo-guidelines": "neutral", "ahpra-2020": "neutral", "bma-2011": "neutral"},
        ("profile-disclaimer", "views-own"): {
            "ahpra-2020": "neutral", "gphc-2016": "neutral", "bma-2011": "neutral", "gmc-gmp-2024": "neutral",
        },
        ("profile-disclaimer", "views-own-no-advice"): {
            "ahpra-2020": "neutral", "gphc-2016": "neutral", "bma-2011": "neutral", "gmc-gmp-2024": "neutral",
        },
        ("profile-disclaimer", "full"): {"ahpra-2020": "neutral", "gphc-2016": "neutral"},
        # Timimi's "Don't pry" is against seeking patients out online at all; the GMC's case material
        # says it does not speak to searching.
        ("looking-up-patients", "never"): {"gmc-former-patient": "neutral"},
        ("looking-up-patients", "clinical-need-only"): {"mayo-12-word-2012": "against", "gmc-former-patient": "neutral"},
        ("looking-up-patients", "case-by-case"): {"gmc-former-patient": "neutral"},
        # The BCCNM and the GPhC say not to share information about patients at all, and the CNO that leaving
        # out a name does not protect them; NAPRA found nothing; the superseded GMC 2013 said not to discuss them.
        ("posting-about-patients", "deidentified-only"): {
            "bccnm-social": "against", "gphc-2016": "against", "cno-2019": "against",
            "napra-2021": "neutral", "cnps-social": "neutral", "gmc-2013": "neutral",
        },
        ("posting-about-patients", "deidentified-consent"): {
            "bccnm-social": "against", "gphc-2016": "against", "napra-2021": "neutral", "cnps-social": "neutral",
        },
        ("posting-about-patients", "never"): {"napra-2021": "neutral"},
        # The GMC: doctors commenting on health should usually say who they are; so does the PDA for pharmacists.
        # Ahpra's reach into private life and the MDDUS case warn against a pseudonym, they do not back it.
        ("identity", "pseudonym-private"): {
            "gmc-2024": "against", "gmc-2013": "against", "pda-2024": "against",
            "ahpra-2019": "neutral", "mdo-advice": "neutral", "hcpc-2024": "neutral", "gmc-gmp-2024": "neutral",
        },
        ("identity", "named-professional-pseudonym-personal"): {"ahpra-2019": "neutral", "hcpc-2024": "neutral"},
        ("identity", "named"): {"hcpc-2024": "neutral"},
    }
)
# fmt: on
"""(decision, option) → source → stance, for statements that do not yet carry their own links."""

BODY_KINDS = frozenset({"regulator", "professional-body", "employer", "indemnity", "law"})
"""Sources whose word is a body's advice; a blog or a paper informs, it does not advise against."""

_NO_ARTICLE = frozenset({"Ahpra", "Mayo Clinic", "ACP/FSMB"})


def _linked(decision: Decision, option: Option, source_id: str) -> Stance | None:
    """What the catalog (or ``KNOWN_STANCES``) says of this source on this option; None when it says nothing."""
    linked = False
    for statement in decision.guidance:
        if statement.source != source_id:
            continue
        supports = getattr(statement, "supports", ())
        against = getattr(statement, "against", ())
        if option.id in against:
            return "against"
        if option.id in supports:
            return "supports"
        linked = linked or bool(supports or against)
    if linked:
        return "neutral"
    return KNOWN_STANCES.get((decision.id, option.id), {}).get(source_id)


def stance(decision: Decision, option: Option, source_id: str, *, home: bool = False) -> Stance:
    """Whether the source's statement on ``decision`` supports ``option``, argues against it, or neither.

    With nothing recorded, a source the option lists supports it, and so does
    a statement by the clinician's own regulator or professional body
    (``home``): her own body's word on the decision is what her choice stands
    on unless it argues the other way.
    """
    known = _linked(decision, option, source_id)
    if known:
        return known
    if home and any(g.source == source_id for g in decision.guidance):
        return "supports"
    return "supports" if source_id in option.sources else "neutral"


@record(frozen=True)
class Cited:
    """One source cited for a choice, as she reads it: "Ahpra: expects", "NMC: advises (since replaced)"."""

    source: Source
    label: str
    note: str = ""
    home: bool = False

    @property
    def text(self) -> str:
        """The label with its note: "NMC: advises (since replaced)", "FSMB (US; guidance for doctors)"."""
        if not self.note:
            return self.label
        if self.label.endswith(")") and ": " not in self.label:
            return f"{self.label[:-1]}; {self.note})"
        return f"{self.label} ({self.note})"


@record(frozen=True)
class Backing:
    """What a choice stands on: the sources that support it in her order, and the absence line."""

    cited: tuple[Cited, ...]
    absence: str
    """"No Australian pharmacy body we checked addresses this; ...", or "" when one of hers speaks to it."""

    @property
    def ids(self) -> list[str]:
        return [c.source.id for c in self.cited]


def _regulator_bodies(catalog: Catalog) -> frozenset[str]:
    return frozenset(s.body_name for s in catalog.sources.values() if s.kind == "regulator")


def _note(source: Source, item: Ranked | None, role: str) -> str:
    """ "since replaced", "nursing guidance", or whose guidance a body of another role gives ("guidance for doctors")."""
    notes = [item.note] if item and item.note else []
    if source.superseded and "since replaced" not in notes:
        notes.insert(0, "since replaced")
    roles = item.statement.roles if item and item.statement and item.statement.roles else source.roles
    guides = source.kind in BODY_KINDS or source.kind == "case"  # a blog informs; it is no one's guidance
    other_role = role not in roles and "all" not in roles and bool(roles) and roles[0] in NEAREST_NOTES
    if guides and other_role and (not notes or notes == ["since replaced"]):
        notes.append(NEAREST_NOTES[roles[0]])
    return "; ".join(notes)


def backing(catalog: Catalog, decision: Decision, option: Option, role: str, jurisdiction: str) -> Backing:
    """The sources that support ``option``, in ``guidance.ranking``'s order for her role and country.

    Her own regulator and professional body come first (their statements on
    the decision count unless they argue against the choice), then the
    others by relevance, each foreign body with its country; a superseded
    document is never cited before a current one.
    """
    ordered = ordered_guidance(decision, catalog, role, jurisdiction)
    bodies = _regulator_bodies(catalog)
    picked: dict[str, tuple[Source, Statement | None, Ranked | None]] = {}
    for item in ordered.items:
        if (
            item.source.id not in picked
            and stance(decision, option, item.source.id, home=item.home) == "supports"
        ):
            picked[item.source.id] = (item.source, item.statement, item)
    said = {g.source for g in decision.guidance}
    for source_id in option.sources:
        source = catalog.sources.get(source_id)
        if (
            source
            and source_id not in said
            and source_id not in picked
            and stance(decision, option, source_id) == "supports"
        ):
            picked[source_id] = (source, None, None)

    def key(entry: tuple[Source, Statement | None, Ranked | None]) -> tuple[int, tuple[int, int, int, int]]:
        source, statement, _ = entry
        return (int(source.superseded), rank_key(source, statement, role, jurisdiction, bodies))

    chosen = sorted(picked.values(), key=key)
    names = [body_label(source, jurisdiction) for source, _, _ in chosen]
    cited = []
    for (source, statement, ranked), name in zip(chosen, names, strict=True):
        note = _note(source, ranked, role)
        group = ranked.group if ranked else rank_key(source, None, role, jurisdiction, bodies)[0]
        label = strength_label(statement, source, jurisdiction).replace(") (", ", ")  # "Timimi (Mayo, US)"
        # "GMC: must; GMC GMP: expects", "Ahpra 2019; Ahpra 2020": never one label twice in a decision
        if names.count(name) > 1:
            own_name = (
                source.short if source.short != source.body_name else f"{source.body_name} {source.year}"
            )
            label = label.replace(source.body_name, own_name, 1)
        cited.append(Cited(source, label, note, home=group == 0))
    return Backing(
        tuple(cited), ordered.absence or _silent(decision, option, ordered.items, cited, jurisdiction)
    )


def _silent(
    decision: Decision, option: Option, ordered: tuple[Ranked, ...], cited: list[Cited], jurisdiction: str
) -> str:
    """Her own bodies speak on the decision but not (or no longer) on this choice: say so plainly.

    So no other body passes for hers, and a replaced document of hers does not
    pass for current guidance. "" when a current document of hers is cited, or
    one of hers argues against the choice (the departure line says that).
    """
    own = [i for i in ordered if i.home]
    if not own or any(c.home and not c.source.superseded for c in cited):
        return ""
    if any(stance(decision, option, i.source.id, home=True) == "against" for i in own):
        return ""
    current = [i for i in own if not i.source.superseded]
    names = list(
        dict.fromkeys(body_name(i.source, jurisdiction).replace("The ", "the ", 1) for i in current or own)
    )
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if not current:
        replaced = any(c.home for c in cited)
        tail = "; the earlier advice cited has since been replaced." if replaced else "."
        return f"No current guidance from {who} that we checked addresses this{tail}"
    says = "says" if len(names) == 1 else "say"
    return f"What {who} {says} on this decision does not speak to my choice; the guidance cited comes from other bodies."


def supporting(
    catalog: Catalog, decision: Decision, option: Option, role: str, jurisdiction: str
) -> list[str]:
    """The ids of the sources that back the choice, her own regulator and professional body first."""
    return backing(catalog, decision, option, role, jurisdiction).ids


def objections(
    catalog: Catalog, decision: Decision, option: Option, role: str, jurisdiction: str = ""
) -> list[Ranked]:
    """The statements by bodies speaking to her ``role`` that argue against ``option``, in her order."""
    found: list[Ranked] = []
    for item in ordered_guidance(decision, catalog, role, jurisdiction).items:
        source = item.source
        if (
            source.kind not in BODY_KINDS
            or not source.speaks_to(role)
            or any(f.source is source for f in found)
        ):
            continue
        if stance(decision, option, source.id, home=item.home) == "against":
            found.append(item)
    return found


def against(
    catalog: Catalog, decision: Decision, option: Option, role: str, jurisdiction: str = ""
) -> list[Source]:
    """The bodies speaking to her ``role`` whose statement on ``decision`` argues against ``option``.

    In ``guidance.ranking``'s order: her own bodies first, then others by relevance.
    """
    return [item.source for item in objections(catalog, decision, option, role, jurisdiction)]


def body_name(source: Source, jurisdiction: str = "") -> str:
    """A body as a sentence names it: "The BMA", "ACP and FSMB", "Mayo Clinic (US)" from abroad."""
    short = source.short
    label = body_label(source, jurisdiction) if jurisdiction else short
    name = label.replace("/", " and ")
    return name if short in _NO_ARTICLE or source.body_name in _NO_ARTICLE else "The " + name


_VERBS = {
    Strength.MUST: ("says I must not do this", "say I must not do this"),
    Strength.EXPECTS: ("expects me not to do this", "expect me not to do this"),
    Strength.ADVISES: ("advises against this", "advise against this"),
}
"""How firmly the departure is put, by the firmest statement against the choice."""


def departure(bodies: Sequence[Source | Ranked], note: str, jurisdiction: str = "") -> str:
    """ "The BMA advises against this; my reason: …", her note, or her own judgement when she gave none.

    Given ``Ranked`` statements, the verb follows the firmest of her own
    bodies' ("The CNO expects me not to do this"); a body abroad carries its
    country and only advises.
    """
    names: list[str] = []
    firmest = Strength.ADVISES
    order = list(Strength)
    for body in bodies:
        source = body.source if isinstance(body, Ranked) else body
        statement = body.statement if isinstance(body, Ranked) else None
        home = isinstance(body, Ranked) and body.home
        if (
            home
            and statement
            and statement.strength in _VERBS
            and order.index(statement.strength) < order.index(firmest)
        ):
            firmest = statement.strength  # a body abroad binds no one here: its word is advice
        name = body_name(source, jurisdiction)
        if name not in names:
            names.append(name)
    if not names:
        return ""
    rest = [n.replace("The ", "the ", 1) for n in names[1:]]
    if not rest:
        who = names[0]
    elif len(rest) == 1:
        who = f"{names[0]} and {rest[0]}"
    else:  # the serial comma keeps "ACP and FSMB" one body
        who = ", ".join([names[0], *rest[:-1]]) + ", and " + rest[-1]
    verb = _VERBS[firmest][0 if len(names) == 1 else 1]
    reason = " ".join(note.split())
    first = reason.split(" ", 1)[0]
    if first[1:2].islower() and first != "I":  # "It is…" runs on after "my reason:"; "BMA…" stays
        reason = reason[0].lower() + reason[1:]
    if reason:
        return f"{who} {verb}; my reason: {reason}"
    return f"{who} {verb}; I chose it on my own judgement."
