"""Each platform gets a profile line that fits its bio limit, whoever the clinician is and whatever they chose."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

import pytest

from clinician_compass.documents import bios, render
from clinician_compass.documents.graphemes import count_graphemes, display_width, measure
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import JURISDICTIONS, ROLES, PlatformEntry, Policy, Profile

POLICIES = Path(__file__).parent / "data" / "policies"
NAME_40 = "Dr Maximiliana Featherstonehaugh-Okonkwo"
assert len(NAME_40) == 40


def bio_platforms() -> list[str]:
    return [p.id for p in load_catalog().platforms.values() if p.has("bio")]


@pytest.mark.parametrize("platform_id", bio_platforms())
def test_every_profile_line_fits_for_every_disclaimer_role_and_jurisdiction(platform_id: str) -> None:
    catalog = load_catalog()
    platform = catalog.platforms[platform_id]
    decision = catalog.decisions[bios.DISCLAIMER]
    for option, role, place in itertools.product([None, *decision.options], ROLES, JURISDICTIONS):
        policy = Policy(profile=Profile(NAME_40, role, place, "the practice"))
        if option:
            policy.set_answer(platform_id, decision.id, option.id)
        else:
            policy.platforms[platform_id] = PlatformEntry()  # chosen, disclaimer not decided yet
        [bio] = bios.build(policy, catalog)
        where = f"{platform_id}, {option.id if option else 'undecided'}, {role}, {place}"
        assert bio.fits and bio.line, where
        if platform.bio_limit is not None:
            assert measure(bio.line, platform.bio_counts) <= platform.bio_limit, where
        # Whole sentences only: the line is one of the prepared variants, never a cut.
        lines = [line for _, line in bios.candidates(bios.role_line(policy.profile), option)]
        assert bio.line in lines, where
        if option and option.bio:
            assert option.bio in bio.line or option.bio_short in bio.line, (
                f"{where}: the disclaimer was dropped"
            )


def test_the_us_physicians_tiktok_line_falls_back_to_the_short_disclaimer() -> None:
    policy = parse_policy((POLICIES / "us-physician.toml").read_text(encoding="utf-8"))[0]
    lines = {b.platform.id: b for b in bios.build(policy, load_catalog())}
    assert lines["x"].line == (
        "Physician, US. Views my own, not my employer's. No medical advice by DM or comment. "
        "Conflicts of interest: see link."
    )
    assert lines["tiktok"].variant == "short"
    assert lines["tiktok"].line == "Physician, US. Views my own. No advice. Disclosures at link."
    assert lines["tiktok"].length <= 80


def test_the_role_goes_before_the_disclaimer_is_cut() -> None:
    catalog = load_catalog()
    option = catalog.decisions[bios.DISCLAIMER].option("full")
    assert option
    tight = dataclasses.replace(catalog.platforms["tiktok"], bio_limit=len(option.bio_short))
    bio = bios.bio_for(tight, Profile(role="allied-health", jurisdiction="Australia"), option)
    assert (bio.variant, bio.line) == ("short without role", option.bio_short)


def test_a_platform_without_a_limit_gets_the_full_line() -> None:
    catalog = load_catalog()
    option = catalog.decisions[bios.DISCLAIMER].option("full")
    assert option
    website = catalog.platforms["website"]
    assert website.bio_limit is None
    bio = bios.bio_for(website, Profile(role="midwife", jurisdiction="Canada"), option)
    assert bio.line == f"Midwife, Canada. {option.bio}"


def test_an_unlisted_role_and_place_still_read_naturally() -> None:
    assert bios.role_line(Profile(role="other", jurisdiction="other")) == "Clinician."
    assert bios.role_line(Profile(role="nurse", jurisdiction="UK")) == "Nurse, UK."


def test_bios_as_data_are_platform_to_account_to_line_and_personal_ones_never_name_the_role() -> None:
    policy = parse_policy((POLICIES / "uk-nurse.toml").read_text(encoding="utf-8"))[0]
    data = json.loads(render(policy, load_catalog(), format="json", part="bios"))
    assert data == {
        "x": {"personal": "Views my own, not my employer's."},
        "facebook": {"personal": ""},
        "instagram": {"personal": "Views my own, not my employer's."},
    }


def test_the_role_is_named_only_where_she_chose_to_be_known_as_a_clinician() -> None:
    catalog = load_catalog()
    policy = parse_policy((POLICIES / "uk-gp.toml").read_text(encoding="utf-8"))[0]
    lines = json.loads(render(policy, catalog, format="json", part="bios"))["x"]
    assert lines["professional"].startswith("Doctor, UK.") and "Doctor" not in lines["personal"]
    policy.set_answer(None, "identity", "pseudonym-private")
    lines = json.loads(render(policy, catalog, format="json", part="bios"))["x"]
    assert not any("Doctor" in line for line in lines.values())
    policy.set_answer(None, "identity", "named-professional-pseudonym-personal")
    lines = json.loads(render(policy, catalog, format="json", part="bios"))["x"]
    assert lines["professional"].startswith("Doctor, UK.") and "Doctor" not in lines["personal"]


def test_a_uk_physician_reads_as_a_doctor_and_a_us_one_as_a_physician() -> None:
    assert bios.role_line(Profile(role="physician", jurisdiction="UK")) == "Doctor, UK."
    assert bios.role_line(Profile(role="physician", jurisdiction="US")) == "Physician, US."


# --- counting the way platforms count ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Nurse", 5),
        ("e\u0301", 1),  # e + combining acute
        ("Zoe\u0308 Zoë", 7),
        ("👩\u200d⚕\ufe0f", 1),  # woman health worker: ZWJ sequence with a variation selector
        ("👨\u200d👩\u200d👧\u200d👦", 1),  # family
        ("👍🏽", 1),  # skin tone modifier
        ("🇬🇧🇺🇸", 2),  # two flags of two regional indicators each
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1),  # Scotland's tag flag
        ("❤\ufe0f!", 2),
        ("שלום", 4),
        ("\r\n", 1),
    ],
)
def test_graphemes_count_what_a_reader_sees_as_one_character(text: str, expected: int) -> None:
    assert count_graphemes(text) == expected


def test_measure_counts_code_points_or_graphemes_as_the_platform_says() -> None:
    text = "Nurse 👩\u200d⚕\ufe0f"
    assert measure(text, "characters") == len(text) == 10
    assert measure(text, "graphemes") == 7


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("日本 ok") == 7
    assert display_width("e\u0301") == 1
