"""The detectors' word lists cut to each draft's words: drafts are checked as if every word were tried.

Each list (occupations, the people a story is about, holidays, departments, rare events) keeps for a
draft only the entries whose first word the draft contains, so the command starts fast. These stories
hold it to what a clinician would notice: a letter that only looks like an ASCII one, a new word added
to a list, and every draft of the corpus finding the same details as with the whole lists.
"""

from __future__ import annotations

import re
import string
import sys

import pytest

from clinician_compass.postcheck import (
    check_post,
    dates,
    names,
    patient,
    photos,
    places,
    rare,
    records,
    roles,
)
from clinician_compass.postcheck.finding import folded
from clinician_compass.postcheck.keyed import Keyed, Words, keys
from post_check_scoring import load_corpus


def _occupations(text: str) -> list[str]:
    return [f.text for f in check_post(text).findings if f.kind == "occupation"]


def test_every_letter_a_case_blind_pattern_takes_for_an_ascii_one_is_folded_to_it() -> None:
    """A scan of every code point, so that a new Python whose IGNORECASE matches more cannot slip by."""
    any_letter = re.compile("[a-z]", re.I)
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if any_letter.fullmatch(char):
            letters = [a for a in string.ascii_lowercase if re.fullmatch(a, char, re.I)]
            assert folded(char) in letters, f"U+{code:04X} matches {letters} but is folded to {folded(char)!r}"


@pytest.mark.parametrize(
    ("draft", "plain"),
    [
        ("Saw a retired ban\u212aer in clinic today.", "Saw a retired banker in clinic today."),  # KELVIN SIGN
        ("Our neighbour, a local \u017foldier, came in.", "Our neighbour, a local soldier, came in."),  # LONG S
        ("A well-known pol\u0131tician was admitted.", "A well-known politician was admitted."),  # DOTLESS I
        ("The former \u0130mam of the town", "The former imam of the town"),  # DOTTED CAPITAL I
    ],
)
def test_an_occupation_written_with_a_look_alike_letter_is_still_flagged(draft: str, plain: str) -> None:
    assert _occupations(plain), "the plain spelling is flagged"
    assert [len(found) for found in _occupations(draft)] == [len(found) for found in _occupations(plain)]


def test_a_patient_story_with_a_look_alike_letter_in_its_person_is_still_about_a_patient() -> None:
    draft = "A lovely \u017fon of a patient told me the whole story."  # "son" with a long s
    assert any(f.kind == "patient" for f in check_post(draft).findings)


def test_an_occupation_added_to_the_list_is_flagged_in_a_draft(monkeypatch: pytest.MonkeyPatch) -> None:
    draft = "Saw a retired astronaut in clinic today, and a retired teacher."
    assert _occupations(draft) == ["a retired teacher"]
    jobs = roles.JOBS + Words("astronauts?")
    monkeypatch.setattr(roles, "_INTRODUCED", roles._INTRODUCED.with_lists(jobs=jobs))
    assert _occupations(draft) == ["a retired astronaut", "a retired teacher"]
    assert _occupations("Saw a retired nobody in clinic today.") == []


def test_an_entry_keeps_the_words_it_starts_with_and_one_starting_otherwise_is_always_kept() -> None:
    assert keys("teachers?") == ("teacher",)  # the s is optional
    assert keys("(?:shark|dog)[ \\t]+bite") == ("shark", "dog")
    assert keys("Hallowe'?en") == ("hallowe",)
    assert keys("\\d{1,3}[ \\t]?yo") == ("",)
    assert Words("\\d+ years", "teachers?").kept(folded("no job here")) == ["\\d+ years"]
    assert Words("sons?").kept(folded("A person, a reason")) == [], "a key inside a word keeps nothing"
    assert Words("sons?").kept(folded("Her \u017fons came")) == ["sons?"]
    assert Words(("a&e", "A&E")).kept(folded("in our A&E")) == ["A&E"]


_KEYED = [
    (f"{module.__name__.rsplit('.', 1)[-1]}.{name}", value)
    for module in (dates, names, patient, photos, places, rare, records, roles)
    for name, value in vars(module).items()
    if isinstance(value, Keyed)
]


def _drafts() -> list[str]:
    texts = [post.text for post in load_corpus()]
    swapped = {"s": "\u017f", "k": "\u212a", "i": "\u0131", "I": "\u0130"}
    return texts + [text.translate(str.maketrans(swapped)) for text in texts] + [t.upper() for t in texts]


@pytest.mark.parametrize(("name", "pattern"), _KEYED, ids=[name for name, _ in _KEYED])
def test_each_drafts_cut_of_a_pattern_finds_what_the_whole_pattern_finds(name: str, pattern: Keyed) -> None:
    """The corpus as the guard: a key written beside an entry that it can match without fails here."""
    whole = re.compile(pattern.full_source(), pattern._flags)
    for text in _drafts():
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in whole.finditer(text)], text


@pytest.mark.parametrize(
    ("draft", "kind", "found"),
    [
        ("Took a \u017felfie with my patient today", "photo", "\u017felfie"),  # LATIN SMALL LETTER LONG S
        ("Merry Chri\u017ftmas from the ward, my patient said", "date", "Chri\u017ftmas"),
    ],
)
def test_a_look_alike_letter_does_not_hide_a_detail_behind_its_trigger_word(draft: str, kind: str, found: str) -> None:
    """Patterns that run only when a word such as "selfie" is present look for it as they match: case-blind."""
    assert (kind, found) in [(f.kind, f.text) for f in check_post(draft).findings]
