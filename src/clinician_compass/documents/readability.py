"""Flesch reading ease, so the patient statement stays easy to read.

Score = 206.835 - 1.015 × (words / sentences) - 84.6 × (syllables / words).
60 or more is "plain English", what most adults read without effort; 80 or
more is easy. Syllables are counted with the usual English heuristic (vowel
groups, less a silent final e or -es/-ed, plus a few vowel pairs said as two
syllables), within a syllable or so of a dictionary on everyday words, which is
all a score of the whole text needs. No dictionary, no dependency.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+|\n+")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Vowel pairs said as two syllables, as in "media", "radio", "idea", "being", "video"
# (but not "social", "nation", "great", "people").
_TWO_SYLLABLE_PAIRS = re.compile(r"(?<![cgst])i[ao]|[^aeiouy]ea$|[aeiou]ing|eo$")


def syllables(word: str) -> int:
    """Syllables in one English word, by heuristic; at least one."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(w)) + len(_TWO_SYLLABLE_PAIRS.findall(w))
    return max(1, count - (1 if _silent_ending(w) else 0))


def _silent_ending(w: str) -> bool:
    """A final e, -es or -ed that is not said, as in "care", "makes", "asked" (not "people", "closes", "needed")."""
    if w.endswith("le"):
        return w[-3:-2] in "aeiouy"  # "whale" and "smile", but not "people" or "table"
    if w.endswith("e"):
        return not w.endswith(("ee", "ye"))
    if w.endswith("es"):
        return not w.endswith(("ses", "xes", "zes", "ches", "shes", "ces", "ges"))
    if w.endswith("ed"):
        return not w.endswith(("ted", "ded"))
    return False


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters, with inner apostrophes ("don't" is one word)."""
    return _WORD.findall(text)


def sentence_count(text: str) -> int:
    """Sentences, ending at . ! ? or a line break (a heading or a list item reads as one)."""
    pieces = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return max(1, len(pieces))


def flesch_reading_ease(text: str) -> float:
    """The Flesch reading ease of ``text``: higher is easier; 100.0 for text with no words."""
    found = words(text)
    if not found:
        return 100.0
    total = sum(syllables(w) for w in found)
    return 206.835 - 1.015 * (len(found) / sentence_count(text)) - 84.6 * (total / len(found))
