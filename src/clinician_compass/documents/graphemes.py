"""Counting text the way a platform or a terminal sees it.

A bio limit of 256 "graphemes" (Bluesky) counts a family emoji or an accented
letter typed as two code points as one; Python's ``len`` would count several.
A full Unicode segmenter (UAX #29) needs data tables we do not ship, so this is
the common approximation: a cluster is a base character followed by any
combining marks, variation selectors, skin-tone modifiers and emoji tags, with
zero-width-joiner sequences and regional-indicator pairs (flags) kept whole.
It errs towards counting more, never fewer, than a real segmenter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

ZWJ = "\u200d"


def _extends(char: str) -> bool:
    """Whether ``char`` belongs to the cluster before it rather than starting one."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or 0xFE00 <= code <= 0xFE0F  # variation selectors (text or emoji presentation)
        or 0xE0100 <= code <= 0xE01EF  # variation selectors supplement
        or 0x1F3FB <= code <= 0x1F3FF  # skin-tone modifiers
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
        or char == ZWJ
    )


def _regional_indicator(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def graphemes(text: str) -> Iterator[str]:
    """The user-perceived characters of ``text``, approximately (see the module note)."""
    cluster = ""
    for char in text:
        if cluster and (
            _extends(char)
            or cluster.endswith(ZWJ)
            or (cluster == "\r" and char == "\n")
            or (_regional_indicator(char) and len(cluster) == 1 and _regional_indicator(cluster))
        ):
            cluster += char
            continue
        if cluster:
            yield cluster
        cluster = char
    if cluster:
        yield cluster


def count_graphemes(text: str) -> int:
    return sum(1 for _ in graphemes(text))


def measure(text: str, counts: str = "characters") -> int:
    """Length of ``text`` as a platform counts it: ``graphemes`` or ``characters`` (code points)."""
    return count_graphemes(text) if counts == "graphemes" else len(text)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (East Asian, most emoji) clusters take two."""
    width = 0
    for cluster in graphemes(text):
        wide = any(unicodedata.east_asian_width(c) in ("W", "F") for c in cluster)
        width += 2 if wide else 1
    return width
