"""Shared layout behaviour for screens with two panels.

The ``-narrow`` class now comes from ``CompassApp.HORIZONTAL_BREAKPOINTS`` (Textual sets it on every
screen as the terminal is resized); this base class stays only so the screens that subclass it keep
importing it until they subclass ``Screen`` directly.
"""

from __future__ import annotations

from textual.screen import Screen

NARROW_WIDTH = 110
"""Below this many columns two panels stack instead of sitting side by side."""


class StacksWhenNarrow(Screen[None]):
    """A two-panel screen; the TCSS stacks its panels under ``.-narrow``."""


class WalkthroughFloor(Screen[None]):
    """The walkthrough mode's base screen, never seen: each step is pushed over it and replaced by
    the next (``switch_screen``), and help or a dialog goes over the step. Textual cannot switch a
    mode's base screen, so the steps sit one above it."""

    DEFAULT_CSS = "WalkthroughFloor { background: $background; }"
