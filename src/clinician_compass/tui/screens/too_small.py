"""Shown over everything when the terminal is too small to work in; gone when it grows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from clinician_compass.tui.screens.dialog_base import Dialog


class TooSmallScreen(Dialog[None]):
    """A polite request for more room; the walkthrough underneath is untouched."""

    def compose(self) -> ComposeResult:
        yield Static("Please make the window larger\n(at least 60 × 18).", id="too-small")
