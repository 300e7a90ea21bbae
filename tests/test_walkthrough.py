"""A clinician walks through the app with the keyboard alone."""

from __future__ import annotations

import asyncio
import errno
import os
import tomllib
from datetime import date

import pytest
from textual import events
from textual.widgets import DataTable, Footer, Input, OptionList

from app_states import TODAY, sample_policy, to_first_decision, walked_through_again
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import store
from clinician_compass.policy.draft import load_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.walkthrough.plan import Plan, Step
from hostile import MARKUP as HOSTILE  # the markup strings; hostile.HOSTILE has every kind


def screen_name(app: CompassApp) -> str:
    return type(app.screen).__name__


WALKING = ("DecisionScreen", "HandlesScreen", "ClashDialog")
"""The screens of the walkthrough between the platforms and review."""

KEPT_NOTE = "I keep both on purpose"


def app_catalog():  # noqa: ANN201 - the packaged catalog
    from clinician_compass.guidance import load_catalog

    return load_catalog()


async def answer_until_review(pilot, app: CompassApp, *, pick_second: bool = True) -> list[tuple[str, str]]:
    """Answer every decision (the second option where there is one), leave handles as they are, keep
    both sides of any conflict with a note; return the (position, choice) pairs answered."""
    chosen: list[tuple[str, str]] = []
    while screen_name(app) in WALKING:
        screen = app.screen
        if screen_name(app) == "HandlesScreen":
            await pilot.press("enter")
        elif screen_name(app) == "ClashDialog":
            await pilot.press("k", *KEPT_NOTE, "enter")
        else:
            if pick_second and len(screen.options) > 1:
                await pilot.press("down")
            option_list = screen.query_one(OptionList)
            chosen.append((screen.step.position, screen.options[option_list.highlighted].id))
            await pilot.press("enter")
        await pilot.pause()
    return chosen


async def test_a_first_walkthrough_for_two_platforms_ends_in_a_saved_policy(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        assert screen_name(app) == "WelcomeScreen"
        await pilot.press("enter")
        assert screen_name(app) == "ProfileScreen"
        await pilot.press(*"Sam Patel", "enter")  # name, then on to the role
        app.screen.query_one("#contact", Input).value = "the surgery on 020 7946 0000"
        await pilot.press("ctrl+n")
        assert screen_name(app) == "PlatformsScreen"
        await pilot.press("space", "down", "down", "space", "enter")  # X and Instagram
        assert screen_name(app) == "DecisionScreen"
        chosen = await answer_until_review(pilot, app)
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("s")
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"

    saved = store.load(paths).policy
    assert saved.profile.display_name == "Sam Patel"
    assert saved.profile.practice_contact == "the surgery on 020 7946 0000"
    assert list(saved.platforms) == ["x", "instagram"]
    for position, choice in chosen:
        step = Step.from_position(position)
        assert saved.answer(step.platform, step.decision, step.account).choice == choice, position
    plan = Plan(load_catalog(), ("x", "instagram"), saved)
    assert len(chosen) == len(plan.decision_steps), "every question was asked once"
    assert not paths.draft.exists(), "a saved walkthrough leaves no draft behind"


async def test_escape_goes_back_and_keeps_the_answer(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_decision(pilot)
        first = app.screen.step
        await pilot.press("down", "enter")
        assert app.screen.step != first
        await pilot.press("escape")
        assert app.screen.step == first
        option_list = app.screen.query_one(OptionList)
        assert option_list.highlighted == 1, "the earlier answer is highlighted again"
        assert "chosen" in str(option_list.get_option_at_index(1).prompt)


async def test_after_a_crash_the_next_start_resumes_exactly_where_they_were(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_decision(pilot)
        await pilot.press("down", "enter", "enter")
        where = app.screen.step.position
    # The app never got to save: like a crash or Ctrl+C, only the autosaved draft is left.
    assert not paths.policy.exists()
    assert load_draft(paths).position == where

    again = CompassApp(paths, today=TODAY)
    async with again.run_test(size=(100, 30)) as pilot:
        assert screen_name(again) == "WelcomeScreen"
        await pilot.press("enter")  # "Resume where I left off" has the focus
        assert screen_name(again) == "DecisionScreen"
        assert again.screen.step.position == where
        assert again.session.platforms == ("x", "instagram")


async def test_a_second_walkthrough_is_prefilled_and_marks_what_changed(paths: PolicyPaths) -> None:
    policy = sample_policy()
    for decision in app_catalog().global_decisions():  # every decision answered, so only her change is new
        if decision.id not in policy.global_decisions:
            policy.set_answer(None, decision.id, decision.options[0].id)
    store.save(policy, paths, expected_digest=None)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        assert screen_name(app) == "HomeScreen"
        await pilot.press("w")
        assert app.screen.query_one("#name", Input).value == "Alex Morgan"
        await pilot.press("ctrl+n", "enter")
        await pilot.press("enter")  # X's account purpose as it was
        await pilot.press("enter")  # the handle as it was
        await pilot.pause()
        screen = app.screen
        step = screen.step
        saved_choice = policy.answer(step.platform, step.decision, step.account).choice
        ids = [o.id for o in screen.options]
        assert screen.query_one(OptionList).highlighted == ids.index(saved_choice)
        # Change only this answer, keep the rest.
        new_index = (ids.index(saved_choice) + 1) % len(ids)
        screen.query_one(OptionList).highlighted = new_index
        await pilot.press("enter")
        await pilot.pause()
    walked_through_again(paths, change_every_answer=False)  # every other answer kept, as Enter would
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # resume, at review
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        table = app.screen.query_one(DataTable)
        changed = [
            str(table.get_row_at(i)[1]) for i in range(table.row_count) if str(table.get_row_at(i)[0]) == "*"
        ]
        assert changed == [app.session.catalog.decisions[step.decision].title]


async def test_review_jumps_to_one_decision_and_comes_back(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    walked_through_again(paths, change_every_answer=False)  # the walk itself is other stories' business
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # resume, at review
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("down", "down", "down", "enter")  # a decision under X's account
        assert screen_name(app) == "DecisionScreen"
        await pilot.press("enter")
        assert screen_name(app) == "ReviewScreen", "answering a jumped-to decision returns to review"


async def test_the_layout_follows_the_terminal_size_mid_walkthrough(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await to_first_decision(pilot)
        step = app.screen.step
        assert not app.screen.has_class("-narrow")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.has_class("-narrow") and app.screen.step == step
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert screen_name(app) == "TooSmallScreen"
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen" and app.screen.step == step
        await pilot.press("enter")
        assert app.screen.step != step, "the walkthrough carries on after growing again"


async def test_markup_typed_as_a_name_or_note_is_kept_as_plain_text(paths: PolicyPaths) -> None:
    name = " ".join(HOSTILE)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        app.screen.query_one("#name", Input).value = name
        await pilot.press("ctrl+n", "space", "enter")
        await pilot.press("ctrl+e")
        app.screen.query_one("#note", Input).value = name + " \\"
        await pilot.press("enter")  # confirms the highlighted option with the note
        await pilot.pause()
    walked_through_again(paths)  # the rest of the steps, with the core: what she typed is in the draft
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")  # resume, at review
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        table = app.screen.query_one(DataTable)
        notes = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert any(n == name + " \\" or n.startswith(name[:40]) for n in notes), "the note is shown as typed"
        await pilot.press("s")
        await pilot.pause()
        assert app.is_running, "no markup in the text was acted on"
    saved = tomllib.loads(paths.policy.read_text(encoding="utf-8"))
    assert saved["profile"]["display_name"] == name
    assert saved["platforms"]["x"]["decisions"]["account-purpose"]["note"] == name + " \\"


async def test_save_and_quit_keeps_the_draft(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_decision(pilot)
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
    assert app.return_value == 0
    assert load_draft(paths) is not None and not paths.policy.exists()


async def test_help_opens_with_f1_and_closes_with_escape(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        assert screen_name(app) == "HelpScreen"
        await pilot.press("escape")
        assert screen_name(app) == "WelcomeScreen"


async def test_a_damaged_policy_file_is_shown_and_never_overwritten(paths: PolicyPaths) -> None:
    paths.policy.parent.mkdir(parents=True)
    paths.policy.write_text("schema_version = 1\n[profile\nname = 'x'\n", encoding="utf-8")
    before = paths.policy.read_bytes()
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen_name(app) == "DamagedFileScreen"
        text = str(app.screen.query_one("#damaged-error").render())
        assert str(paths.policy) in text and "line 2" in text
        await pilot.press("q")
    assert paths.policy.read_bytes() == before


async def test_home_says_when_a_review_is_due(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)  # last reviewed 2026-03-01
    app = CompassApp(paths, today=date(2027, 3, 2))
    async with app.run_test(size=(80, 24)):
        assert "Review due" in str(app.screen.query_one("#home-facts").render())
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)):
        assert "next review by 2027-03-01" in str(app.screen.query_one("#home-facts").render())




def horizontal_scrollbars(app: CompassApp) -> list[str]:
    """Widgets on the current screen that would need scrolling sideways to read (the Footer scrolls by design)."""
    return [
        repr(w) for w in app.screen.query("*") if w.show_horizontal_scrollbar and not isinstance(w, Footer)
    ]


async def test_a_whole_walkthrough_fits_a_60_by_20_terminal(paths: PolicyPaths) -> None:
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        seen = []
        await to_first_decision(pilot)
        while screen_name(app) in WALKING:
            seen.append(screen_name(app))
            assert not horizontal_scrollbars(app), f"{app.session.position}: {horizontal_scrollbars(app)}"
            if screen_name(app) == "ClashDialog":
                await pilot.press("k", *KEPT_NOTE)
                assert not horizontal_scrollbars(app)
            await pilot.press("enter")
            await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("s")
        await pilot.pause()
        assert screen_name(app) == "PolicyScreen"
        assert not horizontal_scrollbars(app)
    assert len(seen) > 5 and paths.policy.exists()


async def test_a_full_disk_mid_walkthrough_warns_once_and_loses_nothing(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = CompassApp(paths, today=TODAY)
    real_replace = os.replace

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await to_first_decision(pilot)
        monkeypatch.setattr(os, "replace", disk_full)
        await pilot.press("down", "enter", "enter")  # the account purpose and the handle, the disk full
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen", "the walkthrough goes on"
        warnings = [n for n in app._notifications if n.title == "Answers not kept on disk"]
        assert len(warnings) == 1 and "disk is full" in warnings[0].message

        await pilot.press("ctrl+s")  # save & quit cannot keep the draft: the app stays open and says so
        await pilot.pause()
        assert app.is_running
        assert any(n.title == "Could not keep your answers" for n in app._notifications)

        monkeypatch.setattr(os, "replace", real_replace)
        await pilot.press("enter")  # the disk has room again: the next answer keeps everything
        await pilot.pause()
        step = app.screen.step
    draft = load_draft(paths)
    assert draft is not None and draft.position == step.position
    x = draft.policy.platforms["x"]
    assert x.use == "professional" and "visibility" in x.accounts["professional"].decisions, (
        "the answers given while the disk was full are kept"
    )


@pytest.mark.parametrize("turns", [0, 1, 2, 5])
async def test_keys_pressed_faster_than_the_screen_updates_never_answer_the_wrong_decision(
    paths: PolicyPaths, turns: int
) -> None:
    """The decision screen is reused from step to step: a late Enter must not land on the next one."""
    catalog = load_catalog()
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await to_first_decision(pilot)
        for _ in range(4):
            app.post_message(events.Key("down", None))
            app.post_message(events.Key("enter", "\r"))
            for _ in range(turns):
                await asyncio.sleep(0)
        await pilot.pause()
    wrong = [
        (platform, decision, answer.choice)
        for platform, entry in app.session.working.platforms.items()
        for answers in (entry.decisions, *(a.decisions for a in entry.accounts.values()))
        for decision, answer in answers.items()
        if catalog.decisions[decision].option(answer.choice) is None
    ]
    assert not wrong


async def test_quitting_while_the_disk_refuses_the_draft_warns_first(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await to_first_decision(pilot)
        monkeypatch.setattr(os, "replace", disk_full)
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "the first Ctrl+Q warns instead of losing the answers"
        assert any(n.title == "Your answers could not be kept" for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running, "the second Ctrl+Q quits, as the warning says"
