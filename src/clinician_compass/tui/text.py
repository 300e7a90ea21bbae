"""Safe building blocks for on-screen text.

Names, notes, handles and catalog strings are shown as text, never parsed as
markup: everything here goes through ``Content`` so ``[b]`` or
``[@click=app.quit]`` in a note is just characters on the screen.

``Content`` does not remove control characters, though, and an escape sequence
in a note would reach the terminal as it is (OSC 52 writes the clipboard). So
anything that came from outside the catalog (the clinician's words, a file path,
an error about their file) goes through ``plain`` or ``plain_line`` first.
"""

from __future__ import annotations

from textual.content import Content

from clinician_compass.documents.safe_text import printable

HEADING = "bold $accent"
MUTED = "$text-muted"


def plain(text: str) -> Content:
    """Outside text, literal and printable: control characters shown as their pictures (ESC as ␛)."""
    return Content(printable(text))


def plain_line(text: str) -> str:
    """Outside text for an ``Input`` value: printable, on one line, otherwise as typed."""
    return printable(text).replace("\n", " ")


def heading(text: str) -> Content:
    return Content.styled(text, HEADING)


def muted(text: str) -> Content:
    return Content.styled(text, MUTED)


def labelled(label: str, value: str, *, style: str = "bold") -> Content:
    """ "Label: value", the label styled, the value literal."""
    return Content.assemble((label, style), " ", value)


def bullets(items: list[str] | tuple[str, ...], mark: str, style: str) -> Content:
    lines = [Content.assemble((f" {mark} ", style), item) for item in items]
    return Content("\n").join(lines)


def lines(*parts: Content | str) -> Content:
    return Content("\n").join(p if isinstance(p, Content) else Content(p) for p in parts)
