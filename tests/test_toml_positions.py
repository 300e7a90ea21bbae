"""The one-pass scanner that places messages on lines follows any TOML a writer produces, and says so when lost."""

from __future__ import annotations

import tomllib
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from clinician_compass.policy.toml_positions import key_lines

names = st.one_of(st.text("abcxyz_-019", min_size=1, max_size=5), st.text(max_size=5))
leaves = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(),
    st.times(),
)
documents = st.recursive(
    st.dictionaries(names, leaves, max_size=4),
    lambda children: st.dictionaries(
        names, st.one_of(leaves, children, st.lists(children, max_size=2)), max_size=4
    ),
    max_leaves=20,
)


def key_paths(document: dict[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every key path outside lists: the ones a message can name."""
    found = []
    for name, value in document.items():
        path = (*prefix, name)
        found.append(path)
        if isinstance(value, dict):
            found += key_paths(value, path)
    return found


@settings(max_examples=150, deadline=None)
@given(documents, st.booleans())
def test_every_key_the_toml_writer_writes_is_found_on_a_line_that_names_it(
    document: dict[str, Any], multiline: bool
) -> None:
    text = tomli_w.dumps(document, multiline_strings=multiline)
    assert tomllib.loads(text) == document
    lines = key_lines(text)
    assert lines.complete, text
    rows = text.split("\n")  # TOML counts lines by \n alone, not by every break splitlines knows
    for path in key_paths(document):
        if any("." in part for part in path) or path == ("",):
            continue  # a dotted name is ambiguous in a key path, and "" means no key at all
        line = lines.line(".".join(path))
        assert line is not None, (path, text)
        assert "=" in rows[line - 1] or "[" in rows[line - 1], (path, line, text)


def test_a_scanner_that_loses_its_way_answers_no_line_rather_than_a_guess() -> None:
    text = '[profile]\nrole = "nurse"\nbroken = [1 2]\n[meta]\ncreated = 2026-01-01\n'
    lines = key_lines(text)
    assert not lines.complete
    assert lines.line("profile.role") == 2, "what it saw before losing its way still holds"
    assert lines.line("meta.created") is None, "not [profile]'s line: the key may be in the part not read"


def test_nesting_is_counted_through_lists_inline_tables_and_dotted_headers() -> None:
    assert key_lines("a = [[{ b = [1] }]]\n").depth == 4
    assert key_lines("[a.b.c]\nd.e = 1\n").depth == 4
    assert key_lines("[[a.b]]\nc = 1\n").depth == 3
    assert key_lines('s = "[[[[[[[["\n').depth == 0
