"""Text a clinician might type, paste or sync in that looks like code to someone: one list for every test.

Names, notes, handles and the short form are the clinician's own words, and they
end up in Textual widgets (which parse ``[b]`` as markup unless told not to), in
terminals (which act on escape sequences), in Markdown and TOML files, and in the
search box. Each string here has tripped one of those somewhere. ``HOSTILE`` is
the whole list; ``MARKUP`` is the part that only Textual's markup cares about.
Use ``HOSTILE_IDS`` as pytest ids so a failure names the string that caused it.
"""

from __future__ import annotations

import re

from app_states import sample_policy
from clinician_compass.policy.model import Policy

MARKUP = ["[b]", "[/", "[@click=app.quit]x[/]", "[[b]]"]
"""Textual/Rich markup: bold, an unclosed tag, an action that quits the app, an escaped bracket."""

_ZALGO = "".join(c + "\u0336\u0321\u0334\u0358\u035c\u0489\u0300\u0301\u0302" for c in "zalgo")

HOSTILE_TEXT: dict[str, str] = {
    "markup-bold": MARKUP[0],
    "markup-unclosed": MARKUP[1],
    "markup-action": MARKUP[2],
    "markup-escaped": MARKUP[3],
    "trailing-backslash": "x\\",
    "ansi-colour": "\x1b[31mred\x1b[0m",
    "osc52-clipboard-bel": "\x1b]52;c;aGVsbG8=\x07",  # writes "hello" to the clipboard, BEL-terminated
    "osc52-clipboard-st": "\x1b]52;c;aGVsbG8=\x1b\\",  # the same, ended by ST: survives a filter that drops BEL
    "c1-csi": "\x9b31mred\x9b0m",  # the 8-bit CSI some terminals obey like ESC [
    "ten-thousand": "w" * 10_000,  # one unbroken word, the worst case for wrapping
    "right-to-left": "مرحبا שלום \u202eevil.exe\u202c done",  # U+202E RIGHT-TO-LEFT OVERRIDE, then POP
    "emoji-zwj": "👩🏽\u200d⚕\ufe0f 👨\u200d👩\u200d👧\u200d👦 👍🏿 🏳\ufe0f\u200d🌈 🇬🇧",
    "combining-marks": "e\u0301 n\u0303 " + _ZALGO,
    "control-chars": "nul\x00 bel\x07 bs\x08 tab\t vt\x0b ff\x0c cr\r del\x7f end",
    "toml-breaker": '"""\n[platforms]\nx = 1',
    "markdown-breaker": "# Heading\n| a | b |\n[link](javascript:alert(1))\n<script>",
    "markdown-table": "| a | b |\n|---|---|\n| 1 | 2 |\n<img src=x onerror=alert(1)>",
}
"""Every hostile string, by a name that says what it tries to do."""

HOSTILE = list(HOSTILE_TEXT.values())
HOSTILE_IDS = list(HOSTILE_TEXT)

UNSAFE_FOR_TERMINALS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""What must never reach a terminal raw: C0 controls but newline and tab (ESC among them), DEL, C1
controls (U+009B is an 8-bit CSI), and the bidi embeddings, overrides and isolates that reorder
the text around them."""


def unsafe_characters(text: str) -> set[str]:
    """The characters of ``text`` a terminal could act on; empty when it is safe to print."""
    return set(UNSAFE_FOR_TERMINALS.findall(text))


def hostile_policy(text: str) -> Policy:
    """A UK nurse's full policy with ``text`` as every piece of her own wording."""
    policy = sample_policy()
    policy.profile.display_name = text
    policy.profile.practice_contact = text
    for entry in policy.platforms.values():
        for answer in entry.decisions.values():
            answer.note = text
        for account in entry.accounts.values():
            account.handle = text
            for answer in account.decisions.values():
                answer.note = text
    for answer in policy.global_decisions.values():
        answer.note = text
    policy.short_form.text = text
    policy.short_form.edited = True
    return policy
