"""Who gets plain mode: she asks for it (--plain, CLINICIAN_COMPASS_PLAIN=1), or there is no terminal to draw on.

On a real terminal (a pseudo-terminal here) with none of those, the app is
still the TUI, reached without loading argparse: the start-up fast path.
"""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clinician_compass.cli import main as cli_main
from clinician_compass.policy.paths import ENV_VAR

FIRST_PROMPT = b"Your name, as patients know you"


def on_a_terminal(home: Path, args: list[str], env: dict[str, str], *, until: bytes, code: str = "") -> bytes:
    """Run the app with its input and output on a pseudo-terminal; what it wrote until ``until`` appeared."""
    master, slave = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in {ENV_VAR, "NO_COLOR", "CLINICIAN_COMPASS_PLAIN"}}
    base.update(
        HOME=str(home), PYTHONIOENCODING="utf-8", TERM="xterm-256color", XDG_CACHE_HOME=str(home / "c")
    )
    base[ENV_VAR] = str(home / "compass" / "policy.toml")
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "clinician_compass", *args]
    process = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env={**base, **env}, cwd=home, close_fds=True
    )
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 60
    try:
        while until not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the process ended and closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
    finally:
        process.kill()
        process.wait(timeout=10)
        os.close(master)
    return seen


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--plain"], {}), ([], {"CLINICIAN_COMPASS_PLAIN": "1"}), ([], {"TERM": "dumb"})],
    ids=["--plain", "CLINICIAN_COMPASS_PLAIN=1", "TERM=dumb"],
)
def test_on_a_terminal_she_can_ask_for_plain_mode(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    seen = on_a_terminal(tmp_path, args, env, until=FIRST_PROMPT)

    assert FIRST_PROMPT in seen, seen.decode("utf-8", "replace")
    assert b"\x1b" not in seen, "plain mode sends no escape codes, even to a terminal"


def test_on_a_terminal_with_nothing_asked_the_app_is_the_tui_reached_without_argparse(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from clinician_compass.cli import commands, main\n"
        "commands.run = lambda args: print('TUI for', args.command, 'argparse loaded:', 'argparse' in sys.modules, '.') or 0\n"
        "main.main([])\n"
    )
    seen = on_a_terminal(tmp_path, [], {}, until=b" .", code=code)  # the whole line, not just its start

    assert b"TUI for None argparse loaded: False" in seen, seen.decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("value", "plain"),
    [("1", True), ("yes", True), ("0", False), ("", False)],
    ids=["1", "yes", "0", "empty"],
)
def test_the_environment_variable_asks_for_plain_mode_unless_it_is_empty_or_0(
    monkeypatch: pytest.MonkeyPatch, value: str, plain: bool
) -> None:
    monkeypatch.setenv("CLINICIAN_COMPASS_PLAIN", value)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(cli_main, "_isatty", lambda stream: True)

    assert cli_main.wants_plain() is plain


@pytest.mark.parametrize("piped", ["stdout", "stdin"])
def test_without_a_terminal_on_either_side_plain_mode_is_chosen(
    monkeypatch: pytest.MonkeyPatch, piped: str
) -> None:
    monkeypatch.delenv("CLINICIAN_COMPASS_PLAIN", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(cli_main, "_isatty", lambda stream: stream is not getattr(sys, piped))

    assert cli_main.wants_plain() is True
