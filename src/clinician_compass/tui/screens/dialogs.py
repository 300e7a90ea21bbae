"""Small modal questions: a save conflict, where to export."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from clinician_compass.tui.text import heading


class ConflictDialog(ModalScreen[str | None]):
    """The file changed on disk since we read it: reload it, or save anyway (the other copy goes to history)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="conflict.cancel", tooltip="Do nothing for now")]

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(heading("Your policy file changed on disk"))
            yield Static(Content(self.message))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Reload from disk", id="reload")
                yield Button("Save anyway", id="save", variant="warning")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(ModalScreen[Path | None]):
    """Ask for a file name to export to."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Do not export")]

    def __init__(self, suggestion: str) -> None:
        super().__init__()
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(heading("Export to a file"))
            yield Static(Content("Enter a file name. An existing file is never replaced."))
            yield Input(self.suggestion, id="export-path")

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
