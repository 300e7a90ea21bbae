"""Typed access to the running app, for the few places that must read it rather than send a message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App

if TYPE_CHECKING:
    from clinician_compass.tui.app import CompassApp


def compass_app(app: App[object] | App[int]) -> CompassApp:
    """``app`` as the CompassApp it is; anything else is a programming error, said at once."""
    from clinician_compass.tui.app import CompassApp

    if not isinstance(app, CompassApp):
        raise TypeError(f"expected the clinician-compass app, got {type(app).__name__}")
    return app
