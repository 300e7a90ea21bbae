"""A clinician's decisions become a dozen words to remember them by, and their own wording is kept."""

from __future__ import annotations

import re
from pathlib import Path

from clinician_compass.documents import compose_short_form, refresh_short_form, render, summary_text
from clinician_compass.documents.short_form import fit_words, in_rhythm, ranked_maxims, title_case
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import dump_policy, parse_policy
from clinician_compass.policy.model import Policy, ShortForm

POLICIES = Path(__file__).parent / "data" / "policies"


def load(name: str) -> Policy:
    return parse_policy((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))[0]


def every_option_everywhere() -> Policy:
    """A policy on every platform with, for each decision, the last option the platform allows."""
    catalog = load_catalog()
    policy = Policy()
    for platform in catalog.platforms.values():
        for decision in catalog.platform_decisions(platform.id):
            policy.set_answer(platform.id, decision.id, decision.options_for(platform)[-1].id)
    for decision in catalog.global_decisions():
        policy.set_answer(None, decision.id, decision.options[0].id)
    return policy


def words(text: str) -> int:
    return len(text.replace(" / ", " ").split())


def test_the_uk_nurse_gets_twelve_words_or_fewer_in_timimis_rhythm() -> None:
    text = compose_short_form(load("uk-nurse"), load_catalog())
    assert text == "Don't Pry, Don't Reveal / Let It Stand, Own Your Words"
    assert words(text) <= 12


def test_every_policy_keeps_to_twelve_words_and_title_case() -> None:
    catalog = load_catalog()
    for policy in (load("uk-nurse"), load("us-physician"), load("au-pharmacist"), every_option_everywhere()):
        text = compose_short_form(policy, catalog)
        assert 0 < words(text) <= 12
        for maxim in re.split(r", |; | / ", text):
            assert maxim == title_case(maxim)


def test_a_longer_budget_takes_more_maxims_and_none_is_cut() -> None:
    catalog = load_catalog()
    policy = every_option_everywhere()
    maxims = ranked_maxims(policy, catalog)
    long = compose_short_form(policy, catalog, max_words=40)
    assert words(long) > words(compose_short_form(policy, catalog))
    for maxim in fit_words(maxims, 40):
        assert maxim in long


def test_what_holds_everywhere_comes_first_then_what_most_platforms_share() -> None:
    catalog = load_catalog()
    policy = Policy()
    policy.set_answer("facebook", "care-by-dm", "redirect-and-record")  # one platform
    policy.set_answer("x", "visibility", "protected")  # two platforms
    policy.set_answer("instagram", "visibility", "protected")
    policy.set_answer(None, "looking-up-patients", "never")  # everywhere
    assert ranked_maxims(policy, catalog) == ["Don't Pry", "Lock It Down", "Redirect and Record"]


def test_a_maxim_chosen_on_many_platforms_is_said_once() -> None:
    catalog = load_catalog()
    policy = Policy()
    for platform_id in ("x", "facebook", "instagram"):
        policy.set_answer(platform_id, "account-purpose", "personal")
    assert compose_short_form(policy, catalog) == "Friends and Family"


def test_rhythm_pairs_maxims_and_keeps_their_own_commas_apart() -> None:
    assert (
        in_rhythm(["Don't Pry", "Don't Reveal", "Lock It Down"]) == "Don't Pry, Don't Reveal / Lock It Down"
    )
    assert in_rhythm(["Kind, Clear No", "Open Door"]) == "Kind, Clear No; Open Door"
    assert title_case("portal, not DMs") == "Portal, Not DMs"
    assert title_case("friends and family") == "Friends and Family"


def test_no_decisions_means_no_short_form_yet() -> None:
    policy = Policy()
    assert compose_short_form(policy, load_catalog()) == ""
    assert "No short form yet" in render(policy, load_catalog(), format="txt", part="short")


def test_a_refresh_fills_in_a_generated_short_form() -> None:
    policy = load("uk-nurse")
    policy.short_form = ShortForm("stale words", edited=False)
    result = refresh_short_form(policy, load_catalog())
    assert policy.short_form.text == "Don't Pry, Don't Reveal / Let It Stand, Own Your Words"
    assert result.changed and not result.kept_edit
    assert result.previous == "stale words"


def test_an_edited_short_form_survives_regeneration_and_the_app_can_ask() -> None:
    catalog = load_catalog()
    policy = load("uk-nurse")
    policy.short_form = ShortForm("Kind online, private always", edited=True)
    policy.set_answer(None, "online-reviews", "generic-reply")  # a change that alters the generated form

    result = refresh_short_form(policy, catalog)

    assert policy.short_form.text == "Kind online, private always"
    assert policy.short_form.edited
    assert result.kept_edit and not result.changed
    assert result.generated == "Don't Pry, Don't Reveal / Keep It General, Own Your Words"
    assert result.text == "Kind online, private always"
    # Every document shows the clinician's wording, not the generated one.
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
    policy = load("uk-nurse")
    policy.short_form = ShortForm("", edited=True)
    refresh_short_form(policy, load_catalog())
    assert policy.short_form.text == "Don't Pry, Don't Reveal / Let It Stand, Own Your Words"


def test_the_same_decisions_give_the_same_short_form() -> None:
    catalog = load_catalog()
    assert {compose_short_form(every_option_everywhere(), catalog) for _ in range(3)} == {
        compose_short_form(every_option_everywhere(), catalog)
    }
