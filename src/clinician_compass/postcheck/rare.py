"""Rare details: a condition from the catalog's list, a superlative ("the youngest ever"), an unusual event.

Safe Harbor's last identifier is "any other unique identifying number,
characteristic or code"; a condition seen once in a career, or the first
such case in a country, identifies the patient to everyone who read the news.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from clinician_compass.postcheck.finding import Finding, folded, spans
from clinician_compass.postcheck.keyed import Keyed, Words

_MOST = Words(
    "first", "only", "youngest", "oldest", "rarest", "biggest", "largest", "heaviest", "smallest", "tallest",
    "longest", "longest-staying", "longest-serving", "earliest", r"last[ \t]+surviving",
)
"""Superlatives after "the", "our" or "their"."""
_MY_MOST = Words("youngest", "oldest", "longest-staying", "longest-serving", "rarest")
"""Superlatives that also read as one after "my" or alone: "my youngest ever patient"."""
_WHO = Words(
    "patients?", "cases?", "bab(?:y|ies)", "person", "people", "woman", "man", "child", "boy", "girl",
    "recipients?", "survivors?", "residents?", "transplants?", "births?", "deliver(?:y|ies)", "twins",
    "triplets", "one", "ones", "centenarians?",
)
"""Who or what a superlative makes unique."""
_SUPERLATIVE = Keyed(
    r"\b(?:(?:the|our|their)[ \t]+{most}|(?:my[ \t]+)?{my_most})[ \t]+(?:ever[ \t]+|known[ \t]+|recorded[ \t]+"
    r"|documented[ \t]+)?(?:[a-z-]+[ \t]+){{0,2}}?{who}\b"
    r"|\b(?:first|only)[ \t]+(?:ever|time[ \t]+in[ \t]+(?:history|the[ \t]+(?:UK|US|country|state|world)))\b"
    r"|\bonly[ \t]+the[ \t]+(?:second|third|fourth|fifth|sixth|tenth|\d+(?:st|nd|rd|th))\b"
    r"|\bone[ \t]+in[ \t]+a[ \t]+(?:million|billion)\b|\bnever[ \t]+(?:been[ \t]+)?seen[ \t]+(?:before|anything[ \t]+like)"
    r"|\b(?:first|only)[ \t]+(?:known[ \t]+|recorded[ \t]+)?(?:case|patient|person|one|baby|woman|man|child|recipient)s?"
    r"[ \t]+(?:\w+[ \t]+){{0,2}}?in[ \t]+(?:the[ \t]+)?(?:UK|US|USA|Australia|Canada|country|world|state|province|history)\b",
    re.I,
    most=_MOST,
    my_most=_MY_MOST,
    who=_WHO,
)
_EVENTS = Words(
    r"struck[ \t]+by[ \t]+lightning",
    r"(?:shark|crocodile|croc|snake|dog|bear|cougar|kangaroo)[ \t]+(?:attack|bite)",
    r"bitten[ \t]+by[ \t]+a[ \t]+\w+",
    r"lottery[ \t]+win(?:ner)?",
    ("lottery", r"won[ \t]+the[ \t]+lottery"),
    ("news", r"on[ \t]+the[ \t]+news"),
    ("paper", r"in[ \t]+the[ \t]+papers?"),
    ("news", r"made[ \t]+the[ \t]+news"),
    ("viral", r"went[ \t]+viral"),
    (
        "crash",
        r"(?:the|a)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:bus|train|plane|helicopter|car|boat|bike|motorbike|tractor)"
        r"[ \t]+crash",
    ),
    ("dare", r"on[ \t]+a[ \t]+dare"),
    r"helicoptered",
    r"airlifted",
    r"air[ \t]+ambulanced",
    r"flown[ \t]+in",
    r"explod(?:ed|ing)",
    (("born", "delivered", "arrived"), r"(?:born|delivered|arrived)[^.!?\n]{0,20}?at[ \t]+2[0-8][ \t]+weeks"),
    (
        ("nose", "nostril", "ear", "bottom"),
        r"up[ \t]+(?:his|her|their|each|a|one)[ \t]+(?:nose|nostril|ear|bottom)",
    ),
    ("fire", r"the[ \t]+fire[ \t]+(?:at|on|in)"),
    (
        ("stabbing", "shooting", "explosion", "flood", "bushfire", "wildfire", "tornado", "earthquake"),
        r"the[ \t]+(?:stabbing|shooting|explosion|flood|bushfire|wildfire|tornado|earthquake)(?:[ \t]+(?:at|on|in))?",
    ),
    r"running[ \t]+backwards",
    r"fell[ \t]+(?:from|off)[ \t]+(?:a|the)[ \t]+(?:roof|balcony|cliff|horse|bridge)",
    r"swallowed[ \t]+(?:a|an|his|her)[ \t]+(?:whole[ \t]+)?(?:set[ \t]+of[ \t]+)?\w+(?:[ \t]+battery)?",
    r"glued[ \t]+\w+[ \t]+\w+",
    (
        ("born", "delivered", "gave"),
        r"(?:born|delivered|gave[ \t]+birth)[^.!?\n]{0,30}?in[ \t]+(?:the[ \t]+back[ \t]+of[ \t]+)?(?:the|a)[ \t]+"
        r"(?:lift|elevator|car|taxi|car[ \t]+park|ambulance|toilet)",
    ),
    ("stuck", r"\w+[ \t]+stuck[ \t]+(?:in|to|on)[ \t]+(?:the|a|his|her)[ \t]+\w+"),
    r"fireworks?[ \t]+(?:injur(?:y|ies)|burns?)",
    r"tattoo[^.!?\n]{0,30}?of[ \t]+(?:his|her|their)[ \t]+own[ \t]+\w+",
    ("followers", r"\d+(?:\.\d)?[ \t]?(?:million|k|thousand)[ \t]+followers"),
    r"(?:fought|served)[ \t]+(?:at|in|on)[ \t]+[A-Z]\w+",
    ("fire", r"the[ \t]+\w+[ \t]+fire(?![ \t]+(?:safety|drill|alarm|exit|door|service))"),
    r"(?:waited|slept|camped)[ \t]+outside[^.!?\n]{0,40}?for[ \t]+(?:\w+[ \t]+)?(?:days|weeks|nights)",
    r"stuck[ \t]+in[ \t]+(?:his|her|their)[ \t]+\w+",
    r"impaled",
    r"hit[ \t]+by[ \t]+a[ \t]+(?:train|tram|bus)",
)
"""Unusual events that make a case memorable."""
_EVENT = Keyed(r"\b{events}\b", re.I, required=("events",), events=_EVENTS)


@lru_cache(maxsize=64)
def _conditions(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for the catalog's list, longest first so "trisomy 18" wins over a shorter entry."""
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)", re.I)


_SUPERLATIVES = (
    "first",
    "only",
    "youngest",
    "oldest",
    "rarest",
    "biggest",
    "largest",
    "heaviest",
    "smallest",
    "tallest",
    "longest",
    "earliest",
    "last surviving",
    "one in a",
    "never",
)
_EVENT_WORDS = (
    "lightning",
    "attack",
    "bite",
    "bitten",
    "lottery",
    "news",
    "paper",
    "viral",
    "crash",
    "fire",
    "stabbing",
    "shooting",
    "explosion",
    "flood",
    "tornado",
    "earthquake",
    "backwards",
    "fell",
    "swallowed",
    "stuck",
    "impaled",
    "hit by",
    "glued",
    "born",
    "dare",
    "deliver",
    "birth",
    "tattoo",
    "followers",
    "fought",
    "served",
    "waited",
    "slept",
    "camped",
    "dare",
    "helicopter",
    "airlift",
    "flown",
    "explod",
    "weeks",
    "up ",
)


def find(text: str, rare_conditions: Sequence[str] = ()) -> Iterator[Finding]:
    low = folded(text)
    pattern = _conditions(tuple(c for c in rare_conditions if c.lower() in low))
    if pattern is not None:
        yield from spans(
            "rare-detail", pattern, text, "a rare condition: few people have it, so it points to this one"
        )
    yield from spans(
        "rare-detail",
        _SUPERLATIVE,
        text,
        "a superlative (first, only, youngest): it makes the case unique",
        needs=_SUPERLATIVES,
    )
    yield from spans(
        "rare-detail",
        _EVENT,
        text,
        "an unusual event: people remember it, and the news may have covered it",
        needs=_EVENT_WORDS,
    )
