"""One decision: the question, the options, and a panel that follows the highlighted option."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize, ScreenResume
from textual.widgets import Footer, Input, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option as ListOption

from clinician_compass.tui.bindings import BACK, SAVE_AND_QUIT
from clinician_compass.tui.messages import Advance, Back, ChangeEarlier, DecideLater, KeepTyping
from clinician_compass.tui.screens.clash_dialog import CHANGE_EARLIER, KEEP_BOTH, ClashAnswer, ClashDialog
from clinician_compass.tui.screens.confirm import ConfirmDialog
from clinician_compass.tui.screens.layout import NARROW_WIDTH, StacksWhenNarrow
from clinician_compass.tui.widgets.decision_detail import DecisionDetail
from clinician_compass.tui.widgets.plain_input import PlainInput
from clinician_compass.walkthrough.clashes import Clash, clashes_if
from clinician_compass.walkthrough.navigation import accounts_lost_if
from clinician_compass.walkthrough.session import Session


class DecisionScreen(StacksWhenNarrow):
    """Answer one decision; Enter confirms the highlighted option and goes on.

    Narrow (80×24 included) the panels stack and the option list and note lose their
    borders, so the highlighted option's pros and cons still fit without scrolling.
    """

    DEFAULT_CSS = """
    DecisionScreen {
        #decision-top { height: auto; padding: 0 1; }
        #progress-line { height: 1; }
        #progress-text { width: auto; color: $text-muted; margin-right: 2; }
        #progress-bar { width: 1fr; }
        #progress-bar Bar { width: 1fr; }
        #question { margin-top: 1; }
        #situation { color: $text-muted; }
        #decision-body { height: 1fr; }
        #choices { width: 45%; height: 100%; padding: 0 1; }
        #options { height: auto; max-height: 1fr; }
        #note { margin-top: 1; }
        /* Side by side the situation sits under the question; stacked, it follows pros and cons. */
        #detail-situation { display: none; }
    }
    DecisionScreen.-narrow {
        #detail-situation { display: block; }
        #situation { display: none; }
        #question { margin-top: 0; }
        #decision-body { layout: vertical; }
        #choices { width: 100%; height: auto; padding: 0; }
        #options { max-height: 8; }
        #note { margin-top: 0; padding: 0 1; }
        #detail { width: 100%; height: 1fr; border-left: none; border-top: hkey $panel; }
        #detail:focus { border-left: none; border-top: hkey $accent; }
    }
    """

    BINDINGS = [
        BACK,
        SAVE_AND_QUIT,
        Binding(
            "l",
            "decide_later",
            "Decide later",
            id="decision.decide-later",
            tooltip="Leave this decision open and go on; home and review list it",
        ),
        Binding("ctrl+e", "focus_note", "Note", id="decision.note", tooltip="Write why, in your own words"),
        Binding(
            "ctrl+o",
            "focus_options",
            "Options",
            show=False,
            id="decision.options",
            tooltip="Back to the list of options",
        ),
        Binding(
            "ctrl+d",
            "focus_detail",
            "Details",
            show=False,
            id="decision.detail",
            tooltip="Scroll the guidance and platform facts",
        ),
        # Ctrl+arrows: Page Up/Down move in the option list and plain arrows in the note.
        Binding(
            "ctrl+down",
            "scroll_detail(1)",
            "Details",
            key_display="^↓^↑",
            id="decision.detail-down",
            tooltip="Scroll the details down: guidance, platform facts, a real case",
        ),
        Binding(
            "ctrl+up",
            "scroll_detail(-1)",
            "Back up",
            show=False,  # one footer entry for both: "^↓^↑ Details"
            key_display="^↑",
            id="decision.detail-up",
            tooltip="Scroll the details up, back to the pros and cons",
        ),
    ]

    def __init__(self, session: Session, index: int) -> None:
        super().__init__()
        self.session = session
        self._load_step(index)

    def _load_step(self, index: int) -> None:
        session = self.session
        self.index = index
        self._confirmed = False
        plan = session.plan
        self.step = plan.steps[index]
        self.decision = plan.decision(self.step)
        self.platform = plan.platform(self.step)
        self.progress = plan.progress(index)
        self.options = plan.options(self.step)
        """What can be chosen here: what the platform can do and what earlier answers allow."""
        self.previous = plan.answer(self.step)
        step = self.step
        saved = session.saved.answer(step.platform, step.decision, step.account) if session.saved else None
        self.saved_choice = saved.choice if saved else None

    def show_step(self, index: int) -> None:
        """Move to another decision in place: far cheaper than a new screen (no new Footer, no restyling)."""
        self._load_step(index)
        self.query_one("#progress-text", Static).update(Content(str(self.progress)))
        self.query_one("#question", Static).update(Content.styled(self.decision.question, "bold"))
        self.query_one("#situation", Static).update(Content(self.decision.situation))
        self.query_one("#note", Input).value = self.session.note_for(self.step)
        self.query_one(DecisionDetail).show_decision(self.decision, self.platform)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._option_items())
        self._highlight_and_focus()

    def compose(self) -> ComposeResult:
        profile = self.session.working.profile
        with Vertical(id="decision-top"):
            with Horizontal(id="progress-line"):
                yield Static(Content(str(self.progress)), id="progress-text")
                yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="progress-bar")
            yield Static(Content.styled(self.decision.question, "bold"), id="question")
            yield Static(Content(self.decision.situation), id="situation")
        with Horizontal(id="decision-body"):
            with Vertical(id="choices"):
                yield OptionList(*self._option_items(), id="options")
                yield PlainInput(
                    self.session.note_for(self.step),
                    placeholder="Your own words (optional): why, or when you'd make an exception",
                    id="note",
                )
            yield DecisionDetail(
                self.decision,
                self.platform,
                self.session.catalog,
                profile.role,
                profile.jurisdiction,
                id="detail",
            )
        yield Footer(compact=True)

    def _option_items(self) -> list[ListOption]:
        items = []
        for option in self.options:
            marks = []
            if self.previous and self.previous.choice == option.id:
                marks.append(("  ✓ chosen", "$success"))
                if self.previous.review:  # one account became two: each copy waits for her to confirm it
                    marks.append(("  (copied from your one account: Enter confirms it)", "$warning"))
            if self.saved_choice == option.id and (not self.previous or self.previous.choice != option.id):
                marks.append(("  (saved policy)", "$text-muted"))
            items.append(ListOption(Content.assemble(option.label, *marks), id=option.id))
        return items

    def on_mount(self) -> None:
        self._highlight_and_focus()

    def on_resize(self, event: Resize) -> None:
        self._fit(event.size.width < NARROW_WIDTH)

    def on_screen_resume(self, event: ScreenResume) -> None:
        self._fit(self.app.size.width < NARROW_WIDTH)

    def _fit(self, narrow: bool) -> None:
        """Stacked, borders would cost four lines the pros and cons need."""
        self.set_class(narrow, "-narrow")
        self.query_one(OptionList).compact = narrow
        self.query_one("#note", Input).compact = narrow

    def _highlight_and_focus(self) -> None:
        self.query_one(ProgressBar).update(progress=self.progress.overall)
        options = self.query_one(OptionList)
        chosen = self.previous.choice if self.previous else None
        ids = [o.id for o in self.options]
        options.highlighted = ids.index(chosen) if chosen in ids else 0
        options.scroll_home(animate=False)
        options.focus()

    def _current(self, event: OptionList.OptionMessage) -> bool:
        """Whether ``event`` is about this step's list: the screen is reused between steps, and a
        message sent before the last ``show_step`` may arrive after it. Its option would then be
        saved as the answer to the wrong decision (option ids repeat across decisions)."""
        options = self.query_one(OptionList)
        index = event.option_index
        return 0 <= index < options.option_count and options.get_option_at_index(index) is event.option

    @on(OptionList.OptionHighlighted, "#options")
    def _follow(self, event: OptionList.OptionHighlighted) -> None:
        option = self.decision.option(event.option.id or "")
        if option and self._current(event):
            self.query_one(DecisionDetail).show_option(option)

    @on(OptionList.OptionSelected, "#options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if self._current(event):
            self._confirm(event.option.id or "")

    @on(Input.Submitted, "#note")
    def _note_done(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._confirm(self.options[options.highlighted].id)

    @on(Input.Changed, "#note")
    def _keep_note(self, event: Input.Changed) -> None:
        """Her note as she types it (the field has the focus: not a step being shown) goes to the draft."""
        if event.input.has_focus:
            self.post_message(KeepTyping(self.step, event.value))

    def _confirm(self, option_id: str) -> None:
        if self._confirmed:
            return  # a second Enter before the next step is shown would answer this step twice
        self._confirmed = True
        note = self.query_one("#note", Input).value
        same = self.previous is not None and self.previous.choice == option_id
        kept = self.previous.keeps if self.previous is not None and same else ()
        lost = accounts_lost_if(self.session.working, self.session.plan, self.step, option_id)
        if lost:
            self._ask_to_drop(lost, option_id, note, kept)
        else:
            self._check_clashes(option_id, note, kept)

    def _ask_to_drop(self, lost: list[str], option_id: str, note: str, keeps: tuple[str, ...]) -> None:
        """Two accounts becoming one drops the other's handle and answers: she says yes first."""
        step_index = self.index

        def decided(yes: bool | None) -> None:
            if step_index != self.index:
                return  # the screen moved on meanwhile
            if yes:
                self._check_clashes(option_id, note, keeps)
            else:
                self._confirmed = False  # both accounts stay, nothing recorded
                self.query_one(OptionList).focus()

        name = self.platform.short_name if self.platform else "this platform"
        self.app.push_screen(ConfirmDialog.one_account(name, lost), decided)

    def _check_clashes(self, option_id: str, note: str, kept: tuple[str, ...]) -> None:
        clashes = clashes_if(self.session, self.step, option_id)
        if clashes:
            self._ask(clashes, option_id, note, kept)
        else:
            self._record(option_id, note, kept)

    def _record(self, option_id: str, note: str, keeps: tuple[str, ...]) -> None:
        self.session.answer(self.step, option_id, note, keeps=keeps)
        self.post_message(Advance(self.step.position))

    def _ask(
        self, clashes: list[Clash], option_id: str, note: str, keeps: tuple[str, ...], number: int = 0
    ) -> None:
        """One dialog per conflict; keeping every one records the answer with all their ids and her note."""
        clash = clashes[number]
        option = self.decision.option(option_id)
        now = f"{self.decision.title} ({self.progress.group}): {option.label if option else option_id}"
        step_index = self.index

        def decided(answer: ClashAnswer | None) -> None:
            if step_index != self.index:
                return  # the screen moved on meanwhile (a jump from the palette)
            if answer is None or answer.action not in (KEEP_BOTH, CHANGE_EARLIER):
                self._confirmed = False  # back to the options, nothing recorded
                self.query_one(OptionList).focus()
            elif answer.action == CHANGE_EARLIER:
                earlier = next(e.step for e in clash.earlier if e.step is not None)
                self.session.answer(self.step, option_id, note, keeps=keeps)
                self.post_message(ChangeEarlier(earlier.position, after=self.step.position))
            elif number + 1 < len(clashes):
                self._ask(clashes, option_id, answer.note, (*keeps, clash.conflict.id), number + 1)
            else:
                self._record(option_id, answer.note, (*keeps, clash.conflict.id))

        self.app.push_screen(ClashDialog(clash, now, note=note, number=number + 1, of=len(clashes)), decided)

    def action_back(self) -> None:
        note = self.query_one("#note", Input).value.strip()
        if self.previous and note != self.previous.note:
            self.session.answer(self.step, self.previous.choice, note, keeps=self.previous.keeps)
        self.post_message(Back())

    def action_decide_later(self) -> None:
        self.post_message(DecideLater(self.step))

    def action_focus_options(self) -> None:
        self.query_one(OptionList).focus()

    def action_focus_note(self) -> None:
        self.query_one("#note", Input).focus()

    def action_focus_detail(self) -> None:
        self.query_one(DecisionDetail).focus()

    def action_scroll_detail(self, pages: int) -> None:
        """Scroll the details by most of a page, wherever the focus is (the note keeps its arrows)."""
        detail = self.query_one(DecisionDetail)
        step = max(1, detail.scrollable_content_region.height - 2) * pages
        detail.scroll_to(y=detail.scroll_y + step, animate=False)
