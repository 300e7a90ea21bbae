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

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from clinician_compass.documents.answers import citation_order
from clinician_compass.guidance.model import Catalog, Decision, Option, Source, source_rank

Stance = Literal["supports", "against", "neutral"]

KNOWN_STANCES: Mapping[tuple[str, str], Mapping[str, Stance]] = MappingProxyType(
    {
        # The BMA says not to accept patients' requests; ACP/FSMB say not to friend them; Mayo strongly discourages it.
        ("patient-connects", "accept"): {
            "bma-2011": "against",
            "acp-fsmb-2013": "against",
            "mayo-guidelines": "against",
        },
        # The BMA makes no exception for friends from before the care.
        ("patient-connects", "friends-before-care"): {"bma-2011": "against"},
        # Mayo: staff should generally neither send nor accept requests with patients.
        ("following-patients", "never-initiate"): {"mayo-guidelines": "against"},
        # ACP/FSMB and the AMA ask for personal and professional lives kept apart.
        ("account-purpose", "mixed"): {"acp-fsmb-2013": "against", "ama-2010": "against"},
        # The GMC: doctors commenting on health should usually say who they are.
        ("identity", "pseudonym-private"): {"gmc-2024": "against"},
        # Timimi's "Don't pry" is against seeking patients out online at all.
        ("looking-up-patients", "clinical-need-only"): {"mayo-12-word-2012": "against"},
        # Mayo's rule holds where staff name their employer, which not every account does; Ahpra is silent.
        ("profile-disclaimer", "none"): {"mayo-guidelines": "neutral", "ahpra-2020": "neutral"},
        # The RCGP's "the personal and professional can't always be separated" cautions, it does not back them.
        ("account-purpose", "separate"): {"rcgp-2013": "neutral"},
        ("account-purpose", "personal"): {"rcgp-2013": "neutral"},
        # Statements that say nothing either way on this option.
        ("profile-disclaimer", "views-own-no-advice"): {"ahpra-2020": "neutral"},
        ("blocking", "never-for-following"): {"cmpa-2014": "neutral"},
    }
)
"""(decision, option) → source → stance, for statements that do not yet carry their own links."""

BODY_KINDS = frozenset({"regulator", "professional-body", "employer", "indemnity", "law"})
"""Sources whose word is a body's advice; a blog or a paper informs, it does not advise against."""

_NO_ARTICLE = frozenset({"Ahpra", "Mayo Clinic", "ACP/FSMB"})


def stance(decision: Decision, option: Option, source_id: str) -> Stance:
    """Whether the source's statement on ``decision`` supports ``option``, argues against it, or neither."""
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
    known = KNOWN_STANCES.get((decision.id, option.id), {}).get(source_id)
    if known:
        return known
    return "supports" if source_id in option.sources else "neutral"


def supporting(
    catalog: Catalog, decision: Decision, option: Option, role: str, jurisdiction: str
) -> list[str]:
    """The option's sources that back it, the clinician's own jurisdiction and regulator first."""
    ordered = citation_order(catalog, option, role, jurisdiction)
    return [s for s in ordered if stance(decision, option, s) == "supports"]


def against(
    catalog: Catalog, decision: Decision, option: Option, role: str, jurisdiction: str = ""
) -> list[Source]:
    """The bodies speaking to her ``role`` whose statement on ``decision`` argues against ``option``.

    Her own jurisdiction's bodies come first, then international ones, then the rest.
    """
    found: list[Source] = []
    for statement in decision.guidance:
        source = catalog.sources.get(statement.source)
        if source is None or source in found or source.kind not in BODY_KINDS or not source.speaks_to(role):
            continue
        if stance(decision, option, source.id) == "against":
            found.append(source)
    return sorted(found, key=lambda s: source_rank(s, role, jurisdiction)[0])


def body_name(source: Source) -> str:
    """A body as a sentence names it: "The BMA", "ACP and FSMB", "Mayo Clinic"."""
    short = source.short
    name = short.replace("/", " and ")
    return name if short in _NO_ARTICLE else "The " + name


def departure(bodies: list[Source], note: str) -> str:
    """ "The BMA advises against this; my reason: …", her note, or her own judgement when she gave none."""
    names: list[str] = []
    for body in bodies:
        name = body_name(body)
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
    verb = "advises" if len(names) == 1 else "advise"
    reason = " ".join(note.split())
    first = reason.split(" ", 1)[0]
    if first[1:2].islower() and first != "I":  # "It is…" runs on after "my reason:"; "BMA…" stays
        reason = reason[0].lower() + reason[1:]
    if reason:
        return f"{who} {verb} against this; my reason: {reason}"
    return f"{who} {verb} against this; I chose it on my own judgement."
