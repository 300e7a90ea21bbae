"""At 80×24, every decision on every platform shows the highlighted option's pros and cons without scrolling.

Checking every option of every step (88 steps, 296 options over all platforms) took about 25 s a size.
Two facts let the test check the worst case only, and the test asserts both rather than assuming them:

- a step's layout (question, situation, the option list) depends only on the decision and the options
  offered, so steps offering the same options for the same decision on another platform look the same;
- within a step the pros and cons panels keep their width whichever option is highlighted, so the option
  whose first pro or con wraps to the most rows at that width is the one that could be pushed off screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static

from clinician_compass.guidance.model import Option
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.screens.decision import DecisionScreen
from clinician_compass.tui.widgets.decision_detail import DecisionDetail
from clinician_compass.walkthrough.session import Session

STYLESHEET = Path(__file__).parents[1] / "src/clinician_compass/tui/app.tcss"


class OneDecision(App[None]):
    CSS_PATH = STYLESHEET

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def on_mount(self) -> None:
        self.push_screen(DecisionScreen(self.session, 0))


def every_platform(tmp_path: Path) -> Session:
    session = Session(PolicyPaths(tmp_path / "policy.toml"))
    session.begin()
    session.set_platforms(tuple(session.catalog.platforms))
    return session


def distinct_steps(session: Session) -> dict[tuple[str, tuple[str, ...]], list[int]]:
    """Each decision's steps grouped by the options offered: one step of a group is drawn as any other."""
    plan = session.plan
    groups: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for index, step in enumerate(plan.steps):
        if not step.is_handles:
            groups.setdefault((step.decision, tuple(o.id for o in plan.options(step))), []).append(index)
    return groups


def wrapped_rows(item: str, width: int) -> int:
    return len(Content.assemble(" + ", item).wrap(width))


def first_items_rows(option: Option, pros_width: int, cons_width: int) -> int:
    """Rows the first pro or con (whichever is taller) takes, wrapped as in the panels: the heading is one more."""
    return max(wrapped_rows(option.pros[0], pros_width), wrapped_rows(option.cons[0], cons_width))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_pros_and_cons_of_every_option_fit_without_scrolling(tmp_path: Path, size: tuple[int, int]) -> None:
    session = every_platform(tmp_path)
    groups = distinct_steps(session)
    plan = session.plan
    for (decision_id, _options), indexes in groups.items():  # the same step, whatever the platform
        steps = [plan.steps[i] for i in indexes]
        assert {plan.decision(s).question for s in steps} == {session.catalog.decisions[decision_id].question}
        assert all([o.label for o in plan.options(s)] == [o.label for o in plan.options(steps[0])] for s in steps)
    assert sum(map(len, groups.values())) > len(groups) * 3, "most steps repeat another's layout"

    app = OneDecision(session)
    worst = 0
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionScreen)
        for indexes in groups.values():
            screen.show_step(indexes[0])
            await pilot.pause()
            options = screen.query_one(OptionList)
            footer_top = screen.query_one(Footer).region.y
            assert options.region.bottom <= footer_top and options.max_scroll_y == 0, screen.step.position
            assert screen.query_one("#note", Input).region.bottom <= footer_top
            assert screen.query_one("#question", Static).region.y >= 0

            pros, cons = screen.query_one("#detail-pros", Static), screen.query_one("#detail-cons", Static)
            widths = pros.content_region.width, cons.content_region.width
            rows = [first_items_rows(option, *widths) for option in screen.options]
            tallest = rows.index(max(rows))  # every other option's first pro and con take no more rows
            options.highlighted = tallest
            await pilot.pause()
            option = screen.options[tallest]
            where = f"{screen.step.position}: {option.id} ({rows[tallest]} rows, the most of {rows})"
            assert (pros.content_region.width, cons.content_region.width) == widths, f"{where}: panels resized"
            detail = screen.query_one(DecisionDetail)
            visible = detail.content_region
            assert detail.scroll_y == 0, where
            assert visible.bottom <= footer_top, where
            assert pros.content_region.y >= visible.y, where
            bottom = pros.content_region.y + 1 + rows[tallest]  # below the heading line and the first bullet
            assert bottom <= visible.bottom, where
            worst = max(worst, bottom - visible.y)
    print(f"{size}: {len(groups)} distinct steps, tallest first pro/con ends {worst} rows into the detail")
