"""A yes/no question before anything of hers is set aside: start again, discard a walkthrough."""

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
