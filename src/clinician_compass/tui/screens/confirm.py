"""A yes/no question before anything of hers is set aside: start again, discard a walkthrough,
remove a platform, make two accounts one, save notes she never confirmed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from clinician_compass.tui.screens.dialog_base import Dialog


class ConfirmDialog(Dialog[bool]):
    """Asks once, says what happens to her work either way; Escape is always "no"."""

    DEFAULT_CSS = """
    ConfirmDialog > Vertical {
        width: 64;
        max-width: 100%;
        height: auto;
        border: thick $warning;
        background: $surface;
        padding: 1 2;
    }
    ConfirmDialog .confirm-buttons {
        height: auto;
        margin-top: 1;
    }
    ConfirmDialog Button {
        margin-right: 2;
    }
    """

    BINDINGS = [
        Binding("escape,n", "cancel", "Cancel", id="confirm.cancel", tooltip="Leave everything as it is"),
        Binding("y", "confirm", "Yes", id="confirm.yes", tooltip="Go ahead"),
    ]

    def __init__(self, title: str, body: str, *, yes: str, no: str = "Cancel") -> None:
        super().__init__()
        self.title_text, self.body, self.yes, self.no = title, body, yes, no

    @classmethod
    def start_again(cls) -> ConfirmDialog:
        return cls(
            "Start again?",
            "Your unfinished walkthrough has answers that are not in your policy yet. "
            "Starting again sets them aside; a copy is kept in the history folder.",
            yes="Start again",
            no="Keep my answers",
        )

    @classmethod
    def discard_walk(cls) -> ConfirmDialog:
        return cls(
            "Discard your unfinished walkthrough?",
            "Its answers are not in your policy and will no longer be offered to resume. "
            "Your saved policy stays as it is; a copy of the walkthrough is kept in the history folder.",
            yes="Discard",
            no="Keep it",
        )

    @classmethod
    def remove_platforms(cls, names: str, goes: list[str]) -> ConfirmDialog:
        return cls(
            f"Remove {names}?",
            "This goes from your policy:\n" + _bullets(goes) + "\nThe version before is kept in history.",
            yes="Remove",
            no="Keep",
        )

    @classmethod
    def one_account(cls, platform: str, goes: list[str]) -> ConfirmDialog:
        return cls(
            f"One account on {platform} instead of two?",
            "This goes:\n" + _bullets(goes) + "\nNo keeps both accounts as they are.",
            yes="Make it one",
            no="Keep two accounts",
        )

    @classmethod
    def unconfirmed_notes(cls, lines: list[str]) -> ConfirmDialog:
        return cls(
            "Save the notes you typed?",
            "You typed these notes without confirming them with Enter:\n"
            + _bullets(lines)
            + "\nNot yet takes you back, so you can change or clear them first.",
            yes="Save with these notes",
            no="Not yet",
        )

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.styled(self.title_text, "bold"))
            yield Static(Content(self.body))
            with Horizontal(classes="confirm-buttons"):
                yield Button(Content(f"{self.no} (N)"), id="no", variant="primary")
                yield Button(Content(f"{self.yes} (Y)"), id="yes", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # Enter on the default keeps her work

    @on(Button.Pressed, "#yes")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)
