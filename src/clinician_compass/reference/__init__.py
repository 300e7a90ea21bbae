"""The quick reference: "a patient just DM'd me about their results, what did I decide?"."""

from clinician_compass.reference.answers import Reference, YourAnswer, answers_for
from clinician_compass.reference.search import WEAK_FIT, Hit, nothing_fits, platform_in_query, search

__all__ = [
    "WEAK_FIT",
    "Hit",
    "Reference",
    "YourAnswer",
    "answers_for",
    "nothing_fits",
    "platform_in_query",
    "search",
]
