"""Rare details: a condition from the catalog's list, a superlative ("the youngest ever"), an unusual event.

Safe Harbor's last identifier is "any other unique identifying number,
characteristic or code"; a condition seen once in a career, or the first
such case in a country, identifies the patient to everyone who read the news.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from clinician_compass.postcheck.finding import Finding, lazy, lowered, spans

_SUPERLATIVE = lazy(
    r"\b(?:(?:the|our|their)[ \t]+(?:first|only|youngest|oldest|rarest|biggest|largest|heaviest|smallest|tallest|longest"
    r"|longest-staying|longest-serving|earliest|last[ \t]+surviving)|(?:my[ \t]+)?(?:youngest|oldest|longest-staying"
    r"|longest-serving|rarest))[ \t]+(?:ever[ \t]+|known[ \t]+|recorded[ \t]+|documented[ \t]+)?"
    r"(?:[a-z-]+[ \t]+){0,2}?(?:patients?|cases?|bab(?:y|ies)|person|people|woman|man|child|boy|girl|recipients?"
    r"|survivors?|residents?|transplants?|births?|deliver(?:y|ies)|twins|triplets|one|ones|centenarians?)\b"
    r"|\b(?:first|only)[ \t]+(?:ever|time[ \t]+in[ \t]+(?:history|the[ \t]+(?:UK|US|country|state|world)))\b"
    r"|\bonly[ \t]+the[ \t]+(?:second|third|fourth|fifth|sixth|tenth|\d+(?:st|nd|rd|th))\b"
    r"|\bone[ \t]+in[ \t]+a[ \t]+(?:million|billion)\b|\bnever[ \t]+(?:been[ \t]+)?seen[ \t]+(?:before|anything[ \t]+like)"
    r"|\b(?:first|only)[ \t]+(?:known[ \t]+|recorded[ \t]+)?(?:case|patient|person|one|baby|woman|man|child|recipient)s?"
    r"[ \t]+(?:\w+[ \t]+){0,2}?in[ \t]+(?:the[ \t]+)?(?:UK|US|USA|Australia|Canada|country|world|state|province|history)\b",
    re.I,
)
_EVENT = lazy(
    r"\b(?:struck[ \t]+by[ \t]+lightning|(?:shark|crocodile|croc|snake|dog|bear|cougar|kangaroo)[ \t]+(?:attack|bite)"
    r"|bitten[ \t]+by[ \t]+a[ \t]+\w+|lottery[ \t]+win(?:ner)?|won[ \t]+the[ \t]+lottery|on[ \t]+the[ \t]+news|in[ \t]+the[ \t]+papers?"
    r"|made[ \t]+the[ \t]+news|went[ \t]+viral|(?:the|a)[ \t]+(?:[\w-]+[ \t]+){0,2}?(?:bus|train|plane|helicopter|car|boat|bike|motorbike|tractor)[ \t]+crash|on[ \t]+a[ \t]+dare|helicoptered|airlifted|air[ \t]+ambulanced|flown[ \t]+in|explod(?:ed|ing)"
    r"|(?:born|delivered|arrived)[^.!?\n]{0,20}?at[ \t]+2[0-8][ \t]+weeks"
    r"|up[ \t]+(?:his|her|their|each|a|one)[ \t]+(?:nose|nostril|ear|bottom)|the[ \t]+fire[ \t]+(?:at|on|in)"
    r"|the[ \t]+(?:stabbing|shooting|explosion|flood|bushfire|wildfire|tornado|earthquake)(?:[ \t]+(?:at|on|in))?"
    r"|running[ \t]+backwards|fell[ \t]+(?:from|off)[ \t]+(?:a|the)[ \t]+(?:roof|balcony|cliff|horse|bridge)"
    r"|swallowed[ \t]+(?:a|an|his|her)[ \t]+(?:whole[ \t]+)?(?:set[ \t]+of[ \t]+)?\w+(?:[ \t]+battery)?|glued[ \t]+\w+[ \t]+\w+"
    r"|(?:born|delivered|gave[ \t]+birth)[^.!?\n]{0,30}?in[ \t]+(?:the[ \t]+back[ \t]+of[ \t]+)?(?:the|a)[ \t]+(?:lift|elevator|car|taxi|car[ \t]+park|ambulance|toilet)"
    r"|\w+[ \t]+stuck[ \t]+(?:in|to|on)[ \t]+(?:the|a|his|her)[ \t]+\w+|fireworks?[ \t]+(?:injur(?:y|ies)|burns?)"
    r"|tattoo[^.!?\n]{0,30}?of[ \t]+(?:his|her|their)[ \t]+own[ \t]+\w+|\d+(?:\.\d)?[ \t]?(?:million|k|thousand)[ \t]+followers"
    r"|(?:fought|served)[ \t]+(?:at|in|on)[ \t]+[A-Z]\w+|the[ \t]+\w+[ \t]+fire(?![ \t]+(?:safety|drill|alarm|exit|door|service))"
    r"|(?:waited|slept|camped)[ \t]+outside[^.!?\n]{0,40}?for[ \t]+(?:\w+[ \t]+)?(?:days|weeks|nights)|stuck[ \t]+in[ \t]+(?:his|her|their)[ \t]+\w+|impaled|hit[ \t]+by[ \t]+a[ \t]+(?:train|tram|bus))\b",
    re.I,
)


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
_EVENTS = (
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
    low = lowered(text)
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
        needs=_EVENTS,
    )
