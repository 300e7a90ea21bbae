"""Your own regulator first: whoever she is and wherever she practises, her full policy cites her own bodies.

An Australian pharmacist's policy once cited twenty sources, none of them
Ahpra, with the GMC as [1]; a UK nurse's cited the NMC's superseded 2012 sheet
first. These stories build a small policy for each role in each country and
read the full policy as she would.
"""

from __future__ import annotations

import re

import pytest

from clinician_compass.documents import full_policy, render
from clinician_compass.documents.citations import backing, departure, objections
from clinician_compass.guidance import load_catalog
from clinician_compass.guidance.model import Catalog
from clinician_compass.guidance.ranking import ordered_guidance
from clinician_compass.policy.model import ROLES, Policy, Profile

PRACTITIONERS = ("physician", "nurse", "midwife", "pharmacist", "allied-health")
STUDENTS = tuple(r for r in ROLES if r.startswith("student-"))
COUNTRIES = ("UK", "US", "Canada", "Australia")

CHOICES = (  # a cautious clinician's few decisions: (platform or None, decision, choice)
    ("linkedin", "account-purpose", "professional"),
    ("linkedin", "patient-connects", "decline-explain"),
    ("linkedin", "care-by-dm", "redirect"),
    (None, "posting-about-patients", "never"),
    (None, "identity", "named"),
)


def small_policy(role: str, jurisdiction: str) -> Policy:
    policy = Policy(profile=Profile("Alex Morgan", role, jurisdiction, "the practice on 0100 000 000"))
    for platform, decision, choice in CHOICES:
        policy.set_answer(platform, decision, choice)
    return policy


def home_ids(catalog: Catalog, decision_id: str, role: str, jurisdiction: str) -> set[str]:
    """Her own regulator and professional bodies on a decision, as every face of the app ranks them."""
    ordered = ordered_guidance(catalog.decisions[decision_id], catalog, role, jurisdiction)
    return {item.source.id for item in ordered.items if item.home}


def items(doc: full_policy.FullPolicy) -> list[full_policy.Item]:
    found = [*doc.everywhere.items]
    for section in doc.sections:
        found += [*section.items, *(i for sub in section.accounts for i in sub.items)]
    return [i for i in found if i.decided]


@pytest.mark.parametrize("jurisdiction", COUNTRIES)
@pytest.mark.parametrize("role", (*PRACTITIONERS, *STUDENTS))
def test_every_choice_cites_her_own_body_first_or_says_none_speaks(role: str, jurisdiction: str) -> None:
    catalog = load_catalog()
    doc = full_policy.build(small_policy(role, jurisdiction), catalog)
    decisions = {
        item.title: d for d in catalog.decisions.values() for item in items(doc) if item.title == d.title
    }
    for item in items(doc):
        decision = decisions[item.title]
        own = home_ids(catalog, decision.id, role, jurisdiction)
        first = doc.sources[item.citations[0] - 1] if item.citations else None
        if first is not None and first.id in own:
            continue
        if own:  # her bodies speak, but none backs this choice: one argues against it, or the policy says they are silent
            assert item.departure or "does not speak to my choice" in item.absence, (
                role,
                jurisdiction,
                item.title,
            )
        else:
            assert item.absence.startswith("No "), (role, jurisdiction, item.title)


def test_the_australian_pharmacists_first_source_is_ahpra_and_the_gmc_always_carries_uk() -> None:
    catalog = load_catalog()
    text = render(small_policy("pharmacist", "Australia"), catalog, format="md", part="full")
    first = re.search(r"^- \[1\] (.+)$", text, flags=re.MULTILINE)
    assert first and first.group(1).startswith("Ahpra")
    labels = " ".join(li for li in text.splitlines() if li.startswith("**Guidance:**"))
    assert "Ahpra: " in labels
    gmc = re.findall(r"\bGMC\b[^;\[]*", labels)  # "GMC (UK): must", "GMC GMP (UK): expects"
    assert gmc and all("(UK)" in label for label in gmc)
    assert "GMC's advice" not in text


def test_the_uk_nurses_account_purpose_starts_with_the_nmc_2015_and_marks_2012_as_replaced() -> None:
    catalog = load_catalog()
    decision = catalog.decisions["account-purpose"]
    for choice in ("personal", "separate", "professional"):
        option = decision.option(choice)
        assert option
        cited = backing(catalog, decision, option, "nurse", "UK").cited
        assert cited[0].source.id == "nmc-2015", choice
        assert cited[0].label.endswith(": expects")
        replaced = [c for c in cited if c.source.id == "nmc-2012"]
        assert not replaced or (replaced[0].note.startswith("since replaced") and replaced[0] is not cited[0])


def test_a_superseded_document_is_never_cited_first() -> None:
    catalog = load_catalog()
    for role in (*PRACTITIONERS, *STUDENTS):
        for jurisdiction in COUNTRIES:
            for decision in catalog.decisions.values():
                for option in decision.options:
                    cited = backing(catalog, decision, option, role, jurisdiction).cited
                    if any(not c.source.superseded for c in cited):
                        assert not cited[0].source.superseded, (role, jurisdiction, decision.id, option.id)


def test_a_home_body_that_argues_against_her_choice_is_not_cited_for_it_but_named_against_it() -> None:
    """An Ontario nurse who accepts patients' requests: the CNO says never; the policy says so, not that it backs her."""
    catalog = load_catalog()
    decision = catalog.decisions["patient-connects"]
    accept = decision.option("accept")
    assert accept
    assert "cno-2019" not in backing(catalog, decision, accept, "nurse", "Canada").ids
    against = objections(catalog, decision, accept, "nurse", "Canada")
    assert against[0].home and against[0].source.id in ("cno-boundaries-2026", "cno-2019")
    line = departure(against, "", "Canada")
    assert line.startswith("The CNO") and "must not do this" in line and "own judgement" in line


def test_a_body_abroad_only_advises_and_carries_its_country() -> None:
    catalog = load_catalog()
    decision = catalog.decisions["patient-connects"]
    accept = decision.option("accept")
    assert accept
    line = departure(
        objections(catalog, decision, accept, "physician", "Australia"), "They asked first.", "Australia"
    )
    assert line.startswith("The BMA (UK)") and "advise against this; my reason: they asked first." in line
    assert "must" not in line and "expect" not in line


def test_where_no_body_of_hers_speaks_the_policy_says_so_once_per_decision() -> None:
    catalog = load_catalog()
    policy = small_policy("nurse", "UK")
    policy.set_answer(None, "looking-up-patients", "never")
    text = render(policy, catalog, format="txt", part="full")
    lookups = text.split("Looking patients up online", 1)[1].split("Posting about patients", 1)[0]
    assert lookups.count("No UK nursing body we checked addresses this") == 1


def test_why_is_her_own_reason_for_every_choice() -> None:
    catalog = load_catalog()
    for jurisdiction in COUNTRIES:
        doc = full_policy.build(small_policy("pharmacist", jurisdiction), catalog)
        for item in items(doc):
            option = next(
                o for d in catalog.decisions.values() for o in d.options if o.policy == item.sentence
            )
            assert item.reason == option.why


@pytest.mark.parametrize("jurisdiction", COUNTRIES)
def test_every_body_from_abroad_carries_its_country_and_hers_carry_none(jurisdiction: str) -> None:
    catalog = load_catalog()
    for role in (*PRACTITIONERS, *STUDENTS):
        for decision in catalog.decisions.values():
            for option in decision.options:
                for cited in backing(catalog, decision, option, role, jurisdiction).cited:
                    where = cited.source.jurisdiction.value
                    assert (where in cited.label) is (where != jurisdiction), (role, decision.id, cited.label)


def test_an_ontario_nurse_who_accepts_patients_reads_the_cno_rule_beside_her_own_reason() -> None:
    catalog = load_catalog()
    policy = small_policy("nurse", "Canada")
    policy.set_answer("linkedin", "patient-connects", "accept", "I run a public health-education page.")
    text = render(policy, catalog, format="txt", part="full")
    accept = catalog.decisions["patient-connects"].option("accept")
    assert accept
    block = text.split("A patient wants to connect", 1)[1].split("\n\n", 1)[0]
    assert f"Why: {accept.why}" in block
    assert "Against advice: The CNO" in block and "must not do this; my reason: I run a public" in block
    guidance = next(li for li in block.splitlines() if li.strip().startswith("Guidance:"))
    assert "CNO" not in guidance and "BCCNM" not in guidance


def test_when_only_a_replaced_document_of_hers_speaks_the_policy_says_there_is_nothing_current() -> None:
    """A UK nurse choosing who sees her posts: only the NMC's 2012 sheet spoke to it, and it has been replaced."""
    catalog = load_catalog()
    decision = catalog.decisions["visibility"]
    protected = decision.option("protected")
    assert protected
    found = backing(catalog, decision, protected, "nurse", "UK")
    assert not found.cited[0].source.superseded
    assert [c.note for c in found.cited if c.source.id == "nmc-2012"] == ["since replaced"]
    assert found.absence.startswith("No current guidance from the NMC that we checked addresses this")
