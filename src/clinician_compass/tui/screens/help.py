"""Keys and how the walkthrough works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from clinician_compass.tui.screens.dialog_base import Dialog
from clinician_compass.tui.text import heading, lines, muted

KEYS = [
    ("↑ ↓", "move between options, rows and actions"),
    ("Enter", "choose the highlighted option and go on"),
    ("Escape", "go back one step (your answers are kept)"),
    ("Tab", "move between the options, your note and the details"),
    ("Ctrl+E / Ctrl+O / Ctrl+D", "jump to the note / the options / the details"),
    (
        "C / E / K",
        "when two answers conflict: change this one / change the earlier one / keep both, with a note",
    ),
    ("C", "on the review screen: the next conflict to settle"),
    ("Ctrl+N", "on the profile and handles steps: go on"),
    ("Ctrl+S", "save your answers as a draft and quit"),
    ("S", "on the review screen: save your policy"),
    ("Ctrl+R", "quick reference: find a situation and what you decided"),
    ("Ctrl+O / Ctrl+Y", "in the quick reference: the next account / copy the highlighted account's reply"),
    ("Space or Enter", "on your policy's Set-up tab: tick the highlighted setting off, or back on"),
    ("Ctrl+B", "before you post: check a draft for anything that could identify a patient"),
    ("Ctrl+P", "command palette: find any decision, situation or platform"),
    ("F1 or ?", "this help"),
    ("Ctrl+Q", "quit (an unfinished walkthrough is kept)"),
]


class HelpScreen(Dialog[None]):
    """Every key, in two columns so a long description wraps under itself."""

    DEFAULT_CSS = """
    HelpScreen #help {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 1 2;
        border: round $accent;
        background: $surface;
    }
    HelpScreen #help-keys {
        grid-size: 2;
        grid-columns: 26 1fr;
        grid-rows: auto;
        grid-gutter: 0 1;
        height: auto;
    }
    """

    BINDINGS = [
        Binding("escape,f1,question_mark,q", "close", "Close", id="help.close", tooltip="Close help")
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(heading("Keys"))
            with Grid(id="help-keys"):  # two columns, so a long description wraps under itself
                for key, what in KEYS:
                    yield Static(Content.styled(key, "bold"))
                    yield Static(what)
            yield Static(
                lines(
                    "",
                    heading("How it works"),
                    "Each decision shows the options with their pros and cons, what professional "
                    "bodies say (your own regulator first), and how the platform works, with the "
                    "date each fact was checked. Every answer is saved as you go; your policy file "
                    "is only replaced when you save on the review screen, and the previous version "
                    "is kept in history/.",
                    "",
                    muted("Escape closes this help."),
                )
            )

    def action_close(self) -> None:
        self.dismiss()
