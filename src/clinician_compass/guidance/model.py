"""The guidance catalog as typed, immutable objects.

Everything a clinician reads in the app (platforms, decisions, situations,
sources, reply scripts) is data under ``guidance/data``; these classes are what
the loader turns that data into. They hold no behaviour beyond small lookups,
so the walkthrough, the generator and the quick reference can share them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from clinician_compass.record import record


class Jurisdiction(StrEnum):
    """Where a source applies, or where a clinician practises."""

    UK = "UK"
    US = "US"
    CANADA = "Canada"
    AUSTRALIA = "Australia"
    INTERNATIONAL = "international"


class Confidence(StrEnum):
    """How sure we are of a platform fact (the reference's ✅ / ◐ / ⚠)."""

    OFFICIAL = "official"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"

    @property
    def label(self) -> str:
        """How the confidence reads beside a fact: an unverified one must never pass for checked."""
        return {"official": "official source", "secondary": "secondary source"}.get(
            self.value, "NOT VERIFIED"
        )


class Verification(StrEnum):
    """How a guidance statement was checked (the brief's [V] / [V-sec] / [NOT VERIFIED])."""

    VERIFIED = "verified"
    SECONDARY = "secondary"
    NOT_VERIFIED = "not-verified"


SOURCE_KINDS = frozenset(
    {"regulator", "professional-body", "employer", "law", "case", "blog", "literature", "indemnity", "service"}
)
"""What kind of voice a source is; a regulator binds, a blog informs."""

PRACTITIONER_ROLES = ("physician", "nurse", "midwife", "pharmacist", "allied-health")
"""The registered roles a body can govern."""

STUDENT_ROLES = ("student-medicine", "student-nursing", "student-pharmacy", "student-other")
"""Students by discipline: each reads its own discipline's bodies."""

GUIDANCE_ROLES = (*PRACTITIONER_ROLES, *STUDENT_ROLES)
"""The policy roles a source or statement can name (``policy.model.ROLES`` less "other")."""

SOURCE_ROLES = frozenset({*GUIDANCE_ROLES, "all"})
"""What a source's ``roles`` may hold; ``all`` is every registered practitioner, never students."""

NEAREST_ROLES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "midwife": ("nurse",),
        "nurse": ("midwife",),
        "student-medicine": ("physician",),
        "student-nursing": ("nurse", "midwife"),
        "student-pharmacy": ("pharmacist",),
        "student-other": ("allied-health",),
    }
)
"""Where a role looks when no body speaks for it: a US midwife reads nursing guidance."""

ROLE_BODIES: Mapping[str, str] = MappingProxyType(
    {
        "physician": "medical body",
        "nurse": "nursing body",
        "midwife": "midwifery body",
        "pharmacist": "pharmacy body",
        "allied-health": "allied health body",
        "student-medicine": "body for medical students",
        "student-nursing": "body for nursing or midwifery students",
        "student-pharmacy": "body for pharmacy students",
        "student-other": "body for health students",
    }
)
"""How the absence line names the body a role lacks ("No Canadian pharmacy body we checked ...")."""

NEAREST_NOTES: Mapping[str, str] = MappingProxyType(
    {
        "physician": "guidance for doctors",
        "nurse": "nursing guidance",
        "midwife": "midwifery guidance",
        "pharmacist": "pharmacy guidance",
        "allied-health": "allied health guidance",
    }
)
"""What a nearest-role source is called beside its label: "NCSBN: advises (nursing guidance)"."""


class Strength(StrEnum):
    """How firmly a body puts a statement (the addendum's section D).

    ``must``: an obligation, a binding standard or the law. ``expects``: a
    regulator's binding expectation worded as an imperative ("Never accept").
    ``advises``: advice, whether a regulator's own "should" or an association's
    or defence body's. ``reports``: a case, study or blog that describes rather
    than directs, or a body saying it has nothing on the point.
    """

    MUST = "must"
    EXPECTS = "expects"
    ADVISES = "advises"
    REPORTS = "reports"

PLATFORM_TRAITS = frozenset(
    {
        "follow",  # asymmetric: anyone may follow you without your approval
        "mutual",  # friend or connection requests that you accept or decline
        "private-option",  # the account can be made private or locked
        "friends-audience",  # posts can be limited to friends or connections (Facebook's "Friends")
        "per-post-audience",  # each post can have its own audience
        "block",  # you can block a person
        "dm",  # people can message you privately
        "public-replies",  # people can reply to, mention or comment on you in public
        "bio",  # there is a profile text where a disclaimer can go
    }
)
"""Platform traits that decide which decisions and scripts apply."""

FACT_TOPICS = (
    "relationship",
    "privacy",
    "blocking",
    "remove-follower",
    "messages",
    "bio",
    "posts",
    "editing",
)
"""The questions every platform answers, in the order screens show them."""

SCRIPT_CHANNELS = frozenset({"dm", "public-reply", "review"})

SCOPES = ("platform", "account", "global")
"""Where a decision is answered: once per platform (what its accounts are for), once per account, or once."""
"""Where a reply script is posted, which decides whose length limit applies."""


@record(frozen=True)
class Source:
    """A document the guidance cites: a regulator's guidance, a case, a blog post."""

    id: str
    publisher: str
    short: str
    """Short name for tight places, such as "GMC" or "NCSBN"."""
    title: str
    year: int
    jurisdiction: Jurisdiction
    roles: tuple[str, ...]
    """The roles it governs or speaks to (``GUIDANCE_ROLES``, or ``all`` registered practitioners)."""
    kind: str
    url: str = ""
    note: str = ""
    body: str = ""
    """The issuing body as its label names it ("GMC"); "" uses ``short``."""
    region: str = ""
    """A province or state when the body is not national ("Ontario"), shown in its label."""
    superseded: bool = False
    """Replaced by a newer document: still cited for what it said, but read after the current ones."""

    def speaks_to(self, role: str) -> bool:
        """Whether this source addresses a clinician of ``role`` (a policy role id)."""
        return role in self.roles or ("all" in self.roles and role in PRACTITIONER_ROLES)

    @property
    def body_name(self) -> str:
        return self.body or self.short


@record(frozen=True)
class Fact:
    """One checked statement about how a platform works."""

    text: str
    checked: date
    confidence: Confidence
    source: str = ""
    """Where the fact comes from: a help-centre page or a news report."""


@record(frozen=True)
class SetupStep:
    """One setting to change so an account works the way she decided ("Protect your posts").

    It applies to an account only where ``when`` holds of the account's
    commitments, so every step traces back to a choice she made.
    """

    id: str
    title: str
    """What to do, in the imperative."""
    path: str
    """Where the setting is, as the platform names its menus; "" when we do not know."""
    when: Mapping[str, frozenset[str]]
    """Commitment key → values, as options' ``only_if``: every key must hold one of its values."""
    checked: date
    confidence: Confidence
    source: str


@record(frozen=True)
class Platform:
    """A social network and how it really works today."""

    id: str
    name: str
    blurb: str
    """One line for the platform picker."""
    traits: frozenset[str]
    facts: Mapping[str, Fact]
    """Topic (see ``FACT_TOPICS``) → fact; a topic with nothing verified is absent."""
    bio_limit: int | None = None
    bio_counts: str = "characters"
    """How the platform counts bio length: ``characters`` or ``graphemes``."""
    post_limit: int | None = None
    dm_limit: int | None = None
    private_setting: str = ""
    """The setting's name as the platform spells it, or "" when there is none."""
    order: int = 0
    nicknames: tuple[str, ...] = ()
    """What clinicians type for it ("fb", "insta"), so the quick reference knows which platform they mean."""
    handle_pattern: str = ""
    """A regular expression a handle must match in full, where the catalog knows the platform's rule."""
    handle_rule: str = ""
    """The rule in words, with an example, for the message when a handle does not match."""
    setup: tuple[SetupStep, ...] = ()
    """The settings that make an account match her decisions, in the order to do them."""

    def handle_problem(self, handle: str) -> str:
        """Why ``handle`` cannot be a handle here ("" when it can, or when we know no rule)."""
        handle = handle.strip()
        if not handle or not self.handle_pattern:
            return ""
        if len(handle) <= 253 and re.fullmatch(self.handle_pattern, handle, flags=re.IGNORECASE):
            return ""
        return f"{self.short_name} handles look like this: {self.handle_rule}"

    @property
    def short_name(self) -> str:
        """The name without its aside ("X" for "X (formerly Twitter)"), for narrow columns."""
        return self.name.split(" (", 1)[0]

    def has(self, *traits: str) -> bool:
        return all(trait in self.traits for trait in traits)

    def limit_for(self, channel: str) -> int | None:
        """The length limit a script posted on ``channel`` must fit."""
        return self.dm_limit if channel == "dm" else self.post_limit


@record(frozen=True)
class Statement:
    """What one source says on one decision, paraphrased."""

    source: str
    says: str
    verification: Verification = Verification.VERIFIED
    strength: Strength = Strength.ADVISES
    """Obligation, expectation, advice or report, as the body puts it (section D)."""
    roles: tuple[str, ...] = ()
    """The roles this statement governs, when narrower or other than its source's; () uses the source's."""


@record(frozen=True)
class Option:
    """One reasonable answer to a decision, argued fairly."""

    id: str
    label: str
    maxim: str
    """At most three words for the short form, in the spirit of "Don't Pry"."""
    policy: str
    """The first-person sentence that goes into the clinician's policy."""
    patient_text: str
    """The same choice said to patients, in the second person and plain words."""
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    sources: tuple[str, ...] = ()
    requires: frozenset[str] = frozenset()
    """Platform traits this option needs: "protect the account" needs ``private-option``."""
    bio: str = ""
    """Text this choice adds to a profile line (disclaimer options only)."""
    bio_short: str = ""
    """A shorter form of ``bio`` for platforms with tight limits."""
    commits: Mapping[str, str] = field(default_factory=dict)
    """What choosing it commits her to, in the vocabulary of ``guidance.commitments``."""
    replies: tuple[str, ...] = ()
    """The kinds of reply script this choice calls for (``guidance.commitments.REPLIES``); () means none."""
    gloss: str = ""
    """One line that explains the maxim on its own, shown beside it in the short form."""
    why: str = ""
    """Her reason, in the first person, true of any account the option can be chosen for."""
    only_if: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Earlier commitments this option needs: offered only where each key holds one of its values."""

    def available_on(self, platform: Platform | None) -> bool:
        return platform is None or platform.has(*self.requires)


@record(frozen=True)
class Decision:
    """A question every clinician on social media has to answer."""

    id: str
    title: str
    """A few words for tables and progress lines."""
    question: str
    situation: str
    scope: str
    """``platform`` (once per platform), ``account`` (once per account on it) or ``global`` (once)."""
    requires: frozenset[str]
    """Platform traits that must all be present for the decision to apply."""
    options: tuple[Option, ...]
    guidance: tuple[Statement, ...]
    case: str
    case_source: str
    reviewed: date
    disagreement: str = ""
    """Where the bodies disagree, or "" when they do not."""
    silence: str = ""
    """What the guidance does not say, stated plainly, or ""."""
    keywords: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    """Which platform fact topics bear on this decision, shown beside it; () shows them all."""
    order: int = 0
    requires_any: frozenset[str] = frozenset()
    """Platform traits of which at least one must be present (connections need ``follow`` or ``mutual``)."""
    varied_maxim: str = ""
    """A two-word maxim true of every option, for the short form when her accounts answer differently."""
    varied_gloss: str = ""
    """The line that explains ``varied_maxim``."""

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def options_for(self, platform: Platform | None) -> list[Option]:
        """The options that make sense on ``platform`` (all of them for a global decision)."""
        return [o for o in self.options if o.available_on(platform)]

    def applies_to(self, platform: Platform) -> bool:
        """Whether the decision is asked on ``platform`` (for its accounts, or for the platform itself)."""
        return (
            self.scope != "global"
            and platform.has(*self.requires)
            and (not self.requires_any or any(platform.has(t) for t in self.requires_any))
        )

    @property
    def per_account(self) -> bool:
        return self.scope == "account"

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Every source this decision cites, first mention first."""
        seen: dict[str, None] = {}
        for statement in self.guidance:
            seen.setdefault(statement.source, None)
        for option in self.options:
            for source in option.sources:
                seen.setdefault(source, None)
        seen.setdefault(self.case_source, None)
        return tuple(seen)


@record(frozen=True)
class Script:
    """A reply template with ``{placeholders}`` filled from the profile."""

    id: str
    title: str
    kind: str
    """The kind of reply it is (``guidance.commitments.REPLIES``): options call for kinds, not scripts."""
    channel: str
    text: str
    short_text: str = ""
    """A shorter variant for platforms whose limit the full text exceeds."""
    requires: frozenset[str] = frozenset()
    """Platform traits it needs: declining a friend request needs ``mutual``."""
    only_if: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Commitments the account must make for this wording to be true ("this account is for family")."""

    def fill(self, **values: str) -> str:
        return _fill(self.text, values)

    def fill_short(self, **values: str) -> str:
        return _fill(self.short_text or self.text, values)


PLACEHOLDERS = frozenset({"name", "practice_contact", "emergency", "crisis", "handle"})
"""The placeholders a script may use; the loader rejects any other."""


def _fill(template: str, values: Mapping[str, str]) -> str:
    # str.replace rather than str.format: a clinician's contact line may hold braces.
    text = template
    for key in PLACEHOLDERS:
        text = text.replace("{" + key + "}", values.get(key, ""))
    return text


@record(frozen=True)
class EmergencyLine:
    """Where a patient in one jurisdiction gets help at once: what the urgent reply names first."""

    jurisdiction: str
    emergency: str
    """The number to call, or "your local emergency number" where we cannot know it."""
    crisis: str
    """A sentence naming the crisis line."""
    crisis_short: str
    checked: date
    verification: Verification
    source: str


@record(frozen=True)
class Situation:
    """A moment a clinician meets, as they would describe it."""

    id: str
    title: str
    keywords: tuple[str, ...]
    """The words clinicians actually type: "dm", "add me", "one star"..."""
    decisions: tuple[str, ...]
    guidance: str
    sources: tuple[str, ...]
    script: str = ""
    """Id of the reply script that fits, or ""."""
    own_suggestion: bool = False
    """No body speaks to this: ``guidance`` is the app's own suggestion, shown as "Our suggestion, not guidance:"."""


OWN_SUGGESTION_LABEL = "Our suggestion, not guidance:"
"""What every face puts before a situation's text when no body speaks to it."""


@record(frozen=True)
class Condition:
    """One side of a conflict: a commitment holding one of some values."""

    key: str
    values: frozenset[str]


@record(frozen=True)
class Conflict:
    """Two commitments that contradict each other, and what the guidance says about the pair."""

    id: str
    title: str
    first: Condition
    second: Condition
    scope: str
    """``account``: both hold on one account; ``policy``: a policy-wide one and any account's."""
    explain: str
    """Why the two do not sit together, in plain words."""
    leans: str
    """Which way the guidance leans, and on whose word."""
    sources: tuple[str, ...] = ()
    unless_platform: frozenset[str] = frozenset()
    """Platform traits under which the pair is no conflict."""


@record(frozen=True, eq=False)
class Catalog:
    """Everything the app knows, keyed by id, in display order.

    Compared and hashed by identity: one catalog is loaded per process, and
    caches such as the search index are keyed on it.
    """

    sources: Mapping[str, Source]
    platforms: Mapping[str, Platform]
    decisions: Mapping[str, Decision]
    situations: Mapping[str, Situation]
    scripts: Mapping[str, Script]
    extra: Mapping[str, object] = field(default_factory=dict)
    rare_conditions: tuple[str, ...] = ()
    """Conditions rare enough that naming one can point to a single patient (the "Before you post" check)."""

    conflicts: Mapping[str, Conflict] = field(default_factory=dict)
    emergency: Mapping[str, EmergencyLine] = field(default_factory=dict)
    """Jurisdiction id (as the profile spells it, "other" included) → its emergency line."""

    def platform_decisions(self, platform_id: str) -> list[Decision]:
        """The decisions asked for one platform (its own and its accounts'), in order."""
        platform = self.platforms[platform_id]
        return [d for d in self.decisions.values() if d.applies_to(platform)]

    def account_decisions(self, platform_id: str) -> list[Decision]:
        """The decisions asked once for each account on one platform, in order."""
        return [d for d in self.platform_decisions(platform_id) if d.per_account]

    def global_decisions(self) -> list[Decision]:
        return [d for d in self.decisions.values() if d.scope == "global"]

    def sources_for(self, decision: Decision, role: str, jurisdiction: str) -> list[Source]:
        """A decision's sources, the clinician's own regulator first (see ``guidance.ranking``)."""
        from clinician_compass.guidance.ranking import ordered_sources

        return ordered_sources(decision.source_ids, self, role, jurisdiction)


def source_rank(source: Source, role: str, jurisdiction: str) -> tuple[int, int, int, int]:
    """Sort key for one source, kept for callers that sort sources themselves.

    Prefer ``guidance.ranking``: it orders whole statements, labels them and
    says when no body of the clinician's own speaks.
    """
    from clinician_compass.guidance.ranking import rank_key

    return rank_key(source, None, role, jurisdiction, frozenset())
