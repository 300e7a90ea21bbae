"""The policy in a dozen words, in the rhythm of Timimi's 12-word policy.

Farris Timimi's policy for Mayo Clinic reads "Don't Lie, Don't Pry / Don't
Cheat, Can't Delete / Don't Steal, Don't Reveal": two maxims to a beat, beats
separated by slashes. Ours is made from the maxims of the options the
clinician chose. The clinician may rewrite it; ``short_form.edited`` marks
their wording, and regenerating never replaces it unless they say so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from clinician_compass.documents.answers import Entry, chosen_options
from clinician_compass.documents.writer import Writer, code
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import Policy

MAX_WORDS = 12
"""Mayo Clinic's policy is twelve words long; so, by default, is ours."""

_MINOR_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "in", "nor", "of", "on", "or", "the", "to"}
)
"""Words a title leaves in lower case unless they come first."""


def title_case(maxim: str) -> str:
    """Title Case as Timimi writes it: "Don't pry" → "Don't Pry"; "DMs" stays (``str.title`` writes "Don'T")."""
    words = maxim.strip().rstrip(".;:").split()
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _MINOR_WORDS:
            out.append(word.lower())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def ranked_maxims(policy: Policy, catalog: Catalog) -> list[str]:
    """The chosen options' maxims, most widely chosen first, each once.

    A global choice holds everywhere, so it ranks above any platform choice;
    platform choices rank by how many platforms share them. Ties go in the
    catalog's decision order, then option order, so the result never depends
    on anything but the policy and the catalog.
    """
    decision_rank = {d: i for i, d in enumerate(catalog.decisions)}
    tally: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], Entry] = {}
    for entry in chosen_options(policy, catalog):
        assert entry.decision and entry.option
        key = (entry.decision_id, entry.option.id)
        first.setdefault(key, entry)
        tally[key] += 1

    def rank(key: tuple[str, str]) -> tuple[int, int, int, int]:
        entry = first[key]
        assert entry.decision
        everywhere = 0 if entry.platform_id is None else 1
        option_index = [o.id for o in entry.decision.options].index(key[1])
        return (everywhere, -tally[key], decision_rank.get(key[0], len(decision_rank)), option_index)

    maxims: list[str] = []
    seen: set[str] = set()
    for key in sorted(first, key=rank):
        option = first[key].option
        assert option
        maxim = title_case(option.maxim)
        if maxim and maxim.casefold() not in seen:
            seen.add(maxim.casefold())
            maxims.append(maxim)
    return maxims


def fit_words(maxims: list[str], max_words: int = MAX_WORDS) -> list[str]:
    """As many maxims as fit in ``max_words``, in rank order; one too long is skipped, not cut."""
    kept, used = [], 0
    for maxim in maxims:
        words = len(maxim.split())
        if used + words <= max_words:
            kept.append(maxim)
            used += words
    return kept


def in_rhythm(maxims: list[str]) -> str:
    """Pairs joined by ", " (or "; " when a maxim has its own comma), pairs separated by " / "."""
    beats = []
    for i in range(0, len(maxims), 2):
        pair = maxims[i : i + 2]
        joiner = "; " if any("," in m for m in pair) else ", "
        beats.append(joiner.join(pair))
    return " / ".join(beats)


def compose_short_form(policy: Policy, catalog: Catalog, *, max_words: int = MAX_WORDS) -> str:
    """The short form the decisions give today: "" while nothing is decided."""
    return in_rhythm(fit_words(ranked_maxims(policy, catalog), max_words))


def has_edit(policy: Policy) -> bool:
    """Whether the short form holds the clinician's own wording (an empty edit protects nothing)."""
    return policy.short_form.edited and bool(policy.short_form.text.strip())


def effective_short_form(policy: Policy, catalog: Catalog) -> str:
    """What documents show: the clinician's own wording if they wrote one, else the generated one."""
    return policy.short_form.text.strip() if has_edit(policy) else compose_short_form(policy, catalog)


@dataclass(frozen=True, slots=True)
class ShortFormRefresh:
    """What a refresh did, so the app can ask before replacing the clinician's wording."""

    previous: str
    """The policy's short form before the refresh."""
    generated: str
    """The short form the decisions give now."""
    kept_edit: bool
    """True when an edited short form was left alone although the decisions now give another:
    ask the clinician, and call again with ``replace_edit=True`` if they agree."""
    news: bool = True
    """Whether the decisions give another short form than they gave before this change; when they
    do not, there is nothing new to offer in place of the clinician's own wording."""

    @property
    def worth_asking(self) -> bool:
        """Ask whether to replace the clinician's wording: only when the decisions now say something new."""
        return self.kept_edit and self.news

    @property
    def text(self) -> str:
        """The policy's short form after the refresh."""
        return self.previous if self.kept_edit else self.generated

    @property
    def changed(self) -> bool:
        """Whether the refresh wrote a different text into the policy."""
        return not self.kept_edit and self.previous != self.generated


def refresh_short_form(
    policy: Policy, catalog: Catalog, *, replace_edit: bool = False, max_words: int = MAX_WORDS
) -> ShortFormRefresh:
    """Bring ``policy.short_form`` up to date with the decisions, never replacing an edit unasked."""
    previous = policy.short_form.text
    generated = compose_short_form(policy, catalog, max_words=max_words)
    if has_edit(policy) and not replace_edit:
        # Nothing to ask when the clinician's wording already says what the decisions say.
        return ShortFormRefresh(previous, generated, kept_edit=previous.strip() != generated)
    policy.short_form.text = generated
    policy.short_form.edited = False
    return ShortFormRefresh(previous, generated, kept_edit=False)


# --- the "short" part ----------------------------------------------------------------------------------


def short_data(policy: Policy, catalog: Catalog) -> dict[str, object]:
    return {"text": effective_short_form(policy, catalog), "edited": has_edit(policy)}


def write_short(policy: Policy, catalog: Catalog, w: Writer) -> None:
    text = effective_short_form(policy, catalog)
    if text:
        w.paragraph(text)
        return
    w.paragraph(
        "No short form yet: it is made from your decisions. To start, run ",
        code("clinician-compass"),
        " and answer the questions for the platforms you use.",
    )
