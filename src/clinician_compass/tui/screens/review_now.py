"""Review now: first what the guidance changed since she decided, then the rest to confirm, then mark reviewed."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from clinician_compass.policy.errors import ConflictError, PolicyFileError, UnsafeLocationError
from clinician_compass.policy.review import Changed, next_review, review_due, review_order
from clinician_compass.tui.messages import EditStep
from clinician_compass.tui.text import heading, muted, plain
from clinician_compass.walkthrough.plan import Step
from clinician_compass.walkthrough.session import Session

REST = "review.rest"
"""The option id of the row that confirms every other answer at once."""


class ReviewList(OptionList):
    """The answers to review; Enter's footer entry says what it does here: change the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Change", id="review_now.open", tooltip="Open this answer to change it")]


class ReviewNowScreen(Screen[bool]):
    """The yearly review; dismisses with True once she has marked the policy reviewed.

    Enter on a changed answer posts ``EditStep`` (the app opens it and comes back here);
    ``k`` keeps it as it is, which confirms it: its ``decided`` date becomes today, so next
    year's review does not ask about the same check again. ``a`` confirms all the rest in
    one key; ``m`` saves ``last_reviewed`` through ``Session.mark_reviewed``.
    """

    DEFAULT_CSS = """
    ReviewNowScreen #review-now { padding: 0 1; }
    ReviewNowScreen #review-now-list { height: 1fr; }
    ReviewNowScreen #review-now-intro { margin-bottom: 1; }
    """

    BINDINGS = [
        Binding("enter", "open", "Change", show=False, tooltip="Open this answer to change it"),
        Binding("k", "keep", "Keep as is", id="review_now.keep", tooltip="Keep this answer: it counts as decided today"),
        Binding("a", "confirm_rest", "Confirm the rest", id="review_now.rest"),
        Binding("m", "mark_reviewed", "Mark reviewed", id="review_now.mark"),
        Binding("escape", "back", "Back", id="review_now.back"),
    ]

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__()
        self.session = session
        self._today = today
        """The app's today (fixed in tests and screenshots); None: the calendar's, read when she acts."""
        self.changed: list[Changed] = []
        self.rest: list[Step] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="review-now"):
            yield Static(heading("Yearly review"), classes="title")
            yield Static(id="review-now-intro")
            yield ReviewList(id="review-now-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_list()

    def on_screen_resume(self) -> None:
        self.refresh_list()  # back from changing an answer: it may no longer be "changed since"

    @property
    def today(self) -> date:
        """The day a kept answer and the review are dated with: the app's, so it agrees with "review due"."""
        return self._today or date.today()

    def _steps(self) -> list[Step]:
        return list(self.session.plan_of_saved().decision_steps)

    def refresh_list(self) -> None:
        policy = self.session.saved
        if policy is None:
            return
        steps = {(s.platform, s.decision, s.account): s for s in self._steps()}
        changed, rest = review_order(policy, self.session.catalog, list(steps))
        self.changed, self.rest = changed, [steps[w] for w in rest]
        plan = self.session.plan_of_saved()
        intro = (
            (
                f"{len(changed)} answers to look at first: their guidance or platform facts were checked after you decided. "
                if len(changed) != 1
                else "1 answer to look at first: its guidance or platform facts were checked after you decided. "
            )
            if changed
            else "Nothing you decided has been checked again since. "
        ) + (
            f"The review has been due since {next_review(policy).isoformat()}."
            if review_due(policy, self.today)
            else f"Next review due {next_review(policy).isoformat()}."
        )
        self.query_one("#review-now-intro", Static).update(plain(intro))
        options: list[Option] = []
        for item in changed:
            step = steps[(item.platform, item.decision, item.account)]
            options.append(Option(self._row(plan.where(step), step, item.reasons), id=step.position))
        if self.rest:
            count = len(self.rest)
            words = f"The other {count} answer{'s' if count != 1 else ''}: nothing changed since you decided"
            options.append(Option(Content.assemble((words, "bold"), "\n", muted("a confirms them all")), id=REST))
        option_list = self.query_one("#review-now-list", OptionList)
        option_list.clear_options()
        option_list.add_options(options or [Option(muted("Every answer is confirmed: m marks the policy reviewed"), id=REST)])
        option_list.highlighted = 0
        option_list.focus()

    def _row(self, where: str, step: Step, reasons: tuple[str, ...]) -> Content:
        policy = self.session.saved
        assert policy is not None
        decision = self.session.catalog.decisions[step.decision]
        answer = policy.answer(step.platform, step.decision, step.account)
        option = decision.option(answer.choice) if answer else None
        chosen = option.label if option else (answer.choice if answer else "not decided")
        head = Content.assemble((f"{where}: {decision.title}", "bold"), " — ", plain(chosen))
        why = [Content.assemble("  ", plain(r)) for r in reasons]
        return Content("\n").join([head, Content.styled("  Changed since you decided:", "$warning"), *why])

    def _current(self) -> Step | None:
        option_list = self.query_one("#review-now-list", OptionList)
        index = option_list.highlighted
        if index is None:
            return None
        position = option_list.get_option_at_index(index).id
        return Step.from_position(position) if position and position != REST else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == REST:
            self.action_confirm_rest()
        else:
            self.action_open()

    def action_open(self) -> None:
        step = self._current()
        if step is not None:
            self.post_message(EditStep(step.position))

    def action_keep(self) -> None:
        step = self._current()
        if step is not None and self._confirm([step]):
            self.notify("Kept as it is: it counts as decided today.", markup=False)

    def action_confirm_rest(self) -> None:
        if self.rest and self._confirm(self.rest):
            self.notify(f"{len(self.rest)} answers confirmed.", markup=False)

    def _confirm(self, steps: list[Step]) -> bool:
        try:
            self.session.confirm_answers(steps, self.today)
        except (ConflictError, PolicyFileError, UnsafeLocationError) as error:
            self.notify(str(error), severity="error", markup=False)
            return False
        self.refresh_list()
        return True

    def action_mark_reviewed(self) -> None:
        if self.changed:
            self.notify(
                f"{len(self.changed)} changed answer(s) first: Enter to change, k to keep.", severity="warning", markup=False
            )
            return
        try:
            self.session.mark_reviewed(self.today)
        except (ConflictError, PolicyFileError, UnsafeLocationError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        saved = self.session.saved
        assert saved is not None
        self.notify(f"Reviewed on {self.today.isoformat()}; next review {next_review(saved).isoformat()}.", markup=False)
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
