"""Find the situations that match what a clinician typed."""

from __future__ import annotations

import heapq
import re
from functools import lru_cache
from pathlib import Path

from clinician_compass.guidance.model import Catalog, Platform, Situation
from clinician_compass.record import record
from clinician_compass.reference.index import Index, build_index, query_terms, stem


@record(frozen=True)
class Hit:
    """A matching situation and how well it matched (1.0 = the best match of this query)."""

    situation: Situation
    score: float
    fit: float = 1.0
    """How much of what was typed this situation accounts for, 0 to 1 (see ``query_fit``);
    below ``WEAK_FIT`` nothing fits well and the faces say so."""

    @property
    def weak(self) -> bool:
        return self.fit < WEAK_FIT


PLATFORM_BOOST = 1.5
"""How much more a matching situation counts when it names the platform the clinician is on."""


@lru_cache(maxsize=4)
def index_for(catalog: Catalog) -> Index:
    """The index of a catalog, built on first use and kept (a catalog never changes once loaded); the
    packaged catalog's is kept between runs too, since building it is most of what ``ref`` costs."""
    from clinician_compass.guidance.packaged import kept_for_catalog
    from clinician_compass.reference import index

    return kept_for_catalog(catalog, "search-index", Path(index.__file__), build_index, Index)


def search(catalog: Catalog, query: str, *, limit: int = 10, platform: str | None = None) -> list[Hit]:
    """The best-matching situations, best first; [] when nothing matches.

    ``platform`` (where it happened) ranks, never filters: a matching
    situation that names the platform rises (``PLATFORM_BOOST``), so "friend
    request" on LinkedIn brings up the LinkedIn connection; guidance that
    applies everywhere is never hidden.
    """
    index = index_for(catalog)
    typed = query_terms(query)
    scores: dict[str, float] = {}
    covered: dict[str, float] = {}
    stems = [t for t in typed if "_" not in t]
    for term in typed:
        for doc_id, score in _matches(index, term).items():
            scores[doc_id] = scores.get(doc_id, 0.0) + score
        if "_" not in term:
            weight = _weight(index, term)
            for doc_id, factor in _strong(index, term).items():
                covered[doc_id] = covered.get(doc_id, 0.0) + weight * factor
    if not scores:
        return []
    if platform is not None and platform in catalog.platforms:
        _favour_platform(scores, index, catalog.platforms[platform], typed)
    total = sum(_weight(index, t) for t in stems) or 1.0
    fits = {sid: min(covered.get(sid, 0.0) / total, 1.0) for sid in scores}
    # A situation that accounts for more of what was typed ranks higher: one rare word in its prose
    # should not beat a title that names the whole question.
    scores = {sid: score * (FIT_FLOOR + (1 - FIT_FLOOR) * fits[sid]) for sid, score in scores.items()}
    best = max(scores.values())
    ranked = heapq.nsmallest(limit, scores.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Hit(catalog.situations[sid], round(score / best, 3), round(fits[sid], 3)) for sid, score in ranked]


FIT_FLOOR = 0.7
"""What a situation's score keeps when its title, keywords and decisions hold none of the typed words."""


WEAK_FIT = 0.27
"""Below this share of the typed words' weight, a situation does not fit the question well.

Measured on ``tests/reference_queries.toml`` (133 realistic queries: the lowest
best-of-three fit is 0.28, the median 0.83) and 15 off-topic questions in
``tests/test_reference.py`` (ten at 0.26 or below, four between 0.33 and 0.5
that share words such as "sick" or "patient sent" with real situations); the
test prints both distributions and holds the threshold between them.
"""


CLOSEST = 3
"""How many situations a weak result offers, and how many are looked at to judge it weak."""


def nothing_fits(hits: list[Hit]) -> bool:
    """True when none of the first few situations fits what was typed well: the faces then say so
    and offer those few as the closest, rather than the first at full score."""
    return bool(hits) and all(hit.weak for hit in hits[:CLOSEST])


def _strong(index: Index, term: str) -> dict[str, float]:
    """The situations whose title, keywords, decisions or script hold ``term`` (1.0) or a near miss of it (less)."""
    found: dict[str, float] = {}
    for indexed, factor in index.expand(term):
        for doc_id in index.strong.get(indexed, ()):
            found[doc_id] = max(found.get(doc_id, 0.0), factor)
    return found


def _weight(index: Index, term: str) -> float:
    """How much a typed word counts towards the fit: its rarity, or the rarest word's for one never indexed."""
    found = index.expand(term)
    if found:
        return max(index.idf[t] for t, _ in found)
    if len(term) <= 2:
        return 0.0  # "pt", "rn", "gp": too short to say the question is about something we lack
    return max(index.idf.values(), default=1.0)


def _matches(index: Index, term: str) -> dict[str, float]:
    """What one typed term adds to each situation it matches."""
    expanded = index.expand(term)
    if len(expanded) == 1:  # the usual case: the word itself, or a single near miss
        indexed, factor = expanded[0]
        idf = index.idf[indexed]
        return {doc_id: idf * weight * factor for doc_id, weight in index.postings[indexed].items()}
    # A typo may stand for several words ("anonymus": anonymous, anonymised); a situation counts
    # the closest one it has, once.
    best: dict[str, float] = {}
    for indexed, factor in expanded:
        idf = index.idf[indexed]
        for doc_id, weight in index.postings[indexed].items():
            best[doc_id] = max(best.get(doc_id, 0.0), idf * weight * factor)
    return best


def _favour_platform(scores: dict[str, float], index: Index, platform: Platform, typed: list[str]) -> None:
    """Raise the matching situations that name ``platform``, unless the query named it (and so counted it)."""
    names = {stem(name) for name in platform_names(platform)}
    if names & set(typed):
        return
    for doc_id in {doc for name in names for doc in index.postings.get(name, {})} & scores.keys():
        scores[doc_id] *= PLATFORM_BOOST


_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""Words as typed, hyphenated ones whole: "x-ray" does not name X."""

_NAME_WORD = re.compile(r"[A-Za-z0-9]+")


def platform_names(platform: Platform) -> set[str]:
    """How a clinician names a platform: its id, proper nouns later in its name ("Twitter"), its nicknames.

    Names are in sentence case, so a capital after the first word marks a
    name; "Personal" in "Personal website or blog" is an ordinary word.
    """
    later = [w for w in _NAME_WORD.findall(platform.name)[1:] if w[0].isupper()]
    return {platform.id, *(w.lower() for w in later), *platform.nicknames}


def platform_in_query(catalog: Catalog, query: str) -> str | None:
    """A platform the query names ("instagram dm"), so the answer shown is that platform's."""
    typed = set(_TOKEN.findall(query.lower()))  # not stemmed: a "thread" is not Threads
    for platform in catalog.platforms.values():
        if typed & platform_names(platform):
            return platform.id
    return None
