"""An ``Input`` for the clinician's own words that can never hold an active control character."""

from __future__ import annotations

from textual.widgets import Input

from clinician_compass.tui.text import plain_line


class PlainInput(Input):
    """Typed, pasted or pre-filled text is kept as typed, except what a terminal would act on.

    ``Input`` draws its value as it is, so an escape sequence pasted into a
    note, or loaded from a hand-edited file, would reach the terminal each time
    the field is drawn. Validating the value turns such characters into their
    visible pictures (ESC shows as ␛) before anything is drawn or saved.
    """

    def validate_value(self, value: str) -> str:
        return plain_line(value)

    def replace(self, text: str, start: int, end: int) -> None:
        # Clean the typed or pasted text first, so the cursor lands after what is really inserted
        # (dropping a bidi override would otherwise leave it one place too far per character).
        super().replace(plain_line(text), start, end)
