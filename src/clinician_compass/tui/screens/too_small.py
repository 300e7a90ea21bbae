"""Shown over everything when the terminal is too small to work in; gone when it grows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):
    """A polite request for more room; the walkthrough underneath is untouched."""

    def compose(self) -> ComposeResult:
        yield Static("Please make the window larger\n(at least 60 × 18).", id="too-small")
