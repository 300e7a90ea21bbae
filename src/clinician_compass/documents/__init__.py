"""The policy written out: short form, full policy, patient statement, profile lines, reply scripts.

Plain functions from (policy, catalog) to text, with no Textual import. The
same policy always gives the same bytes, so exports can be diffed and kept
under version control.
"""

from __future__ import annotations

from clinician_compass.documents.render import FORMATS, PARTS, render
from clinician_compass.documents.short_form import ShortFormRefresh, compose_short_form, refresh_short_form
from clinician_compass.documents.summary import summary_text

__all__ = [
    "FORMATS",
    "PARTS",
    "ShortFormRefresh",
    "compose_short_form",
    "refresh_short_form",
    "render",
    "summary_text",
]
