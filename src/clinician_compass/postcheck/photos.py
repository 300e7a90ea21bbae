"""Photos: a draft that says it comes with a picture, an X-ray, a scan or a selfie.

Full-face photographs "and comparable images" are a HIPAA Safe Harbor
identifier, and an X-ray can carry a name, a date or a hospital in its corner.
The words alone are common in teaching posts ("how an MRI works"), so a
picture counts when the draft points at one: "this X-ray", "pic attached".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from clinician_compass.postcheck.finding import Finding, lazy, spans
from clinician_compass.postcheck.keyed import Keyed, Words

_IMAGE = Words(
    "x-?rays?", "radiographs?", "scans?", "CTs?", "CXRs?", "MRIs?", "ultrasounds?", "photos?", "photographs?",
    "pics?", "pictures?", "images?", "videos?", "clips?", "films?", "ECGs?", "EKGs?", "dermoscopy", "snaps?",
    "screenshots?",
)
"""Pictures a post can carry; a new one also needs its word in ``_IMAGE_WORDS``."""
_IMAGE_WORDS = (
    "ray",
    "graph",
    "scan",
    "ct",
    "cxr",
    "mri",
    "ultrasound",
    "photo",
    "pic",
    "image",
    "video",
    "clip",
    "film",
    "ecg",
    "ekg",
    "dermoscopy",
    "snap",
    "screenshot",
)
_POINTED = Keyed(
    r"\b(?:this|these|attached|here'?s(?:[ \t]+(?:a|an|the|his|her|their))?|my(?:[ \t]+own)?"
    r"|look[ \t]+at[ \t]+(?:this|that|the)|check(?:[ \t]+out)?[ \t]+this|sharing[ \t]+(?:a|this|the))"
    r":?[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?{image}\b",
    re.I,
    required=("image",),
    image=_IMAGE,
)
_ATTACHED = Keyed(
    r"\b{image}[ \t]+(?:attached|below|above|in[ \t]+(?:the[ \t]+)?(?:thread|comments|replies)"
    r"|(?:shared|posted|used)[ \t]+with)\b",
    re.I,
    required=("image",),
    image=_IMAGE,
)
_SELFIE = lazy(
    r"\b(?:selfies?|pictured|swipe(?:[ \t]+(?:left|right|to[ \t]+see))?)\b|[\U0001F4F8\U0001F4F7\U0001FA7B\U0001F933]",
    re.I,
)


def find(text: str) -> Iterator[Finding]:
    why = "a photo or image with the post: faces, tattoos, name bands and scan labels identify"
    yield from spans("photo", _POINTED, text, why, needs=_IMAGE_WORDS)
    yield from spans("photo", _ATTACHED, text, why, needs=_IMAGE_WORDS)
    yield from spans(
        "photo",
        _SELFIE,
        text,
        why,
        needs=("selfie", "pictured", "swipe", "\U0001f4f8", "\U0001f4f7", "\U0001fa7b", "\U0001f933"),
    )
