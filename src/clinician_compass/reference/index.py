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
from dataclasses import dataclass, field
from itertools import pairwise

from clinician_compass.guidance.model import Catalog

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
        "me",
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
"""Words too common to tell situations apart."""

FIELD_WEIGHTS = {"title": 3.0, "keywords": 3.0, "decision": 1.2, "script": 1.0, "guidance": 0.4}
"""How much a word counts by where it appears in a situation."""

FUZZY_FACTOR = 0.6
"""A word matched only through a typo counts this much of an exact match."""


def stem(word: str) -> str:
    """A light English stemmer: enough to meet "blocked", "blocking" and "blocks" at "block"."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("er", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + keep
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "blogging" → "blogg" → "blog"
    return word


def words(text: str) -> list[str]:
    """Stems of the meaningful words in ``text``."""
    return [stem(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS]


def terms(text: str) -> list[str]:
    """Stems, plus each pair of neighbouring stems so phrases like "friend request" count extra."""
    stems = words(text)
    return stems + [f"{a}_{b}" for a, b in pairwise(stems)]


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


@dataclass
class Index:
    """Postings from stems (and stem pairs, for phrases like "friend request") to situations."""

    postings: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    idf: dict[str, float] = field(default_factory=dict)
    deletes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    size: int = 0

    def add(self, doc_id: str, text: str, weight: float) -> None:
        for term in terms(text):
            current = self.postings[term].get(doc_id, 0.0)
            self.postings[term][doc_id] = max(current, weight)

    def finish(self, size: int) -> None:
        self.size = size
        for term, docs in self.postings.items():
            self.idf[term] = math.log(1 + (size - len(docs) + 0.5) / (len(docs) + 0.5))
            if "_" not in term:
                for variant in _deletes(term, allowed_distance(term)):
                    self.deletes[variant].add(term)

    def expand(self, term: str) -> list[tuple[str, float]]:
        """The indexed terms a query word stands for: itself, or its near misses."""
        if term in self.postings:
            return [(term, 1.0)]
        limit = allowed_distance(term)
        if not limit:
            return []
        candidates: set[str] = set()
        for variant in _deletes(term, limit):
            candidates |= self.deletes.get(variant, set())
        return [
            (c, FUZZY_FACTOR)
            for c in sorted(candidates)
            if _edit_distance(term, c) <= min(limit, allowed_distance(c) or 1)
        ]


def build_index(catalog: Catalog) -> Index:
    index = Index()
    for situation in catalog.situations.values():
        sid = situation.id
        index.add(sid, situation.title, FIELD_WEIGHTS["title"])
        for keyword in situation.keywords:
            index.add(sid, keyword, FIELD_WEIGHTS["keywords"])
        for decision_id in situation.decisions:
            decision = catalog.decisions[decision_id]
            index.add(sid, " ".join((decision.title, *decision.keywords)), FIELD_WEIGHTS["decision"])
        if situation.script:
            index.add(sid, catalog.scripts[situation.script].title, FIELD_WEIGHTS["script"])
        index.add(sid, situation.guidance, FIELD_WEIGHTS["guidance"])
    index.finish(len(catalog.situations))
    return index
