"""Help names every key a screen shows in its footer, under that screen (or under "Everywhere").

Read from the screens' own BINDINGS, so a key added to a screen and not to help fails here.
"""

from __future__ import annotations

import re

import pytest
from textual.binding import Binding

from clinician_compass.tui.app import CompassApp
from clinician_compass.tui.screens.clash_dialog import ClashDialog
from clinician_compass.tui.screens.decision import DecisionScreen
from clinician_compass.tui.screens.handles import HandlesScreen
from clinician_compass.tui.screens.help import SCREEN_SECTIONS, SECTIONS, HelpScreen
from clinician_compass.tui.screens.history import HistoryScreen
from clinician_compass.tui.screens.home import HomeScreen
from clinician_compass.tui.screens.platforms import PlatformsScreen
from clinician_compass.tui.screens.policy_view import PolicyScreen
from clinician_compass.tui.screens.post_check import PostCheckScreen
from clinician_compass.tui.screens.profile import ProfileScreen
from clinician_compass.tui.screens.reference import ReferenceScreen
from clinician_compass.tui.screens.review import ReviewScreen
from clinician_compass.tui.screens.review_now import ReviewNowScreen

WHERE = {
    "Everywhere": [CompassApp],
    "Home": [HomeScreen],
    "Walking through": [DecisionScreen, ProfileScreen, HandlesScreen, PlatformsScreen, ClashDialog],
    "Review screen (the walkthrough's last step)": [ReviewScreen],
    "Your policy": [PolicyScreen],
    "Yearly review (Review now)": [ReviewNowScreen],
    "History": [HistoryScreen],
    "Quick reference": [ReferenceScreen],
    "Before you post": [PostCheckScreen],
}
"""Each help section and the screens whose keys it explains."""

HIDDEN_BUT_ASKED = {("Your policy", "left_square_bracket"), ("Home", "c"), ("Everywhere", "ctrl+q")}
"""Keys kept out of the footer for room, which help must still name."""

NAMES = {
    "escape": "Escape",
    "enter": "Enter",
    "space": "Space",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "ctrl+down": "Ctrl+↓",
    "ctrl+up": "Ctrl+↑",
}


def shown_as(key: str) -> str:
    """The key as help writes it: ``ctrl+s`` as Ctrl+S, ``right_square_bracket`` as ], ``k`` as k."""
    if key in NAMES:
        return NAMES[key]
    if key.startswith("ctrl+"):
        return "Ctrl+" + key.removeprefix("ctrl+").upper()
    return key.upper() if key.startswith("f") and key[1:].isdigit() else key


def named_in(section: str) -> set[str]:
    """Every key named in a section's left column ("] / [", "s or Ctrl+S", "↑ ↓ PageDown")."""
    keys = dict(SECTIONS)[section]
    return {part for key, _ in keys for part in re.split(r" / | or |\s+(?=\S)", key)}


def footer_keys(owner: type) -> list[tuple[str, Binding]]:
    return [
        (key, binding)
        for binding in owner.BINDINGS
        if isinstance(binding, Binding)
        for key in binding.key.split(",")
    ]


def test_every_section_is_checked_against_a_screen() -> None:
    assert [title for title, _ in SECTIONS] == list(WHERE)


@pytest.mark.parametrize("section", list(WHERE))
def test_help_names_each_key_the_screen_shows(section: str) -> None:
    def named(owner: type, key: str) -> set[str]:
        return named_in(section) | named_in("Everywhere")

    missing = [
        f"{owner.__name__}: {shown_as(key)} ({binding.description})"
        for owner in WHERE[section]
        for key, binding in footer_keys(owner)
        if (binding.show or (section, key) in HIDDEN_BUT_ASKED) and shown_as(key) not in named(owner, key)
    ]
    assert not missing, f"help's {section!r} section does not name: {missing}"


def test_the_help_dialog_closes_with_its_own_keys() -> None:
    keys = {key for key, _ in footer_keys(HelpScreen)}
    assert {"escape", "f1", "question_mark"} <= keys


def test_each_screen_opens_help_at_its_own_section() -> None:
    for section, owners in WHERE.items():
        for owner in owners:
            if owner is not CompassApp:
                assert SCREEN_SECTIONS[owner.__name__] == section


async def test_help_over_the_policy_view_starts_with_the_policy_views_keys(paths) -> None:
    from app_states import sample_policy
    from clinician_compass.policy import store

    store.save(sample_policy(), paths, expected_digest=None)
    app = CompassApp(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = [str(s.render()) for s in app.screen.query(".help-section")]
        assert sections[:2] == ["Your policy", "Everywhere"]
        assert len(sections) == len(SECTIONS)
