"""Every decision in one table; Enter on a row changes that answer, S saves the policy."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
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
        self._filled_for = 0
        """The table width the columns were laid out for; a resize to another width lays them out again."""

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
        self._fill(table.size.width or self.app.size.width)
        table.focus()

    def on_resize(self, event: events.Resize) -> None:
        table = self.query_one(DataTable)
        if table.columns and table.size.width and table.size.width != self._filled_for:
            self._fill(table.size.width)

    def _fill(self, width: int) -> None:
        """Lay the table out for ``width`` cells: fixed columns, rows that wrap, nothing cut off."""
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        self._filled_for = width
        catalog, working = self.session.catalog, self.session.working
        widths = _column_widths(width, table.cell_padding)
        for label, column_width in zip(
            ("", "Where", "Decision", "Your answer", "Your note"), widths, strict=True
        ):
            table.add_column(label, width=column_width)
        changed = self.session.changed()
        for step in self.session.plan.steps:
            decision = catalog.decisions[step.decision]
            platform = catalog.platforms.get(step.platform or "")
            answer = working.answer(step.platform, step.decision)
            option = decision.option(answer.choice) if answer else None
            label = option.label if option else (plain_line(answer.choice) if answer else "not decided yet")
            table.add_row(
                Text("*" if step in changed else ""),
                Text(platform.short_name if platform else "Everywhere"),
                Text(decision.title),
                Text(label, style="" if answer else "italic"),
                Text(_short(plain_line(answer.note)) if answer else ""),
                key=step.position,
                height=None,
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))

    @on(DataTable.RowSelected)
    def _change(self, event: DataTable.RowSelected) -> None:
        self.app.return_to_review = True  # type: ignore[attr-defined]
        self.app.goto(str(event.row_key.value))  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.post_message(Back())

    def action_save(self) -> None:
        self.post_message(SavePolicy())


def _column_widths(width: int, padding: int) -> tuple[int, int, int, int, int]:
    """Mark, where, decision, answer, note: the text columns share what the table has, note narrowest."""
    text = max(width - 5 * 2 * padding - 1 - 2, 40)  # five padded columns, the mark, a scrollbar
    where = min(12, text // 6)
    decision = (text - where) * 3 // 10
    answer = (text - where) * 4 // 10
    return 1, where, decision, answer, text - where - decision - answer


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
