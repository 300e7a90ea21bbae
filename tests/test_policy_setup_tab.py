"""She sets her accounts up: the policy's Set-up tab lists each setting, and she ticks them off as she goes."""

from __future__ import annotations

import tomllib

from textual.widgets import OptionList, TabbedContent

from app_states import TODAY, sample_policy
from clinician_compass.documents.checklist import LOOK_FOR_WORDING
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.checklist import checklist_for
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from test_walkthrough import screen_name


def ticks_on_disk(paths: PolicyPaths) -> dict[str, dict]:
    """platform/account → its checklist table, as the file holds it."""
    data = tomllib.loads(paths.policy.read_text(encoding="utf-8"))
    found = {}
    for pid, entry in data.get("platforms", {}).items():
        for key, account in entry.get("accounts", {}).items():
            found[f"{pid}/{key}"] = account.get("checklist", {})
    return found


def rows(app: CompassApp) -> list[str]:
    options = app.screen.query_one("#setup-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def open_setup_tab(pilot, app: CompassApp) -> None:
    await pilot.press("enter")  # "Read, copy or export your policy"
    assert screen_name(app) == "PolicyScreen"
    app.screen.query_one(TabbedContent).active = "tab-checklist"
    await pilot.pause()
    app.screen.query_one("#setup-list", OptionList).focus()
    await pilot.pause()


async def test_she_ticks_a_setting_off_and_the_file_keeps_the_day_then_unticks_it(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    catalog = load_catalog()
    first = next(c for c in checklist_for(sample_policy(), catalog) if c.steps)
    step = first.steps[0].step
    where = f"{first.platform.id}/{first.account_key}"
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_setup_tab(pilot, app)
        shown = "\n".join(rows(app))
        assert first.platform.name in shown and step.title in shown
        assert "Not done yet." in shown
        footer = [b.description for _, b, enabled, _ in app.screen.active_bindings.values() if enabled and b.show]
        assert "Tick off" in footer, "the key is shown in the Footer"

        await pilot.press("space")
        await pilot.pause()
        assert ticks_on_disk(paths)[where] == {step.id: TODAY}
        assert "Done on 22 November 2026." in "\n".join(rows(app)), "the day she did it, in her country's style"

        await pilot.press("enter")  # Enter works as Space does: a tick made by mistake comes off
        await pilot.pause()
        assert ticks_on_disk(paths)[where] == {}
        assert "Done on" not in "\n".join(rows(app))


async def test_every_step_says_where_it_is_when_it_was_checked_and_warns_where_unverified(
    paths: PolicyPaths,
) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    catalog = load_catalog()
    steps = [item.step for c in checklist_for(sample_policy(), catalog) for item in c.steps]
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_setup_tab(pilot, app)
        shown = "\n".join(rows(app))
        for step in steps:
            assert step.title in shown
            assert step.confidence.label in shown
        unverified = [s for s in steps if s.confidence.name == "UNVERIFIED"]
        assert (LOOK_FOR_WORDING in shown) == bool(unverified)


async def test_a_tick_for_a_setting_her_answers_no_longer_call_for_is_dropped_when_she_saves(
    paths: PolicyPaths,
) -> None:
    from clinician_compass.walkthrough.session import Session

    catalog = load_catalog()
    store.save(sample_policy(), paths, expected_digest=None)
    session = Session(paths, catalog)
    session.open()
    first = next(c for c in checklist_for(session.saved, catalog) if c.steps)
    session.tick_step(first.platform.id, first.account_key, first.steps[0].step.id, True, today=TODAY)
    session.tick_step(first.platform.id, first.account_key, "no-such-setting-any-more", True, today=TODAY)
    session.begin()
    session.save(today=TODAY)
    kept = ticks_on_disk(paths)[f"{first.platform.id}/{first.account_key}"]
    assert kept == {first.steps[0].step.id: TODAY}


async def test_a_handle_that_looks_like_markup_is_shown_as_she_typed_it(paths: PolicyPaths) -> None:
    policy = sample_policy()
    policy.platforms["x"].accounts["professional"].handle = "[@click=app.quit]x[/]"
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_setup_tab(pilot, app)
        assert "[@click=app.quit]x[/]" in rows(app)[0]
        assert screen_name(app) == "PolicyScreen"
