"""A command builds only its own parser, and reads its arguments exactly as the whole grammar would."""

from __future__ import annotations

import pytest

from clinician_compass.cli.parser import COMMANDS, build_parser, command_in

LINES = [
    ["show"],
    ["path", "--policy", "/tmp/p.toml"],
    ["--policy", "export", "path"],  # a policy file named like a command is still the file
    ["--policy=check", "show"],
    ["--pol", "ref", "check", "--strict"],  # argparse accepts an abbreviated --policy
    ["--plain", "check", "other.toml"],
    ["export", "--format", "json", "--part", "bios", "-o", "out.json", "--force"],
    ["ref", "patient", "sent", "me", "a", "friend", "request", "--platform", "x", "--limit", "2", "--json"],
    ["check-post", "-", "--platform", "instagram", "--image", "photo.jpg"],
    ["history", "--restore", "3"],
]


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_the_command_alone_reads_its_line_as_the_whole_grammar_does(line: list[str]) -> None:
    assert command_in(line) is not None
    assert vars(build_parser(command_in(line)).parse_args(line)) == vars(build_parser().parse_args(line))


@pytest.mark.parametrize("line", [["--help"], ["sho"], ["--version"], [], ["--policy"]], ids=repr)
def test_help_a_mistyped_command_or_only_options_take_the_whole_grammar(line: list[str]) -> None:
    assert command_in(line) is None


def test_the_whole_grammar_lists_every_command_in_its_help() -> None:
    text = build_parser().format_help()
    assert all(name in text for name in COMMANDS)


@pytest.mark.parametrize("columns", [60, 100])
def test_help_wraps_its_prose_to_the_terminal_width(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    text = build_parser("export").format_help()
    prose = [line for line in text.splitlines() if " [" not in line]  # usage alternatives do not break
    assert max(len(line) for line in prose) <= columns
    assert max(len(line) for line in prose) > columns - 20  # and uses the width it has
