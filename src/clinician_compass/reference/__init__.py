"""The quick reference: "a patient just DM'd me about their results, what did I decide?"."""

from clinician_compass.reference.answers import Reference, YourAnswer, answers_for
from clinician_compass.reference.search import Hit, platform_in_query, search

__all__ = ["Hit", "Reference", "YourAnswer", "answers_for", "platform_in_query", "search"]
