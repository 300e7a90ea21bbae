"""A small search index over the catalog's situations, built once.

Clinicians type in a hurry: words in any order, inflections ("blocked",
"blocking"), typos ("blcok"), their own words ("DM", "add me", "one star").
The words come from the catalog itself (situation titles and keywords, the
linked decisions' keywords), so improving search means improving the data,
not a hidden synonym list here.

Matching is by stem, then by edit distance through a symmetric-delete table
(the SymSpell idea), so a query costs a few dictionary look-ups per word
whatever the catalog's size.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import field
from functools import lru_cache
from itertools import combinations, pairwise

from clinician_compass.guidance.model import Catalog
from clinician_compass.record import record

_WORD = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "is",
        "are",
        "was",
        "be",
        "been",
        "i",
        "my",
        "mine",
        "we",
        "our",
        "you",
        "your",
        "it",
        "its",
        "this",
        "that",
        "what",
        "do",
        "does",
        "did",
        "how",
        "should",
        "can",
        "could",
        "would",
        "about",
        "just",
        "has",
        "have",
        "had",
    ]
)
"""Words too common to tell situations apart.

Not "me": it is what tells "followed me" and "add me" from "follow patients".
"""

FIELD_WEIGHTS = {"title": 3.0, "keywords": 3.0, "decision": 1.2, "script": 1.0, "guidance": 0.4}
"""How much a word counts by where it appears in a situation; a word in several fields counts in each."""

FUZZY_FACTOR = 0.6
"""A word matched only through a typo counts this much of an exact match, per letter wrong."""


_VOWELS = "aeiouy"


@lru_cache(maxsize=8192)  # the catalog repeats its words: each is stemmed once
def stem(word: str) -> str:
    """A light English stemmer: enough to meet "blocked", "blocking" and "blocks" at "block".

    A plural goes first, then "-ing" or "-ed" ("ratings" → "rate"). A silent
    final "e" is dropped from longer words and put back on short ones, so
    "sharing" meets "share" and "joking" meets "joke". Agent nouns keep their
    "-er": a follower is not a follow, nor a reporter a report.
    """
    cut = False
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"  # "replies" → "reply"
    elif word.endswith("es") and len(word) > 4 and not word.endswith("ss"):
        word, cut = word[:-2], True  # "notes" → "not" (→ "note" below), "boxes" → "box"
    elif word.endswith("s") and len(word) > 2 and not word.endswith(("ss", "us", "is")):
        word = word[:-1]  # "dms" → "dm", "pts" → "pt"
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word, cut = word[: -len(suffix)], True
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "blogging" → "blogg" → "blog"
    elif cut and len(word) == 3 and _short_syllable(word):
        word += "e"  # "joking" → "jok" → "joke"
    if len(word) >= 5 and word.endswith("e"):
        word = word[:-1]  # "share" and "shared" both → "shar"
    return word


def _short_syllable(word: str) -> bool:
    """Consonant, vowel, consonant, as in "jok" or "nam", whose word lost an "e" to its suffix."""
    first, vowel, last = tuple(word)  # exactly three letters, or a ValueError as before
    return first not in _VOWELS and vowel in _VOWELS and last not in _VOWELS + "wx"


def words(text: str) -> list[str]:
    """Stems of the meaningful words in ``text``."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def terms(text: str) -> list[str]:
    """Stems, plus each pair of neighbouring stems so phrases like "friend request" count extra.

    A pair is kept in alphabetical order, so "request friend" is the same phrase.
    """
    stems = words(text)
    return stems + [_pair(a, b) for a, b in pairwise(stems) if a != b]


MAX_PAIRED = 12
"""Query words that are paired with one another; a clinician's query is shorter, pasted text may not be."""


def query_terms(query: str) -> list[str]:
    """The distinct stems of a query, plus every pair of them, so word order never matters."""
    stems = list(dict.fromkeys(words(query)))
    return stems + [_pair(a, b) for a, b in combinations(stems[:MAX_PAIRED], 2)]


def _pair(a: str, b: str) -> str:
    return f"{a}_{b}" if a < b else f"{b}_{a}"


def _deletes(word: str, distance: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def allowed_distance(word: str) -> int:
    """Typos tolerated: none for short words (where they change meaning), one or two for longer."""
    return 0 if len(word) <= 3 else (1 if len(word) <= 7 else 2)


def _edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions and swaps ("blcok")."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@record
class Index:
    """Postings from stems (and stem pairs, for phrases like "friend request") to situations."""

    postings: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    idf: dict[str, float] = field(default_factory=dict)
    deletes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    strong: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Terms in a situation's title, keywords, decisions or script: what it is about, not what its prose mentions."""
    size: int = 0
    longest: int = 0
    """The longest indexed word: a typed word much longer is no typo of any, and is not looked up."""

    def add(self, doc_id: str, texts: Iterable[str], weight: float, *, strong: bool = True) -> None:
        """Index one field of a situation (its title, its keywords...).

        A word counts once per field, and fields add up: a situation with
        "block" in its title and its keywords outranks one whose keywords
        merely mention blocking.
        """
        seen: set[str] = set()
        for text in texts:
            seen.update(terms(text))  # per text, so no phrase spans two keywords
        for term in seen:
            self.postings[term][doc_id] = self.postings[term].get(doc_id, 0.0) + weight
            if strong:
                self.strong[term].add(doc_id)

    def finish(self, size: int) -> None:
        self.size = size
        for term, docs in self.postings.items():
            self.idf[term] = math.log(1 + (size - len(docs) + 0.5) / (len(docs) + 0.5))
            if "_" not in term:
                self.longest = max(self.longest, len(term))

    def _typo_table(self) -> dict[str, set[str]]:
        """Deletion variants of every indexed word, built on the first typo rather than at start-up.

        It is most of the cost of building the index (about 30 ms), and a
        search spelt right, which is most of them, never needs it.
        """
        if not self.deletes:
            for term in self.postings:
                if "_" not in term:
                    for variant in _deletes(term, allowed_distance(term)):
                        self.deletes[variant].add(term)
        return self.deletes

    def expand(self, term: str) -> list[tuple[str, float]]:
        """The indexed terms a query word stands for: itself, or its near misses."""
        if term in self.postings:
            return [(term, 1.0)]
        limit = allowed_distance(term)
        if not limit or "_" in term or len(term) > self.longest + limit:
            return []  # a phrase counts only as typed (its words were forgiven already); pasted junk not at all
        candidates: set[str] = set()
        table = self._typo_table()
        for variant in _deletes(term, limit):
            candidates |= table.get(variant, set())
        found = [(c, _edit_distance(term, c)) for c in sorted(candidates)]
        return [(c, FUZZY_FACTOR**d) for c, d in found if d <= min(limit, allowed_distance(c) or 1)]


def build_index(catalog: Catalog) -> Index:
    index = Index()
    for situation in catalog.situations.values():
        sid = situation.id
        index.add(sid, [situation.title], FIELD_WEIGHTS["title"])
        index.add(sid, situation.keywords, FIELD_WEIGHTS["keywords"])
        decisions = [catalog.decisions[d] for d in situation.decisions]
        index.add(sid, [" ".join((d.title, *d.keywords)) for d in decisions], FIELD_WEIGHTS["decision"])
        if situation.script:
            index.add(sid, [catalog.scripts[situation.script].title], FIELD_WEIGHTS["script"])
        index.add(sid, [situation.guidance], FIELD_WEIGHTS["guidance"], strong=False)
    index.finish(len(catalog.situations))
    return index
