"""Safe building blocks for on-screen text.

Names, notes, handles and catalog strings are shown as text, never parsed as
markup: everything here goes through ``Content`` so ``[b]`` or
``[@click=app.quit]`` in a note is just characters on the screen.
"""

from __future__ import annotations

from textual.content import Content

HEADING = "bold $accent"
MUTED = "$text-muted"


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
