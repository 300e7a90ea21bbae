"""Four clinicians (one with two accounts on X) export every part of their policy in every format, and get
exactly the golden text.

The golden files under ``tests/golden/<policy>/`` are what a clinician would
see. When the generator or the catalog's wording changes on purpose, rewrite
them with ``UPDATE_GOLDENS=1 .venv/bin/pytest tests/test_documents_golden.py``
and read the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
import re
from datetime import date
from pathlib import Path

import pytest

from clinician_compass.documents import FORMATS, PARTS, render, summary_text
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import Policy

POLICIES = Path(__file__).parent / "data" / "policies"
GOLDEN = Path(__file__).parent / "golden"
NAMES = ("uk-nurse", "us-physician", "au-pharmacist", "uk-gp")
TODAY = date(2026, 11, 22)
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


def load(name: str) -> Policy:
    policy, warnings = parse_policy((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))
    assert not warnings
    return policy


def _normalise(text: str) -> str:
    # The policy file's header names the app version; a release should not rewrite every golden.
    return re.sub(r"Written by clinician-compass \S+\.", "Written by clinician-compass VERSION.", text)


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDENS=1 pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    if _normalise(actual) != _normalise(expected):
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "generated"
            )
        )
        pytest.fail(f"{path.relative_to(GOLDEN.parent)} differs (UPDATE_GOLDENS=1 rewrites it):\n{diff}")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("name", NAMES)
def test_every_part_in_every_format_matches_its_golden_file(name: str, part: str, fmt: str) -> None:
    check_golden(GOLDEN / name / f"{part}.{fmt}", render(load(name), load_catalog(), format=fmt, part=part))


@pytest.mark.parametrize("name", NAMES)
def test_show_prints_the_golden_summary(name: str) -> None:
    check_golden(GOLDEN / name / "show.txt", summary_text(load(name), load_catalog(), today=TODAY) + "\n")


@pytest.mark.parametrize("name", NAMES)
def test_the_same_policy_gives_the_same_bytes_every_time(name: str) -> None:
    catalog = load_catalog()
    for part in PARTS:
        for fmt in FORMATS:
            first = render(load(name), catalog, format=fmt, part=part).encode("utf-8")
            again = render(load(name), catalog, format=fmt, part=part).encode("utf-8")
            assert first == again, (part, fmt)


@pytest.mark.parametrize("name", NAMES)
def test_rendering_leaves_the_policy_as_it_was(name: str) -> None:
    policy = load(name)
    for part in PARTS:
        for fmt in FORMATS:
            render(policy, load_catalog(), format=fmt, part=part)
    assert policy == load(name)


@pytest.mark.parametrize("name", NAMES)
def test_show_fits_on_one_screen(name: str) -> None:
    text = summary_text(load(name), load_catalog(), policy_path=Path("/home/me/policy.toml"), today=TODAY)
    assert len(text.splitlines()) <= 24
    assert max(len(line) for line in text.splitlines() if not line.startswith(("Patients", "File"))) <= 80


def test_show_puts_the_short_form_first_and_flags_a_review_that_is_due() -> None:
    policy = load("au-pharmacist")  # created 2026-02-10, never reviewed
    catalog = load_catalog()
    text = summary_text(policy, catalog, today=date(2027, 2, 10))
    short = render(policy, catalog, format="txt", part="short").splitlines()[0]
    assert text.splitlines()[:3] == short.split(" / "), "the short form first, a line to each beat"
    assert "next review 2027-02-10  (review due now)" in text
    assert "review due" not in summary_text(policy, catalog, today=date(2027, 2, 9))
