"""The one base class for every dialog: centred over the screen behind, its CSS travelling with it."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal dialog, centred; a ``Vertical(classes="frame")`` inside gets the usual warning frame,
    and subclasses add their own ``DEFAULT_CSS`` for anything else.

    Centring lives here rather than in a hand-kept list in ``app.tcss``, so a new dialog cannot be
    drawn at the top left by being left off the list.
    """

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > .frame {
        width: 70;
        max-width: 100%;
        height: auto;
        padding: 1 2;
        border: round $warning;
        background: $surface;
    }
    """
