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
