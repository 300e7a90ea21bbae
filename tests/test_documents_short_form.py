"""A clinician's decisions become twelve words in Timimi's shape, each maxim glossed, and her own wording is kept."""

from __future__ import annotations

from pathlib import Path

from clinician_compass.documents import compose_short_form, refresh_short_form, render, summary_text
from clinician_compass.documents.short_form import (
    contradicts,
    in_rhythm,
    maxim_for,
    maxims_needed,
    short_form_lines,
    title_case,
)
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import dump_policy, parse_policy
from clinician_compass.policy.model import Policy, ShortForm

POLICIES = Path(__file__).parent / "data" / "policies"


def load(name: str) -> Policy:
    return parse_policy((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))[0]


def beats(text: str) -> list[list[str]]:
    return [beat.split(", ") for beat in text.split(" / ")]


def test_the_uk_nurse_gets_three_lines_of_two_maxims_from_her_choices() -> None:
    catalog = load_catalog()
    policy = load("uk-nurse")
    text = compose_short_form(policy, catalog)
    assert [len(line) for line in beats(text)] == [2, 2, 2]
    assert len(text.replace(" / ", " ").replace(",", "").split()) == 12
    chosen = {o.maxim for d in catalog.decisions.values() for o in d.options} | {
        d.varied_maxim for d in catalog.decisions.values()
    }
    assert all(maxim in chosen for line in beats(text) for maxim in line), "every maxim comes from the catalog"
    # She never looks patients up and never posts about them: the content line says so.
    assert beats(text)[2] == ["Don't Reveal", "Don't Pry"]


def test_each_maxim_has_its_gloss_beside_it_in_the_policy() -> None:
    catalog = load_catalog()
    policy = load("uk-gp")
    lines = short_form_lines(policy, catalog)
    assert [m for m, _ in lines] == [m for line in beats(compose_short_form(policy, catalog)) for m in line]
    full = render(policy, catalog, format="txt", part="full")
    for maxim, gloss in lines:
        assert gloss and f"{maxim}: {gloss}" in full


def test_accounts_that_answer_differently_get_a_maxim_true_of_both() -> None:
    catalog = load_catalog()
    policy = load("uk-gp")  # professional account welcomes patients, personal one declines them
    decision = catalog.decisions["patient-connects"]
    maxim = maxim_for(policy, decision)
    assert maxim is not None and maxim.text == decision.varied_maxim
    assert "Open Door" not in compose_short_form(policy, catalog)
    assert "Decline Kindly" not in compose_short_form(policy, catalog)


def test_two_maxims_whose_commitments_conflict_never_stand_together() -> None:
    catalog = load_catalog()
    policy = Policy()
    policy.set_answer("linkedin", "account-purpose", "professional")
    policy.set_answer("linkedin", "following-patients", "never-initiate")  # may follow back...
    policy.set_answer(None, "looking-up-patients", "never")  # ...yet never looks patients up
    follows = maxim_for(policy, catalog.decisions["following-patients"])
    pry = maxim_for(policy, catalog.decisions["looking-up-patients"])
    assert follows and pry and contradicts(follows, pry, catalog)
    for decision in ("care-by-dm", "care-in-public", "posting-about-patients", "identity"):
        scope = None if catalog.decisions[decision].scope == "global" else "linkedin"
        policy.set_answer(scope, decision, catalog.decisions[decision].options[0].id)
    text = compose_short_form(policy, catalog)
    assert not ({follows.text, pry.text} <= set(text.replace(" / ", ", ").split(", ")))


def test_fewer_than_six_maxims_means_no_short_form_and_the_documents_say_how_many_more() -> None:
    catalog = load_catalog()
    policy = Policy()
    policy.set_answer(None, "looking-up-patients", "never")
    policy.set_answer(None, "posting-about-patients", "never")
    assert compose_short_form(policy, catalog) == ""
    assert maxims_needed(policy, catalog) == 4
    assert "needs 4 more decisions" in render(policy, catalog, format="txt", part="short")
    assert "needs 4 more decisions" in render(policy, catalog, format="txt", part="full")
    assert summary_text(policy, catalog).startswith("No short form yet: it takes six maxims")


def test_rhythm_pairs_maxims_and_title_case_keeps_contractions() -> None:
    assert in_rhythm(["Don't Pry", "Don't Reveal", "Open Door", "Block Last"]) == (
        "Don't Pry, Don't Reveal / Open Door, Block Last"
    )
    assert title_case("don't pry") == "Don't Pry"


def test_no_decisions_means_no_short_form_yet() -> None:
    policy = Policy()
    assert compose_short_form(policy, load_catalog()) == ""
    assert "No short form yet" in render(policy, load_catalog(), format="txt", part="short")


def test_a_refresh_fills_in_a_generated_short_form() -> None:
    catalog = load_catalog()
    policy = load("uk-nurse")
    policy.short_form = ShortForm("stale words", edited=False)
    result = refresh_short_form(policy, catalog)
    assert policy.short_form.text == compose_short_form(policy, catalog) != ""
    assert result.changed and not result.kept_edit
    assert result.previous == "stale words"


def test_an_edited_short_form_survives_regeneration_and_the_app_can_ask() -> None:
    catalog = load_catalog()
    policy = load("uk-nurse")
    policy.short_form = ShortForm("Kind online, private always", edited=True)
    before = compose_short_form(policy, catalog)
    policy.set_answer(None, "posting-about-patients", "deidentified-consent")  # alters the generated form

    result = refresh_short_form(policy, catalog)

    assert policy.short_form.text == "Kind online, private always"
    assert policy.short_form.edited
    assert result.kept_edit and not result.changed
    assert result.generated != before and "Consent First" in result.generated
    assert result.text == "Kind online, private always"
    for part in ("short", "full"):
        assert "Kind online, private always" in render(policy, catalog, format="txt", part=part)
    assert summary_text(policy, catalog).startswith("Kind online, private always\n")


def test_an_edit_survives_a_save_and_reload_and_is_replaced_only_when_asked() -> None:
    catalog = load_catalog()
    policy = load("us-physician")  # edited = true in the file
    reloaded = parse_policy(dump_policy(policy))[0]
    refresh_short_form(reloaded, catalog)
    assert reloaded.short_form.text == "Teach in Public, Treat in Private / Never Advise by DM"

    result = refresh_short_form(reloaded, catalog, replace_edit=True)
    assert result.changed
    assert reloaded.short_form.text == result.generated == compose_short_form(reloaded, catalog)
    assert not reloaded.short_form.edited


def test_an_edit_that_already_matches_needs_no_question() -> None:
    policy = load("uk-nurse")
    policy.short_form = ShortForm(compose_short_form(policy, load_catalog()), edited=True)
    assert not refresh_short_form(policy, load_catalog()).kept_edit


def test_an_emptied_edit_protects_nothing_and_is_regenerated() -> None:
    catalog = load_catalog()
    policy = load("uk-nurse")
    policy.short_form = ShortForm("", edited=True)
    refresh_short_form(policy, catalog)
    assert policy.short_form.text == compose_short_form(policy, catalog) != ""
