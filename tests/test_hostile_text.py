"""A clinician whose name, notes and handles look like code: nothing breaks, nothing is acted on, nothing is lost.

Every string in ``hostile.HOSTILE`` goes everywhere a clinician's own words go:
their display name, practice contact, both handles on each platform, every note
and an edited short form. Then it is exported in every format and part, saved
and loaded, printed by the command line, and typed into the quick reference.
``SURFACES`` lists where each string goes, so ``CASES`` is how many
(string × surface) pairs this module tries.
"""

from __future__ import annotations

import json
import re
import subprocess
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from cli_process import clinician_compass
from clinician_compass.documents import FORMATS, PARTS, render
from clinician_compass.documents.safe_text import flat, one_line
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.draft import Draft, load_draft, save_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.reference import platform_in_query, search
from hostile import HOSTILE, HOSTILE_IDS, HOSTILE_TEXT, hostile_policy, unsafe_characters

EXPORTS = [(fmt, part) for fmt in FORMATS for part in PARTS]
"""Every export the document generator makes."""

CLI_POLICY_RUNS = {
    "show": ["show"],
    "export-txt": ["export", "--format", "txt"],
    "export-md": ["export", "--format", "md"],
    "export-json": ["export", "--format", "json"],
    "export-toml": ["export", "--format", "toml"],
    "ref-text": ["ref", "friend request"],  # the scripts and answers it prints carry the name and notes
    "ref-json": ["ref", "--json", "friend request"],
}
"""Command lines that print the hostile policy."""

CLI_QUERY_RUNS = {"ref-query-text": [], "ref-query-json": ["--json"]}
"""``ref`` with the hostile string as what the clinician typed."""

SURFACES = [
    *(f"render {fmt} {part}" for fmt, part in EXPORTS),
    "store save and load",
    "draft save and load",
    *(f"cli {name}" for name in CLI_POLICY_RUNS),
    *(f"cli {name}" for name in CLI_QUERY_RUNS),
    "cli check (the text as a hand-added key)",
    "reference search",
]
"""Where each hostile string is tried."""

CASES = len(HOSTILE) * len(SURFACES)
"""How many (hostile string × surface) pairs this module tries."""

hostile = pytest.mark.parametrize("text", HOSTILE, ids=HOSTILE_IDS)

_SHORT = [name for name in HOSTILE_IDS if name not in ("ten-thousand", "trailing-backslash")]
ALL_AT_ONCE = "\n".join(
    [*(HOSTILE_TEXT[name] for name in _SHORT), HOSTILE_TEXT["trailing-backslash"]]
)
"""Every hostile string in one field, each starting a line (where Markdown and TOML would read a heading
or a table) and the backslash last (where it would escape a closing quote): what a fresh process must print
without obeying it. Starting Python per string per command was about 160 processes and 30 s of CPU; the
strings are tried one by one in process by the export tests above."""

hostile_at_once = pytest.mark.parametrize(
    "text", [ALL_AT_ONCE, HOSTILE_TEXT["ten-thousand"]], ids=["every-kind-at-once", "ten-thousand"]
)


# --- exports --------------------------------------------------------------------------------------------------

STRUCTURE = {
    "heading_open",
    "table_open",
    "link_open",
    "image",
    "html_block",
    "html_inline",
    "code_block",
    "code_inline",
    "fence",
    "hr",
    "blockquote_open",
    "bullet_list_open",
    "ordered_list_open",
    "em_open",
    "strong_open",
    "s_open",
}
"""Markdown token types that mean "this is markup", not text."""


def markdown_structure(text: str) -> tuple[Counter[str], list[str]]:
    """How many of each kind of markup a GitHub-like renderer finds, and every link target."""
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    flat_tokens = [t for token in tokens for t in [token, *(token.children or [])]]
    kinds = Counter(t.type for t in flat_tokens if t.type in STRUCTURE)
    links = [
        str(t.attrGet("href") or t.attrGet("src")) for t in flat_tokens if t.type in ("link_open", "image")
    ]
    return kinds, links


@cache
def plain_markdown(part: str) -> tuple[Counter[str], list[str]]:
    """The markup of the same policy with harmless words: what the hostile one must match exactly."""
    return markdown_structure(render(hostile_policy("Sam Patel"), load_catalog(), format="md", part=part))


@hostile
@pytest.mark.parametrize(("fmt", "part"), EXPORTS, ids=[f"{f}-{p}" for f, p in EXPORTS])
def test_every_export_of_a_hostile_policy_is_exact_or_inert(text: str, fmt: str, part: str) -> None:
    policy = hostile_policy(text)
    out = render(policy, load_catalog(), format=fmt, part=part)
    assert out == render(hostile_policy(text), load_catalog(), format=fmt, part=part), (
        "the same policy, the same bytes"
    )
    assert out.endswith("\n")
    assert not unsafe_characters(out), "printing or cat-ing an export never drives the terminal"

    if fmt == "json":
        data = json.loads(out)
        if part == "full":
            assert data["profile"]["display_name"] == text
            assert data["profile"]["practice_contact"] == text
            assert data["short_form"]["text"] == text
            for entry in data["platforms"].values():
                assert {d["note"] for d in entry.get("decisions", {}).values()} <= {text}
                for account in entry["accounts"].values():
                    assert account["handle"] == text
                    assert {d["note"] for d in account["decisions"].values()} == {text}
            assert {d["note"] for d in data["global"]["decisions"].values()} == {text}
        else:
            assert data == tomllib.loads(render(policy, load_catalog(), format="toml", part=part))
        if part == "short":
            assert data["text"] == text
        if part == "patients":
            assert flat(text) in data["intro"]
    elif fmt == "toml":
        data = tomllib.loads(out)
        if part == "full":
            parsed, warnings = parse_policy(out)
            assert parsed == policy and not warnings, "the TOML export opens again as the same policy"
        if part == "short":
            assert data["text"] == text
    elif fmt == "md":
        kinds, links = markdown_structure(out)
        assert (kinds, links) == plain_markdown(part), (
            "the text made no heading, table, link, HTML or emphasis"
        )
        assert not any(link.lower().startswith("javascript:") for link in links)
        assert not re.search(r"(?<!\\)<(?:script|img)", out), "HTML tags from the text stay escaped"
    else:
        if part == "full":
            # Runs of whitespace (tabs, vertical tabs, line ends) become one space; all else shows.
            assert one_line(flat(text))[:60] in out, "nothing the clinician wrote is silently dropped"


# --- the policy file ------------------------------------------------------------------------------------------


@hostile
def test_saving_and_loading_a_hostile_policy_gives_back_every_character(
    text: str, paths: PolicyPaths
) -> None:
    policy = hostile_policy(text)
    digest = store.save(policy, paths, expected_digest=None)
    loaded = store.load(paths)
    assert loaded is not None and loaded.digest == digest and not loaded.warnings
    assert loaded.policy == policy
    saved = paths.policy.read_text(encoding="utf-8")
    assert not unsafe_characters(saved), (
        "cat-ing or hand-editing the file shows the text, it does not act on it"
    )
    assert tomllib.loads(saved)["profile"]["display_name"] == text


@hostile
def test_the_autosaved_draft_keeps_hostile_text_exactly(text: str, paths: PolicyPaths) -> None:
    save_draft(Draft(hostile_policy(text), "x/visibility", ("x", "instagram")), paths)
    assert not unsafe_characters(paths.draft.read_text(encoding="utf-8"))
    draft = load_draft(paths)
    assert draft is not None and draft.policy == hostile_policy(text) and draft.position == "x/visibility"


# --- the command line -----------------------------------------------------------------------------------------


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return clinician_compass(home, *args)


def inert(result: subprocess.CompletedProcess[str]) -> None:
    """No traceback, and nothing on stdout or stderr a terminal would act on."""
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert not unsafe_characters(result.stdout)
    assert not unsafe_characters(result.stderr)


@hostile_at_once
@pytest.mark.parametrize("run", list(CLI_POLICY_RUNS))
def test_the_command_line_prints_a_hostile_policy_without_obeying_it(
    text: str, run: str, tmp_path: Path
) -> None:
    paths = PolicyPaths(tmp_path / "compass" / "policy.toml")
    store.save(hostile_policy(text), paths, expected_digest=None)
    result = run_cli(tmp_path, "--policy", str(paths.policy), *CLI_POLICY_RUNS[run])
    inert(result)
    assert result.returncode == 0, result.stderr
    if run == "export-json":
        assert json.loads(result.stdout)["profile"]["display_name"] == text
    elif run == "export-toml":
        assert tomllib.loads(result.stdout)["profile"]["display_name"] == text
    elif run == "ref-json":
        assert isinstance(json.loads(result.stdout), list)


@hostile
@pytest.mark.parametrize("run", list(CLI_QUERY_RUNS))
def test_a_hostile_quick_reference_query_finds_something_or_says_so(
    text: str, run: str, tmp_path: Path
) -> None:
    query = text.replace("\x00", "")  # a command line cannot carry NUL: no shell can pass it
    result = run_cli(tmp_path, "ref", *CLI_QUERY_RUNS[run], "--", query)
    inert(result)
    # ref exits 1 when nothing matched, like grep, and says so; anything else is a failure.
    assert result.returncode in (0, 1), result.stderr
    if run == "ref-query-json":
        assert isinstance(json.loads(result.stdout), list)
    elif result.returncode == 1:
        assert result.stdout.startswith("Nothing matched")


@hostile
def test_check_names_a_hand_added_hostile_key_without_obeying_it(text: str, tmp_path: Path) -> None:
    """A key the app does not know is kept and named by ``check``: the name is shown, not acted on."""
    paths = PolicyPaths(tmp_path / "compass" / "policy.toml")
    policy = hostile_policy("Sam Patel")
    policy.profile.extra[text] = "added by hand"
    store.save(policy, paths, expected_digest=None)
    result = run_cli(tmp_path, "check", str(paths.policy))
    inert(result)
    assert result.returncode == 0 and "warning:" in result.stderr and "unknown key" in result.stderr


# --- the quick reference --------------------------------------------------------------------------------------


@hostile
def test_searching_for_hostile_text_returns_a_list(text: str) -> None:
    catalog = load_catalog()
    hits = search(catalog, text)
    assert isinstance(hits, list)
    assert isinstance(search(catalog, text, platform="x", limit=3), list)
    assert platform_in_query(catalog, text) in (None, *catalog.platforms)


def test_the_count_of_cases_is_what_the_module_says() -> None:
    assert len(HOSTILE) == len(set(HOSTILE)) == len(HOSTILE_IDS)
    assert len(SURFACES) == len(EXPORTS) + 2 + len(CLI_POLICY_RUNS) + len(CLI_QUERY_RUNS) + 1 + 1
    assert len(HOSTILE) * len(SURFACES) == CASES
