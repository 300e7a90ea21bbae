"""Small modal questions: a save conflict, the short form."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from clinician_compass.tui.screens.dialog_base import Dialog
from clinician_compass.tui.text import heading, plain
from clinician_compass.tui.widgets.plain_input import PlainInput


class ConflictDialog(Dialog[str | None]):
    """The file changed on disk since we read it: reload it, or save anyway (the other copy goes to history)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="conflict.cancel", tooltip="Do nothing for now")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="frame"):
            yield Static(heading("Your policy file changed on disk"))
            yield Static(plain(self.message))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Reload from disk", id="reload")
                yield Button("Save anyway", id="save", variant="warning")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ShortFormChoiceDialog(Dialog[bool]):
    """The clinician wrote their own short form; the new decisions give another. Which one stays?"""

    BINDINGS = [
        Binding("escape", "keep", "Keep mine", id="short-choice.keep", tooltip="Keep your own wording")
    ]

    def __init__(self, yours: str, generated: str) -> None:
        super().__init__()
        self.yours = yours
        self.generated = generated

    def compose(self) -> ComposeResult:
        with Vertical(classes="frame"):
            yield Static(heading("Your short form and your new decisions differ"))
            yield Static(Content.assemble(("Yours:  ", "bold"), plain(self.yours)))
            yield Static(Content.assemble(("New:    ", "bold"), self.generated or "(nothing decided yet)"))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine", id="keep", variant="primary")
                yield Button("Use the new one", id="replace")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "replace")

    def action_keep(self) -> None:
        self.dismiss(False)


class EditShortFormDialog(Dialog[str | None]):
    """Write the short form in your own words; an empty line goes back to the generated one."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="short-edit.cancel", tooltip="Leave the short form as it is")
    ]

    def __init__(self, current: str, generated: str) -> None:
        super().__init__()
        self.current = current
        self.generated = generated

    def compose(self) -> ComposeResult:
        with Vertical(classes="frame"):
            yield Static(heading("Your short form, in your own words"))
            yield Static(
                Content(
                    "Enter to keep it. Clear the line and press Enter to go back to the one made from your "
                    "decisions. Your wording is never replaced without asking."
                ),
                classes="hint",
            )
            yield PlainInput(self.current, id="short-edit", placeholder=self.generated)

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
