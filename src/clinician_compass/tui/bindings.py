"""Keys every walkthrough step shares, defined once so their ids and tooltips never drift apart."""

from __future__ import annotations

from textual.binding import Binding

BACK = Binding("escape", "back", "Back", id="walkthrough.back", tooltip="The previous step; answers are kept")

SAVE_AND_QUIT = Binding(
    "ctrl+s",
    "app.save_and_quit",
    "Save & quit",
    id="walkthrough.save-quit",
    tooltip="Keep your answers and leave",
)
