"""From home, one change takes only its own steps and is saved as soon as it is confirmed."""

from __future__ import annotations

from datetime import date

from app_states import TODAY, sample_policy
from clinician_compass.policy import store
from clinician_compass.policy.draft import load_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp


def screen_name(app: CompassApp) -> str:
    return type(app.screen).__name__


def saved_app(paths: PolicyPaths) -> CompassApp:
    store.save(sample_policy(), paths, expected_digest=None)
    return CompassApp(paths, today=TODAY)


async def pick_on_home(pilot, app: CompassApp, option_id: str) -> int:
    """Arrow down to ``option_id`` and press Enter, as she would; the number of keys pressed."""
    options = app.screen.query_one("#home-actions")
    ids = [o.id for o in options.options]
    steps = ids.index(option_id) - (options.highlighted or 0)
    await pilot.press(*["down"] * steps, "enter")
    await pilot.pause()
    return steps + 1


async def test_changing_the_contact_number_takes_only_the_profile(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert screen_name(app) == "ProfileScreen"
        app.screen.query_one("#contact").value = "the practice on 020 7946 1111"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
    saved = store.load(paths).policy
    assert saved.profile.practice_contact == "the practice on 020 7946 1111"
    assert saved.meta.last_reviewed == date(2026, 3, 1), "a change is not a yearly review"
    assert load_draft(paths) is None


async def test_changing_one_answer_saves_it_and_goes_back_home(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pick_on_home(pilot, app, "edit:x/professional/visibility")
        assert screen_name(app) == "DecisionScreen"
        assert app.screen.step.position == "x/professional/visibility"
        options = app.screen.options
        other = next(i for i, o in enumerate(options) if o.id != "public")
        app.screen.query_one("OptionList").highlighted = other
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
    saved = store.load(paths).policy
    assert saved.answer("x", "visibility", "professional").choice == options[other].id
    assert saved.answer("instagram", "visibility", "personal") == sample_policy().answer(
        "instagram", "visibility", "personal"
    ), "nothing else changed"


async def test_escape_on_an_edit_leaves_the_policy_and_no_draft(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        before = paths.policy.read_bytes()
        await pick_on_home(pilot, app, "edit:x/professional/visibility")
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
        options = [o.id for o in app.screen.query_one("#home-actions").options]
        assert "resume" not in options
    assert paths.policy.read_bytes() == before and load_draft(paths) is None


async def test_adding_linkedin_asks_only_linkedins_questions(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        assert screen_name(app) == "PlatformsScreen"
        await pilot.press("down", "down", "down", "down", "space", "enter")  # LinkedIn
        await pilot.pause()
        seen = []
        while screen_name(app) in ("DecisionScreen", "HandlesScreen", "ClashDialog"):
            if screen_name(app) == "ClashDialog":
                await pilot.press("k", *"on purpose", "enter")
            else:
                seen.append(app.screen.step.platform)
                await pilot.press("enter")
            await pilot.pause()
        assert seen and set(seen) == {"linkedin"}, "only LinkedIn's questions"
        assert screen_name(app) == "HomeScreen"
    saved = store.load(paths).policy
    assert list(saved.platforms) == ["x", "instagram", "linkedin"]
    assert saved.meta.last_reviewed == date(2026, 3, 1)


async def test_removing_instagram_lists_what_goes_and_asks_first(paths: PolicyPaths) -> None:
    app = saved_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pick_on_home(pilot, app, "remove-platform")
        await pilot.press("down", "down", "space", "enter")  # untick Instagram
        await pilot.pause()
        assert screen_name(app) == "ConfirmDialog"
        body = str(app.screen.body)
        assert "Instagram" in body and "@alex.morgan.home" in body and "answers" in body
        await pilot.press("n")
        assert screen_name(app) == "PlatformsScreen"
        assert "instagram" in store.load(paths).policy.platforms, "nothing removed on No"
        await pilot.press("enter", "y")
        await pilot.pause()
        assert screen_name(app) == "HomeScreen"
    assert list(store.load(paths).policy.platforms) == ["x"]
    assert len(store.history(paths)) >= 1, "the version before is in history"
