"""Documents hold up: a policy with no answers yet, and a clinician whose text looks like markup."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, date, datetime

import pytest
from markdown_it import MarkdownIt

from clinician_compass.documents import FORMATS, PARTS, render, summary_text
from clinician_compass.documents.safe_text import printable
from clinician_compass.documents.writer import escape_markdown
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import Meta, PlatformEntry, Policy, Profile

META = Meta(created=date(2026, 11, 1), updated=datetime(2026, 11, 1, 8, 0, tzinfo=UTC), app_version="0.1.0")

HOSTILE_NAME = 'Dr *[b]* [/ _Ana_ #1 `rm` """ שלום مرحبا \x1b[31mred\x1b[0m 👩\u200d⚕\ufe0f \u202eevil\\'
HOSTILE_HANDLE = "@[b]_x_*`#"
HOSTILE_NOTE = "# Not a heading\n- not a list\n1. not a list either\n    not code\n> not a quote\n---\n[link](http://x) <b>html</b> &amp; ends with \\"
HOSTILE_CONTACT = "the *surgery* [/] on 020 7946 0000 `now` \\"


def empty_policy(*platforms: str) -> Policy:
    policy = Policy(profile=Profile(), meta=META)
    for platform_id in platforms:
        policy.platforms[platform_id] = PlatformEntry()
    return policy


def hostile_policy() -> Policy:
    policy = Policy(profile=Profile(HOSTILE_NAME, "nurse", "UK", HOSTILE_CONTACT), meta=META)
    policy.set_answer("x", "account-purpose", "separate")
    policy.set_answer("x", "visibility", "protected", note=HOSTILE_NOTE, account="personal")
    policy.set_answer("x", "care-by-dm", "redirect", account="personal")
    policy.set_answer("x", "profile-disclaimer", "views-own", account="professional")
    policy.set_answer(None, "identity", "named", note=HOSTILE_NAME)
    policy.platforms["x"].accounts["professional"].handle = HOSTILE_HANDLE
    policy.platforms["x"].accounts["personal"].handle = HOSTILE_NAME
    return policy


# --- a policy with no answers yet --------------------------------------------------------------------------


@pytest.mark.parametrize("platforms", [(), ("x", "linkedin")], ids=["no platforms", "platforms chosen"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("part", PARTS)
def test_a_policy_with_no_answers_still_exports_something_sensible(
    part: str, fmt: str, platforms: tuple[str, ...]
) -> None:
    text = render(empty_policy(*platforms), load_catalog(), format=fmt, part=part)
    assert text.strip() and text.endswith("\n")
    if fmt == "json":
        json.loads(text)
    elif fmt == "toml":
        tomllib.loads(text)
    else:
        assert "{" not in text and "None" not in text


def test_the_empty_full_policy_shows_the_profile_no_decisions_and_how_to_start() -> None:
    text = render(empty_policy(), load_catalog(), format="md", part="full")
    assert text.startswith("# Social media policy\n")
    assert "**Role:** Clinician" in text
    assert "## No decisions yet" in text
    assert "`clinician-compass`" in text
    assert "No platforms chosen yet." in text
    assert "Not decided yet." in text
    assert "- **Next review:** 1 November 2027" in text


def test_the_empty_statement_for_patients_still_says_where_to_go() -> None:
    text = render(empty_policy(), load_catalog(), format="txt", part="patients")
    assert "please contact your own care team" in text
    assert "call your local emergency number" in text


def test_with_no_choices_there_are_no_replies_and_the_scripts_say_where_they_come_from() -> None:
    policy = empty_policy()
    assert json.loads(render(policy, load_catalog(), format="json", part="scripts")) == {}
    assert "each one follows from a choice you make" in render(policy, load_catalog(), format="md", part="scripts")


def test_show_for_an_empty_policy_says_how_to_start() -> None:
    text = summary_text(empty_policy(), load_catalog(), today=date(2026, 11, 22))
    assert text.splitlines()[0] == "No short form yet: make a few decisions first."
    assert "To start, run clinician-compass" in text


# --- text that looks like markup ---------------------------------------------------------------------------


def _text_of(tokens) -> str:  # type: ignore[no-untyped-def]
    """All literal text a Markdown renderer would show, with its structure flattened."""
    out = []
    for token in tokens:
        if token.children:
            out.append(_text_of(token.children))
        elif token.type in ("text", "code_inline"):
            out.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


@pytest.mark.parametrize("part", ["full", "patients", "scripts"])
def test_hostile_text_in_markdown_stays_literal(part: str) -> None:
    text = render(hostile_policy(), load_catalog(), format="md", part=part)
    assert "\x1b" not in text and "\u202e" not in text
    tokens = MarkdownIt("commonmark").parse(text)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "code_block", "fence", "link_open", "em_open", "hr"} - (
        {"link_open"} if part == "full" else set()  # the full policy links its sources
    )
    shown = _text_of(tokens)
    name = printable(HOSTILE_NAME).replace("\u202e", "")
    assert name in shown  # every character of the name shows, none became formatting
    if part == "full":
        assert HOSTILE_HANDLE in shown
        for line in HOSTILE_NOTE.splitlines():
            assert line.strip() in shown
        # The whole note is one paragraph after its label: no line of it became a heading, list or quote.
        [note] = [t.content for t in tokens if t.type == "inline" and "Not a heading" in t.content]
        assert note.startswith("**In my words:**") and "ends with" in note


def test_hostile_name_is_escaped_in_the_title() -> None:
    text = render(hostile_policy(), load_catalog(), format="md", part="full")
    assert text.splitlines()[0] == "# Social media policy: " + escape_markdown(HOSTILE_NAME)
    assert text.splitlines()[0].endswith("evil\\\\")  # the trailing backslash is escaped, not a line break


def test_hostile_text_in_plain_text_is_printable() -> None:
    for part in PARTS:
        text = render(hostile_policy(), load_catalog(), format="txt", part=part)
        assert "\x1b" not in text and "\u202e" not in text, part
    full = render(hostile_policy(), load_catalog(), format="txt", part="full")
    assert "␛[31mred␛[0m" in full and "שלום مرحبا" in full and "👩\u200d⚕\ufe0f" in full
    summary = summary_text(hostile_policy(), load_catalog(), today=date(2026, 11, 22))
    assert "\x1b" not in summary and "\u202e" not in summary


def test_hostile_text_round_trips_through_json() -> None:
    catalog = load_catalog()
    document = json.loads(render(hostile_policy(), catalog, format="json", part="full"))
    assert document["profile"]["display_name"] == HOSTILE_NAME
    assert document["profile"]["practice_contact"] == HOSTILE_CONTACT
    accounts = document["platforms"]["x"]["accounts"]
    assert accounts["professional"]["handle"] == HOSTILE_HANDLE
    assert accounts["personal"]["decisions"]["visibility"]["note"] == HOSTILE_NOTE
    scripts = json.loads(render(hostile_policy(), catalog, format="json", part="scripts"))
    assert scripts["x"]["personal"]["dm-redirect"].endswith(" " + " ".join(HOSTILE_NAME.split()))
    for part in PARTS:
        json.loads(render(hostile_policy(), catalog, format="json", part=part))


def test_hostile_text_round_trips_through_toml() -> None:
    catalog = load_catalog()
    policy, _ = parse_policy(render(hostile_policy(), catalog, format="toml", part="full"))
    assert policy.profile.display_name == HOSTILE_NAME
    assert policy.profile.practice_contact == HOSTILE_CONTACT
    assert policy.platforms["x"].accounts["professional"].handle == HOSTILE_HANDLE
    assert policy.platforms["x"].accounts["personal"].decisions["visibility"].note == HOSTILE_NOTE
    assert policy.global_decisions["identity"].note == HOSTILE_NAME
    patients = tomllib.loads(render(hostile_policy(), catalog, format="toml", part="patients"))
    assert " ".join(HOSTILE_NAME.split()) in patients["intro"]
    for part in PARTS:
        tomllib.loads(render(hostile_policy(), catalog, format="toml", part=part))
