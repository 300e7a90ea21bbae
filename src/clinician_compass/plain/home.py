"""Home in plain mode: the one-screen summary, then numbered actions.

Reading and exporting use the same writers as ``clinician-compass export``,
the quick reference the same search and text as ``clinician-compass ref``.
"""

from __future__ import annotations

from pathlib import Path

from clinician_compass.documents.safe_text import one_line
from clinician_compass.plain.console import Console
from clinician_compass.plain.prompts import Picked, ask_text, choose, numbered
from clinician_compass.plain.review import answer_label, place
from clinician_compass.policy import store
from clinician_compass.policy.conflicts import find_conflicts
from clinician_compass.walkthrough.plan import Plan, Step
from clinician_compass.walkthrough.session import Session

PARTS = {
    "full": "Your full policy",
    "short": "The short form",
    "patients": "The statement for patients",
    "bios": "Profile lines (bios)",
    "scripts": "Reply scripts",
}
FORMATS = {"md": "Markdown (.md)", "txt": "Plain text (.txt)", "json": "JSON (.json)", "toml": "TOML (.toml)"}


def summary(console: Console, session: Session) -> None:
    from clinician_compass.documents import summary_text

    assert session.saved is not None
    console.say(summary_text(session.saved, session.catalog, policy_path=session.paths.policy))


def read_policy(console: Console, session: Session) -> None:
    from clinician_compass.documents import render

    part = _pick(console, "Which part do you want to read?", PARTS)
    if part is not None:
        assert session.saved is not None
        console.say(render(session.saved, session.catalog, format="txt", part=part).rstrip("\n"))


def export_policy(console: Console, session: Session) -> None:
    from clinician_compass.documents import render

    part = _pick(console, "Which part do you want to export?", PARTS)
    fmt = _pick(console, "In which format?", FORMATS) if part else None
    if part is None or fmt is None:
        return
    name = ask_text(console, f"The file to write, for example {part}.{fmt} [Enter: go back]", required=False)
    if not isinstance(name, str) or not name:
        return
    target = Path(name).expanduser()
    if target.is_dir():
        console.say(f"{target} is a folder; give a file name.")
        return
    if target.exists():
        choices = ["Replace it", "Leave it as it is"]
        console.say(f"{target} already exists.")
        console.lines(numbered(choices))
        picked = choose(console, choices)
        if not isinstance(picked, Picked) or picked.index != 0:
            return
    assert session.saved is not None
    text = render(session.saved, session.catalog, format=fmt, part=part)
    try:
        store.atomic_write(target, text.encode("utf-8"))
    except OSError as error:
        console.say(f"Could not write {target}: {error.strerror or error}")
        return
    console.say(f"Wrote {target}.")


def quick_reference(console: Console, session: Session) -> None:
    """What happened, in her words: the situation, what she decided, the guidance, a reply to copy."""
    from clinician_compass.reference import platform_in_query, search
    from clinician_compass.reference.text import format_hits

    catalog = session.catalog
    while True:
        query = ask_text(
            console,
            'Quick reference. What happened? For example "patient sent me a friend request" [Enter: go back]',
            required=False,
        )
        if not isinstance(query, str) or not query:
            return
        platform = platform_in_query(catalog, query)
        hits = search(catalog, query, limit=3, platform=platform)
        console.say(format_hits(hits, catalog, session.saved, platform, query).rstrip("\n"))


def conflicts(console: Console, session: Session) -> None:
    assert session.saved is not None
    plan = Plan(session.catalog, tuple(session.saved.platforms), session.saved)
    found = find_conflicts(session.saved, session.catalog)
    if not found:
        console.say("Your policy has no conflicts.")
        return
    for f in found:
        state = "kept on purpose" if f.kept else "open"
        console.say(f"{place(plan, f.where)}: {f.conflict.title} ({state}). {f.conflict.explain}")
        for decision_id in (f.first, f.second):
            step = _step(plan, f.where.platform, f.where.account, decision_id)
            answer = plan.answer(step)
            note = f' Your note: "{one_line(answer.note)}"' if answer and answer.note else ""
            console.say(f"  {plan.decision(step).title}: {answer_label(plan, step)}.{note}")
        console.say(f"  The guidance: {f.conflict.leans}")
    console.say("To change an answer, choose Review your answers.")


def _step(plan: Plan, platform: str, account: str, decision_id: str) -> Step:
    scope = plan.catalog.decisions[decision_id].scope
    if scope == "global":
        return Step(None, decision_id)
    return Step(platform, decision_id) if scope == "platform" else Step(platform, decision_id, account)


def _pick(console: Console, question: str, choices: dict[str, str]) -> str | None:
    ids = list(choices)
    labels = [*choices.values(), "None: go back"]
    console.say(question)
    console.lines(numbered(labels))
    picked = choose(console, labels)
    if isinstance(picked, Picked) and picked.index < len(ids):
        return ids[picked.index]
    return None
