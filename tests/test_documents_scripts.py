"""Reply scripts come filled in with the clinician's details, sized for each platform."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from clinician_compass.documents import render, scripts
from clinician_compass.documents.graphemes import measure
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import Policy, Profile

POLICIES = Path(__file__).parent / "data" / "policies"
CONTACT_120 = "the Riverside Community Health Centre on 020 7946 0123, the NHS App, or NHS 111 online or by phone for anything urgent now"
NAME_40 = "Dr Maximiliana Featherstonehaugh-Okonkwo"


def load(name: str) -> Policy:
    return parse_policy((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))[0]


def test_scripts_are_filled_with_the_name_and_the_practice_contact() -> None:
    data = json.loads(render(load("uk-nurse"), load_catalog(), format="json", part="scripts"))
    assert list(data) == ["x", "facebook", "instagram"]
    text = data["x"]["personal"]["dm-redirect"]
    assert "Please contact the Riverside Ward on 020 7946 0123, or NHS 111, where" in text
    assert text.endswith(" Priya Shah")
    texts = [t for account in data.values() for replies in account.values() for t in replies.values()]
    assert not any("{" in t for t in texts)


def test_a_script_goes_only_where_its_channel_exists() -> None:
    data = json.loads(render(load("us-physician"), load_catalog(), format="json", part="scripts"))
    youtube = data["youtube"]["professional"]
    assert "dm-redirect" not in youtube and "urgent" not in youtube  # no direct messages on YouTube
    assert "public-redirect" in youtube
    assert "dm-redirect" in data["linkedin"]["professional"]
    # The review reply is hers wherever she is reviewed: said once, not per platform.
    assert "review-reply" in data["everywhere"]
    assert not any("review-reply" in account for p in ("x", "youtube") for account in data[p].values())


def test_a_choice_that_means_no_reply_gives_none() -> None:
    data = json.loads(render(load("uk-nurse"), load_catalog(), format="json", part="scripts"))
    x = data["x"]["personal"]  # requests left unanswered, care questions in public answered privately
    assert not {"decline-connection", "decline-follow-request", "decline-friend-request"} & set(x)
    assert "private-redirect" in x
    instagram = data["instagram"]["personal"]  # care questions in public: no reply at all
    assert "public-redirect" not in instagram and "private-redirect" not in instagram
    assert "everywhere" not in data  # she does not reply to reviews


def test_a_personal_account_beside_a_professional_one_points_patients_there() -> None:
    catalog = load_catalog()
    policy = load("uk-gp")
    data = json.loads(render(policy, catalog, format="json", part="scripts"))
    personal = data["x"]["personal"]
    assert "please follow" not in personal.get("decline-follow-request", "")
    assert "You're welcome to follow @DrJaneSmithGP instead." in personal["redirect-to-professional"]
    assert "redirect-to-professional" not in data["x"]["professional"]
    policy.platforms["x"].accounts["professional"].handle = ""
    unnamed = scripts.reply_for(policy, catalog, "x", "personal", "decline-friend-request")
    assert "You're welcome to follow my professional account instead." in unnamed


def test_the_quick_reference_gets_the_reply_her_choice_on_that_account_calls_for() -> None:
    catalog = load_catalog()
    gp = load("uk-gp")
    welcome = scripts.reply_for(gp, catalog, "x", "professional", "decline-friend-request")
    assert welcome.startswith("Thanks for following. You're welcome here")
    nurse = load("uk-nurse")
    assert scripts.reply_for(nurse, catalog, "x", "personal", "decline-friend-request") == scripts.NO_REPLY
    assert "friend request" in scripts.reply_for(nurse, catalog, "facebook", "personal", "decline-connection")
    nurse.clear_answer("x", "care-by-dm", "personal")
    assert scripts.reply_for(nurse, catalog, "x", "personal", "dm-redirect") == ""  # not decided yet
    assert scripts.reply_for(nurse, catalog, None, None, "review-reply") == scripts.NO_REPLY


@pytest.mark.parametrize("jurisdiction", list(load_catalog().emergency))
def test_the_urgent_reply_comes_first_with_her_own_emergency_and_crisis_numbers(jurisdiction: str) -> None:
    catalog = load_catalog()
    line = catalog.emergency[jurisdiction]
    policy = load("uk-nurse")
    policy.profile.jurisdiction = jurisdiction
    text = render(policy, catalog, format="txt", part="scripts")
    assert text.index("Replying to an urgent or crisis message") < text.index("Redirecting a care question")
    urgent = json.loads(render(policy, catalog, format="json", part="scripts"))["x"]["personal"]["urgent"]
    assert f"call {line.emergency} now" in urgent and line.crisis in urgent


def test_a_script_too_long_for_the_platform_uses_its_short_form() -> None:
    catalog = load_catalog()
    script = catalog.scripts["public-redirect"]
    tight = dataclasses.replace(catalog.platforms["x"], post_limit=100)
    profile = Profile("Sam", "nurse", "UK", "the surgery on 020 7946 0000")
    filled = scripts.fill_for(script, tight, profile)
    assert filled.short and filled.fits
    assert filled.text == script.fill_short(name="Sam", practice_contact="the surgery on 020 7946 0000")
    roomy = scripts.fill_for(script, catalog.platforms["x"], profile)
    assert not roomy.short


@pytest.mark.parametrize("platform_id", [p for p in load_catalog().platforms])
def test_every_script_fits_every_platform_with_a_long_contact_and_name(platform_id: str) -> None:
    catalog = load_catalog()
    platform = catalog.platforms[platform_id]
    profile = Profile(NAME_40, "nurse", "UK", CONTACT_120)
    for script in catalog.scripts.values():
        if scripts.applies(script, platform):
            filled = scripts.fill_for(script, platform, profile)
            limit = platform.limit_for(script.channel)
            assert filled.fits, (
                f"{script.id} on {platform_id}: {measure(filled.text, platform.bio_counts)} > {limit}"
            )


def test_without_a_practice_contact_the_scripts_point_to_the_care_team_and_say_why() -> None:
    policy = Policy(profile=Profile("Sam", "nurse", "UK", ""))
    policy.set_answer("x", "visibility", "public")
    text = render(policy, load_catalog(), format="md", part="scripts")
    assert "please contact your own care team" in text
    assert "your profile does not say how patients should reach you yet" in text


def test_the_readable_form_groups_accounts_that_get_the_same_text() -> None:
    text = render(load("uk-nurse"), load_catalog(), format="txt", part="scripts")
    assert text.count("Hi, thanks for getting in touch.") == 1
    assert "On X · @priya_s, Facebook · Priya Shah and Instagram · @priya.shah.walks:" in text
    two = render(load("uk-gp"), load_catalog(), format="txt", part="scripts")
    assert "On both X accounts:" in two and two.count("Hi, thanks for getting in touch.") == 1


def test_no_public_reply_ever_names_the_practice_contact() -> None:
    """In public, naming the practice can itself confirm that someone is a patient."""
    catalog = load_catalog()
    profile = Profile(NAME_40, "nurse", "UK", CONTACT_120)
    public = [s for s in catalog.scripts.values() if s.channel in ("public-reply", "review")]
    assert public
    for script in public:
        for platform in [None, *catalog.platforms.values()]:
            if platform is None or scripts.applies(script, platform):
                assert CONTACT_120 not in scripts.fill_for(script, platform, profile).text, script.id
    review = json.loads(render(load("uk-gp"), catalog, format="json", part="scripts"))["everywhere"][
        "review-reply"
    ]
    assert "Elm Street Surgery" not in review and "0161" not in review
