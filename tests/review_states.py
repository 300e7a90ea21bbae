"""App states for the review, review-now and history screens (and help, which lists their keys),
shared by their snapshot tests and ``scripts/screenshots.py`` (beside ``app_states.STATES``).

Every date is fixed (answers, the reviews, history's saved times), so a picture is the same on any
day; history's times are shown in local time, so whoever takes the picture pins TZ=UTC.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from app_states import TODAY, AppState, sample_policy
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.draft import Draft, save_draft
from clinician_compass.policy.model import Policy
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.walkthrough.plan import REVIEW
from clinician_compass.walkthrough.session import Session

REVIEW_DAY = date(2027, 3, 2)
"""A year and a day after the sample policy's last review: Review now is due."""

STAMPS = ["20260301T090000000000Z", "20261130T140200000000Z", "20261201T101500000000Z"]
"""When history says each of the three saves was made."""


def dated(policy: Policy, day: date) -> Policy:
    """Every answer decided on ``day`` (set_answer dates them with the clock)."""
    for entry in policy.platforms.values():
        for answer in entry.decisions.values():
            answer.decided = day
        for account in entry.accounts.values():
            for answer in account.decisions.values():
                answer.decided = day
    for answer in policy.global_decisions.values():
        answer.decided = day
    return policy


def _due_with_a_change(folder: Path) -> CompassApp:
    """Her policy a year on; X's "who can see" was decided before its guidance was checked again."""
    paths = PolicyPaths(folder / "policy.toml")
    policy = dated(sample_policy(), date(2026, 11, 30))
    policy.platforms["x"].accounts["professional"].decisions["visibility"].decided = date(2026, 3, 1)
    store.save(policy, paths, expected_digest=None)
    return CompassApp(paths, today=REVIEW_DAY)


def _three_saves(folder: Path) -> CompassApp:
    """Saved in March; X made protected in November; a day later, LinkedIn added and a new contact number."""
    paths = PolicyPaths(folder / "policy.toml")
    policy = dated(sample_policy(), date(2026, 3, 1))
    digest = store.save(policy, paths, expected_digest=None)
    policy.set_answer("x", "visibility", "protected", account="professional", today=date(2026, 11, 30))
    digest = store.save(policy, paths, expected_digest=digest)
    session = Session(paths, load_catalog())
    session.open()
    session.begin()
    session.set_platforms(("x", "instagram", "linkedin"))
    session.working.profile.practice_contact = "the practice on 020 7946 1111"
    session.commit_edit()
    for kept, stamp in zip(sorted(store.history(paths)), STAMPS, strict=True):
        kept.rename(kept.with_name(f"{paths.policy.stem}-{stamp}.toml"))
    return CompassApp(paths, today=TODAY)


def _left_for_later(folder: Path) -> CompassApp:
    """A walkthrough at review with X blocking and Instagram care by DM left for later."""
    paths = PolicyPaths(folder / "policy.toml")
    policy = dated(sample_policy(), TODAY)
    policy.clear_answer("x", "blocking", "professional")
    policy.clear_answer("instagram", "care-by-dm", "personal")
    save_draft(Draft(policy, REVIEW, ("x", "instagram")), paths)
    return CompassApp(paths, today=TODAY)


def _saved(folder: Path) -> CompassApp:
    paths = PolicyPaths(folder / "policy.toml")
    store.save(dated(sample_policy(), date(2026, 3, 1)), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


async def _to_help(pilot: Pilot) -> None:
    await pilot.press("p", "f1")  # help over the policy view
    await pilot.pause()


async def _to_review_now(pilot: Pilot) -> None:
    await pilot.press("enter")  # home: Review now, offered first when it is due
    await pilot.pause()


async def _to_history(pilot: Pilot) -> None:
    await pilot.press("p", "h")  # the policy view, then its History key
    await pilot.pause()


async def _to_restore(pilot: Pilot) -> None:
    await _to_history(pilot)
    await pilot.press("down", "r")  # the version before, and restore it: asked first
    await pilot.pause()


async def _to_undecided(pilot: Pilot) -> None:
    await pilot.press("enter")  # welcome: resume the walkthrough, which was at review
    await pilot.pause()
    await pilot.press("u")  # the next one not decided yet
    await pilot.pause()


REVIEW_STATES = [
    AppState("review-now", _due_with_a_change, _to_review_now),
    AppState("history", _three_saves, _to_history),
    AppState("restore-version", _three_saves, _to_restore),
    AppState("review-undecided", _left_for_later, _to_undecided),
    AppState("help", _saved, _to_help),
]
"""The review and history screens as she meets them: from home, with her keys."""
