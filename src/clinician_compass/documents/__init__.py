"""The policy written out: short form, full policy, patient statement, profile lines, reply scripts.

Plain functions from (policy, catalog) to text, with no Textual import. The
same policy always gives the same bytes, so exports can be diffed and kept
under version control.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clinician_compass.documents.export import FORMATS, PARTS, render
    from clinician_compass.documents.scripts import reply_for
    from clinician_compass.documents.short_form import (
        ShortFormRefresh,
        compose_short_form,
        refresh_short_form,
        short_form_lines,
    )
    from clinician_compass.documents.summary import summary_text

_HOME = {
    "FORMATS": "export",
    "PARTS": "export",
    "render": "export",
    "ShortFormRefresh": "short_form",
    "compose_short_form": "short_form",
    "refresh_short_form": "short_form",
    "reply_for": "scripts",
    "short_form_lines": "short_form",
    "summary_text": "summary",
}
"""Where each public name lives. Loaded on first use, so the TUI's start-up, which needs only
``safe_text`` and ``short_form``, does not pay for every writer."""

__all__ = [
    "FORMATS",
    "PARTS",
    "ShortFormRefresh",
    "compose_short_form",
    "refresh_short_form",
    "render",
    "reply_for",
    "short_form_lines",
    "summary_text",
]


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
