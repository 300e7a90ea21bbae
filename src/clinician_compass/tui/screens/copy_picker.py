"""Pick the one piece to copy (a reply, a bio line, the short form), so she pastes exactly that."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from clinician_compass.documents.safe_text import printable
from clinician_compass.tui.screens.dialog_base import Dialog
from clinician_compass.tui.text import heading

PREVIEW = 70
"""Characters of each piece shown under its label, so two replies with one title can be told apart."""


class CopyPicker(Dialog[str | None]):
    """A list of (label, value); Enter dismisses with the chosen value, Escape with None.

    Also picks the decision to change (value: its position), with ``preview=False``.
    """

    DEFAULT_CSS = """
    CopyPicker > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 90%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    CopyPicker #copy-items {
        height: auto;
        max-height: 1fr;
        border: none;
    }
    CopyPicker .hint {
        color: $text-muted;
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="copy.cancel", tooltip="Copy nothing")]

    def __init__(
        self,
        pieces: list[tuple[str, str]],
        *,
        title: str = "Copy one piece",
        hint: str = "Enter copies the highlighted one: its words only.",
        preview: bool = True,
    ) -> None:
        super().__init__()
        self.pieces = pieces
        self.heading_text = title
        self.hint = hint
        self.preview = preview

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(heading(self.heading_text))
            yield Static(Content(self.hint), classes="hint")
            options = []
            for number, (label, text) in enumerate(self.pieces):
                label = printable(label)  # her handle or words may hold a control character: shown, never sent
                preview = " ".join(printable(text).split())
                if len(preview) > PREVIEW:
                    preview = preview[: PREVIEW - 1] + "…"
                shown = Content.assemble((label, "bold"), "\n", (preview, "dim")) if self.preview else Content(label)
                options.append(Option(shown, id=str(number)))
            yield OptionList(*options, id="copy-items")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#copy-items")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.pieces[int(event.option.id or 0)][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
