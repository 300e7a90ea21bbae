"""Word lists as data: each draft's pattern holds only the words the draft could match.

The detectors' long lists (occupations, the people a story is about, the verbs
of care, holidays, departments, rare events) cost more to compile than to run:
most of a check's start-up went on compiling alternatives the draft never uses.
Each entry of a list starts with a word, its key; a draft's pattern keeps only
the entries whose key starts one of the draft's words, folded as
``re.IGNORECASE`` folds them. Dropping an entry whose key starts no word cannot
change a match, since the entry could not match anywhere, so every finding
stays the same. For that, a list stands in its pattern where a word starts
(after ``\\b``, a space or a hyphen), and a key written beside an entry is the
start of a word the entry cannot match without (a key with other characters
than letters and digits, such as "a&e", is looked for anywhere in the draft).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from clinician_compass.postcheck.finding import fold, folded

_LEADING = re.compile(r"[\w&'\u2019 ,-]*")
"""The literal characters an entry can start with: anything else (``[``, ``(``, ``\\``) ends the key."""
_LEADING_WORDS = re.compile(r"\(\?:([\w'|]+)\)(?![?*{])")
"""A group of plain words an entry starts with, as in "(?:shark|dog)[ \\t]+bite": each is a key."""


def keys(entry: str) -> tuple[str, ...]:
    """The words ``entry`` can start with, folded; ("",) (always kept) when it starts otherwise.

    A quantifier makes the letter before it optional, so "teachers?" is keyed "teacher".
    """
    group = _LEADING_WORDS.match(entry)
    if group:
        return tuple(fold(word) for word in group.group(1).split("|"))
    literal = _LEADING.match(entry).group()  # type: ignore[union-attr]  # it matches the empty string
    if entry[len(literal) : len(literal) + 1] in ("?", "*", "{"):
        literal = literal[:-1]
    return (fold(literal),)


class Words:
    """The entries of one alternation, in order, each a piece of regular expression starting with its key.

    An entry that starts in some other way can be written ``(key, entry)``, the key the start of a word
    (or a tuple of them, one of which) it cannot match without; else it is kept for every draft. Order matters as in
    any alternation: an earlier entry wins where two match at one place.
    """

    __slots__ = ("entries", "keys", "_words")

    def __init__(self, *entries: str | tuple[str | tuple[str, ...], str]) -> None:
        self.entries = tuple(entry if isinstance(entry, str) else entry[1] for entry in entries)
        self.keys = tuple(keys(entry) if isinstance(entry, str) else _given(entry[0]) for entry in entries)
        self._words = frozenset(word for words in self.keys for word in words)

    def __add__(self, other: Words) -> Words:
        return Words(*zip(self.keys, self.entries, strict=True), *zip(other.keys, other.entries, strict=True))

    def __str__(self) -> str:
        return "(?:" + "|".join(self.entries) + ")"

    def kept(self, low: str) -> list[str]:
        """The entries whose key starts a word of ``low``, a folded draft."""
        present = {word for word in self._words if _starts_a_word(word, low)}
        return [entry for entry, words in zip(self.entries, self.keys, strict=True) if not present.isdisjoint(words)]


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4)
def _words_of(low: str) -> list[str]:
    """The distinct words of a folded draft, in order, for a key to be looked up as the start of one."""
    return sorted(set(_WORD.findall(low)))


def _starts_a_word(key: str, low: str) -> bool:
    if not key.isalnum():  # "" (always kept), or "a&e", "'ve", ",": looked for anywhere
        return key in low
    words = _words_of(low)
    at = bisect_left(words, key)
    return at < len(words) and words[at].startswith(key)


def _given(words: str | tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(word) for word in ((words,) if isinstance(words, str) else words))


@lru_cache(maxsize=256)
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


class Keyed:
    """A pattern written around word lists: ``{name}`` in ``template`` stands for the list ``lists[name]``.

    Braces meant for the regular expression are doubled, as in an f-string. Each draft gets the pattern
    with each list cut to the entries its words allow, compiled once per cut. The lists named in
    ``required`` are ones the pattern cannot match without: a draft with none of a required list's
    entries is not scanned at all.
    """

    __slots__ = ("_template", "_flags", "_required", "_lists")

    def __init__(self, template: str, flags: int = 0, *, required: tuple[str, ...] = (), **lists: Words) -> None:
        self._template = template
        self._flags = flags
        self._required = required
        self._lists = lists

    def source(self, text: str) -> str | None:
        """The pattern's text for the draft ``text``; None when it cannot match there."""
        low = folded(text)
        kept = {name: words.kept(low) for name, words in self._lists.items()}
        if any(not kept[name] for name in self._required):
            return None
        return self._template.format(
            **{name: "(?:" + "|".join(entries) + ")" if entries else "(?!)" for name, entries in kept.items()}
        )

    def with_lists(self, **lists: Words) -> Keyed:
        """This pattern with some of its lists replaced, say by one with a word added."""
        return Keyed(self._template, self._flags, required=self._required, **(self._lists | lists))

    def full_source(self) -> str:
        """The pattern with every entry of every list: what each draft's cut must agree with."""
        return self._template.format(**{name: str(words) for name, words in self._lists.items()})

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        source = self.source(text)
        return iter(()) if source is None else _compiled(source, self._flags).finditer(text)
