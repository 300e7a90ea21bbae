"""Find the situations that match what a clinician typed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from clinician_compass.guidance.model import Catalog, Situation
from clinician_compass.reference.index import Index, build_index, terms, words


@dataclass(frozen=True, slots=True)
class Hit:
    """A matching situation and how well it matched (1.0 = the best match of this query)."""

    situation: Situation
    score: float


@lru_cache(maxsize=4)
def index_for(catalog: Catalog) -> Index:
    """The index of a catalog, built on first use and kept (a catalog never changes once loaded)."""
    return build_index(catalog)


def search(catalog: Catalog, query: str, *, limit: int = 10, platform: str | None = None) -> list[Hit]:
    """The best-matching situations, best first; [] when nothing matches.

    ``platform`` does not filter (situations apply across platforms); it is
    passed through so callers can show that platform's facts and answers.
    """
    index = index_for(catalog)
    scores: dict[str, float] = {}
    for term in terms(query):
        for indexed, factor in index.expand(term):
            idf = index.idf[indexed]
            for doc_id, weight in index.postings[indexed].items():
                scores[doc_id] = scores.get(doc_id, 0.0) + idf * weight * factor
    if not scores:
        return []
    best = max(scores.values())
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [Hit(catalog.situations[sid], round(score / best, 3)) for sid, score in ranked]


def platform_in_query(catalog: Catalog, query: str) -> str | None:
    """A platform the query names ("instagram dm"), so the answer shown is that platform's."""
    typed = set(words(query))
    for platform in catalog.platforms.values():
        names = {platform.id, *words(platform.name)}
        if typed & names:
            return platform.id
    return None
