"""The full policy reads as a document a clinician could hand to an employer or an appraiser."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from clinician_compass.documents import render
from clinician_compass.documents.dates import add_months, long_date
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import Meta, Policy, Profile

POLICIES = Path(__file__).parent / "data" / "policies"


def load(name: str) -> Policy:
    return parse_policy((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))[0]


def section(text: str, heading: str) -> str:
    """The Markdown between ``## heading`` and the next ``## ``."""
    return text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_nurses_policy_has_a_section_per_platform_then_everywhere_then_sources() -> None:
    text = render(load("uk-nurse"), load_catalog(), format="md", part="full")
    assert text.startswith("# Social media policy: Priya Shah\n")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings == [
        "In short",
        "X (formerly Twitter)",
        "Facebook",
        "Instagram",
        "Everywhere",
        "Sources",
        "Dates",
    ]
    assert "> Don't Pry, Don't Reveal / Let It Stand, Own Your Words" in text


def test_each_decision_is_a_first_person_sentence_with_the_note_and_the_reason() -> None:
    catalog = load_catalog()
    text = render(load("uk-nurse"), catalog, format="md", part="full")
    x = section(text, "X (formerly Twitter)")
    protected = catalog.decisions["visibility"].option("protected")
    assert protected
    assert "- **Personal account:** @priya\\_s" in x
    assert f"### Who can see your posts\n\n{protected.policy} [" in x
    assert "**In my words:** Locked since 2024." in x
    assert f"**Why:** {protected.pros[0]}" in x


def test_an_undecided_decision_says_so_plainly() -> None:
    facebook = section(render(load("uk-nurse"), load_catalog(), format="md", part="full"), "Facebook")
    assert "### Following patients\n\nNot decided yet." in facebook


def test_every_citation_points_into_the_sources_and_every_source_is_cited() -> None:
    for name in ("uk-nurse", "us-physician", "au-pharmacist"):
        text = render(load(name), load_catalog(), format="md", part="full")
        body, sources = text.split("\n## Sources\n", 1)
        cited = {
            int(n)
            for group in re.findall(r" \[([\d, ]+)\]$", body, flags=re.MULTILINE)
            for n in group.split(", ")
        }
        listed = [int(n) for n in re.findall(r"^- \[(\d+)\] ", sources, flags=re.MULTILINE)]
        assert listed == list(range(1, len(listed) + 1))
        assert cited == set(listed)


def test_sources_give_publisher_year_title_and_address() -> None:
    catalog = load_catalog()
    text = render(load("uk-nurse"), catalog, format="md", part="full")
    nmc = catalog.sources["nmc-2015"]
    assert f"- [1] {nmc.publisher} ({nmc.year}). " in text
    assert f"<{nmc.url}>" in text


def test_the_clinicians_own_regulator_is_cited_first() -> None:
    catalog = load_catalog()
    text = render(load("uk-nurse"), catalog, format="md", part="full")
    first = re.search(r"^- \[1\] (.+)$", text, flags=re.MULTILINE)
    assert first and catalog.sources["nmc-2012"].publisher in first.group(1)


def test_dates_come_from_the_policy_and_the_next_review_is_a_year_on() -> None:
    nurse = render(load("uk-nurse"), load_catalog(), format="md", part="full")
    assert "- **Written:** 1 March 2026" in nurse
    assert "- **Last reviewed:** 22 November 2026" in nurse
    assert "- **Next review:** 22 November 2027" in nurse
    never_reviewed = render(load("au-pharmacist"), load_catalog(), format="md", part="full")
    assert "- **Next review:** 10 February 2027" in never_reviewed
    assert "Last reviewed" not in never_reviewed
    american = render(load("us-physician"), load_catalog(), format="md", part="full")
    assert "- **Next review:** October 2, 2027" in american


def test_the_text_format_says_the_same_without_markdown() -> None:
    catalog = load_catalog()
    md = render(load("uk-nurse"), catalog, format="md", part="full")
    txt = render(load("uk-nurse"), catalog, format="txt", part="full")
    assert not re.search(r"^#|\*\*|\\_|^> ", txt, flags=re.MULTILINE)
    assert "@priya_s" in txt
    protected = catalog.decisions["visibility"].option("protected")
    assert protected and md.count(protected.policy) == txt.count(protected.policy) == 2
    assert "  In my words: Locked since 2024." in txt
    assert "Not decided yet." in txt


def test_an_option_the_catalog_does_not_know_is_shown_not_dropped() -> None:
    policy = Policy(profile=Profile("Sam", "nurse", "UK"))
    policy.set_answer("x", "visibility", "invisible-mode", note="from a newer app")
    policy.set_answer("x", "future-decision", "yes")
    text = render(policy, load_catalog(), format="txt", part="full")
    assert "“invisible-mode”, an option this version of clinician-compass does not know" in text
    assert "future-decision" in text
    assert "In my words: from a newer app" in text


def test_a_multi_line_note_keeps_its_lines() -> None:
    policy = Policy(profile=Profile("Sam", "nurse", "UK"))
    policy.set_answer(None, "identity", "named", note="First line.\nSecond line.")
    md = render(policy, load_catalog(), format="md", part="full")
    assert "**In my words:** First line.\\\nSecond line." in md
    txt = render(policy, load_catalog(), format="txt", part="full")
    assert "  In my words: First line.\n  Second line." in txt


def test_months_are_added_on_the_calendar() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert add_months(date(2026, 11, 22), 12) == date(2027, 11, 22)
    assert long_date(date(2027, 11, 2)) == "2 November 2027"
    assert long_date(date(2027, 11, 2), "US") == "November 2, 2027"


def test_the_date_written_does_not_depend_on_today() -> None:
    meta = Meta(created=date(2020, 1, 1), updated=datetime(2020, 1, 2, tzinfo=UTC))
    text = render(Policy(meta=meta), load_catalog(), format="txt", part="full")
    assert "Written: 1 January 2020" in text
    assert "Next review: 1 January 2021" in text
