"""Every decision in one table; Enter on a row changes that answer, S saves the policy.

What is still undecided ("decide later") is listed first, after any open conflicts, and
U walks through it one row at a time, as C does for conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from clinician_compass.policy.conflicts import open_conflicts
from clinician_compass.policy.model import ACCOUNT_PURPOSE
from clinician_compass.tui.messages import Back, Goto, SavePolicy
from clinician_compass.tui.text import heading, muted, plain_line
from clinician_compass.walkthrough.clashes import jump_target
from clinician_compass.walkthrough.plan import HANDLES, Plan, Step, account_title
from clinician_compass.walkthrough.session import Session


class ReviewTable(DataTable[Text]):
    """Her answers; Enter's footer entry says what it does here: change the highlighted one."""

    BINDINGS = [Binding("enter", "select_cursor", "Change", id="review.change", tooltip="Change this answer")]


class ReviewScreen(Screen[None]):
    """The last step: check every answer, change any one, then save."""

    BINDINGS = [
        Binding("escape", "back", "Back", id="walkthrough.back", tooltip="The last decision"),
        Binding("s", "save", "Save policy", id="review.save", tooltip="Save these answers as your policy"),
        Binding(
            "c", "next_conflict", "Conflicts", id="review.conflict", tooltip="The next conflict to settle"
        ),
        Binding(
            "u",
            "next_undecided",
            "Undecided",
            id="review.undecided",
            tooltip="The next answer not decided yet",
        ),
        Binding(
            "ctrl+s",
            "app.save",
            "Save",
            show=False,
            id="review.save-ctrl",
            tooltip="Save these answers as your policy",
        ),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._filled_for = 0
        """The table width the columns were laid out for; a resize to another width lays them out again."""
        self.targets: dict[str, str | None] = {}
        """Row key → the position Enter on it opens (None for a heading that opens nothing)."""
        self.conflict_rows: list[int] = []
        self.undecided_rows: list[int] = []
        """The rows under "Not decided yet", in order: what U moves through."""
        self._placed = False

    def compose(self) -> ComposeResult:
        plan = self.session.plan
        conflicts = open_conflicts(self.session.working, self.session.catalog)
        summary = f"{plan.answered()} of {len(plan.decision_steps)} answered"
        undecided = len(plan.undecided())
        if undecided:
            summary += f", {undecided} not decided yet (u)"
        if conflicts:
            summary += (
                f", {len(conflicts)} {'conflict' if len(conflicts) == 1 else 'conflicts'} to settle (c)"
            )
        with Vertical(id="review"):
            yield Static(heading("Review your answers"), classes="title")
            yield Static(
                muted(
                    f"{summary}. Enter changes the highlighted row; s saves your policy."
                    + ("  * = changed since your saved policy." if self.session.saved else "")
                ),
                classes="hint",
            )
            yield ReviewTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self._fill(table.size.width or self.app.size.width)
        table.focus()

    def on_resize(self, event: events.Resize) -> None:
        table = self.query_one(DataTable)
        if table.columns and table.size.width and table.size.width != self._filled_for:
            self._fill(table.size.width)

    def _fill(self, width: int) -> None:
        """Lay the table out for ``width`` cells: fixed columns, rows that wrap, nothing cut off.

        Open conflicts come first, then what is not decided yet, then every
        answer, under a row for each platform and each account (with its handle).
        """
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        self._filled_for = width
        self.targets.clear()
        self.conflict_rows.clear()
        self.undecided_rows.clear()
        widths = _column_widths(width, table.cell_padding)
        for label, column_width in zip(("", "Decision", "Your answer", "Your note"), widths, strict=True):
            table.add_column(label, width=column_width)
        for row in self._rows():
            key = f"row-{len(self.targets)}"
            self.targets[key] = row.target
            if row.mark == "!":
                self.conflict_rows.append(table.row_count)
            elif row.mark == "?":
                self.undecided_rows.append(table.row_count)
            table.add_row(*row.cells(), key=key, height=None)
        if not self._placed:  # first laid out: on the first row Enter can open, not on a heading
            self._placed = True
            cursor = next((i for i, target in enumerate(self.targets.values()) if target), 0)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1))
        self.refresh_bindings()  # "Next conflict" and "To decide" show only when there is one

    def _rows(self) -> list[Row]:
        session, plan = self.session, self.session.plan
        catalog, working = session.catalog, session.working
        rows: list[Row] = []
        conflicts = open_conflicts(working, catalog)
        if conflicts:
            rows.append(
                Row.heading("Conflicts to settle", "Enter: change one answer, or keep both with a note")
            )
        for found in conflicts:
            target = jump_target(found, plan)
            where = plan.group_name(Step(found.where.platform, "", found.where.account))
            pair = " / ".join(
                _said(plan, Step(found.where.platform, d, found.where.account))
                for d in (found.first, found.second)
            )
            rows.append(
                Row("!", found.conflict.title, plain_line(where), pair, target.position if target else None)
            )
        undecided = plan.undecided()
        if undecided:
            rows.append(Row.heading("Not decided yet", "Enter: decide it now (u: the next one)"))
        for step in undecided:
            rows.append(
                Row(
                    "?",
                    catalog.decisions[step.decision].title,
                    plain_line(plan.group_name(step)),
                    "",
                    step.position,
                )
            )
        changed = session.changed()
        group: tuple[str | None, str | None] | None = None
        for step in plan.steps:
            if (step.platform, step.account) != group and not (
                step.is_handles and group == (step.platform, None)
            ):
                group = (step.platform, step.account)
                rows.append(self._group_row(step))
            if step.is_handles:
                continue
            decision = catalog.decisions[step.decision]
            answer = plan.answer(step)
            option = decision.option(answer.choice) if answer else None
            label = option.label if option else (plain_line(answer.choice) if answer else "not decided yet")
            if answer and answer.review:
                label += " (copied from your one account: check it)"
            rows.append(
                Row(
                    "*" if step in changed else "",
                    decision.title,
                    label,
                    _short(plain_line(answer.note)) if answer else "",
                    step.position,
                    italic=answer is None,
                )
            )
        return rows

    def _group_row(self, step: Step) -> Row:
        """The heading over a platform, one of its accounts (with the handle), or the decisions asked once."""
        plan = self.session.plan
        if step.platform is None:
            return Row.heading("Everywhere", "asked once for all your accounts", step.position)
        platform = plan.platform(step)
        assert platform is not None
        if step.account is None:
            return Row.heading(platform.short_name, "", step.position)
        account = self.session.working.platforms[step.platform].accounts.get(step.account)
        handle = plain_line(account.handle) if account and account.handle else "no handle given"
        title = account_title(platform, step.account)
        return Row.heading(title, handle, f"{step.platform}/{HANDLES}")

    @on(DataTable.RowSelected)
    def _change(self, event: DataTable.RowSelected) -> None:
        target = self.targets.get(str(event.row_key.value))
        if target is not None:  # a heading has nowhere to go
            self._open(target)

    def _open(self, position: str) -> None:
        """Show one step; once it is answered (or left for later again) she is back here."""
        self.post_message(Goto(position, from_review=True))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_conflict":
            return bool(self.conflict_rows)
        if action == "next_undecided":
            return bool(self.undecided_rows)
        return True

    def action_next_conflict(self) -> None:
        """Move to the next open conflict (round again after the last)."""
        self._next(self.conflict_rows)

    def action_next_undecided(self) -> None:
        """Move to the next answer not decided yet (round again after the last)."""
        self._next(self.undecided_rows)

    def _next(self, marked: list[int]) -> None:
        table = self.query_one(DataTable)
        later = [r for r in marked if r > table.cursor_row]
        rows = later or marked
        if rows:
            table.move_cursor(row=rows[0])

    def action_back(self) -> None:
        self.post_message(Back())

    def action_save(self) -> None:
        self.post_message(SavePolicy())


def _column_widths(width: int, padding: int) -> tuple[int, int, int, int]:
    """Mark, decision, answer, note: the text columns share what the table has, note narrowest."""
    text = max(width - 4 * 2 * padding - 1 - 2, 40)  # four padded columns, the mark, a scrollbar
    decision = text * 3 // 10
    answer = text * 4 // 10
    return 1, decision, answer, text - decision - answer


def _said(plan: Plan, step: Step) -> str:
    """ "Who can see your posts: Public", for one side of a conflict."""
    decision = plan.catalog.decisions.get(step.decision)
    if decision is None:
        return step.decision
    if decision.scope == "global":
        step = Step(None, step.decision)
    elif step.decision == ACCOUNT_PURPOSE:
        step = Step(step.platform, step.decision)
    answer = plan.answer(step)
    option = decision.option(answer.choice) if answer else None
    if option is None:
        options = decision.options_for(plan.platform(step))
        option = options[0] if len(options) == 1 else None
    return f"{decision.title}: {option.label if option else 'not decided'}"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the review table: a heading (platform, account, section) or an answer."""

    mark: str
    decision: str
    answer: str
    note: str
    target: str | None
    """The position Enter opens."""
    italic: bool = False
    bold: bool = False

    @classmethod
    def heading(cls, title: str, aside: str, target: str | None = None) -> Row:
        return cls("", title, aside, "", target, bold=True)

    def cells(self) -> tuple[Text, Text, Text, Text]:
        style = "bold" if self.bold else ("italic" if self.italic else "")
        mark_style = {"!": "bold yellow", "?": "bold"}.get(self.mark, "")
        return (
            Text(self.mark, style=mark_style),
            Text(self.decision, style="bold" if self.bold or self.mark == "!" else ""),
            Text(self.answer, style=style if not self.bold else ""),
            Text(self.note),
        )


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
