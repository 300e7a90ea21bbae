"""The guidance catalog is complete, fair and consistent: its quality is the product's quality.

Each test is a promise to the clinician reading the app, checked across the
whole catalog; a failure names every offending id, so one run shows them all.
The loader tests write broken copies of the catalog and check that one load
reports every problem, each with its file, line and key.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from clinician_compass.documents import scripts as script_docs
from clinician_compass.documents.graphemes import measure
from clinician_compass.guidance import Catalog, CatalogError, load_catalog, load_catalog_from
from clinician_compass.guidance.commitments import REPLIES, SUGGESTED_REPLIES
from clinician_compass.guidance.model import (
    FACT_TOPICS,
    PLATFORM_TRAITS,
    SOURCE_ROLES,
    Confidence,
    Verification,
)
from clinician_compass.guidance.packaged import DATA
from clinician_compass.policy.model import Profile

TODAY = date.today()

REQUIRED_PLATFORMS = {
    "x",
    "facebook",
    "instagram",
    "linkedin",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "youtube",
    "reddit",
    "website",  # a personal blog or website
}

REQUIRED_DECISIONS = {
    # issue topic: decision id → (scope, the options the issue names)
    "account-purpose": ("platform", {"personal", "professional", "mixed", "separate"}),  # 1
    "visibility": ("account", {"public", "protected", "per-post", "friends"}),  # 2
    "patient-connects": ("account", {"accept", "ignore", "decline-explain", "friends-before-care"}),  # 3
    "following-patients": ("account", {"never-initiate", "never"}),  # 4
    "blocking": ("account", {"never-for-following", "abuse-only", "proactive"}),  # 5
    "care-by-dm": ("account", set()),  # 6
    "care-in-public": ("account", set()),  # 7
    "profile-disclaimer": ("account", {"none", "views-own", "views-own-no-advice", "full"}),  # 8
    "looking-up-patients": ("global", set()),  # 9
    "posting-about-patients": ("global", set()),  # 10
    "online-reviews": ("global", set()),  # 11
    "identity": ("global", set()),  # 12
    "industry-work": ("global", {"no-paid-work", "disclose-never-pom", "unbranded-education"}),  # the addendum's C2
}

SEED_TITLES = {
    # ../shared/seeds/ file → the title the catalog must cite it by
    "000_a7b8d292dca5204c.txt": "#Stalkerish? Providers Follow Patients on Twitter",
    "001_68a7a078ebf8a6c4.txt": "Should doctors or hospitals follow their patients on Twitter?",
    "002_340aa81435689d35.txt": "Should hospitals use Twitter to follow patients?",
    "003_fd4bdc500a9b466b.txt": "Would you block your patient on Twitter?",
    "004_25a083bf468235bb.txt": "Should patients talk with their doctors using social media?",
}

JURISDICTIONS = {"UK", "US", "Canada", "Australia", "international"}
SOURCE_KINDS = {
    "regulator",
    "professional-body",
    "employer",
    "law",
    "case",
    "blog",
    "literature",  # a journal article, such as a study of clinicians searching for patients
    "indemnity",  # a medical defence organisation's advice (MDU, CMPA)
    "service",  # a public service patients are pointed to, such as a crisis line
}

HEDGE = re.compile(r"not confirmed|unconfirmed|not verified|could not (check|confirm)", re.IGNORECASE)
"""Words that tell a reader a claim is unconfirmed, wherever it is shown without its tag."""

CONTACT_120 = (
    "the Riverside Community Health Centres on 020 7946 0123, the NHS App, "
    "or NHS 111 online or by phone if it is very urgent"
)
LONG_NAME = "Dr Maximiliana Featherstonehaugh-Okonkwo-Vanderbilt, RN, MSc"
"""60 characters: longer than X allows a display name (50), as long as most platforms do."""


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def offenders(found: list[str]) -> str:
    return "\n  " + "\n  ".join(found)


def cited_source_ids(catalog: Catalog) -> set[str]:
    cited = {s for d in catalog.decisions.values() for s in d.source_ids}
    return cited | {s for situation in catalog.situations.values() for s in situation.sources}


# --- what the catalog holds ---------------------------------------------------------------------


def test_the_catalog_covers_the_platforms_clinicians_use(catalog: Catalog) -> None:
    missing = REQUIRED_PLATFORMS - set(catalog.platforms)
    assert not missing, f"platforms missing: {sorted(missing)}"
    assert len(catalog.platforms) >= 11


def test_the_required_decisions_are_there_and_no_others(catalog: Catalog) -> None:
    assert set(catalog.decisions) == set(REQUIRED_DECISIONS), (
        f"missing {sorted(set(REQUIRED_DECISIONS) - set(catalog.decisions))}, "
        f"unexpected {sorted(set(catalog.decisions) - set(REQUIRED_DECISIONS))}"
    )
    wrong = []
    for decision_id, (scope, options) in REQUIRED_DECISIONS.items():
        decision = catalog.decisions[decision_id]
        if decision.scope != scope:
            wrong.append(f"{decision_id}: scope {decision.scope!r}, expected {scope!r}")
        if missing := options - {o.id for o in decision.options}:
            wrong.append(f"{decision_id}: missing options {sorted(missing)}")
    assert not wrong, offenders(wrong)


def test_the_quick_reference_has_at_least_thirty_situations(catalog: Catalog) -> None:
    assert len(catalog.situations) >= 30, f"only {len(catalog.situations)} situations"


def test_at_least_fifteen_sources_back_the_guidance(catalog: Catalog) -> None:
    assert len(catalog.sources) >= 15, f"only {len(catalog.sources)} sources"


def test_there_is_a_reply_script_for_each_kind_of_reply_an_option_can_call_for(catalog: Catalog) -> None:
    kinds = {s.kind for s in catalog.scripts.values()}
    called_for = {reply for d in catalog.decisions.values() for o in d.options for reply in o.replies}
    assert set(REPLIES) <= kinds, f"no script of kind {sorted(set(REPLIES) - kinds)}"
    assert called_for <= set(REPLIES)


# --- decisions and options, argued fairly -------------------------------------------------------


def test_every_decision_offers_two_to_five_options(catalog: Catalog) -> None:
    wrong = [f"{d.id}: {len(d.options)}" for d in catalog.decisions.values() if not 2 <= len(d.options) <= 5]
    assert not wrong, offenders(wrong)


def test_every_option_has_pros_and_cons_in_equal_detail(catalog: Catalog) -> None:
    """At least one pro and one con, and neither side more than twice the other.

    "Length" is measured twice, and both must be within 2x: the number of items
    (two pros against six cons is lopsided) and the total characters (one long
    pro against one short con is lopsided too).
    """
    wrong = []
    for d in catalog.decisions.values():
        for o in d.options:
            pros, cons = len(o.pros), len(o.cons)
            pro_chars, con_chars = sum(map(len, o.pros)), sum(map(len, o.cons))
            if not (pros and cons):
                wrong.append(f"{d.id}/{o.id}: {pros} pros, {cons} cons")
            elif max(pros, cons) > 2 * min(pros, cons):
                wrong.append(f"{d.id}/{o.id}: {pros} pros against {cons} cons")
            elif max(pro_chars, con_chars) > 2 * min(pro_chars, con_chars):
                wrong.append(f"{d.id}/{o.id}: {pro_chars} characters of pros against {con_chars} of cons")
            if any(not item.strip() for item in (*o.pros, *o.cons)):
                wrong.append(f"{d.id}/{o.id}: an empty pro or con")
    assert not wrong, offenders(wrong)


def test_every_maxim_has_at_most_three_words(catalog: Catalog) -> None:
    wrong = [
        f"{d.id}/{o.id}: {o.maxim!r}"
        for d in catalog.decisions.values()
        for o in d.options
        if not 1 <= len(o.maxim.split()) <= 3
    ]
    assert not wrong, offenders(wrong)


def test_every_option_states_its_policy_in_the_first_person(catalog: Catalog) -> None:
    first_person = re.compile(r"\b(I|I'm|I'll|I've|my|me)\b")
    wrong = [
        f"{d.id}/{o.id}: {o.policy!r}"
        for d in catalog.decisions.values()
        for o in d.options
        if not first_person.search(o.policy) or not o.policy.rstrip().endswith(".")
    ]
    assert not wrong, offenders(wrong)


def test_every_option_can_be_chosen_somewhere(catalog: Catalog) -> None:
    """A platform decision applies to some platform, and each option is open on one of them."""
    wrong = []
    for d in catalog.decisions.values():
        if d.scope == "global":
            continue
        where = [p for p in catalog.platforms.values() if d.applies_to(p)]
        if not where:
            wrong.append(f"{d.id}: no platform has {sorted(d.requires)}")
        for o in d.options:
            if where and not any(o.available_on(p) for p in where):
                wrong.append(f"{d.id}/{o.id}: no platform has {sorted(o.requires)}")
    assert not wrong, offenders(wrong)


def test_every_decision_is_dated_and_has_a_real_case(catalog: Catalog) -> None:
    wrong = [
        f"{d.id}: reviewed {d.reviewed}, case {len(d.case)} characters"
        for d in catalog.decisions.values()
        if not date(2020, 1, 1) <= d.reviewed <= TODAY or not d.case.strip()
    ]
    assert not wrong, offenders(wrong)


def test_where_the_guidance_is_silent_the_catalog_says_so(catalog: Catalog) -> None:
    # No body rules on blocking, and none endorses a "not medical advice" disclaimer.
    blocking, disclaimer = catalog.decisions["blocking"], catalog.decisions["profile-disclaimer"]
    assert "block" in blocking.silence
    assert "medical advice" in disclaimer.silence


# --- sources ------------------------------------------------------------------------------------


def test_every_decision_cites_a_source_and_every_cited_source_exists(catalog: Catalog) -> None:
    wrong = [f"{d.id}: cites nothing" for d in catalog.decisions.values() if not d.guidance]
    for d in catalog.decisions.values():
        wrong += [f"{d.id}: unknown source {s!r}" for s in d.source_ids if s not in catalog.sources]
    for situation in catalog.situations.values():
        if not situation.sources:
            wrong.append(f"situation {situation.id}: cites nothing")
        wrong += [
            f"situation {situation.id}: unknown source {s!r}"
            for s in situation.sources
            if s not in catalog.sources
        ]
    assert not wrong, offenders(wrong)


def test_every_source_has_a_year_a_jurisdiction_roles_and_a_kind(catalog: Catalog) -> None:
    wrong = []
    for s in catalog.sources.values():
        if not 1990 <= s.year <= TODAY.year:
            wrong.append(f"{s.id}: year {s.year}")
        if s.jurisdiction.value not in JURISDICTIONS:
            wrong.append(f"{s.id}: jurisdiction {s.jurisdiction.value!r}")
        if s.kind not in SOURCE_KINDS:
            wrong.append(f"{s.id}: kind {s.kind!r}")
        if not s.roles or not set(s.roles) <= SOURCE_ROLES:
            wrong.append(f"{s.id}: roles {s.roles}")
        if not (s.publisher.strip() and s.title.strip() and s.short.strip()):
            wrong.append(f"{s.id}: no publisher, title or short name")
    assert not wrong, offenders(wrong)


def test_every_source_is_cited_somewhere_a_clinician_can_read_it(catalog: Catalog) -> None:
    uncited = sorted(set(catalog.sources) - cited_source_ids(catalog))
    assert not uncited, f"sources nobody cites: {uncited}"


def test_each_seed_document_is_a_source_and_is_cited(catalog: Catalog) -> None:
    by_title = {s.title: s for s in catalog.sources.values()}
    cited = cited_source_ids(catalog)
    wrong = []
    for seed, title in SEED_TITLES.items():
        source = by_title.get(title)
        if source is None:
            wrong.append(f"{seed}: no source titled {title!r}")
        elif source.kind != "blog":
            wrong.append(f"{seed}: {source.id} is a {source.kind!r}, but the seeds are blog posts")
        elif source.id not in cited:
            wrong.append(f"{seed}: {source.id} is never cited")
    assert not wrong, offenders(wrong)


def test_a_statement_that_is_not_verified_says_so_in_its_own_words(catalog: Catalog) -> None:
    """Plain-text surfaces show what a source says without its tag, so the words must carry it."""
    wrong = [
        f"{d.id}: {g.source}"
        for d in catalog.decisions.values()
        for g in d.guidance
        if g.verification is Verification.NOT_VERIFIED and not HEDGE.search(g.says)
    ]
    assert not wrong, offenders(wrong)


# --- platforms ----------------------------------------------------------------------------------


def test_every_platform_fact_says_when_it_was_checked_and_how_sure_we_are(catalog: Catalog) -> None:
    wrong = []
    for p in catalog.platforms.values():
        if not p.facts:
            wrong.append(f"{p.id}: no facts")
        for topic, fact in p.facts.items():
            if topic not in FACT_TOPICS:
                wrong.append(f"{p.id}.{topic}: unknown topic")
            if not date(2020, 1, 1) <= fact.checked <= TODAY:
                wrong.append(f"{p.id}.{topic}: checked {fact.checked}")
            if fact.confidence not in Confidence:
                wrong.append(f"{p.id}.{topic}: confidence {fact.confidence!r}")
            if fact.confidence is not Confidence.UNVERIFIED and not fact.source.strip():
                wrong.append(f"{p.id}.{topic}: a {fact.confidence} fact with no source named")
    assert not wrong, offenders(wrong)


def test_an_unverified_platform_fact_says_so_in_its_own_words(catalog: Catalog) -> None:
    """Screens show a fact's confidence beside it, but a copied or quoted fact travels without it: the text must hedge."""
    wrong = [
        f"{p.id}.{topic}"
        for p in catalog.platforms.values()
        for topic, fact in p.facts.items()
        if fact.confidence is Confidence.UNVERIFIED and not HEDGE.search(fact.text)
    ]
    assert not wrong, offenders(wrong)


def test_a_platform_that_can_be_made_private_names_the_setting(catalog: Catalog) -> None:
    wrong = [
        p.id for p in catalog.platforms.values() if p.has("private-option") and not p.private_setting.strip()
    ]
    assert not wrong, offenders(wrong)


def test_every_platform_trait_is_one_the_decisions_understand(catalog: Catalog) -> None:
    wrong = [
        f"{p.id}: {sorted(p.traits - PLATFORM_TRAITS)}"
        for p in catalog.platforms.values()
        if p.traits - PLATFORM_TRAITS
    ]
    assert not wrong, offenders(wrong)


# --- situations and scripts ---------------------------------------------------------------------


def test_every_situation_links_to_a_decision_and_can_be_found(catalog: Catalog) -> None:
    wrong = []
    for s in catalog.situations.values():
        if not s.decisions:
            wrong.append(f"{s.id}: no decision")
        if not [k for k in s.keywords if k.strip()]:
            wrong.append(f"{s.id}: no keywords")
        if not s.guidance.strip():
            wrong.append(f"{s.id}: no guidance")
    titles = [s.title.casefold() for s in catalog.situations.values()]
    wrong += [f"title used twice: {t!r}" for t in sorted({t for t in titles if titles.count(t) > 1})]
    assert not wrong, offenders(wrong)


def test_no_id_points_at_nothing(catalog: Catalog) -> None:
    wrong = []
    for s in catalog.situations.values():
        wrong += [f"situation {s.id}: decision {d!r}" for d in s.decisions if d not in catalog.decisions]
        if s.script and s.script not in catalog.scripts:
            wrong.append(f"situation {s.id}: script {s.script!r}")
    for d in catalog.decisions.values():
        wrong += [f"decision {d.id}: trait {t!r}" for t in d.requires if t not in PLATFORM_TRAITS]
        wrong += [f"decision {d.id}: fact topic {t!r}" for t in d.facts if t not in FACT_TOPICS]
        if d.case_source not in catalog.sources:
            wrong.append(f"decision {d.id}: case source {d.case_source!r}")
        for o in d.options:
            wrong += [f"option {d.id}/{o.id}: source {x!r}" for x in o.sources if x not in catalog.sources]
            wrong += [f"option {d.id}/{o.id}: trait {t!r}" for t in o.requires if t not in PLATFORM_TRAITS]
    assert not wrong, offenders(wrong)


def test_every_script_can_be_offered_on_some_platform_for_some_choice(catalog: Catalog) -> None:
    called_for = {reply for d in catalog.decisions.values() for o in d.options for reply in o.replies}
    called_for.add("redirect-to-professional")  # a decline on a personal account beside a professional one
    called_for |= SUGGESTED_REPLIES  # offered by the quick reference for moments no decision covers
    wrong = [
        script.id
        for script in catalog.scripts.values()
        if script.kind not in called_for
        or not any(script_docs.applies(script, p) and p.has(*script.requires) for p in catalog.platforms.values())
    ]
    assert not wrong, offenders(wrong)


def test_every_script_filled_with_a_long_contact_fits_names_the_emergency_line_and_keeps_care_private_in_public(
    catalog: Catalog,
) -> None:
    assert len(CONTACT_120) == 120
    wrong = []
    for jurisdiction, line in catalog.emergency.items():
        profile = Profile(LONG_NAME, "nurse", jurisdiction, CONTACT_120)
        for script in catalog.scripts.values():
            for platform in catalog.platforms.values():
                if not script_docs.applies(script, platform):
                    continue
                filled = script_docs.fill_for(script, platform, profile, line, handle="@" + "h" * 29)
                limit = platform.limit_for(script.channel)
                length = measure(filled.text, platform.bio_counts)
                if not filled.fits or (limit is not None and length > limit):
                    wrong.append(f"{script.id} on {platform.id} ({jurisdiction}): {length} > {limit}")
                if re.search(r"[{}]", filled.text):
                    wrong.append(f"{script.id} on {platform.id}: placeholders not filled: {filled.text!r}")
                public = script.channel != "dm"
                if public == (CONTACT_120 in filled.text) and not filled.short:
                    says = "names the practice in public" if public else "does not say where to get care"
                    wrong.append(f"{script.id} on {platform.id}: {says}")
                if script.channel == "dm" and line.emergency not in filled.text:
                    wrong.append(f"{script.id} on {platform.id}: no emergency number ({line.emergency})")
    assert not wrong, offenders(wrong)


# --- the loader ---------------------------------------------------------------------------------


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the packaged catalog that a test may break."""
    folder = tmp_path / "catalog"
    shutil.copytree(DATA, folder)
    return folder


BROKEN_PLATFORM = """\
name = "Facts"
blurb = "Bad facts."
traits = ["follow", "telepathy"]

[facts.privacy]
text = "No date and an unknown confidence."
confidence = "probably"

[facts.gossip]
text = "Not a topic."
checked = 2026-11-22
confidence = "official"
"""

BROKEN_DECISION = """\
title = "One option"
question = "Which?"
situation = "A decision with problems."
scope = "platform"
reviewed = 2026-11-22T09:00:00
case = "None."
case_source = "gmc-2024"
disagrement = "A misspelt key."

[[guidance]]
source = "gmc-2024"
says = "Something."

[[guidance]]
source = "seed-block-patient-2012"
says = "A blog cannot oblige anyone."
strength = "must"

[[options]]
id = "only"
label = "Only"
maxim = "Only"
policy = "I do."
patient_text = "I do."
pros = ["Simple."]
sources = ["no-such-source"]
"""

BROKEN_SOURCE = """\
[sources.zz-source]
publisher = "Nobody"
short = "N"
title = "Problems"
jurisdiction = "Mars"
roles = ["doctors"]
kind = "rumour"
"""

BROKEN_SITUATION = """\
[situations.zz-situation]
title = "Nothing links"
keywords = ["zz"]
decisions = ["no-such-decision"]
guidance = "None."
sources = ["gmc-2024"]
script = "no-such-script"
own_suggestion = true
"""

BROKEN_SCRIPT = """\
[scripts.zz-script]
title = "Wrong placeholder"
kind = "dm-redirect"
channel = "dm"
text = "Please contact {contact}. {name}"
"""


def write(path: Path, text: str, *, append: bool = False) -> str:
    """Write (or add to the end of) a catalog file; return its whole new text."""
    before = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" if append else ""
    path.write_text(before + text, encoding="utf-8")
    return before + text


def line_of(text: str, start: str, *, after: int = 1) -> int:
    """The number of the first line of ``text``, from line ``after`` on, that begins with ``start``."""
    lines = enumerate(text.splitlines(), start=1)
    return next(n for n, line in lines if n >= after and line.startswith(start))


def test_the_packaged_catalog_loads_without_a_single_problem() -> None:
    catalog = load_catalog_from(DATA)
    assert len(catalog.decisions) == len(REQUIRED_DECISIONS)


def test_a_broken_catalog_reports_every_problem_at_once_with_file_line_and_key(copy: Path) -> None:
    write(copy / "platforms" / "zz-syntax.toml", 'name = "Broken"\nblurb = "No value."\nbio_limit =\n')
    platform = write(copy / "platforms" / "zz-facts.toml", BROKEN_PLATFORM)
    decision = write(copy / "decisions" / "zz-decision.toml", BROKEN_DECISION)
    sources = write(copy / "sources.toml", BROKEN_SOURCE, append=True)
    situations = write(copy / "situations.toml", BROKEN_SITUATION, append=True)
    scripts = write(copy / "scripts.toml", BROKEN_SCRIPT, append=True)
    privacy = line_of(platform, "[facts.privacy]")
    source = line_of(sources, "[sources.zz-source]")
    situation = line_of(situations, "[situations.zz-situation]")
    script = line_of(scripts, "[scripts.zz-script]")

    expected = [
        # A syntax error stops that file alone, and tomllib gives its line.
        "platforms/zz-syntax.toml: Invalid value (at line 3, column 12)",
        "platforms/zz-facts.toml:3: traits: unknown trait 'telepathy'",
        # A missing key is placed at its table's header.
        f"platforms/zz-facts.toml:{privacy}: facts.privacy.checked: missing",
        f"platforms/zz-facts.toml:{privacy + 2}: facts.privacy.confidence: 'probably' is not one of",
        f"platforms/zz-facts.toml:{line_of(platform, '[facts.gossip]')}: facts.gossip: unknown fact topic",
        f"decisions/zz-decision.toml:{line_of(decision, 'reviewed')}: reviewed: expected a date without a time",
        f"decisions/zz-decision.toml:{line_of(decision, 'disagrement')}: disagrement: unknown key",
        "decisions/zz-decision.toml: options: expected 2 to 5 options, found 1",
        f"decisions/zz-decision.toml:{line_of(decision, '[[guidance]]')}: guidance[0].strength: missing",
        f"decisions/zz-decision.toml:{line_of(decision, 'strength')}: guidance[1].strength: 'must' needs a regulator",
        f"decisions/zz-decision.toml:{line_of(decision, '[[options]]')}: options[0].cons: missing",
        f"decisions/zz-decision.toml:{line_of(decision, '[[options]]')}: options[0].gloss: missing",
        f"decisions/zz-decision.toml:{line_of(decision, '[[options]]')}: options[0].why: missing",
        f"decisions/zz-decision.toml:{line_of(decision, '[[options]]')}: options[0].commits: missing",
        f"decisions/zz-decision.toml:{line_of(decision, 'sources')}: options[0].sources: unknown source",
        f"sources.toml:{source}: sources.zz-source.year: missing",
        f"sources.toml:{line_of(sources, 'jurisdiction', after=source)}: sources.zz-source.jurisdiction: 'Mars'",
        f"sources.toml:{line_of(sources, 'roles', after=source)}: sources.zz-source.roles: 'doctors'",
        f"sources.toml:{line_of(sources, 'kind', after=source)}: sources.zz-source.kind: 'rumour'",
        f"situations.toml:{line_of(situations, 'decisions', after=situation)}: "
        "situations.zz-situation.decisions: unknown decision 'no-such-decision'",
        f"situations.toml:{line_of(situations, 'script', after=situation)}: "
        "situations.zz-situation.script: unknown script 'no-such-script'",
        f"situations.toml:{line_of(situations, 'guidance', after=situation)}: "
        "situations.zz-situation.guidance: an own suggestion must say that no body we checked",
        f"scripts.toml:{line_of(scripts, 'text', after=script)}: scripts.zz-script.text: "
        "unknown placeholder {contact}",
    ]

    with pytest.raises(CatalogError) as raised:
        load_catalog_from(copy)

    problems = list(raised.value.problems)
    not_reported = []
    for start in expected:
        hit = next((p for p in problems if p.startswith(start)), None)
        if hit is None:
            not_reported.append(start)
        else:
            problems.remove(hit)
    assert not not_reported, (
        "not reported:" + offenders(not_reported) + "\nreported:" + offenders(raised.value.problems)
    )
    assert not problems, "reported but not expected:" + offenders(problems)


def test_a_missing_file_is_one_problem_not_a_cascade_of_broken_links(copy: Path) -> None:
    """Every situation's script would point at nothing; the missing file alone is reported."""
    (copy / "scripts.toml").unlink()
    shutil.rmtree(copy / "platforms")
    with pytest.raises(CatalogError) as raised:
        load_catalog_from(copy)
    problems = raised.value.problems
    assert len(problems) == 2, offenders(problems)
    assert problems[0].startswith("scripts.toml: [Errno 2] No such file or directory")
    assert problems[1] == "platforms/: the folder is missing"
    assert str(raised.value).splitlines() == ["invalid guidance catalog:", *(f"  {p}" for p in problems)]


def test_the_catalog_is_loaded_once_and_shared() -> None:
    assert load_catalog() is load_catalog()
    assert load_catalog_from(DATA) is not load_catalog()

