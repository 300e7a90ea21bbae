"""What she copies is the text alone; the clipboard never claims a copy that did not happen;
the export writer never replaces a file unasked; the remembered folder never gets in the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from app_states import sample_policy
from clinician_compass.documents import bios, scripts
from clinician_compass.documents.copyable import items
from clinician_compass.documents.export import ExportError, FileExists, write_file, write_new_file
from clinician_compass.documents.short_form import effective_short_form
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import preferences
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui import clipboard


def test_each_reply_is_offered_alone_with_no_heading_or_character_count() -> None:
    policy, catalog = sample_policy(), load_catalog()
    offered = items(policy, catalog, "scripts")
    doc = scripts.build(policy, catalog)
    replies = [r.text for a in doc.accounts for r in a.replies] + [r.text for r in doc.everywhere]
    assert replies and [text for _, text in offered[:-1]] == replies
    assert offered[-1][0] == "The whole tab"
    assert all("characters" not in text for _, text in offered[:-1])


def test_each_bio_line_is_offered_per_account_and_the_short_form_as_she_has_it() -> None:
    policy, catalog = sample_policy(), load_catalog()
    lines = [b.line for b in bios.build(policy, catalog) if b.line.strip()]
    offered = items(policy, catalog, "bios")
    assert [text for _, text in offered[:-1]] == lines
    assert all(label.startswith("Profile line: ") for label, _ in offered[:-1])
    assert items(policy, catalog, "short")[0] == ("The short form", effective_short_form(policy, catalog).strip())


def test_a_tool_on_the_machine_copies_and_says_which() -> None:
    sent: list[tuple[tuple[str, ...], str]] = []
    message = clipboard.copy(
        "Hello", None, env={"WAYLAND_DISPLAY": "wayland-0"}, which=lambda n: "/usr/bin/" + n,
        runner=lambda cmd, text: sent.append((tuple(cmd), text)) or True,
    )
    assert message == "Copied with wl-copy."
    assert sent == [(("wl-copy",), "Hello")]


def test_inside_tmux_with_no_tool_nothing_is_claimed() -> None:
    terminal: list[str] = []
    message = clipboard.copy("Hello", terminal.append, env={"TMUX": "/tmp/tmux-1/default,1,0"}, which=lambda n: None)
    assert message == clipboard.NOTHING and terminal == []


def test_a_plain_terminal_gets_the_text_and_the_message_says_it_may_not_arrive() -> None:
    terminal: list[str] = []
    message = clipboard.copy("Hello", terminal.append, env={}, which=lambda n: None)
    assert terminal == ["Hello"] and "may not allow it" in message


def test_a_failing_tool_is_not_reported_as_a_copy() -> None:
    message = clipboard.copy(
        "Hello", None, env={"DISPLAY": ":0"}, which=lambda n: n if n == "xclip" else None, runner=lambda c, t: False
    )
    assert message == clipboard.NOTHING


def test_the_export_writer_never_replaces_a_file_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "policy.md"
    write_file(target, "first")
    with pytest.raises(FileExists):
        write_file(target, "second")
    assert target.read_text() == "first"
    write_file(target, "second", replace=True)
    assert target.read_text() == "second"
    assert "already exists" in write_new_file(target, "third") and target.read_text() == "second"


def test_the_export_writer_says_why_a_bad_folder_fails(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no such folder"):
        write_file(tmp_path / "missing" / "policy.md", "text")
    with pytest.raises(ExportError, match="is a folder"):
        write_file(tmp_path, "text")


def test_the_last_export_folder_is_remembered_and_a_damaged_file_is_ignored(paths: PolicyPaths, tmp_path: Path) -> None:
    assert preferences.last_export_folder(paths) is None
    folder = tmp_path / 'My "Docs"'
    assert preferences.remember_export_folder(paths, folder)
    assert preferences.last_export_folder(paths) == folder
    preferences.preferences_path(paths).write_bytes(b"\xff not toml [")
    assert preferences.last_export_folder(paths) is None
    assert preferences.remember_export_folder(paths, folder), "a damaged file is simply written afresh"
