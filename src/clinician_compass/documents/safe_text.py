"""Make untrusted text harmless to print without changing what it says.

A clinician's name, notes and handles end up in terminals and documents. An
ANSI escape in a note must not recolour the terminal, and a right-to-left
override must not reorder the words around it. Control characters become
their visible Unicode "control picture" (ESC shows as ␛), so nothing is
silently lost; bidi overrides and isolates are dropped, while right-to-left
letters themselves are kept as they are. JSON and TOML exports do not use
this: they keep the text exactly and escape it in their own syntax.
"""

from __future__ import annotations

import os
import re

_BIDI_CONTROLS = "[\u202a-\u202e\u2066-\u2069]"
_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f]"
"""These two and ``_ESCAPED`` are compiled by ``re`` (and kept in its cache) the first time text needs
them: most text never does, and every command and the app import this module."""
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Anything ``printable`` changes: control characters (ESC among them) and bidi overrides."""


_ESCAPED = "[\t\n\r\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
"""What ``escaped`` spells out: ``UNSAFE``, the line breaks and tab, the bidi marks, and lone surrogates
(an undecodable byte in a file name), which would otherwise crash the print."""


def escaped(text: str | os.PathLike[str]) -> str:
    """``text`` on one line with every control, line break or bidi character spelled as ``\\x1b``, ``\\n``, ``\\u202e``.

    The one way every message prints a file name or other text from a file: unlike ``printable``, a
    newline cannot split the message and the reader sees exactly which character is there.
    """
    text = os.fspath(text)
    return re.sub(_ESCAPED, _escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """``text`` with line ends normalised, tabs as spaces, and no active control characters."""
    if "\t" not in text and not UNSAFE.search(text):
        return text  # the common case, one scan: a carriage return, bidi or control character is UNSAFE
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = re.sub(_BIDI_CONTROLS, "", text)
    return re.sub(_CONTROL, _picture, text)


def one_line(text: str) -> str:
    """``printable`` text on a single line, for names and handles that sit inside a sentence."""
    return " ".join(printable(text).split())


def lines_of(text: str) -> list[str]:
    """The non-empty lines of a multi-line note, each stripped, for writers to lay out."""
    return [line.strip() for line in printable(text).split("\n") if line.strip()]


def flat(text: str) -> str:
    """``text`` on one line with runs of whitespace as single spaces, otherwise exactly as typed.

    For content models, which keep the clinician's text exact (JSON and TOML
    exports need it so); the writers make it printable.
    """
    return " ".join(text.split())
