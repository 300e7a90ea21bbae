"""Every decision in one table; Enter on a row changes that answer, S saves the policy."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from clinician_compass.tui.messages import Back, SavePolicy
from clinician_compass.tui.text import heading, muted, plain_line
from clinician_compass.walkthrough.session import Session


class ReviewScreen(Screen[None]):
    """The last step: check every answer, change any one, then save."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="walkthrough.back", tooltip="The last decision"),
        Binding("s", "save", "Save policy", id="review.save", tooltip="Save these answers as your policy"),
        Binding(
            "ctrl+s",
            "app.save_and_quit",
            "Save & quit",
            id="walkthrough.save-quit",
            tooltip="Keep your answers as a draft and leave",
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        plan = self.session.plan
        answered = plan.answered(self.session.working)
        with Vertical(id="review"):
            yield Static(heading("Review your answers"), classes="title")
            yield Static(
                muted(
                    f"{answered} of {len(plan)} answered. Enter on a row changes it; S saves your policy."
                    + ("  * = changed since your saved policy." if self.session.saved else "")
                ),
                classes="hint",
            )
            yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "Where", "Decision", "Your answer", "Your note")
        changed = self.session.changed()
        working = self.session.working
        for step in self.session.plan.steps:
            decision = self.session.catalog.decisions[step.decision]
            platform = self.session.catalog.platforms.get(step.platform or "")
            answer = working.answer(step.platform, step.decision)
            option = decision.option(answer.choice) if answer else None
            label = option.label if option else (plain_line(answer.choice) if answer else "not decided yet")
            table.add_row(
                Content("*" if step in changed else ""),
                Content(platform.name if platform else "Everywhere"),
                Content(decision.title),
                Content.styled(label, "" if answer else "$warning"),
                Content(_short(plain_line(answer.note) if answer else "")),
                key=step.position,
            )
        table.focus()

    @on(DataTable.RowSelected)
    def _change(self, event: DataTable.RowSelected) -> None:
        self.app.return_to_review = True  # type: ignore[attr-defined]
        self.app.goto(str(event.row_key.value))  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.post_message(Back())

    def action_save(self) -> None:
        self.post_message(SavePolicy())


def _short(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
