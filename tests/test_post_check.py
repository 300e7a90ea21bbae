"""Before you post: a clinician pastes a draft and learns what in it could identify a patient, and why.

Each story is one kind of detail, then the sum of them, then the command line as she would use it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app_states import sample_policy
from cli_process import clinician_compass
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.postcheck import KINDS, Risk, check_post, report
from clinician_compass.postcheck.records import medicare_check_digit_ok, nhs_check_digit_ok

WARD_NIGHT = (
    "Busy night on Ward 7 at St Mary's, a 94-year-old told me she'd never once been in hospital before."
)
HEALTH_EDUCATION = (
    "Most sore throats get better on their own within a week. Rest, fluids, and see your GP if it lasts."
)


def found(text: str, kind: str) -> list[str]:
    check = check_post(text, rare_conditions=load_catalog().rare_conditions)
    return [f.text for f in check.findings if f.kind == kind]


# --- the night on Ward 7: the issue's own example ------------------------------------------------------


def test_a_night_on_ward_7_marks_the_ward_the_hospital_the_age_and_the_time_and_rates_it_high() -> None:
    check = check_post(WARD_NIGHT)
    marked = {(f.kind, f.text): f for f in check.findings}
    assert ("place", "Ward 7") in marked and ("place", "St Mary's") in marked
    assert ("age", "94-year-old") in marked and ("date", "Busy night") in marked
    ward = marked[("place", "Ward 7")]
    assert WARD_NIGHT[ward.start : ward.end] == "Ward 7", "offsets point into the text as given"
    assert "HIPAA Safe Harbor" in marked[("age", "94-year-old")].why, "over 89 is an identifier on its own"
    assert all(f.why for f in check.findings), "every finding says why"
    assert check.risk is Risk.HIGH
    assert "over 89" in check.assessment.reason and "together" in check.assessment.reason, (
        check.assessment.reason
    )


def test_a_health_education_post_about_no_patient_gets_none_or_low() -> None:
    check = check_post(HEALTH_EDUCATION)
    assert check.risk in (Risk.NONE, Risk.LOW)
    assert not check.assessment.about_patient


def test_the_best_verdict_is_nothing_found_never_safe() -> None:
    check = check_post("Sourdough attempt number 14. Better than my cannulation was in first year.")
    assert check.risk is Risk.NONE
    assert "cannot prove a post is safe" in check.assessment.reason
    assert "safe" not in check.assessment.reason.replace("cannot prove a post is safe", "")


def test_a_conference_with_dates_places_and_a_colleagues_name_is_at_most_low() -> None:
    check = check_post(
        "Presenting with Dr Aisha Khan in Glasgow on 12 May 2026 at 9am, then Boxing Day drinks!"
    )
    assert {f.kind for f in check.findings} >= {"name", "place", "date"}
    assert check.risk is Risk.LOW, "a post about no patient is none or low whatever dates it holds"


# --- record numbers ------------------------------------------------------------------------------------


def test_an_nhs_number_is_one_only_when_its_mod_11_check_digit_is_right() -> None:
    assert nhs_check_digit_ok("943 476 5919")
    assert not nhs_check_digit_ok("943 476 5918")
    assert found("Trace for 943 476 5919 please", "record-number") == ["943 476 5919"]
    assert found("Trace for 943 476 5918 please", "record-number") == [], (
        "a wrong check digit is not an NHS number"
    )


def test_a_labelled_nhs_number_is_marked_even_with_a_wrong_check_digit() -> None:
    assert found("NHS no 943 476 5918 for the lady in bay 2", "record-number") == ["943 476 5918"]


def test_a_phone_number_that_happens_to_pass_the_nhs_check_is_still_a_phone_number() -> None:
    assert found("Call me at 617-555-0188 about it", "contact") == ["617-555-0188"]
    assert found("Call me at 617-555-0188 about it", "record-number") == []


def test_hospital_and_medical_record_numbers_are_marked_with_their_label() -> None:
    assert found("MRN 4482913 needs a callback", "record-number") == ["MRN 4482913"]
    assert found("hospital number K1234567, bed 14", "record-number") == ["hospital number K1234567"]


def test_a_us_social_security_number() -> None:
    assert found("Pt SSN is 078-05-1120 per intake", "record-number") == ["078-05-1120"]


def test_an_australian_medicare_number_needs_its_check_digit() -> None:
    assert medicare_check_digit_ok("2123 45670 1")
    assert not medicare_check_digit_ok("2123 45671 1")
    assert found("Her card is 2123 45670 1, thanks", "record-number") == ["2123 45670 1"]
    assert found("Her card is 2123 45671 1, thanks", "record-number") == []


def test_a_canadian_health_card_with_its_version_code() -> None:
    assert found("OHIP 1234-567-890-AB was rejected", "record-number") == ["OHIP 1234-567-890-AB"]
    assert found("card 1234-567-890-AB was rejected", "record-number") == ["1234-567-890-AB"]


# --- contact details -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "number"),
    [
        ("UK mobile", "07700 900123"),
        ("UK mobile, international", "+44 7700 900123"),
        ("UK London landline", "020 7946 0000"),
        ("UK regional landline", "0161 496 0000"),
        ("US", "(415) 555-0132"),
        ("US, dashes", "415-555-0132"),
        ("US, international", "+1 212 555 0100"),
        ("Canada", "604.555.0199"),
        ("Australia mobile", "0491 570 156"),
        ("Australia mobile, international", "+61 491 570 156"),
        ("Australia landline", "(02) 9876 5432"),
        ("Australia 1300", "1300 123 456"),
    ],
)
def test_phone_numbers_in_each_countrys_formats(country: str, number: str) -> None:
    assert found(f"Ring the family on {number} tonight.", "contact") == [number], country


def test_email_and_web_addresses() -> None:
    text = "Write to jo.bloggs@nhs.net or see https://example.org/ward-7 and www.drkate.blog/statins."
    assert found(text, "contact") == [
        "jo.bloggs@nhs.net",
        "https://example.org/ward-7",
        "www.drkate.blog/statins",
    ]


def test_a_year_and_a_dose_are_not_phone_numbers() -> None:
    assert found("In 2019 we gave 500 mg twice daily for 7 days.", "contact") == []


# --- names and photos ----------------------------------------------------------------------------------


def test_names_with_titles_introductions_babies_handles_and_hashtags() -> None:
    text = "Mrs Patel, a man called Derek, baby Oliver, Doris, 97, thanks @sarah_m_nurse #PrayForAva"
    assert found(text, "name") == ["Mrs Patel", "Derek", "Oliver", "Doris", "@sarah_m_nurse", "PrayForAva"]


def test_mrs_hamilton_is_a_person_not_the_town() -> None:
    assert found("Mrs Hamilton told me", "name") == ["Mrs Hamilton"]
    assert found("Mrs Hamilton told me", "place") == []


def test_an_attached_photo_x_ray_scan_or_selfie() -> None:
    assert found("His X-ray attached: swallowed a key.", "photo") == ["X-ray attached"]
    assert found("Check out this CT from today", "photo") == ["Check out this CT"]
    assert found("Selfie with my favourite patient", "photo") == ["Selfie"]
    assert found("How an MRI scan works, explained.", "photo") == [], (
        "the word alone is teaching, not a picture"
    )


# --- quasi-identifiers ---------------------------------------------------------------------------------


def test_dates_in_uk_us_and_australian_forms_and_the_days_people_remember() -> None:
    text = "12/03/2025, March 3rd, 3 March, 2025-03-12, today, last night, this morning, on Tuesday, at 3am"
    assert len(found(text, "date")) == 9
    holidays = "Christmas Eve, Boxing Day, Thanksgiving, Australia Day, Canada Day"
    assert found(holidays, "date") == holidays.split(", ")


def test_ages_of_any_kind_and_why_over_89_is_different() -> None:
    text = "a 94-year-old, aged 7, in her 80s, 72M, a 3-week-old, a centenarian"
    ages = check_post(text).findings
    assert [f.text for f in ages if f.kind == "age"] == [
        "94-year-old",
        "aged 7",
        "in her 80s",
        "72M",
        "3-week-old",
        "centenarian",
    ]
    over = {f.text for f in ages if f.kind == "age" and "Safe Harbor" in f.why}
    assert over == {"94-year-old", "centenarian"}


def test_a_population_age_range_is_not_an_age() -> None:
    assert found("Screening for everyone aged 50 to 74 in Scotland.", "age") == []


def test_places_wards_hospitals_towns_venues_and_our_own_department() -> None:
    text = "Ward 7, St Mary's, Royal Infirmary, Leeds, outside the Co-op, our A&E, the ICU here, Riverside Primary"
    assert found(text, "place") == [
        "Ward 7",
        "St Mary's",
        "Royal Infirmary",
        "Leeds",
        "the Co-op",
        "our A&E",
        "the ICU here",
        "Riverside Primary",
    ]


def test_her_own_practice_from_her_profile_is_a_place() -> None:
    check = check_post(
        "A lady at Riverside Surgery told me", practice_contact="Riverside Surgery, 01632 960000"
    )
    practice = [f for f in check.findings if f.kind == "place"]
    assert [f.text for f in practice] == ["Riverside Surgery"]
    assert any("your own practice" in f.why for f in practice)


def test_occupations_and_public_roles() -> None:
    assert found("a local teacher, the mayor and a footballer", "occupation") == [
        "a local teacher",
        "the mayor",
        "a footballer",
    ]
    assert found("As a nurse I see this every shift.", "occupation") == [], "her own profession is not a clue"


def test_rare_conditions_from_the_catalog_superlatives_and_unusual_events() -> None:
    assert "progeria" in load_catalog().rare_conditions, "the list is catalog data"
    assert found("a boy with progeria", "rare-detail") == ["progeria"]
    assert found("our youngest ever patient", "rare-detail") == ["our youngest ever patient"]
    assert found("he was struck by lightning", "rare-detail") == ["struck by lightning"]
    without_list = check_post("a boy with progeria").findings
    assert not [f for f in without_list if f.kind == "rare-detail"], "the core knows no conditions of its own"


def test_whether_the_post_is_about_a_patient() -> None:
    for cue in ("my patient", "a lady I saw today", "on the ward a man asked me", "pt", "in resus"):
        assert found(f"So, {cue} said thanks.", "patient"), cue
    assert not found("Our patients deserve safe staffing.", "patient"), "patients in general are not a case"


def test_every_kind_is_one_of_the_ten() -> None:
    check = check_post(WARD_NIGHT + " Mrs Patel, 07700 900123, MRN 4482913, selfie, a farmer, progeria")
    assert {f.kind for f in check.findings} <= set(KINDS)


# --- the sum of information ----------------------------------------------------------------------------


def test_a_patient_with_two_details_is_medium_and_with_three_kinds_high() -> None:
    assert check_post("Saw a 6-week-old in clinic today.").risk is Risk.MEDIUM
    assert check_post("Saw a 6-week-old in clinic today from Leeds.").risk is Risk.HIGH


def test_a_patient_with_one_detail_is_low_and_a_name_makes_it_high() -> None:
    assert check_post("My patient today was lovely.").risk is Risk.LOW
    assert check_post("My patient today, Mrs Patel, was lovely.").risk is Risk.HIGH


# --- her policy and the platform -----------------------------------------------------------------------


def test_the_result_quotes_her_own_decision_and_the_platforms_dated_facts() -> None:
    policy = sample_policy()  # posting-about-patients: deidentified-consent
    catalog = load_catalog()
    result = report(check_post(WARD_NIGHT), policy, catalog.platforms["x"])
    assert result.choice == "deidentified-consent"
    assert "do you have it in writing?" in result.policy
    assert [f.topic for f in result.facts] == ["posts", "editing"]
    assert all(f.checked for f in result.facts) and "quote posts" in result.facts[1].text
    policy.set_answer(None, "posting-about-patients", "never")
    assert "never to post about patients" in report(check_post(WARD_NIGHT), policy).policy
    del policy.global_decisions["posting-about-patients"]
    assert "not decided yet" in report(check_post(WARD_NIGHT), policy).policy


def test_the_guidance_is_quoted_with_its_attribution_and_label() -> None:
    guidance = " ".join(report(check_post(WARD_NIGHT), None).guidance)
    assert "GMC, Using social media as a medical professional (2024), para 19 [verified]" in guidance
    assert "sum of information shared" in guidance
    assert "HIPAA Safe Harbor" in guidance and "18 kinds of identifier" in guidance
    assert "NOT VERIFIED" not in guidance


# --- the command line ----------------------------------------------------------------------------------


def test_cli_marks_each_span_under_the_draft_and_says_why(tmp_path: Path) -> None:
    done = clinician_compass(tmp_path, "check-post", "-", stdin=WARD_NIGHT)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert out.startswith("Before you post: HIGH risk")
    lines = out.splitlines()
    draft = next(i for i, line in enumerate(lines) if line.startswith("  Busy night"))
    assert lines[draft + 1].startswith("  ^^^^^^^^^^    ^^^^^^    ^^^^^^^^^"), "markers under the spans"
    assert "\u201cWard 7\u201d (place, chars 14\u201320): a ward" in out
    assert "\x1b[" not in out, "no colour in a pipe"


def test_cli_json_has_the_risk_findings_policy_and_advice(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(WARD_NIGHT, encoding="utf-8")
    done = clinician_compass(tmp_path, "check-post", str(draft), "--json")
    assert done.returncode == 1, done.stderr
    result = json.loads(done.stdout)
    assert result["risk"] == "high"
    assert {"risk", "findings", "policy", "advice"} <= result.keys()
    ward = next(f for f in result["findings"] if f["text"] == "Ward 7")
    assert ward == {"kind": "place", "text": "Ward 7", "start": 14, "end": 20, "why": ward["why"]}
    assert WARD_NIGHT[ward["start"] : ward["end"]] == "Ward 7"
    assert result["advice"], "what to change, for a post about a patient"


def test_cli_exits_0_for_a_post_about_no_patient(tmp_path: Path) -> None:
    done = clinician_compass(tmp_path, "check-post", stdin=HEALTH_EDUCATION)
    assert done.returncode == 0, done.stderr
    assert "Before you post: NONE risk" in done.stdout or "Before you post: LOW risk" in done.stdout


def test_cli_quotes_her_policy_and_the_platform(tmp_path: Path) -> None:
    policy = tmp_path / "compass" / "policy.toml"
    store.save(sample_policy(), PolicyPaths(policy), expected_digest=None)
    done = clinician_compass(
        tmp_path, "check-post", "-", "--platform", "x", "--json", policy=policy, stdin=WARD_NIGHT
    )
    result = json.loads(done.stdout)
    assert result["policy"]["choice"] == "deidentified-consent"
    assert result["platform"]["name"] == "X (formerly Twitter)"
    assert [f["topic"] for f in result["platform"]["facts"]] == ["posts", "editing"]
    assert all(f["checked"] for f in result["platform"]["facts"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check-post", "missing.txt"], "missing.txt: no such file"),
        (["check-post", "-", "--platform", "myspace"], "unknown platform 'myspace'"),
        (["check-post", "-", "--image", "nothere.jpg"], "nothere.jpg: no such file"),
        (["check-post", "-", "--image", "draft.txt"], "draft.txt: not an image"),
    ],
)
def test_cli_usage_errors_exit_2_with_a_message_naming_the_file(
    tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "draft.txt").write_text("hello", encoding="utf-8")
    done = clinician_compass(tmp_path, *args, stdin="hello")
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def _photo_with_gps(path: Path) -> Path:
    from PIL import Image

    image = Image.new("RGB", (8, 8), "white")
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (51.0, 30.0, 36.0), 3: "W", 4: (0.0, 7.0, 12.0)})
    exif.get_ifd(0x8769)[36867] = "2026:11:21 03:12:00"
    image.save(path, exif=exif)
    return path


def test_cli_image_reports_where_and_when_the_photo_was_taken(tmp_path: Path) -> None:
    photo = _photo_with_gps(tmp_path / "ward.jpg")
    done = clinician_compass(
        tmp_path, "check-post", "-", "--image", str(photo), "--json", stdin="My patient today."
    )
    assert done.returncode == 1, "a photo of a patient is a direct identifier"
    image = json.loads(done.stdout)["image"]
    assert image["taken"] == "2026:11:21 03:12:00"
    assert image["location"] == pytest.approx([51.51, -0.12])
    text = clinician_compass(
        tmp_path, "check-post", "-", "--image", str(photo), stdin="My patient today."
    ).stdout
    assert "GPS position" in text and "2026:11:21 03:12:00" in text


def test_cli_shows_escape_sequences_in_a_draft_instead_of_obeying_them(tmp_path: Path) -> None:
    done = clinician_compass(tmp_path, "check-post", "-", stdin="Mrs Patel \x1b]52;c;aGk=\x07 said hi")
    assert "\x1b" not in done.stdout and "\u241b" in done.stdout


def test_checking_text_never_imports_textual_or_pillow() -> None:
    code = (
        "import sys; from clinician_compass.postcheck import check_post; check_post('a 94-year-old on Ward 7'); "
        "print(any(m.split('.')[0] in ('textual', 'PIL') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_content_editor_who_lists_a_rare_condition_twice_is_told_where(tmp_path: Path) -> None:
    import shutil

    from clinician_compass.guidance import CatalogError, load_catalog_from
    from clinician_compass.guidance.packaged import DATA

    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "identifying.toml").write_text(
        'rare_conditions = ["progeria", "Progeria", " "]\n', encoding="utf-8"
    )
    with pytest.raises(CatalogError) as error:
        load_catalog_from(copy)
    problems = "\n".join(error.value.problems)
    assert "identifying.toml:1: rare_conditions: 'Progeria' is listed twice" in problems
    assert "an entry is empty" in problems


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    from clinician_compass.cli import post_check

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert post_check._colour()
    assert "\x1b[1;31mHIGH risk\x1b[0m" in post_check._coloured("Before you post: HIGH risk", "high")
    monkeypatch.setenv("NO_COLOR", "1")
    assert not post_check._colour()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    monkeypatch.delenv("NO_COLOR")
    assert not post_check._colour()


def test_a_us_clinician_reads_hipaa_first_and_a_uk_one_the_gmc() -> None:
    policy = sample_policy()
    assert report(check_post(WARD_NIGHT), policy).guidance[0].startswith("GMC")
    policy.profile.jurisdiction = "US"
    assert report(check_post(WARD_NIGHT), policy).guidance[0].startswith("HIPAA")


def test_the_markers_line_up_under_wide_characters_and_wrapped_lines() -> None:
    from clinician_compass.cli.post_check import marked_lines

    text = "\U0001F600 Ward 7"
    lines = marked_lines(text, set(range(2, 8)))
    assert lines == ["  \U0001F600 Ward 7", "     ^^^^^^"], "the emoji takes two columns"
    long = "word " * 30 + "Ward 7"
    wrapped = marked_lines(long, set(range(150, 156)), width=40)
    assert all(len(line) <= 42 for line in wrapped)
    assert wrapped[-2].endswith("Ward 7") and wrapped[-1].strip() == "^^^^^^"


def test_the_check_post_command_never_imports_textual(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(WARD_NIGHT, encoding="utf-8")
    code = (
        "import sys, io, contextlib\n"
        "from clinician_compass.cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check-post', {str(draft)!r}])\n"
        "print('textual' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    assert done.stdout.strip() == "False", done.stderr
