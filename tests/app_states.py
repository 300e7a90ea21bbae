"""Named app states, shared by the snapshot tests and ``scripts/screenshots.py``.

Each state builds an app over a policy folder of its own with fixed dates, and
says which keys bring it to the screen worth looking at.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from textual.pilot import Pilot

from clinician_compass.policy import store
from clinician_compass.policy.draft import Draft, save_draft
from clinician_compass.policy.model import Meta, Policy, Profile
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.walkthrough.clashes import clashes_if
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW
from clinician_compass.walkthrough.session import Session

TODAY = date(2026, 11, 22)
"""The day every state pretends it is, so pictures do not change with the calendar."""

WELCOME_PATH = Path("/home/clinician/.config/clinician-compass/policy.toml")
"""Shown on the welcome screen; never written, since that state answers nothing."""


SAMPLE_ANSWERS: dict[str | None, dict[str, str]] = {
    "x": {
        "account-purpose": "professional",
        "visibility": "public",
        "patient-connects": "accept",
        "following-patients": "never",
        "blocking": "abuse-only",
        "care-by-dm": "redirect",
        "care-in-public": "public-redirect",
        "profile-disclaimer": "views-own-no-advice",
    },
    "instagram": {
        "account-purpose": "personal",
        "visibility": "protected",
        "patient-connects": "decline-explain",
        "following-patients": "never",
        "blocking": "abuse-only",
        "care-by-dm": "redirect",
        "care-in-public": "redirect-privately",
        "profile-disclaimer": "none",
    },
    None: {
        "looking-up-patients": "never",
        "posting-about-patients": "deidentified-consent",
        "online-reviews": "offline-only",
        "identity": "named",
    },
}
"""A cautious UK nurse: X for work and in public, Instagram for family and locked."""

SAMPLE_NOTES = {
    ("instagram", "patient-connects"): "Unless we were friends before I cared for them.",
    ("x", "blocking"): "I mute first; I block for abuse or threats.",
}


def sample_policy() -> Policy:
    """A UK nurse's policy for two platforms, the shape a real one has after a walkthrough."""
    policy = Policy(
        profile=Profile("Alex Morgan", "nurse", "UK", "the surgery on 020 7946 0000 or the NHS App"),
        meta=Meta(
            created=date(2026, 3, 1),
            updated=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
            last_reviewed=date(2026, 3, 1),
            app_version="0.1.0",
        ),
    )
    for platform_id, answers in SAMPLE_ANSWERS.items():
        for decision_id, choice in answers.items():
            note = SAMPLE_NOTES.get((platform_id, decision_id), "")
            policy.set_answer(platform_id, decision_id, choice, note)
    policy.platforms["x"].accounts["professional"].handle = "@NurseAlexM"
    policy.platforms["instagram"].accounts["personal"].handle = "@alex.morgan.home"
    policy.short_form.text = "Keep it kind, Don't Pry / Redirect DMs"
    policy.short_form.edited = True  # in her own words, as many clinicians will want
    return policy


def two_accounts_draft() -> Policy:
    """A walkthrough nearly done: two X accounts with handles, a personal Facebook that accepts patients."""
    policy = Policy(
        profile=Profile("Alex Morgan", "nurse", "UK", "the surgery on 020 7946 0000"), meta=_fixed_meta()
    )
    policy.set_answer("x", "account-purpose", "separate", today=TODAY)
    for decision_id, choice in SAMPLE_ANSWERS["x"].items():
        if decision_id != "account-purpose":
            policy.set_answer("x", decision_id, choice, account="professional", today=TODAY)
    for decision_id, choice in SAMPLE_ANSWERS["instagram"].items():
        if decision_id not in ("account-purpose", "care-in-public"):
            policy.set_answer("x", decision_id, choice, account="personal", today=TODAY)
    policy.platforms["x"].accounts["professional"].handle = "@NurseAlexM"
    policy.platforms["x"].accounts["personal"].handle = "@AlexAtHome"
    policy.set_answer("facebook", "account-purpose", "personal", today=TODAY)
    policy.set_answer("facebook", "visibility", "friends", today=TODAY)
    policy.set_answer("facebook", "patient-connects", "accept", today=TODAY)
    for decision_id, choice in SAMPLE_ANSWERS[None].items():
        policy.set_answer(None, decision_id, choice, today=TODAY)
    return policy


def _fixed_meta() -> Meta:
    return Meta(created=date(2026, 3, 1), updated=datetime(2026, 3, 1, 9, 0, tzinfo=UTC), app_version="0.1.0")


KEPT_NOTE = "I keep both on purpose"
"""Her note when she keeps both sides of a conflict."""


def walked_through_again(paths: PolicyPaths, *, change_every_answer: bool = True) -> Session:
    """The walkthrough of a saved policy, done with the core ``Session`` and left at review, unsaved.

    What the Pilot stories reached by pressing Enter through every step (5–10 s each); the steps
    themselves are the whole-walkthrough stories' business. ``change_every_answer`` picks, at each
    decision, the option after the one chosen before (as pressing Down then Enter does), keeping both
    sides of any conflict with ``KEPT_NOTE``; otherwise every answer stays as it was. Handles stay.
    Opening the app over ``paths`` then offers "Resume" first on home: Enter shows review.
    A walkthrough already under way (a draft) is carried on from its step instead, as Enter would.
    """
    session = Session(paths)
    draft = session.open()
    if draft and draft.position not in (PROFILE, PLATFORMS):
        session.resume(draft)
        position = session.position
    else:
        session.begin()
        position = session.next_position(PLATFORMS)
    while position != REVIEW:
        plan = session.plan
        step = plan.steps[plan.index_of(position)]  # type: ignore[index]
        if not step.is_handles:
            ids = [o.id for o in plan.options(step)]
            before = plan.answer(step)
            at = ids.index(before.choice) if before and before.choice in ids else 0
            choice = ids[(at + 1) % len(ids)] if change_every_answer else ids[at]
            clashes = clashes_if(session, step, choice)
            kept = before.keeps if before and before.choice == choice else ()
            note = KEPT_NOTE if clashes else (before.note if before else "")
            session.answer(step, choice, note, keeps=(*kept, *(c.conflict.id for c in clashes)))
        position = session.next_position(step.position)
    session.move_to(REVIEW)
    return session


@dataclass(frozen=True)
class AppState:
    name: str
    build: Callable[[Path], CompassApp]
    keys: Callable[[Pilot], Awaitable[None]]


async def _nothing(pilot: Pilot) -> None:
    await pilot.pause()


def _fresh(folder: Path) -> CompassApp:
    return CompassApp(PolicyPaths(folder / "policy.toml"), today=TODAY)


def _welcome(folder: Path) -> CompassApp:
    return CompassApp(PolicyPaths(WELCOME_PATH), today=TODAY)


def left_unfinished(paths: PolicyPaths, position: str = REVIEW, notes: dict[str, str] | None = None) -> CompassApp:
    """The app over her walkthrough of X and Facebook (two accounts each) left at ``position``, with the
    notes she typed there unconfirmed: what the welcome (or home) offers to resume."""
    save_draft(Draft(two_accounts_draft(), position, ("x", "facebook"), notes or {}), paths)
    return CompassApp(paths, today=TODAY)


def _drafted(folder: Path) -> CompassApp:
    return left_unfinished(PolicyPaths(folder / "policy.toml"))


def _saved(folder: Path) -> CompassApp:
    paths = PolicyPaths(folder / "policy.toml")
    store.save(sample_policy(), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


async def to_first_decision(pilot: Pilot) -> None:
    """Welcome → profile → platforms (X and Instagram) → the first decision."""
    await pilot.press("enter")
    await pilot.press(*"Alex Morgan")
    await pilot.press("ctrl+n")
    await pilot.press("space", "down", "down", "space", "enter")
    await pilot.pause()


async def _to_handles(pilot: Pilot) -> None:
    """X with two accounts: both handles asked at once, the personal one not yet an X handle."""
    await to_first_decision(pilot)
    await pilot.press("down", "down", "down", "enter")  # "Two accounts here"
    await pilot.press(*"@NurseAlexM", "enter", *"alex.morgan.home")
    await pilot.pause()


async def _to_account_decision(pilot: Pilot) -> None:
    """The professional X account's first decision, its handle in the header."""
    await to_first_decision(pilot)
    await pilot.press("down", "down", "down", "enter")
    await pilot.press(*"@NurseAlexM", "enter", *"@AlexAtHome", "enter")
    await pilot.pause()


async def _to_conflict(pilot: Pilot) -> None:
    """A personal Facebook account, friends only, then Accept: the conflict with the account's purpose."""
    await pilot.press("enter", *"Alex Morgan", "ctrl+n")
    await pilot.press("down", "space", "enter")  # Facebook
    await pilot.press("enter", "enter")  # personal; no handle
    await pilot.press("down", "down", "enter")  # friends only
    await pilot.press("enter")  # accept
    await pilot.pause()


def _walked_again(folder: Path) -> CompassApp:
    """The saved policy walked through again, every answer kept (Enter at each step), not saved yet."""
    paths = PolicyPaths(folder / "policy.toml")
    store.save(sample_policy(), paths, expected_digest=None)
    walked_through_again(paths, change_every_answer=False)
    return CompassApp(paths, today=TODAY)


async def _to_review(pilot: Pilot) -> None:
    await pilot.press("enter")  # home: resume, at review
    await pilot.pause()


async def _to_policy(pilot: Pilot) -> None:
    await pilot.press("p")
    await pilot.pause()


async def _to_patients_tab(pilot: Pilot) -> None:
    await pilot.press("p", "right_square_bracket", "right_square_bracket")
    await pilot.pause()


async def _to_short_tab(pilot: Pilot) -> None:
    await pilot.press("p", "right_square_bracket")
    await pilot.pause()


async def _to_copy_picker(pilot: Pilot) -> None:
    """The Replies tab, and the picker of the one reply to copy."""
    await pilot.press("p")
    await pilot.pause()  # the full policy is drawn first, the slowest tab: on a busy machine keys outran it
    await pilot.press(*["right_square_bracket"] * 4, "c")
    await pilot.pause()


async def _to_export_dialog(pilot: Pilot) -> None:
    """The export dialog over the short form; the folder fixed so the picture does not vary by machine."""
    await pilot.press("p", "right_square_bracket", "e")
    await pilot.pause()
    pilot.app.screen.query_one("#export-folder").value = "/home/alex/Documents"  # type: ignore[attr-defined]
    await pilot.pause()


async def _to_setup_tab(pilot: Pilot) -> None:
    """The Set-up tab, its first setting ticked off today and the next one highlighted."""
    await pilot.press("p", *["right_square_bracket"] * 5)
    await pilot.pause()
    await pilot.press("space", "down")
    await pilot.pause()


async def _to_reference(pilot: Pilot) -> None:
    await pilot.press("ctrl+r", *"dm about my results")
    await pilot.pause()


POST_DRAFT = "Busy night on Ward 7 at St Mary's, a 94-year-old told me she'd never been in hospital before."
"""The draft the "Before you post" picture checks: the issue's own example."""


async def _to_post_check(pilot: Pilot) -> None:
    await pilot.press("ctrl+b")
    pilot.app.screen.query_one("#post-draft").insert(POST_DRAFT)  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.press("tab", "down")  # the first finding highlighted, its words selected in the draft
    await pilot.pause()


async def _to_keeping_both(pilot: Pilot) -> None:
    """The same conflict, keeping both: her note on why."""
    await _to_conflict(pilot)
    await pilot.press("k", *"Only school friends who later became my patients")
    await pilot.pause()


def _saved_with_draft(folder: Path) -> CompassApp:
    """A saved policy and a walkthrough left unfinished over it."""
    paths = PolicyPaths(folder / "policy.toml")
    store.save(sample_policy(), paths, expected_digest=None)
    return left_unfinished(paths)


async def _to_remove_instagram(pilot: Pilot) -> None:
    """Home → Remove a platform → untick Instagram → Enter: what goes, before anything goes."""
    await pilot.press("down", "down", "down", "enter")
    await pilot.press("down", "down", "space", "enter")
    await pilot.pause()


STATES = [
    AppState("welcome", _welcome, _nothing),
    AppState("profile", _fresh, lambda pilot: pilot.press("enter")),
    AppState("platforms", _fresh, lambda pilot: pilot.press("enter", *"Alex", "ctrl+n")),
    AppState("handles", _fresh, _to_handles),
    AppState("decision", _fresh, _to_account_decision),
    AppState("conflict", _fresh, _to_conflict),
    AppState("conflict-keep", _fresh, _to_keeping_both),
    AppState("review", _walked_again, _to_review),
    AppState("review-accounts", _drafted, lambda pilot: pilot.press("enter")),
    AppState("home", _saved, _nothing),
    AppState("policy", _saved, _to_policy),
    AppState("policy-short", _saved, _to_short_tab),
    AppState("policy-patients", _saved, _to_patients_tab),
    AppState("policy-setup", _saved, _to_setup_tab),
    AppState("copy-picker", _saved, _to_copy_picker),
    AppState("export-dialog", _saved, _to_export_dialog),
    AppState("reference", _saved, _to_reference),
    AppState("post-check", _saved, _to_post_check),
    AppState("start-again", _drafted, lambda pilot: pilot.press("s")),
    AppState("discard-draft", _saved_with_draft, lambda pilot: pilot.press("down", "enter")),
    AppState("remove-platform", _saved, _to_remove_instagram),
]
"""Every screen a clinician meets, in the order they meet them."""
