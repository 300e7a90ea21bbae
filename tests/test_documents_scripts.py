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
    text = data["x"]["dm-redirect"]
    assert "Please contact the Riverside Ward on 020 7946 0123, or NHS 111, where" in text
    assert text.endswith(" Priya Shah")
    assert not any("{" in text for scripts_here in data.values() for text in scripts_here.values())


def test_a_script_goes_only_where_its_channel_exists() -> None:
    data = json.loads(render(load("us-physician"), load_catalog(), format="json", part="scripts"))
    assert "dm-redirect" not in data["youtube"]  # no direct messages on YouTube
    assert {"public-redirect", "review-reply"} <= set(data["youtube"])
    assert "dm-redirect" in data["linkedin"]


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


def test_the_readable_form_groups_platforms_that_get_the_same_text() -> None:
    text = render(load("uk-nurse"), load_catalog(), format="txt", part="scripts")
    assert text.count("Hi, thanks for getting in touch.") == 1
    assert "On X (formerly Twitter), Facebook and Instagram:" in text
