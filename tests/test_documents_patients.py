"""The statement for patients stays plain: second person, no jargon, no citations, easy to read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clinician_compass.documents import patients, render
from clinician_compass.documents.readability import flesch_reading_ease, sentence_count, syllables, words
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import Policy, Profile

POLICIES = Path(__file__).parent / "data" / "policies"
NAMES = ("uk-nurse", "us-physician", "au-pharmacist", "uk-gp")
PLAIN_ENGLISH = 60


def load(name: str) -> Policy:
    return parse_policy((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))[0]


def every_option() -> list[tuple[str, str, str | None]]:
    """(decision, option, a platform where it can be chosen, or None for a global decision)."""
    catalog = load_catalog()
    rows = []
    for decision in catalog.decisions.values():
        for option in decision.options:
            platform = None
            if decision.scope != "global":
                platform = next(
                    p.id
                    for p in catalog.platforms.values()
                    if decision.applies_to(p) and option.available_on(p)
                )
            rows.append((decision.id, option.id, platform))
    return rows


@pytest.mark.parametrize("name", NAMES)
def test_the_golden_statements_are_plain_english(name: str) -> None:
    statement = patients.build(load(name), load_catalog())
    assert flesch_reading_ease(statement.prose()) >= PLAIN_ENGLISH


@pytest.mark.parametrize(("decision_id", "option_id", "platform_id"), every_option())
def test_every_options_patient_text_makes_a_plain_english_statement(
    decision_id: str, option_id: str, platform_id: str | None
) -> None:
    policy = Policy(profile=Profile("Sam Patel", "nurse", "UK", "the surgery on 020 7946 0000"))
    policy.set_answer(platform_id, decision_id, option_id)
    statement = patients.build(policy, load_catalog())
    score = flesch_reading_ease(statement.prose())
    assert score >= PLAIN_ENGLISH, f"{decision_id}/{option_id}: reading ease {score:.0f}"


def test_the_nurses_statement_says_each_thing_once_and_tells_patients_where_to_go() -> None:
    text = render(load("uk-nurse"), load_catalog(), format="txt", part="patients")
    redirect = "If you message me here about your health, I will send one short reply."
    assert text.count(redirect) == 1  # chosen on three platforms, said once
    assert "On X, Facebook and Instagram" in text
    assert "please contact the Riverside Ward on 020 7946 0123, or NHS 111" in text
    assert "In an emergency, call 999 now" in text


def test_the_statement_has_no_citations_and_no_jargon() -> None:
    for name in NAMES:
        text = render(load(name), load_catalog(), format="txt", part="patients")
        assert not re.search(r"\[\d+\]", text)
        for jargon in ("GMC", "NMC", "Ahpra", "ACP", "FSMB", "regulator", "confidentiality", "physician"):
            assert jargon not in text, (name, jargon)


def test_patients_elsewhere_are_told_to_call_their_local_emergency_number() -> None:
    policy = Policy(profile=Profile(role="midwife", jurisdiction="other"))
    statement = patients.build(policy, load_catalog())
    assert statement.emergency.startswith("In an emergency, call your local emergency number now.")
    assert "local crisis line" in statement.emergency
    assert "please contact your own care team" in statement.care
    assert "call 911" in patients.build(load("us-physician"), load_catalog()).emergency
    assert "call 000" in patients.build(load("au-pharmacist"), load_catalog()).emergency


def test_a_doctor_is_a_doctor_to_patients() -> None:
    statement = patients.build(load("us-physician"), load_catalog())
    assert statement.intro.startswith("I'm Dr. Marcus Reyes, MD, a doctor.")


# --- the readability measure itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [("care", 1), ("people", 2), ("asked", 1), ("posted", 2), ("closes", 2), ("social", 2), ("media", 3),
     ("emergency", 4), ("family", 3), ("message", 2), ("messages", 3), ("you", 1), ("only", 2), ("idea", 3),
     ("everyone", 3), ("being", 2), ("video", 3), ("free", 1), ("table", 2), ("don't", 1)],
)  # fmt: skip
def test_syllables_are_counted_like_a_reader_says_them(word: str, count: int) -> None:
    assert syllables(word) == count


def test_plain_sentences_score_high_and_dense_ones_low() -> None:
    assert flesch_reading_ease("I don't look you up online. I go on what you tell me.") > 90
    dense = (
        "Notwithstanding organisational confidentiality obligations, practitioners' professional "
        "communications necessitate considerable deliberation regarding jurisdictional regulatory expectations."
    )
    assert flesch_reading_ease(dense) < 0


def test_words_and_sentences_are_found_as_a_reader_would() -> None:
    assert words("Don't pry, don't reveal.") == ["Don't", "pry", "don't", "reveal"]
    assert sentence_count("One. Two!\nA heading\nThree?") == 4
    assert flesch_reading_ease("") == 100.0


def test_on_a_platform_with_two_accounts_patients_are_pointed_to_the_professional_one() -> None:
    statement = render(load("uk-gp"), load_catalog(), format="txt", part="patients")
    assert (
        "On X, please follow my professional account, @DrJaneSmithGP. "
        "My other account there is for my family and friends."
    ) in statement
    assert "@janes_home" not in statement
    assert "My account is locked" not in statement, "the personal account's settings are not the patients' business"
    assert "In an emergency, call 999 now" in statement and "Samaritans free on 116 123" in statement


def test_a_pseudonymous_account_is_never_mentioned_to_patients() -> None:
    catalog = load_catalog()
    policy = load("uk-gp")
    policy.set_answer(None, "identity", "named-professional-pseudonym-personal")
    statement = render(policy, catalog, format="txt", part="patients")
    assert "family and friends" not in statement and "@janes_home" not in statement
    assert "please follow my professional account, @DrJaneSmithGP." in statement
    policy.set_answer(None, "identity", "pseudonym-private")
    statement = render(policy, catalog, format="txt", part="patients")
    assert "@DrJaneSmithGP" not in statement and "@janes_home" not in statement
    assert "pseudonym" not in statement.lower() and "made-up name" not in statement.lower()


def test_headings_name_a_website_as_a_sentence_would() -> None:
    policy = Policy(profile=Profile("Sam Patel", "nurse", "UK", "the surgery"))
    for platform in ("youtube", "website"):
        policy.set_answer(platform, "account-purpose", "professional")
        policy.set_answer(platform, "care-in-public", "no-reply")
    assert "On YouTube and my website" in render(policy, load_catalog(), format="txt", part="patients")
