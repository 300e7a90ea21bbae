"""Measured quality: the "Before you post" check against 200+ labelled drafts.

The corpus (tests/data/post_check_corpus.toml) holds drafts as clinicians write them, about patients and
about nothing of the kind, each with the details a careful reviewer would mark. A detector that misses
direct identifiers, or a risk that alarms on a post about no patient, fails here.
"""

from __future__ import annotations

import pytest

from clinician_compass.postcheck import DIRECT, KINDS, QUASI
from post_check_scoring import Score, load_corpus, report_lines, score


@pytest.fixture(scope="module")
def measured() -> Score:
    return score(load_corpus())


def _figures(s: Score) -> str:
    return "\n".join(report_lines(s))


def test_the_corpus_is_big_and_balanced_enough_to_mean_something() -> None:
    posts = load_corpus()
    assert len(posts) >= 200
    about = sum(p.about_patient for p in posts)
    assert 0.35 <= about / len(posts) <= 0.65, "roughly half about patients"
    labelled = {e.kind for p in posts for e in p.expected}
    assert labelled == set(KINDS), "every kind is labelled somewhere"
    assert sum(not p.expected for p in posts) >= 30, "plenty of drafts with nothing to find"


def test_direct_identifiers_are_found_at_least_95_percent_of_the_time(measured: Score) -> None:
    assert measured.recall(DIRECT) >= 0.95, (
        _figures(measured) + "\n" + "\n".join(m for m in measured.misses if m.split(":")[0] in DIRECT)
    )


def test_quasi_identifiers_are_found_at_least_85_percent_of_the_time(measured: Score) -> None:
    assert measured.recall(QUASI) >= 0.85, (
        _figures(measured) + "\n" + "\n".join(m for m in measured.misses if m.split(":")[0] in QUASI)
    )


def test_at_least_70_percent_of_what_it_marks_is_really_there(measured: Score) -> None:
    assert measured.precision(KINDS) >= 0.70, _figures(measured) + "\n" + "\n".join(measured.false_alarms)


def test_no_post_about_no_patient_is_rated_medium_or_high(measured: Score) -> None:
    assert not measured.alarmed_without_patient, "\n".join(measured.alarmed_without_patient)


def test_a_post_the_reviewer_rated_none_is_never_rated_high(measured: Score) -> None:
    assert measured.confusion[("none", "high")] == 0 and measured.confusion[("low", "high")] == 0, _figures(
        measured
    )
