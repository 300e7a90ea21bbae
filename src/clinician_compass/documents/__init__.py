"""The policy written out: short form, full policy, patient statement, profile lines, reply scripts.

Plain functions from (policy, catalog) to text. The same policy always gives
the same bytes, so exports can be diffed and kept under version control.
"""

from __future__ import annotations

from clinician_compass.documents.render import render
from clinician_compass.documents.summary import summary_text

__all__ = ["render", "summary_text"]
