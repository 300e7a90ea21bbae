"""The policy file cannot be read: say where and why, and do not touch it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.tui.text import heading, lines, muted, plain


class DamagedFileScreen(Screen[None]):
    """We never overwrite a file we cannot parse; the clinician fixes it or restores a version."""

    BINDINGS = [Binding("q", "app.quit", "Quit", id="damaged.quit", tooltip="Leave; the file stays as it is")]

    def __init__(self, error: PolicyFileError) -> None:
        super().__init__()
        self.error = error

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="damaged"):
            yield Static(heading("Your policy file could not be read"), classes="title")
            yield Static(plain(str(self.error)), id="damaged-error")
            yield Static(
                lines(
                    "",
                    "The app has not changed the file and will not write over it.",
                    "Fix it in a text editor (the line above says where), or copy the good earlier "
                    "version named above over it, then start the app again.",
                    muted("`clinician-compass check` re-checks the file without opening the app."),
                )
            )
        yield Footer()
