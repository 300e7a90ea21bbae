"""The moment a choice contradicts an earlier one: say which, why, and let her decide what gives."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, Static

from clinician_compass.tui.screens.dialog_base import Dialog
from clinician_compass.tui.text import heading, lines, muted, plain
from clinician_compass.tui.widgets.plain_input import PlainInput
from clinician_compass.walkthrough.clashes import Clash

CHANGE_THIS, CHANGE_EARLIER, KEEP_BOTH = "change-this", "change-earlier", "keep-both"


@dataclass(frozen=True, slots=True)
class ClashAnswer:
    """What she decided: change this answer, change the earlier one, or keep both (with her note)."""

    action: str
    note: str = ""


class ClashDialog(Dialog[ClashAnswer]):
    """A conflict between the option just confirmed and an earlier answer."""

    DEFAULT_CSS = """
    /* The text scrolls if it must; the note stays in view. */
    ClashDialog #clash {
        width: 80;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border: round $warning;
        background: $surface;
    }
    ClashDialog #clash-text {
        height: auto;
        max-height: 16;
    }
    ClashDialog #clash-text Static {
        margin-bottom: 1;
    }
    ClashDialog #clash-title {
        margin-bottom: 0;
    }
    """

    BINDINGS = [
        Binding(
            "c", "change_this", "Change this answer", id="clash.change-this", tooltip="Back to the options"
        ),
        Binding(
            "e",
            "change_earlier",
            "Change the earlier one",
            id="clash.change-earlier",
            tooltip="Keep this answer and go to the earlier one",
        ),
        Binding("k", "keep_both", "Keep both", id="clash.keep", tooltip="Keep both, with a note saying why"),
        Binding("escape", "escape", "Back", id="clash.back", tooltip="Back to the options"),
    ]

    def __init__(self, clash: Clash, now: str, *, note: str = "", number: int = 1, of: int = 1) -> None:
        super().__init__()
        self.clash = clash
        self.now = now
        """This answer, said as "Who can connect (Facebook · personal): Accept"."""
        self.note = note
        self.number, self.of = number, of
        self.writing = False
        """Keep both was pressed: the note field is open and Enter records the answer."""

    def compose(self) -> ComposeResult:
        conflict = self.clash.conflict
        count = f"  ({self.number} of {self.of})" if self.of > 1 else ""
        earlier = [
            Content.assemble(
                ("You chose earlier: ", "bold"),
                e.decision.title,
                Content.assemble(" (", plain(e.where), ")") if e.where else "",
                ": ",
                (e.choice, "bold"),
                ("  (the platform allows nothing else)", "$text-muted") if e.step is None else "",
            )
            for e in self.clash.earlier
        ]
        with Vertical(id="clash"):
            with VerticalScroll(id="clash-text"):
                yield Static(Content.assemble(heading(conflict.title), muted(count)), id="clash-title")
                yield Static(
                    lines(*earlier, Content.assemble(("Now: ", "bold"), plain(self.now))), id="clash-answers"
                )
                yield Static(Content(conflict.explain), id="clash-explain")
                yield Static(
                    Content.assemble(("Which way the guidance leans: ", "italic"), conflict.leans),
                    id="clash-leans",
                )
            yield Static(
                muted(
                    "Why keep both? Your note goes into your policy. Enter keeps both; Escape chooses again."
                ),
                id="clash-note-label",
            )
            yield PlainInput(
                self.note,
                placeholder="e.g. only colleagues and old friends follow me there",
                id="clash-note",
                select_on_focus=False,  # her earlier words stay when she types on
            )
            yield Static("", id="clash-problem")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show_note(False)

    def _show_note(self, writing: bool) -> None:
        self.writing = writing
        for widget_id in ("#clash-note-label", "#clash-note", "#clash-problem"):
            self.query_one(widget_id).display = writing
        if writing:
            self.query_one("#clash-note", Input).focus()
        else:
            self.query_one("#clash-text").focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "change_earlier":
            return not self.writing and any(e.step is not None for e in self.clash.earlier)
        if action in ("change_this", "keep_both"):
            return not self.writing
        return True

    def action_change_this(self) -> None:
        self.dismiss(ClashAnswer(CHANGE_THIS))

    def action_change_earlier(self) -> None:
        self.dismiss(ClashAnswer(CHANGE_EARLIER))

    def action_keep_both(self) -> None:
        self._show_note(True)

    def action_escape(self) -> None:
        if self.writing:  # out of the note: choose again between the three
            self._show_note(False)
        else:
            self.dismiss(ClashAnswer(CHANGE_THIS))

    @on(Input.Submitted, "#clash-note")
    def action_keep_with_note(self) -> None:
        note = " ".join(self.query_one("#clash-note", Input).value.split())
        if not note:
            self.query_one("#clash-problem", Static).update(
                Content.styled(
                    "Write a few words on why you keep both: you will want them when you review.", "$error"
                )
            )
            return
        self.dismiss(ClashAnswer(KEEP_BOTH, note))
