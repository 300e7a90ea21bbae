"""The parts and formats ``documents.export.render`` writes, as plain data.

A leaf (no imports) so the command line can offer them as choices without loading every writer:
``path`` and ``--version`` must start as fast as argparse itself. ``export`` re-exports them.
"""

from __future__ import annotations

FORMATS = ("md", "txt", "json", "toml")
PARTS = ("full", "short", "patients", "bios", "scripts", "checklist")
