"""Find the line of a key in TOML text, so errors can say "line 14", not just a key path.

tomllib reports positions only for syntax errors; ``toml_positions`` scans the
text once and knows every key's line. This is the one-key question; to place
many problems, scan once with ``key_lines`` and ask it each time.
"""

from __future__ import annotations


def line_of(text: str, key_path: str) -> int | None:
    """The 1-based line where ``key_path`` is set, or where its nearest table starts."""
    from clinician_compass.policy.toml_positions import key_lines  # the scanner loads only to place a problem

    return key_lines(text).line(key_path) if key_path else None
