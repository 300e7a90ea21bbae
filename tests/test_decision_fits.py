"""At 80×24, every decision on every platform shows the highlighted option's pros and cons without scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static

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


def first_item_bottom(panel: Static, item: str) -> int:
    """The screen row just below the first bullet (after the heading line), as wrapped in ``panel``."""
    width = panel.content_region.width
    rows = len(Content.assemble(" + ", item).wrap(width))
    return panel.content_region.y + 1 + rows


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_pros_and_cons_of_every_option_fit_without_scrolling(tmp_path: Path, size: tuple[int, int]) -> None:
    session = every_platform(tmp_path)
    steps = [i for i, s in enumerate(session.plan.steps) if not s.is_handles]
    app = OneDecision(session)
    worst = 0
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DecisionScreen)
        for index in steps:
            screen.show_step(index)
            await pilot.pause()
            options = screen.query_one(OptionList)
            footer_top = screen.query_one(Footer).region.y
            assert options.region.bottom <= footer_top and options.max_scroll_y == 0, screen.step.position
            assert screen.query_one("#note", Input).region.bottom <= footer_top
            assert screen.query_one("#question", Static).region.y >= 0
            for number, option in enumerate(screen.options):
                options.highlighted = number
                await pilot.pause()
                detail = screen.query_one(DecisionDetail)
                visible = detail.content_region
                where = f"{screen.step.position}: {option.id}"
                assert detail.scroll_y == 0, where
                assert visible.bottom <= footer_top, where
                pros, cons = screen.query_one("#detail-pros", Static), screen.query_one("#detail-cons", Static)
                assert pros.content_region.y >= visible.y, where
                bottom = max(first_item_bottom(pros, option.pros[0]), first_item_bottom(cons, option.cons[0]))
                assert bottom <= visible.bottom, where
                worst = max(worst, bottom - visible.y)
    print(f"{size}: {len(steps)} steps, tallest first pro/con ends {worst} rows into the detail")
