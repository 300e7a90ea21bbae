"""Find the line of a key in TOML text, so errors can say "line 14", not just a key path.

tomllib reports positions only for syntax errors; for a valid document with a
wrong value we scan the text for table headers and ``key =`` lines. It is a
best effort that handles the layouts we write and the usual hand edits.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)


def _split(dotted: str) -> list[str]:
    parts = re.findall(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""", dotted)
    return [p.strip("\"'") for p in parts]


def line_of(text: str, key_path: str) -> int | None:
    """The 1-based line where ``key_path`` is set, or where its nearest table starts."""
    if not key_path:
        return None
    target = key_path.split(".")
    table: list[str] = []
    best: tuple[int, int] | None = None  # (matched parts, line)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _split(header.group(1))
            candidate = table
        else:
            key = _KEY.match(line)
            if not key:
                continue
            candidate = table + _split(key.group(1))
        if candidate == target:
            return number
        if target[: len(candidate)] == candidate and (best is None or len(candidate) > best[0]):
            best = (len(candidate), number)
    return best[1] if best else None
