"""A file name is text from someone else too: whatever it holds, no command lets a terminal act on it.

A synced folder or a downloaded file can carry a name with an escape sequence
(recolour the terminal, OSC 52 writes the clipboard), a newline (a forged second
message) or a right-to-left override. Every command prints such a name with the
characters spelled out, ``\\x1b`` and ``\\n``, on stdout and stderr alike.

The matrix of names and commands runs in-process, through the same ``main`` the
command runs, to stay quick; the stories after it run the real command.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli_process import clinician_compass
from clinician_compass.cli.main import main
from clinician_compass.documents.safe_text import escaped
from hostile import unsafe_characters

NURSE = (Path(__file__).parent / "data" / "policies" / "uk-nurse.toml").read_text(encoding="utf-8")

NAMES = {
    "esc-colour": "red\x1b[31m.toml",
    "osc52-clipboard": "clip\x1b]52;c;aGVsbG8=\x07.toml",
    "osc52-st": "clip\x1b]52;c;aGVsbG8=\x1b\\.toml",
    "c1-csi": "csi\x9b31m.toml",
    "c1-osc": "osc\x9d52;c;aGVsbG8=\x9c.toml",
    "newline": "policy.toml\nclinician-compass: all is well",
    "carriage-return": "policy\r.toml",
    "bidi-override": "cod\u202egnp.toml",
}

COMMANDS = {
    "check-file": ["check", "{f}"],
    "check-option": ["--policy", "{f}", "check"],
    "show": ["--policy", "{f}", "show"],
    "export": ["--policy", "{f}", "export", "--format", "txt"],
    "export-to": ["--policy", "{f}", "export", "-o", "{f}.out"],
    "ref": ["ref", "friend request", "--policy", "{f}"],
    "path": ["path", "--policy", "{f}"],
}


@dataclass
class Printed:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[[list[str], Path], Printed]:
    """``clinician-compass COMMAND`` with ``{f}`` replaced by the file name: its exit code and what it printed."""

    def command_on(command: list[str], name: Path) -> Printed:
        code = main([part.format(f=name) for part in command])
        out, err = capsys.readouterr()
        return Printed(code, out, err)

    return command_on


def printed_safely(result: Printed | subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stdout + result.stderr
    assert unsafe_characters(result.stdout) == set(), result.stdout[-300:]
    assert unsafe_characters(result.stderr) == set(), result.stderr[-300:]


@pytest.mark.parametrize("command", list(COMMANDS.values()), ids=list(COMMANDS))
@pytest.mark.parametrize("name", list(NAMES.values()), ids=list(NAMES))
def test_a_valid_policy_with_a_hostile_name_works_and_its_name_is_shown_spelled_out(
    tmp_path: Path, name: str, command: list[str], run: Callable[[list[str], Path], Printed]
) -> None:
    policy = tmp_path / name
    policy.write_text(NURSE, encoding="utf-8")
    result = run(command, policy)
    printed_safely(result)
    assert result.returncode == 0, result.stderr


SOME_NAMES = {k: NAMES[k] for k in ("osc52-clipboard", "c1-csi", "newline", "bidi-override")}
STILL_ANSWERS = {"ref", "path"}
"""``ref`` shows the guidance even without a readable policy, and ``path`` only says where files are."""


@pytest.mark.parametrize("command", list(COMMANDS.values()), ids=list(COMMANDS))
@pytest.mark.parametrize("name", list(SOME_NAMES.values()), ids=list(SOME_NAMES))
def test_a_broken_or_missing_policy_with_a_hostile_name_is_reported_with_the_name_spelled_out(
    tmp_path: Path, name: str, command: list[str], run: Callable[[list[str], Path], Printed]
) -> None:
    expected = 0 if command[0] in STILL_ANSWERS else 1
    broken = tmp_path / name
    broken.write_text("schema_version = 1\n[profile\n", encoding="utf-8")
    result = run(command, broken)
    printed_safely(result)
    assert result.returncode == expected
    if command[0] != "path":
        assert f"{escaped(name)}:2: not valid TOML" in result.stderr
    missing = run(command, tmp_path / f"gone-{name}")
    printed_safely(missing)
    assert missing.returncode == expected


def test_a_newline_in_a_name_cannot_forge_a_second_message(tmp_path: Path) -> None:
    policy = tmp_path / NAMES["newline"]
    policy.write_text(NURSE, encoding="utf-8")
    result = clinician_compass(tmp_path, "check", str(policy), timeout=10)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{tmp_path}/policy.toml\\nclinician-compass: all is well: valid policy (3 platforms, 3 accounts, 27 answers)"
    ]


def test_an_escape_in_a_name_is_spelled_out_where_the_name_is_printed(tmp_path: Path) -> None:
    policy = tmp_path / NAMES["osc52-clipboard"]
    policy.write_text(NURSE, encoding="utf-8")
    result = clinician_compass(tmp_path, "path", "--policy", str(policy), timeout=10)
    assert "clip\\x1b]52;c;aGVsbG8=\\x07.toml" in result.stdout


def test_a_name_that_is_not_valid_utf8_is_spelled_out_rather_than_crashing_the_print(tmp_path: Path) -> None:
    import os
    import sys

    raw = os.fsencode(tmp_path) + b"/caf\xe9.toml"
    with open(raw, "wb") as handle:
        handle.write(NURSE.encode("utf-8"))
    done = subprocess.run(
        [sys.executable, "-m", "clinician_compass", "check", raw],
        capture_output=True,
        env={**os.environ, "HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"},
        timeout=10,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert b"caf\\udce9.toml: valid policy" in done.stdout


def test_a_hostile_word_that_argparse_repeats_in_a_usage_error_is_spelled_out(tmp_path: Path) -> None:
    result = clinician_compass(tmp_path, "check", "a.toml", "extra\x1b[31m", timeout=10)
    assert result.returncode == 2
    printed_safely(result)
    assert "extra\\x1b[31m" in result.stderr
