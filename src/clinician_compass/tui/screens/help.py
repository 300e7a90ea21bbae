"""Keys, screen by screen, and how the walkthrough works."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from clinician_compass.tui.screens.dialog_base import Dialog
from clinician_compass.tui.text import heading, lines, muted

Section = tuple[str, list[tuple[str, str]]]

SECTIONS: list[Section] = [
    (
        "Everywhere",
        [
            ("↑ ↓", "move between options, rows and actions"),
            ("Enter", "choose the highlighted option, row or action"),
            ("Escape", "go back one step or close (your answers are kept)"),
            ("Tab", "move to the next part of the screen"),
            ("Ctrl+R", "quick reference: find a situation and what you decided"),
            ("Ctrl+B", "before you post: check a draft for anything that could identify a patient"),
            ("Ctrl+P", "command palette: any action, decision, situation or platform"),
            ("F1 or ?", "this help"),
            ("Ctrl+Q", "quit (an unfinished walkthrough is kept)"),
        ],
    ),
    (
        "Home",
        [
            ("p", "your policy: read it, copy a piece, export it"),
            ("w", "walk through again, every answer pre-filled"),
            ("a", "add a platform: answer only its questions"),
            ("c", "change your profile (name, contact number)"),
        ],
    ),
    (
        "Walking through",
        [
            ("l", "decide later: leave this decision open and go on; home and review list it"),
            ("Ctrl+E / Ctrl+O / Ctrl+D", "jump to the note / the options / the details"),
            ("Ctrl+↓ / Ctrl+↑", "scroll the details (pros, cons, guidance)"),
            ("Space", "on the platforms step: tick a platform, or untick it"),
            ("Ctrl+N", "on the profile and handles steps: go on"),
            ("Ctrl+S", "save your answers as a draft and quit"),
            (
                "c / e / k",
                "when two answers conflict: change this one / change the earlier one / "
                "keep both, with a note",
            ),
        ],
    ),
    (
        "Review screen (the walkthrough's last step)",
        [
            ("Enter", "change the highlighted answer, then come back here"),
            ("u", "the next answer not decided yet"),
            ("c", "the next conflict to settle"),
            ("s or Ctrl+S", "save your policy"),
        ],
    ),
    (
        "Your policy",
        [
            ("] / [", "next / previous tab"),
            ("↑ ↓ PageDown", "scroll the document"),
            ("c", "copy one piece: a reply, a bio line, the short form"),
            ("e", "export to a file"),
            ("x", "change one answer, saved as soon as you confirm it"),
            ("a", "add a platform"),
            ("h", "history: earlier versions, restore one"),
            ("w", "on the short form: write your own"),
            ("Space", "on the Set-up tab: tick the highlighted setting off, or back on"),
            ("Escape", "home"),
        ],
    ),
    (
        "Yearly review (Review now)",
        [
            ("Enter", "change the highlighted answer"),
            ("k", "keep it as it is: it counts as decided today"),
            ("a", "confirm all the rest at once"),
            ("m", "mark the policy reviewed: next review in 12 months"),
        ],
    ),
    (
        "History",
        [("r", "restore the highlighted version (asks first; the policy you have now stays in history)")],
    ),
    (
        "Quick reference",
        [
            ("Ctrl+O", "the next account"),
            ("Ctrl+Y", "copy the highlighted account's reply"),
            ("Ctrl+T", "open that decision, to decide or change it"),
        ],
    ),
    ("Before you post", [("Ctrl+S", "export the check to a file; the draft itself is never saved")]),
]
"""Every key, by the screen it works on; tests/test_help_keys.py checks each screen's keys are here."""

SCREEN_SECTIONS = {
    "HomeScreen": "Home",
    "ProfileScreen": "Walking through",
    "PlatformsScreen": "Walking through",
    "HandlesScreen": "Walking through",
    "DecisionScreen": "Walking through",
    "ClashDialog": "Walking through",
    "ReviewScreen": "Review screen (the walkthrough's last step)",
    "PolicyScreen": "Your policy",
    "ReviewNowScreen": "Yearly review (Review now)",
    "HistoryScreen": "History",
    "ReferenceScreen": "Quick reference",
    "PostCheckScreen": "Before you post",
}
"""The screen help was opened over → its section, shown first: the keys she wants are the ones in front of her.
By class name, so help imports no screen."""


def ordered(below: str | None) -> list[Section]:
    """The sections with the one for the screen ``below`` first, then Everywhere, then the rest in order."""
    first = SCREEN_SECTIONS.get(below or "")
    return sorted(SECTIONS, key=lambda section: (section[0] != first, section[0] != "Everywhere"))


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
    HelpScreen .help-keys {
        grid-size: 2;
        grid-columns: 26 1fr;
        grid-rows: auto;
        grid-gutter: 0 1;
        height: auto;
    }
    HelpScreen .help-section { margin-top: 1; }
    """

    BINDINGS = [
        Binding("escape,f1,question_mark,q", "close", "Close", id="help.close", tooltip="Close help")
    ]

    def __init__(self, below: str | None = None) -> None:
        super().__init__()
        self.below = below
        """The class name of the screen help was opened over (None: the one under it on the stack)."""

    def compose(self) -> ComposeResult:
        below = self.below
        if below is None:  # the screen under help in this stack (with modes: this mode's)
            under = next((s for s in reversed(self.app.screen_stack) if s is not self), None)
            below = type(under).__name__ if under else None
        with VerticalScroll(id="help"):
            yield Static(lines(heading("Keys"), muted("↑ ↓ or PageDown to read on; Escape closes.")))
            for title, keys in ordered(below):
                yield Static(Content.styled(title, "bold underline"), classes="help-section")
                with Grid(classes="help-keys"):  # two columns, so a long description wraps under itself
                    for key, what in keys:
                        yield Static(Content.styled(key, "bold"))
                        yield Static(Content(what))
            yield Static(
                lines(
                    "",
                    heading("How it works"),
                    "Each decision shows the options with their pros and cons, what professional "
                    "bodies say (your own regulator first), and how the platform works, with the "
                    "date each fact was checked. Every answer and note is kept as you go. In a "
                    "walkthrough your policy file is replaced when you save on the review screen; one "
                    "change from home or your policy is saved as soon as you confirm it. Every saved "
                    "version is kept in history, where you can restore one. The yearly review is due "
                    "12 months after the last one: home then offers Review now.",
                    "",
                    muted("Escape closes this help."),
                )
            )

    def action_close(self) -> None:
        self.dismiss()
