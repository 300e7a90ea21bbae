"""Shared layout behaviour for screens with two panels."""

from __future__ import annotations

from textual.events import Resize, ScreenResume
from textual.screen import Screen

NARROW_WIDTH = 110
"""Below this many columns two panels stack instead of sitting side by side."""


class StacksWhenNarrow(Screen[None]):
    """Adds the ``-narrow`` class below ``NARROW_WIDTH`` columns; the TCSS does the rest."""

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW_WIDTH, "-narrow")

    def on_screen_resume(self, event: ScreenResume) -> None:
        self.set_class(self.app.size.width < NARROW_WIDTH, "-narrow")
