"""The command palette: her decisions open themselves, situations open the quick reference,
and only the actions that make sense where she is are offered."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from app_states import TODAY, sample_policy, to_first_decision
from clinician_compass.policy import store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.tui.screens.decision import DecisionScreen
from clinician_compass.tui.screens.reference import ReferenceScreen


async def palette_offers(pilot: Pilot, typed: str) -> list[str]:
    """The titles the palette lists after she types ``typed`` (it searches in a worker)."""
    await pilot.press("ctrl+p", *typed)
    await pilot.pause(0.5)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    options = palette.query_one(OptionList)
    prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    return [prompt.split("\n", 1)[0] for prompt in prompts]  # the title, without its help line


async def test_while_walking_the_palette_opens_that_decision_not_the_quick_reference(tmp_path) -> None:
    app = CompassApp(PolicyPaths(tmp_path / "policy.toml"), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)  # X and Instagram, at X's first decision
        offered = await palette_offers(pilot, "instagram who can see")
        assert offered and offered[0].startswith("Instagram") and "Who can see your posts" in offered[0]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionScreen)
        assert (screen.step.platform, screen.step.decision) == ("instagram", "visibility")


async def test_a_situation_in_the_palette_opens_the_quick_reference_at_it(tmp_path) -> None:
    app = CompassApp(PolicyPaths(tmp_path / "policy.toml"), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)
        offered = await palette_offers(pilot, "friend request")
        assert any("friend request" in title.lower() for title in offered)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReferenceScreen)
        assert "friend request" in str(app.screen.query_one("#results", OptionList).get_option_at_index(0).prompt).lower()


async def test_saving_is_offered_only_while_she_walks_through(tmp_path) -> None:
    paths = PolicyPaths(tmp_path / "policy.toml")
    store.save(sample_policy(), paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        offered = await palette_offers(pilot, "save policy")  # home, her policy saved
        assert "Save policy" not in offered
    app = CompassApp(PolicyPaths(tmp_path / "fresh.toml"), today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)
        assert "Save policy" in await palette_offers(pilot, "save policy")


async def test_with_nothing_typed_the_palette_lists_what_she_can_do_here(tmp_path) -> None:
    paths = PolicyPaths(tmp_path / "policy.toml")
    store.save(sample_policy(), paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        options = app.screen.query_one(OptionList)
        listed = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        for title in ("Quick reference", "Before you post", "Help", "Quit"):
            assert any(title in item for item in listed), title
        assert not any("Save policy" in item for item in listed)


async def test_the_details_scroll_keys_are_in_the_footer_and_scroll_the_details(tmp_path) -> None:
    app = CompassApp(PolicyPaths(tmp_path / "policy.toml"), today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_first_decision(pilot)
        shown = {b.key: b for _, b, enabled, _ in app.screen.active_bindings.values() if b.show}
        assert "ctrl+down" in shown and shown["ctrl+down"].key_display == "^↓^↑"
        detail = app.screen.query_one("#detail")
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert detail.scroll_y > 0
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert detail.scroll_y == 0
