"""Which platforms you use: a multi-select with one line on each."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, SelectionList, Static
from textual.widgets.selection_list import Selection

from clinician_compass.guidance.model import Catalog
from clinician_compass.tui.bindings import BACK, SAVE_AND_QUIT
from clinician_compass.tui.messages import PlatformsChosen
from clinician_compass.tui.text import heading, muted


class PlatformsScreen(Screen[None]):
    """Pick the platforms to walk through; the answers for each follow."""

    BINDINGS = [
        BACK,
        Binding(
            "enter",
            "next",
            "Continue",
            priority=True,
            id="walkthrough.next",
            tooltip="Walk through these platforms",
        ),
        SAVE_AND_QUIT,
    ]

    def __init__(self, catalog: Catalog, chosen: tuple[str, ...]) -> None:
        super().__init__()
        self.catalog = catalog
        self.chosen = chosen

    def compose(self) -> ComposeResult:
        with Vertical(id="platforms"):
            yield Static(heading("Which platforms do you use?"), classes="title")
            yield Static(
                muted("Space ticks a platform; Enter goes on. You can add or remove them later."),
                classes="hint",
            )
            yield SelectionList[str](
                *(
                    Selection(
                        Content.assemble((p.name, "bold"), "  ", (p.blurb, "$text-muted")),
                        p.id,
                        p.id in self.chosen,
                    )
                    for p in self.catalog.platforms.values()
                ),
                id="platform-list",
            )
            yield Static("", id="platform-blurb")
            yield Static("", id="platform-warning")
        yield Footer(compact=True)

    @on(SelectionList.SelectionHighlighted, "#platform-list")
    def _describe(self, event: SelectionList.SelectionHighlighted) -> None:
        """The highlighted platform's whole line, which a narrow list cuts short."""
        platform = self.catalog.platforms[event.selection.value]
        self.query_one("#platform-blurb", Static).update(
            Content.assemble((platform.name, "bold"), ": ", platform.blurb)
        )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @property
    def selected(self) -> tuple[str, ...]:
        picked = set(self.query_one(SelectionList).selected)
        return tuple(pid for pid in self.catalog.platforms if pid in picked)

    def action_next(self) -> None:
        if not self.selected:
            self.query_one("#platform-warning", Static).update(
                Content.styled("Tick at least one platform with Space.", "$warning")
            )
            return
        self.post_message(PlatformsChosen(self.selected))

    def action_back(self) -> None:
        self.post_message(PlatformsChosen(self.selected, then_back=True))
