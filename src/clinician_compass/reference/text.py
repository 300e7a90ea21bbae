"""The quick reference as plain text, for ``clinician-compass ref``."""

from __future__ import annotations

import textwrap

from clinician_compass.documents.scripts import SUGGESTION
from clinician_compass.guidance.model import OWN_SUGGESTION_LABEL, Catalog
from clinician_compass.policy.model import Policy
from clinician_compass.reference.answers import answers_for, situation_guidance
from clinician_compass.reference.search import CLOSEST, Hit, nothing_fits

WIDTH = 78


def _wrap(text: str, indent: str = "   ") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def format_hits(
    hits: list[Hit], catalog: Catalog, policy: Policy | None, platform: str | None, query: str
) -> str:
    if not hits:
        return (
            f'Nothing matched "{query}". Try fewer or plainer words, such as '
            '"friend request", "dm results", "review", "block", "tagged" or "photo".\n'
        )
    out: list[str] = []
    if nothing_fits(hits):
        out.append(f'Nothing in the guidance fits "{query}" well. The closest situations:')
        out.append("")
        hits = hits[:CLOSEST]
    for number, hit in enumerate(hits, 1):
        ref = answers_for(hit, catalog, policy, platform)
        situation = hit.situation
        out.append(f"{number}. {situation.title}")
        out.append("   Your policy says:")
        if policy is None:
            out.append("     (no policy yet: run clinician-compass to make one)")
        elif not ref.answers:
            out.append("     (add a platform where this applies to decide it)")
        for answer in ref.answers:
            where = f"{answer.platform_name} · {answer.decision_title}"
            line = f"{where}: {answer.label}" + (f' ("{answer.note}")' if answer.note else "")
            out += _wrap(line, "     ")
        ordered = situation_guidance(situation, catalog, policy)
        if situation.own_suggestion:
            out.append(f"   {OWN_SUGGESTION_LABEL}")
        else:
            out.append("   What the guidance says:")
        out += _wrap(situation.guidance, "     ")
        if ordered.absence:
            out += _wrap(ordered.absence, "     ")
        for item in ordered.items:
            if item.home and item.says and item.source.id not in situation.sources:
                out += _wrap(f"{item.label} — {item.says}", "     ")
        labels = [f"{i.label} {i.source.year}" + (f" ({i.note})" if i.note else "") for i in ordered.items]
        out += _wrap("Sources: " + "; ".join(labels), "     ")
        if platform:
            facts = catalog.platforms[platform].facts
            topics = {t for d in situation.decisions for t in catalog.decisions[d].facts}
            for topic in [t for t in facts if t in topics]:
                fact = facts[topic]
                name = catalog.platforms[platform].name
                out += _wrap(
                    f"{name}: {fact.text} (checked {fact.checked} · {fact.confidence.label})", "     "
                )
        replies = ref.replies
        if len(replies) > 1:  # her accounts call for different replies: each under its account's name
            for where, text in replies:
                out.append(f"   A reply you can copy on {where}:")
                out += _wrap(text, "     ")
        elif ref.script_text:
            if ref.suggested:
                out += _wrap(SUGGESTION, "   ")
            out.append("   A reply you can copy:")
            out += _wrap(ref.script_text, "     ")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
