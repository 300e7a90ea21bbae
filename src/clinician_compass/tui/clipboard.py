"""Copy text and say truthfully what happened: the system's clipboard tool, or the terminal (OSC 52).

No Textual import: the app passes its ``copy_to_clipboard`` in, so a test can run this alone.
Inside tmux or screen, or over SSH, the terminal's clipboard often never arrives, so a tool on
this machine comes first there; elsewhere the terminal is tried first and the tool as well.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence

TOOLS: tuple[tuple[str, ...], ...] = (
    ("wl-copy",),
    ("xclip", "-selection", "clipboard"),
    ("xsel", "-b", "-i"),
    ("pbcopy",),
    ("clip.exe",),
)

NOTHING = "Nothing could be copied: no clipboard here. Export it instead (e)."
TERMINAL = "Sent to the terminal's clipboard — if nothing arrives, your terminal may not allow it: export instead (e)"

Runner = Callable[[Sequence[str], str], bool]


def run_tool(command: Sequence[str], text: str) -> bool:
    """Run one clipboard tool with the text on stdin (never a shell); True if it said it worked."""
    try:
        done = subprocess.run(
            list(command), input=text.encode("utf-8"), timeout=3, check=False,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def terminal_unreliable(env: Mapping[str, str]) -> bool:
    """tmux, screen or SSH: an OSC 52 copy may be dropped without a word."""
    return bool(env.get("TMUX") or env.get("STY") or env.get("SSH_CONNECTION") or env.get("SSH_TTY"))


def tool_available(env: Mapping[str, str], which: Callable[[str], str | None]) -> list[tuple[str, ...]]:
    """The clipboard tools on this machine that can reach a clipboard (wl-copy needs Wayland, xclip X)."""
    usable = []
    for command in TOOLS:
        name = command[0]
        if name == "wl-copy" and not env.get("WAYLAND_DISPLAY"):
            continue
        if name in ("xclip", "xsel") and not env.get("DISPLAY"):
            continue
        if which(name):
            usable.append(command)
    return usable


def copy(
    text: str,
    terminal: Callable[[str], object] | None,
    *,
    env: Mapping[str, str] | None = None,
    which: Callable[[str], str | None] | None = None,
    runner: Runner | None = None,
) -> str:
    """Copy ``text``; the sentence to show her about what happened."""
    env = os.environ if env is None else env
    which = which or shutil.which  # looked up now, so a test (or a later PATH) is honoured
    runner = runner or run_tool
    for command in tool_available(env, which):
        if runner(command, text):
            if terminal is not None and not terminal_unreliable(env):
                terminal(text)
            return f"Copied with {command[0]}."
    if terminal is None or terminal_unreliable(env):
        return NOTHING
    terminal(text)
    return TERMINAL
