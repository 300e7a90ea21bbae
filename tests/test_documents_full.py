"""The full policy reads as a document a clinician could hand to an employer or an appraiser."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime
from pathlib import Path

from clinician_compass.documents import citations, render
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
    assert "> Set Boundaries, Never Follow / Redirect Care, Care Elsewhere / Don't Reveal, Don't Pry" in text
    assert "- **Don't Pry:** I don't look patients up online." in text


def test_each_decision_is_a_first_person_sentence_with_the_note_and_the_reason() -> None:
    catalog = load_catalog()
    text = render(load("uk-nurse"), catalog, format="md", part="full")
    x = section(text, "X (formerly Twitter)")
    protected = catalog.decisions["visibility"].option("protected")
    assert protected
    assert "- **Personal account:** @priya\\_s" in x
    assert f"### Who can see your posts\n\n{protected.policy} [" in x
    assert "**In my words:** Locked since 2024." in x
    assert f"**Why:** {protected.why}" in x
    whys = [li for li in text.splitlines() if li.startswith("**Why:**")]
    assert whys and not any("GMC" in li or "advice" in li or "blog" in li for li in whys)


def test_two_accounts_on_a_platform_each_get_a_subsection_by_name() -> None:
    text = render(load("uk-gp"), load_catalog(), format="md", part="full")
    x = section(text, "X (formerly Twitter)")
    assert re.findall(r"^### X · .+$", x, flags=re.MULTILINE) == [
        "### X · professional account @DrJaneSmithGP",
        "### X · personal account @janes\\_home",
    ]
    assert x.count("#### A patient wants to connect") == 2


def test_a_choice_against_a_bodys_advice_says_so_with_her_reason_and_cites_no_one_for_it() -> None:
    catalog = load_catalog()
    text = render(load("uk-gp"), catalog, format="txt", part="full")
    accept = catalog.decisions["patient-connects"].option("accept")
    assert accept
    line = next(li for li in text.splitlines() if li.strip().startswith(accept.policy))
    numbers = [int(n) for n in re.findall(r"\d+", line.rsplit("[", 1)[1])]
    sources = text.split("\nSources\n", 1)[1]
    cited = [next(li for li in sources.splitlines() if li.startswith(f"• [{n}] ")) for n in numbers]
    assert not any(
        "British Medical Association (2011)" in c or "Federation of State Medical Boards (2013)" in c
        for c in cited
    )
    assert (
        "Against advice: The BMA, ACP and FSMB (US), and Mayo Clinic (US) advise against this; my reason: it is "
        "a public health-information account; patients reading it is the point."
    ) in text
    assert f"Why: {accept.why}" in text
    policy = load("uk-gp")
    policy.platforms["x"].accounts["professional"].decisions["patient-connects"].note = ""
    assert "advise against this; I chose it on my own judgement." in render(
        policy, catalog, format="txt", part="full"
    )


def test_an_undecided_decision_says_so_plainly() -> None:
    facebook = section(render(load("uk-nurse"), load_catalog(), format="md", part="full"), "Facebook")
    assert "### Following patients\n\nNot decided yet." in facebook


def test_every_citation_points_into_the_sources_and_every_source_is_cited() -> None:
    for name in ("uk-nurse", "us-physician", "au-pharmacist", "uk-gp"):
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


def test_the_clinicians_own_regulator_is_cited_first_in_its_current_guidance() -> None:
    catalog = load_catalog()
    text = render(load("uk-nurse"), catalog, format="md", part="full")
    first = re.search(r"^- \[1\] (.+)$", text, flags=re.MULTILINE)
    nmc = catalog.sources["nmc-2015"]
    assert first and first.group(1).startswith(f"{nmc.publisher} ({nmc.year}). {nmc.title}")


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


def test_a_source_is_cited_for_a_choice_only_when_it_does_not_argue_against_it() -> None:
    catalog = load_catalog()
    decision = catalog.decisions["patient-connects"]
    accept, decline = decision.option("accept"), decision.option("decline-explain")
    assert accept and decline
    assert citations.stance(decision, accept, "bma-2011") == "against"
    assert citations.stance(decision, decline, "bma-2011") == "supports"
    assert "bma-2011" not in citations.supporting(catalog, decision, accept, "physician", "UK")
    assert [s.id for s in citations.against(catalog, decision, accept, "physician")] == [
        "bma-2011", "acp-fsmb-2013", "mayo-guidelines",
    ]  # fmt: skip
    assert [s.id for s in citations.against(catalog, decision, accept, "pharmacist")] == ["mayo-guidelines"]


def test_links_on_the_statements_themselves_win_over_the_fallback() -> None:
    """Once the catalog says which options a statement supports or argues against, that is what counts."""

    @dataclasses.dataclass(frozen=True)
    class Linked:
        source: str
        says: str
        supports: tuple[str, ...] = ()
        against: tuple[str, ...] = ()

    catalog = load_catalog()
    decision = catalog.decisions["patient-connects"]
    linked = dataclasses.replace(
        decision,
        guidance=(  # type: ignore[arg-type]  # the Statement of tomorrow's catalog, with its links
            Linked("bma-2011", "…", supports=("accept",)),
            Linked("mdo-advice", "…", against=("ignore",)),
        ),
    )
    accept, ignore = decision.option("accept"), decision.option("ignore")
    assert accept and ignore
    assert citations.stance(linked, accept, "bma-2011") == "supports"
    assert citations.stance(linked, ignore, "mdo-advice") == "against"
    assert citations.stance(linked, ignore, "bma-2011") == "neutral"
