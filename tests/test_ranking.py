"""Whose guidance a clinician reads first: their own regulator, in every face.

The 36 pairs below are the addendum's section E table (six roles, students
split into four disciplines, by four countries), pinned twice: the first source
in the whole catalog for that clinician (``home_sources``), and the first
statement on a patient's friend request (``patient-connects``), with whether
the app must say that no body of theirs speaks.
"""

from __future__ import annotations

import re

import pytest

from clinician_compass.documents.answers import citation_order
from clinician_compass.guidance import Catalog, load_catalog
from clinician_compass.guidance.model import GUIDANCE_ROLES, Statement, Strength
from clinician_compass.guidance.ranking import (
    cited_sources,
    home_sources,
    ordered_guidance,
    ordered_situation,
    ordered_sources,
    strength_label,
)

COUNTRIES = ("UK", "US", "Canada", "Australia")

PAIRS = [
    # role, country, first source overall, no body of theirs?, first on patient-connects, no body there?
    ("physician", "UK", "gmc-2024", False, "gmc-walker-case", False),
    ("physician", "US", "ama-2010", False, "acp-fsmb-2013", False),
    ("physician", "Canada", "cpso-2022", False, "ahpra-2019", True),
    ("physician", "Australia", "ahpra-2019", False, "ahpra-2019", False),
    ("nurse", "UK", "nmc-2015", False, "nmc-2015", False),
    ("nurse", "US", "ncsbn-2011", False, "ncsbn-2011", False),
    ("nurse", "Canada", "cno-2019", False, "cno-boundaries-2026", False),
    ("nurse", "Australia", "ahpra-2019", False, "ahpra-2019", False),
    ("midwife", "UK", "nmc-2015", False, "nmc-2015", False),
    ("midwife", "US", "ncsbn-2011", True, "ncsbn-2011", True),
    ("midwife", "Canada", "bccnm-social", False, "bccnm-social", False),
    ("midwife", "Australia", "ahpra-2019", False, "ahpra-2019", False),
    ("pharmacist", "UK", "gphc-2016", False, "gphc-2016", False),
    ("pharmacist", "US", "ashp-2012", False, "mayo-guidelines", True),
    ("pharmacist", "Canada", "acp-alberta-2023", False, "ahpra-2019", True),
    ("pharmacist", "Australia", "ahpra-2019", False, "ahpra-2019", False),
    ("allied-health", "UK", "hcpc-2024", False, "hcpc-2024", False),
    ("allied-health", "US", "ahima-record", True, "mayo-guidelines", True),
    ("allied-health", "Canada", "ahpra-2019", True, "hcpc-2024", True),
    ("allied-health", "Australia", "ahpra-2019", False, "ahpra-2019", False),
    ("student-medicine", "UK", "gmc-msc-students", False, "bma-2011", False),
    ("student-medicine", "US", "ama-2010", True, "acp-fsmb-2013", True),
    ("student-medicine", "Canada", "cfms-2013", False, "bma-2011", True),
    ("student-medicine", "Australia", "ahpra-students-2019", False, "ahpra-students-2019", False),
    ("student-nursing", "UK", "nmc-2015", False, "nmc-2015", False),
    ("student-nursing", "US", "ncsbn-2011", False, "ncsbn-2011", False),
    ("student-nursing", "Canada", "cno-2019", True, "cno-boundaries-2026", True),
    ("student-nursing", "Australia", "ahpra-students-2019", False, "ahpra-students-2019", False),
    ("student-pharmacy", "UK", "gphc-2016", True, "gphc-2016", True),
    ("student-pharmacy", "US", "ashp-2012", True, "ahpra-2019", True),
    ("student-pharmacy", "Canada", "acp-alberta-2023", True, "ahpra-2019", True),
    ("student-pharmacy", "Australia", "ahpra-students-2019", False, "ahpra-students-2019", False),
    ("student-other", "UK", "hcpc-2024", False, "hcpc-2024", False),
    ("student-other", "US", "hcpc-2024", True, "hcpc-2024", True),
    ("student-other", "Canada", "hcpc-2024", True, "hcpc-2024", True),
    ("student-other", "Australia", "ahpra-students-2019", False, "ahpra-students-2019", False),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def test_the_pairs_cover_every_role_in_every_country() -> None:
    assert {(r, j) for r, j, *_ in PAIRS} == {(r, j) for r in GUIDANCE_ROLES for j in COUNTRIES}


@pytest.mark.parametrize(("role", "country", "first", "none", "on_connects", "none_on_connects"), PAIRS)
def test_each_clinician_sees_their_own_body_first_or_is_told_there_is_none(
    catalog: Catalog, role: str, country: str, first: str, none: bool, on_connects: str, none_on_connects: bool
) -> None:
    overall = home_sources(catalog, role, country)
    assert overall.items[0].source.id == first
    assert bool(overall.absence) == none, overall.absence
    connects = ordered_guidance(catalog.decisions["patient-connects"], catalog, role, country)
    assert connects.items[0].source.id == on_connects
    assert bool(connects.absence) == none_on_connects, connects.absence
    for ordered in (overall, connects):
        if ordered.absence:
            assert ordered.absence.startswith("No ") and "we checked addresses this; the closest" in ordered.absence
        else:
            assert ordered.items[0].home and ordered.items[0].source.jurisdiction.value == country


def test_on_every_decision_and_situation_the_order_is_own_bodies_first_or_says_none(catalog: Catalog) -> None:
    wrong = []
    for role in GUIDANCE_ROLES:
        for country in COUNTRIES:
            orders = [(d.id, ordered_guidance(d, catalog, role, country)) for d in catalog.decisions.values()]
            orders += [(s.id, ordered_situation(s, catalog, role, country)) for s in catalog.situations.values()]
            for what, ordered in orders:
                groups = [item.group for item in ordered.items]
                if groups != sorted(groups):
                    wrong.append(f"{role}/{country} {what}: groups out of order {groups}")
                if bool(ordered.absence) == (0 in groups):
                    wrong.append(f"{role}/{country} {what}: absence {ordered.absence!r} with groups {groups}")
    assert not wrong, "\n  " + "\n  ".join(wrong[:20])


def test_a_foreign_body_carries_its_country_and_a_home_body_does_not(catalog: Catalog) -> None:
    gmc = catalog.sources["gmc-2024"]
    must = Statement("gmc-2024", "…", strength=Strength.MUST)
    assert strength_label(must, gmc, "UK") == "GMC: must"
    assert strength_label(must, gmc, "Australia") == "GMC (UK): must"
    bma = Statement("bma-2011", "…", strength=Strength.ADVISES)
    assert strength_label(bma, catalog.sources["bma-2011"], "Canada") == "BMA (UK): advises"
    cno = Statement("cno-2019", "…", strength=Strength.EXPECTS)
    assert strength_label(cno, catalog.sources["cno-2019"], "Canada") == "CNO (Ontario): expects"
    assert strength_label(cno, catalog.sources["cno-2019"], "UK") == "CNO (Ontario, Canada): expects"
    assert strength_label(None, catalog.sources["cmpa-2014"], "Canada") == "CMPA"


def test_a_us_midwife_is_told_the_nursing_guidance_is_the_nearest(catalog: Catalog) -> None:
    ordered = ordered_guidance(catalog.decisions["patient-connects"], catalog, "midwife", "US")
    assert ordered.absence.startswith("No US midwifery body we checked addresses this; the closest are NCSBN")
    assert ordered.items[0].note == "nursing guidance"


def test_a_canadian_pharmacist_is_told_no_canadian_pharmacy_body_speaks(catalog: Catalog) -> None:
    ordered = ordered_guidance(catalog.decisions["patient-connects"], catalog, "pharmacist", "Canada")
    assert ordered.absence.startswith("No Canadian pharmacy body we checked addresses this; the closest are ")
    assert "GPhC (UK)" in ordered.absence


def test_a_superseded_document_reads_after_the_current_one(catalog: Catalog) -> None:
    ordered = ordered_guidance(catalog.decisions["account-purpose"], catalog, "nurse", "UK")
    ids = [item.source.id for item in ordered.items]
    assert ids.index("nmc-2012") > ids.index("nmc-2015") if "nmc-2015" in ids else ids[0] != "nmc-2012"
    assert next(i for i in ordered.items if i.source.id == "nmc-2012").note == "since replaced"


def test_the_full_policy_cites_in_the_same_order(catalog: Catalog) -> None:
    option = catalog.decisions["patient-connects"].option("accept")
    assert option is not None
    ids = citation_order(catalog, option, "pharmacist", "Australia")
    decision = catalog.decisions["patient-connects"]
    assert ids == [s.id for s in cited_sources(decision, option.sources, catalog, "pharmacist", "Australia")]
    assert ids[0] == "ahpra-2019", "an Australian pharmacist's policy cites Ahpra first"
    assert set(option.sources) <= set(ids)
    assert citation_order(catalog, option, "physician", "UK")[0] == "gmc-walker-case"
    assert ids[1:] == [s.id for s in ordered_sources(option.sources, catalog, "pharmacist", "Australia")]
    assert catalog.sources_for(catalog.decisions["account-purpose"], "nurse", "UK")[0].id == "nmc-2015"


def test_a_canadian_nurse_asking_about_a_friend_request_sees_the_cno(catalog: Catalog) -> None:
    ordered = ordered_situation(catalog.situations["friend-request"], catalog, "nurse", "Canada")
    assert ordered.items[0].source.id.startswith("cno")
    assert ordered.items[0].says


def test_every_statement_is_tagged_with_a_strength_only_regulators_and_the_law_bind(catalog: Catalog) -> None:
    wrong = []
    for d in catalog.decisions.values():
        for g in d.guidance:
            kind = catalog.sources[g.source].kind
            if g.strength in (Strength.MUST, Strength.EXPECTS) and kind not in ("regulator", "law"):
                wrong.append(f"{d.id}: {g.source} ({kind}) {g.strength}")
    assert not wrong, wrong


UNVERIFIED = re.compile(r"1800MEDICARE|Health811|Opinion 2\.3\.2|must refrain|APhA|ACNM|TGA", re.IGNORECASE)
HEDGED = re.compile(
    r"reported|reportedly|we found no|not confirm|could not|summar|we read|as law firms|no guidance", re.IGNORECASE
)


def test_claims_the_addendum_could_not_verify_are_never_stated_as_fact(catalog: Catalog) -> None:
    texts = [(f"situation {s.id}", s.guidance) for s in catalog.situations.values()]
    texts += [(f"decision {d.id}/{g.source}", g.says) for d in catalog.decisions.values() for g in d.guidance]
    wrong = []
    for where, text in texts:
        for sentence in re.split(r"(?<=[.;])\s+", text):
            if UNVERIFIED.search(sentence) and not HEDGED.search(sentence):
                wrong.append(f"{where}: {sentence}")
    assert not wrong, "\n  " + "\n  ".join(wrong)


def test_where_no_body_speaks_the_situation_is_our_suggestion(catalog: Catalog) -> None:
    own = {s.id for s in catalog.situations.values() if s.own_suggestion}
    assert {"crowdfunding-request", "own-health-post", "online-gift"} <= own
    for sid in own:
        assert re.search(r"we found no", catalog.situations[sid].guidance, re.IGNORECASE)


def test_the_industry_decision_argues_its_options_fairly_and_its_first_source_binds(tmp_path) -> None:  # noqa: ANN001
    """Industry and paid work: a standing choice every clinician makes, each option cited and argued fairly."""
    import tomllib

    from clinician_compass.guidance.packaged import DATA

    folder = DATA
    data = tomllib.loads((folder / "decisions" / "industry-work.toml").read_text(encoding="utf-8"))
    assert data["scope"] == "global" and 2 <= len(data["options"]) <= 5
    for option in data["options"]:
        pros, cons = sum(map(len, option["pros"])), sum(map(len, option["cons"]))
        assert len(option["pros"]) == len(option["cons"]) and max(pros, cons) <= 2 * min(pros, cons), option["id"]
        assert 1 <= len(option["maxim"].split()) <= 3
        assert set(option["sources"]) <= set(load_catalog().sources)
    first = data["guidance"][0]
    assert (first["source"], first["strength"]) == ("ahpra-advertising-2020", "must")
