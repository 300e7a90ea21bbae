"""What every TOML reader and writer the app uses can handle: how deep a policy nests, how long its numbers are.

A policy nests five levels (``platforms.x.decisions.visibility.choice``). The
TOML parser recurses into lists and inline tables and fails near 495 levels;
the TOML writer recurses into tables and fails near 248. A file between the two
would pass ``check`` and then fail to save, so anything past ``MAX_DEPTH`` (far
above any real policy, far below both) is refused. Numbers likewise: Python will
not turn an integer of more than 4,300 digits into text, so a long hexadecimal
number would read but never write back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clinician_compass.policy.errors import Problem

if TYPE_CHECKING:
    from clinician_compass.policy.toml_positions import KeyLines

MAX_DEPTH = 32
MAX_NUMBER_BITS = 13_000
"""About 3,900 decimal digits: every integer this size converts to text, whatever Python's digit limit."""


def _too_deep(depth: int, line: int | None) -> Problem:
    from clinician_compass.policy.toml_positions import FOLLOWED_DEPTH  # only to word a refusal

    levels = (
        f"more than {FOLLOWED_DEPTH}" if depth > FOLLOWED_DEPTH else str(depth)
    )  # the scanner stops there
    return Problem(
        "",
        f"values nested {levels} levels deep (tables, lists or inline tables inside each other); "
        f"a policy needs a handful and at most {MAX_DEPTH} are read",
        line,
    )


def text_too_deep(lines: KeyLines) -> Problem | None:
    """A problem if the scanned text nests past the limit: checked before the parser sees the text."""
    return _too_deep(lines.depth, lines.depth_line) if lines.depth > MAX_DEPTH else None


def beyond_limits(document: dict[str, Any]) -> Problem | None:
    """The same limits on the parsed document, the parser's word should the scanner have counted short.

    Iterative, so no depth can overflow the stack here.
    """
    deepest = 0
    pending: list[tuple[Any, int]] = [(document, 0)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, depth)
            pending.extend(
                (child, depth + 1) for child in (value.values() if isinstance(value, dict) else value)
            )
        elif isinstance(value, int) and value.bit_length() > MAX_NUMBER_BITS:
            return Problem(
                "", "a number thousands of digits long; no policy holds one, and it could not be saved"
            )
    return _too_deep(deepest, None) if deepest > MAX_DEPTH else None
