"""The Full policy tab says exactly what the text export says: same words, same order, only styled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clinician_compass.documents import render
from clinician_compass.documents.export import lay_out
from clinician_compass.guidance import load_catalog
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.model import Policy
from clinician_compass.tui.document_text import ContentWriter
from hostile import HOSTILE_TEXT, hostile_policy, unsafe_characters

POLICIES = Path(__file__).parent / "data" / "policies"
UNDERLINE = re.compile(r"^[=~-]+$")
"""The plain-text export underlines its headings; on screen they are bold instead."""


def on_screen(policy: Policy) -> str:
    writer = ContentWriter()
    lay_out(policy, load_catalog(), "full", writer)
    return writer.content().plain


def as_exported(policy: Policy) -> str:
    text = render(policy, load_catalog(), format="txt", part="full")
    return "\n".join(line for line in text.splitlines() if not UNDERLINE.match(line))


def same_words(shown: str) -> str:
    return shown.replace("\u00a0", " ").strip()


@pytest.mark.parametrize("name", sorted(p.stem for p in POLICIES.glob("*.toml")))
def test_the_full_policy_tab_reads_as_the_text_export_does(name: str) -> None:
    policy = parse_policy((POLICIES / f"{name}.toml").read_text(encoding="utf-8"))[0]
    assert same_words(on_screen(policy)) == as_exported(policy).strip()


@pytest.mark.parametrize("kind", sorted(HOSTILE_TEXT))
def test_her_hostile_words_are_shown_as_the_export_prints_them_and_reach_no_terminal(kind: str) -> None:
    policy = hostile_policy(HOSTILE_TEXT[kind])
    shown = on_screen(policy)
    assert not unsafe_characters(shown)
    assert same_words(shown) == as_exported(policy).strip()
