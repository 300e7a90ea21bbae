"""The policy in a dozen words, in the shape of Timimi's 12-word policy.

Farris Timimi's policy for Mayo Clinic reads "Don't Lie, Don't Pry / Don't
Cheat, Can't Delete / Don't Steal, Don't Reveal": three lines of two maxims,
each maxim two words. Ours has the same shape, made from her choices: line
one her connections, line two messages, line three what she posts and who she
is online, a short line filled from the others. Every maxim comes from a
choice, each has a gloss that explains it, none repeats, and no two state
commitments that the catalog's conflicts say contradict each other. Where
her accounts answer a decision differently, the maxim is the decision's
``varied_maxim``, true of all of them. With fewer than six maxims there is no
short form yet, and the documents say how many more decisions it needs.

The clinician may rewrite it; ``short_form.edited`` marks her wording, and
regenerating never replaces it unless she says so.
"""

from __future__ import annotations

from collections.abc import Mapping

from clinician_compass.documents.writer import Writer, code
from clinician_compass.guidance.model import Catalog, Decision, Option
from clinician_compass.policy.model import ACCOUNT_PURPOSE, Policy
from clinician_compass.record import record

LINES: tuple[tuple[str, ...], ...] = (
    ("patient-connects", "following-patients", "blocking", ACCOUNT_PURPOSE, "visibility"),
    ("care-by-dm", "care-in-public", "online-reviews"),
    ("posting-about-patients", "looking-up-patients", "identity", "industry-work", "profile-disclaimer"),
)
"""The decisions each line speaks for, in the order they are drawn on: connections, messages, content."""

PER_LINE = 2
MAXIMS = PER_LINE * len(LINES)
"""Six maxims of two words: twelve words, as Timimi's."""
MAX_WORDS = 2 * MAXIMS


@record(frozen=True)
class Maxim:
    """One maxim of the short form, what explains it, and what it commits her to."""

    text: str
    gloss: str
    decision: str
    commits: Mapping[str, str]
    """The chosen option's commitments; {} for a varied maxim, which is true of every option."""


def title_case(maxim: str) -> str:
    """Title Case as Timimi writes it: "Don't pry" → "Don't Pry" (``str.title`` writes "Don'T")."""
    words = maxim.strip().rstrip(".;:").split()
    return " ".join(word[:1].upper() + word[1:] for word in words)


def _chosen(policy: Policy, decision: Decision) -> list[Option]:
    """Every option chosen for ``decision`` anywhere in the policy, each once, in the policy's order."""
    if decision.scope == "global":
        answers = [policy.global_decisions.get(decision.id)]
    elif decision.scope == "platform":
        answers = [e.decisions.get(decision.id) for e in policy.platforms.values()]
    else:
        answers = [
            a.decisions.get(decision.id) for e in policy.platforms.values() for a in e.accounts.values()
        ]
    found: list[Option] = []
    for answer in answers:
        option = decision.option(answer.choice) if answer else None
        if option and option not in found:
            found.append(option)
    return found


def maxim_for(policy: Policy, decision: Decision) -> Maxim | None:
    """The maxim a decision gives: its one chosen option's, or its varied maxim when accounts differ."""
    chosen = _chosen(policy, decision)
    if len(chosen) == 1:
        option = chosen[0]
        return Maxim(title_case(option.maxim), option.gloss, decision.id, option.commits)
    if len(chosen) > 1 and decision.varied_maxim:
        return Maxim(title_case(decision.varied_maxim), decision.varied_gloss, decision.id, {})
    return None


def contradicts(a: Maxim, b: Maxim, catalog: Catalog) -> bool:
    """Whether two maxims state commitments that one of the catalog's conflicts says do not sit together."""
    for conflict in catalog.conflicts.values():
        for x, y in ((a, b), (b, a)):
            if x.commits.get(conflict.first.key) in conflict.first.values and (
                y.commits.get(conflict.second.key) in conflict.second.values
            ):
                return True
    return False


def _candidates(policy: Policy, catalog: Catalog) -> list[list[Maxim]]:
    lines = []
    for decision_ids in LINES:
        found = []
        for decision_id in decision_ids:
            decision = catalog.decisions.get(decision_id)
            maxim = maxim_for(policy, decision) if decision else None
            if maxim and len(maxim.text.split()) == 2:
                found.append(maxim)
        lines.append(found)
    return lines


def _consistent(ordered: list[Maxim], catalog: Catalog) -> list[Maxim]:
    """The first six maxims, in preference order, that repeat and contradict nothing; fewer if none exist.

    A depth-first search that tries each maxim before leaving it out, so with
    no conflicts it simply takes the first six; a conflict drops only what it
    must (giving up "Open Door" can let two others stand).
    """
    best: list[Maxim] = []

    def search(start: int, chosen: list[Maxim]) -> bool:
        nonlocal best
        if len(chosen) > len(best):
            best = list(chosen)
        if len(chosen) == MAXIMS:
            return True
        if len(chosen) + len(ordered) - start <= len(best):
            return False  # cannot beat the best found so far
        for i in range(start, len(ordered)):
            m = ordered[i]
            if all(m.text.casefold() != c.text.casefold() and not contradicts(m, c, catalog) for c in chosen):
                chosen.append(m)
                if search(i + 1, chosen):
                    return True
                chosen.pop()
        return False

    search(0, [])
    return best


def _pick(policy: Policy, catalog: Catalog) -> tuple[list[list[Maxim]], int]:
    """The three lines (each up to two maxims), and how many maxims can stand together in all."""
    candidates = _candidates(policy, catalog)
    # Each line's first two first, then the rest: what fills a short line comes last.
    ordered = [m for found in candidates for m in found[:PER_LINE]]
    ordered += [m for found in candidates for m in found[PER_LINE:]]
    taken = _consistent(ordered, catalog)
    lines: list[list[Maxim]] = [[m for m in found if m in taken][:PER_LINE] for found in candidates]
    placed = [m for line in lines for m in line]
    spare = [m for m in ordered if m in taken and m not in placed]
    for line in lines:  # a short line is filled from the others' leftovers, in order
        while len(line) < PER_LINE and spare:
            line.append(spare.pop(0))
    return lines, len(taken)


def short_form_lines(policy: Policy, catalog: Catalog) -> list[tuple[str, str]]:
    """(maxim, gloss) for the six maxims of the generated short form, or [] when there are not six yet."""
    lines, count = _pick(policy, catalog)
    if count < MAXIMS:
        return []
    return [(m.text, m.gloss) for line in lines for m in line]


def maxims_needed(policy: Policy, catalog: Catalog) -> int:
    """How many more maxims (one per decision) the short form needs before it can be written."""
    return max(0, MAXIMS - _pick(policy, catalog)[1])


def needs_sentence(needed: int) -> str:
    """What a document says while the short form cannot be written yet."""
    more = "one more decision" if needed == 1 else f"{needed} more decisions"
    return f"No short form yet: it takes six maxims from six decisions, and needs {more}."


def in_rhythm(maxims: list[str]) -> str:
    """Pairs joined by ", ", pairs separated by " / "."""
    return " / ".join(", ".join(maxims[i : i + PER_LINE]) for i in range(0, len(maxims), PER_LINE))


def compose_short_form(policy: Policy, catalog: Catalog) -> str:
    """The short form the decisions give today: "" until six maxims can be drawn from them."""
    return in_rhythm([maxim for maxim, _ in short_form_lines(policy, catalog)])


def has_edit(policy: Policy) -> bool:
    """Whether the short form holds the clinician's own wording (an empty edit protects nothing)."""
    return policy.short_form.edited and bool(policy.short_form.text.strip())


def effective_short_form(policy: Policy, catalog: Catalog) -> str:
    """What documents show: the clinician's own wording if they wrote one, else the generated one."""
    return policy.short_form.text.strip() if has_edit(policy) else compose_short_form(policy, catalog)


@record(frozen=True)
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


def refresh_short_form(policy: Policy, catalog: Catalog, *, replace_edit: bool = False) -> ShortFormRefresh:
    """Bring ``policy.short_form`` up to date with the decisions, never replacing an edit unasked."""
    previous = policy.short_form.text
    generated = compose_short_form(policy, catalog)
    if has_edit(policy) and not replace_edit:
        # Nothing to ask when the clinician's wording already says what the decisions say.
        return ShortFormRefresh(previous, generated, kept_edit=previous.strip() != generated)
    policy.short_form.text = generated
    policy.short_form.edited = False
    return ShortFormRefresh(previous, generated, kept_edit=False)


# --- the "short" part ----------------------------------------------------------------------------------


def short_data(policy: Policy, catalog: Catalog) -> dict[str, object]:
    data: dict[str, object] = {"text": effective_short_form(policy, catalog), "edited": has_edit(policy)}
    if not has_edit(policy):
        data["maxims"] = [{"maxim": m, "gloss": g} for m, g in short_form_lines(policy, catalog)]
    return data


def write_short(policy: Policy, catalog: Catalog, w: Writer) -> None:
    text = effective_short_form(policy, catalog)
    if text:
        w.paragraph(text)
        if not has_edit(policy):
            w.bullets([(m + ": ", g) for m, g in short_form_lines(policy, catalog)])
        return
    if policy.is_empty:
        w.paragraph(
            "No short form yet: it is made from your decisions. To start, run ",
            code("clinician-compass"),
            " and answer the questions for the platforms you use.",
        )
        return
    w.paragraph(needs_sentence(maxims_needed(policy, catalog)))
