"""Story: what she left for later is listed on the review screen; U reaches each, Enter decides it there."""

from __future__ import annotations

from textual.widgets import DataTable

from app_states import TODAY, sample_policy
from clinician_compass.policy import store
from clinician_compass.policy.draft import Draft, save_draft
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.app import CompassApp
from clinician_compass.walkthrough.plan import REVIEW


def left_for_later(paths: PolicyPaths) -> None:
    """Her walkthrough at review, X blocking and Instagram care by DM left for later (and, as in her
    saved policy, the newer question on industry work never answered)."""
    policy = sample_policy()
    policy.clear_answer("x", "blocking", "professional")
    policy.clear_answer("instagram", "care-by-dm", "personal")
    save_draft(Draft(policy, REVIEW, ("x", "instagram")), paths)


def screen_name(app: CompassApp) -> str:
    return type(app.screen).__name__


def highlighted(app: CompassApp) -> tuple[str, str, str]:
    table = app.screen.query_one(DataTable)
    mark, decision, where, _note = (str(cell) for cell in table.get_row_at(table.cursor_row))
    return mark, decision, where


def undecided(app: CompassApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
    return [f"{row[2]}: {row[1]}" for row in rows if row[0] == "?"]


def summary(app: CompassApp) -> str:
    return str(app.screen.query_one(".hint").render())


async def test_review_lists_what_is_undecided_and_u_then_enter_decides_each(paths: PolicyPaths) -> None:
    left_for_later(paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # resume the walkthrough: it was at review
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        assert "3 not decided yet (u)" in summary(app)
        assert undecided(app)[:2] == [
            "X · professional @NurseAlexM: Blocking patients",
            "Instagram · personal @alex.morgan.home: Care questions by DM",
        ]
        assert len(undecided(app)) == 3
        footer = [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show]
        assert "Undecided" in footer, "the key is in the footer while something is undecided"

        assert highlighted(app)[1] == "Blocking patients", "the cursor starts on the first one to decide"
        await pilot.press("u")
        assert highlighted(app)[1] == "Care questions by DM"
        await pilot.press("u", "u")
        assert highlighted(app)[1] == "Blocking patients", "round again after the last"

        await pilot.press("enter")  # decide X blocking now
        await pilot.pause()
        assert screen_name(app) == "DecisionScreen"
        assert app.screen.step.position == "x/professional/blocking"
        await pilot.press("enter")  # the highlighted option
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen", "deciding it brings her back to review, not to the next step"
        assert undecided(app)[0] == "Instagram · personal @alex.morgan.home: Care questions by DM"
        assert "2 not decided yet (u)" in summary(app)

        assert highlighted(app)[1] == "Care questions by DM", "back on the next one to decide"
        await pilot.press("enter")  # look, and leave it for later again
        await pilot.pause()
        assert app.screen.step.position == "instagram/personal/care-by-dm"
        await pilot.press("l")
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        assert undecided(app)[0] == "Instagram · personal @alex.morgan.home: Care questions by DM"

        await pilot.press("s")
        await pilot.pause()
    saved = store.load(paths).policy
    assert saved.answer("x", "blocking", "professional") is not None
    assert saved.answer("instagram", "care-by-dm", "personal") is None, "left for later: nothing chosen"


async def test_with_everything_decided_review_has_no_undecided_key(paths: PolicyPaths) -> None:
    policy = sample_policy()
    policy.set_answer(None, "industry-work", "no-paid-work")
    save_draft(Draft(policy, REVIEW, ("x", "instagram")), paths)
    app = CompassApp(paths, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        assert undecided(app) == [] and "not decided yet" not in summary(app)
        footer = [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show]
        assert "Undecided" not in footer
