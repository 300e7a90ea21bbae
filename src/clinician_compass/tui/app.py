"""The Textual face of clinician-compass: walkthrough, policy view, quick reference.

The app owns the ``Session`` and shows what the core's ``Navigator`` says: screens get what
they show passed down and send ``Goto`` / ``Advance`` / ``Back`` messages up. Four Textual
modes (home, walkthrough, policy, reference) each keep their own screen stack.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import App
from textual.binding import Binding
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer

from clinician_compass.documents.safe_text import printable
from clinician_compass.guidance import Catalog
from clinician_compass.policy.draft import (
    Draft,
    discard_draft,
    draft_exists,
    keep_draft_in_history,
    load_draft,
)
from clinician_compass.policy.errors import ConflictError, PolicyFileError, UnsafeLocationError
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.messages import (
    Advance,
    Back,
    ChangeEarlier,
    CloseReference,
    DecideLater,
    DiscardDraft,
    EditStep,
    Goto,
    KeepTyping,
    MarkReviewed,
    OpenDecision,
    OpenHistory,
    PlatformsChosen,
    SavePolicy,
    SetShortForm,
    StartReview,
    StartWalkthrough,
    TickStep,
)
from clinician_compass.tui.screens.layout import NARROW_WIDTH
from clinician_compass.tui.stylesheet import KeptStylesheet
from clinician_compass.walkthrough.navigation import (
    Move,
    Navigator,
    Origin,
    added_platforms,
    unconfirmed_note_lines,
    what_goes,
    where_to,
)
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW
from clinician_compass.walkthrough.session import Session

if TYPE_CHECKING:
    from clinician_compass.documents.short_form import ShortFormRefresh
    from clinician_compass.tui.commands import CompassCommands

HOME, WALK, POLICY, REFERENCE = "home", "walkthrough", "policy", "reference"
"""The app's modes, each with its own screen stack: an overlay (help, a dialog, history, the yearly
review, export, the post check) goes on the stack of the mode she is in, and closing it is a pop there."""

MIN_WIDTH, MIN_HEIGHT = 60, 18
"""Below this the app asks for a larger window instead of squeezing the walkthrough."""


def _compass_commands() -> type[CompassCommands]:
    """Our palette provider, imported when the palette first opens: ``textual.command`` is slow to load."""
    from clinician_compass.tui.commands import CompassCommands

    return CompassCommands


class CompassApp(App[int]):
    """clinician-compass."""

    TITLE = "clinician-compass"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_WIDTH, "-wide")]
    """Two-panel screens stack below ``NARROW_WIDTH`` columns: Textual sets the class on each screen."""
    TYPING_DELAY = 0.5
    """Seconds of quiet after a keystroke in a note or profile field before the draft is written."""
    COMMANDS = App.COMMANDS | {_compass_commands}
    CSS_PATH = Path(__file__).parent / "app.tcss"
    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            show=False,
            id="app.quit",
            tooltip="Leave the app; an unfinished walkthrough is kept",
        ),
        Binding("f1", "help", "Help", id="app.help", tooltip="Keys and how the walkthrough works"),
        Binding("question_mark", "help", "Help", show=False, id="app.help-question", tooltip="Keys and help"),
        Binding(
            "ctrl+r",
            "reference",
            "Reference",
            priority=True,
            id="app.reference",
            tooltip="Quick reference: find a situation and what you decided",
        ),
        Binding(
            "ctrl+b",
            "post_check",
            "Check post",
            priority=True,
            id="app.post-check",
            tooltip="Check a draft post for anything that could identify a patient; the draft is never saved",
        ),
    ]

    def __init__(
        self,
        paths: PolicyPaths,
        *,
        catalog: Catalog | None = None,
        today: date | None = None,
        collector_paused: bool = False,
    ) -> None:
        super().__init__()
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())  # before any CSS is read
        self.paths = paths
        self.today = today
        """Fixed in tests and screenshots so "review due" does not depend on the calendar."""
        self.session = Session(paths, catalog, today=today)
        self.draft: Draft | None = None
        self.nav = Navigator()
        """Where she is beyond the step: a jump from review, a detour, a one-change trip (core rules)."""
        self._typing_timer: Timer | None = None
        self._warned_before_quit = False
        self._draft_problem_told = ""
        self._step: Screen[None] | None = None
        """The walkthrough mode's screen for the current step (help or a dialog may be over it)."""
        self._policy_offer: ShortFormRefresh | None = None
        self._reference_at: tuple[str, str | None] = ("", None)
        self._before_reference = HOME
        self._recovering = False
        self._collector_paused = collector_paused
        """Python's cyclic collector was turned off for start-up (``run_app``): it is resumed once ready."""
        self._too_small: Screen[None] | None = None
        """The "make the window larger" screen while it is up."""
        for mode, base in self._bases().items():
            self.add_mode(mode, base)

    def _bases(self) -> dict[str, Callable[[], Screen[None]]]:
        """Each mode's base screen, built from the state at the moment the mode is (re)opened."""
        return {HOME: self._home_base, WALK: self._walk_base, POLICY: self._policy_base, REFERENCE: self._reference_base}

    @property
    def walking(self) -> bool:
        """A walkthrough is under way: its answers live in the session (and the draft), not yet saved."""
        return self.nav.walking

    # --- start-up ----------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.app_suspend_signal.subscribe(self, self._on_suspend, immediate=True)  # before the process stops
        self._start()

    def on_ready(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.freeze()  # what start-up built stays for the session: later passes need not rescan it
            gc.enable()

    def _start(self) -> None:
        try:
            self.draft = self.session.open()
        except PolicyFileError as error:
            from clinician_compass.tui.screens.damaged import DamagedFileScreen

            self._recovering = True
            self.push_screen(DamagedFileScreen(error), self._after_recovery)
            return
        for warning in self.session.warnings:
            self.notify(warning, title="Policy file", severity="warning", markup=False)
        self._open(HOME)
        self.check_size()

    def _after_recovery(self, restored: bool | None) -> None:
        """A good version was put back over the damaged file: open it as if just started."""
        self._recovering = False
        if restored:
            self._start()

    # --- modes -------------------------------------------------------------------------------------

    def _open(self, mode: str) -> None:
        """Show ``mode`` with its base screen built afresh from the state now; its old stack goes.

        The mode she is in is left as it is (its base screens refresh themselves on resume).
        """
        if mode == self.current_mode:
            return
        self.remove_mode(mode)
        self.add_mode(mode, self._bases()[mode])
        self.switch_mode(mode)

    def _home_base(self) -> Screen[None]:
        if self.session.has_policy:
            from clinician_compass.tui.screens.home import HomeScreen

            return HomeScreen(self.session, has_draft=self.has_draft(), today=self.today)
        from clinician_compass.tui.screens.welcome import WelcomeScreen

        return WelcomeScreen(self.paths.policy, has_draft=self.has_draft())

    def _walk_base(self) -> Screen[None]:
        from clinician_compass.tui.screens.layout import WalkthroughFloor

        return WalkthroughFloor()

    def _policy_base(self) -> Screen[None]:
        from clinician_compass.tui.screens.policy_view import PolicyScreen

        offer, self._policy_offer = self._policy_offer, None
        return PolicyScreen(self.session, offer=offer)

    def _reference_base(self) -> Screen[None]:
        from clinician_compass.tui.screens.reference import ReferenceScreen

        query, platform = self._reference_at
        self._reference_at = ("", None)
        return ReferenceScreen(self.session, query, platform)

    def has_draft(self) -> bool:
        """An unfinished walkthrough to offer: open in this run, or a draft from an earlier one."""
        return self.walking or self.draft is not None or draft_exists(self.paths)

    # --- navigation --------------------------------------------------------------------------------

    def show_home(self) -> None:
        """Home (or the welcome, before a first policy), showing the policy and drafts as they are now."""
        from clinician_compass.tui.screens.home import HomeScreen

        self.nav.stop()  # an abandoned walkthrough lives on in its draft
        if self.current_mode != HOME:
            self._open(HOME)
        elif isinstance(self.screen, HomeScreen):
            self.screen.refresh_facts()
        # else something is over home: HomeScreen refreshes itself when it is shown again

    def show_policy(self, *, offer: ShortFormRefresh | None = None) -> None:
        """The policy in every form; ``offer`` asks whether new decisions should replace an edited short form."""
        self.nav.stop()
        self._policy_offer = offer
        self._open(POLICY)

    def open_reference(self, query: str = "", platform: str | None = None) -> None:
        """The quick reference in its own mode, searched for ``query``; Escape goes back where she was."""
        if self._too_small_now():
            return
        if self._recovering:
            self.notify("Fix or restore your policy file first; see the screen behind.", markup=False)
            return
        if self.current_mode == REFERENCE:
            if not query:
                return
            self.switch_mode(self._before_reference)  # a new search: the reference afresh
        self._before_reference = self.current_mode
        self._reference_at = (query, platform)
        self._open(REFERENCE)

    @on(CloseReference)
    def _close_reference(self) -> None:
        if self.current_mode == REFERENCE:
            self.switch_mode(self._before_reference)

    def start_walkthrough(
        self, *, resume: bool = False, position: str | None = None, confirmed: bool = False
    ) -> None:
        if not resume and not confirmed and self.has_draft():
            from clinician_compass.tui.screens.confirm import ConfirmDialog

            def decide(yes: bool | None) -> None:
                if yes and self._set_aside_walk():
                    self.start_walkthrough(position=position, confirmed=True)

            self.push_screen(ConfirmDialog.start_again(), decide)
            return
        if resume:
            self._carry_on()
        else:
            self.session.begin()
            self.draft = None
        self.nav.start_walk()
        self.goto(position or self.session.position)

    def _set_aside_walk(self) -> bool:
        """Keep the unfinished walkthrough in history, then clear it; False (and say why) if it cannot be kept."""
        try:
            if self.walking:
                self.session.autosave()  # the answers in memory reach the draft file before it is copied
            keep_draft_in_history(self.paths)
            discard_draft(self.paths)
        except (UnsafeLocationError, PolicyFileError, OSError) as error:
            self._tell_failure("Could not set it aside", f"{error}\nYour unfinished walkthrough is left as it was.")
            return False
        self.nav.stop()
        self.draft = None
        return True

    @on(DiscardDraft)
    def _on_discard_draft(self) -> None:
        from clinician_compass.tui.screens.confirm import ConfirmDialog

        def decide(yes: bool | None) -> None:
            if yes and self._set_aside_walk():
                self.notify("Unfinished walkthrough discarded; a copy is in the history folder.", markup=False)
                self.show_home()

        self.push_screen(ConfirmDialog.discard_walk(), decide)

    def _carry_on(self) -> None:
        """The walkthrough under way (newer than any draft), else the draft on disk, else a fresh one:
        never start afresh over answers that are not saved yet."""
        if not self.walking:
            draft = self.draft or load_draft(self.paths)
            if draft:
                self.session.resume(draft)
            else:
                self.session.begin()
            self.nav.start_walk()
        self.draft = None

    def goto(self, position: str, *, within: bool = False) -> None:
        """Show the walkthrough screen for ``position`` and remember it in the draft.

        ``within``: a step of the walk led here (Advance, Back). If she opened the quick reference a
        keystroke before, one decision to the next happens under it, in the walkthrough mode.
        """
        from clinician_compass.tui.screens.decision import DecisionScreen
        from clinician_compass.tui.screens.handles import HandlesScreen
        from clinician_compass.tui.screens.platforms import PlatformsScreen
        from clinician_compass.tui.screens.profile import ProfileScreen
        from clinician_compass.tui.screens.review import ReviewScreen

        session = self.session
        position, index = where_to(session.plan, position)
        session.move_to(position)
        self.nav.arrived(position)
        if session.draft_problem != self._draft_problem_told:  # tell once per problem, not on every step
            self._draft_problem_told = session.draft_problem
            if session.draft_problem:
                self._tell_draft_problem(
                    "Answers not kept on disk",
                    "Your answers stay open here; save your policy at the end, or fix the folder and carry on.",
                    severity="warning",
                )
        in_walk = self._step is not None and (self.current_mode == WALK or within)
        screen: Screen[None]
        if position == PROFILE:
            screen = ProfileScreen(session.working.profile)
        elif position == PLATFORMS:
            screen = PlatformsScreen(session.catalog, session.platforms)
        elif position == REVIEW:
            screen = ReviewScreen(session)
        else:
            assert index is not None
            if session.plan.steps[index].is_handles:
                screen = HandlesScreen(session, index)
            elif in_walk and isinstance(self._step, DecisionScreen):
                # One decision to the next: the same screen, new content, even under help or
                # the quick reference opened a keystroke ago (they stay on top).
                self._step.show_step(index)
                return
            else:
                screen = DecisionScreen(session, index)
        self._show_step(screen)

    def _show_step(self, screen: Screen[None]) -> None:
        """``screen`` as the walkthrough's step, in the walkthrough mode; anything over the old step
        (help, a dialog) is closed first, or it would hide the new one."""
        old, self._step = self._step, screen
        if self.current_mode != WALK:
            self._open(WALK)  # afresh: a walk left for home or the reference is not shown stale
            self.push_screen(screen)
        elif old is None:
            self.push_screen(screen)
        elif self.screen is old:
            self.switch_screen(screen)
        else:
            old.pop_until_active()
            self.call_later(self.switch_screen, screen)

    def _tell_failure(self, title: str, text: str) -> None:
        """Something of hers could not be written: said as it is (never markup), and left up long enough to read."""
        self.notify(text, title=title, severity="error", markup=False, timeout=15)

    def _tell_draft_problem(self, title: str, advice: str, severity: SeverityLevel = "error") -> None:
        """Why the answers are not on disk (the store's own words) and what the clinician can do."""
        self.notify(
            f"{self.session.draft_problem}\n{advice}",
            title=title,
            severity=severity,
            markup=False,
            timeout=20,
        )

    @on(StartWalkthrough)
    def _on_start(self, message: StartWalkthrough) -> None:
        self.start_walkthrough(resume=message.resume, position=message.position)

    @on(OpenDecision)
    def _on_open_decision(self, message: OpenDecision) -> None:
        """From the quick reference: the decision, inside the walkthrough under way."""
        self._carry_on()
        if message.add_platform and message.add_platform not in self.session.platforms:
            self.session.set_platforms((*self.session.platforms, message.add_platform))
        self.nav.jump_elsewhere()
        self.goto(message.position)

    @on(Goto)
    def _on_goto(self, message: Goto) -> None:
        if message.from_review:
            self.nav.jump_from_review()
        self.goto(message.position)

    @on(ChangeEarlier)
    def _on_change_earlier(self, message: ChangeEarlier) -> None:
        """Her answer stands; the earlier one is shown, and after it she carries on where she was going."""
        self.nav.change_earlier(self.session.next_position(message.after))
        self.goto(message.position)

    def _follow(self, move: Move) -> None:
        """Do what the navigator says Advance or Back means."""
        if move.kind == "goto":
            self.goto(move.position, within=True)
        elif move.kind == "finish":
            self._finish_trip()
        elif move.kind == "cancel":
            self._cancel_trip()
        elif self.session.has_policy:
            self.show_home()
        else:
            self._open(HOME)  # the welcome, offering to resume: the walk stays open in memory

    # --- one change, no re-walk ----------------------------------------------------------------------

    def action_edit(self, position: str) -> None:
        """Change one answer (or the profile, or handles, or the platforms) and save it as it is confirmed."""
        from clinician_compass.tui.screens.review_now import ReviewNowScreen

        if self.has_draft():
            self.notify(
                "Finish or discard your unfinished walkthrough first (home: Resume or Discard).",
                title="A walkthrough is under way",
                markup=False,
            )
            return
        if not self.session.has_policy:
            return
        origin: Origin = "policy" if self.current_mode == POLICY else "home"
        if isinstance(self.screen, ReviewNowScreen):
            origin = "review"
        self.session.begin()
        self.draft = None
        self.nav.start_trip(position, origin)
        self.goto(position)

    @on(EditStep)
    def _on_edit_step(self, message: EditStep) -> None:
        self.action_edit(message.position)

    def action_edit_profile(self) -> None:
        self.action_edit(PROFILE)

    def action_add_platform(self) -> None:
        self._edit_platforms()

    def action_remove_platform(self) -> None:
        self._edit_platforms()

    def _edit_platforms(self) -> None:
        """An edit trip over the saved policy; with a walkthrough unfinished, inside that walkthrough."""
        if self.has_draft():
            self.start_walkthrough(resume=True, position=PLATFORMS)
        else:
            self.action_edit(PLATFORMS)

    def _finish_trip(self) -> None:
        """Save the change as the policy and go back where she came from; on trouble the draft is kept."""
        try:
            self.session.commit_edit()
        except (ConflictError, PolicyFileError, UnsafeLocationError) as error:
            self._tell_failure("Not saved", f"{error}\nYour change is kept in the draft: resume it from home.")
            self.nav.end_trip()
            self.show_home()
            return
        origin = self.nav.end_trip()
        self.notify(self.saved_words(), title="Policy saved", markup=False)
        self._back_to(origin)

    def _back_to(self, origin: Origin) -> None:
        """Where the one change was asked from: home, the policy view, or the yearly review's list."""
        if origin == "policy":
            self.show_policy()
            return
        self.show_home()
        if origin == "review":
            self.action_review_now()  # the list again, with the answer just changed off it

    def _cancel_trip(self) -> None:
        """Left without a change: nothing to save. With answers already given, they stay in the draft."""
        origin = self.nav.end_trip()
        saved_platforms = tuple(self.session.saved.platforms if self.session.saved else ())
        if self.session.changed() or self.session.platforms != saved_platforms:
            self.session.autosave()
            self.notify("Your change is not saved yet; resume it from home.", markup=False)
        else:
            self.session.discard()
        self._back_to(origin)

    def saved_words(self) -> str:
        """"Saved." and, when some are left undecided, how many."""
        left = len(self.session.plan.undecided())
        if not left:
            return "Saved."
        return f"Saved. {left} {'decision' if left == 1 else 'decisions'} still to make."

    def _trip_platforms(self, chosen: tuple[str, ...]) -> None:
        """Platforms on an edit trip: confirm what a removal drops, then ask only the added ones' questions."""
        trip = self.nav.trip
        assert trip is not None
        before = self.session.platforms
        removed = tuple(p for p in before if p not in chosen)
        added = added_platforms(before, chosen)
        if not removed and not added:
            self._cancel_trip()
            return

        def go_on() -> None:
            self.session.set_platforms(chosen)
            trip.added = added
            self._follow(self.nav.advance(PLATFORMS, self.session))

        if not removed:
            go_on()
            return
        from clinician_compass.tui.screens.confirm import ConfirmDialog

        names = ", ".join(self.session.catalog.platforms[p].name for p in removed)
        goes = what_goes(self.session.working, self.session.plan, removed)

        def decide(yes: bool | None) -> None:
            if yes:
                go_on()

        self.push_screen(ConfirmDialog.remove_platforms(names, goes), decide)

    @on(Advance)
    def _on_advance(self, message: Advance) -> None:
        self._follow(self.nav.advance(message.position, self.session))

    @on(PlatformsChosen)
    def _on_platforms(self, message: PlatformsChosen) -> None:
        if self.nav.trip is not None:
            if message.then_back:
                self._cancel_trip()
            else:
                self._trip_platforms(message.platforms)
            return
        if message.platforms:
            self.session.set_platforms(message.platforms)
        if message.then_back:
            self._on_back()
        else:
            self.goto(self.session.next_position(PLATFORMS))

    @on(Back)
    def _on_back(self) -> None:
        self._follow(self.nav.back(self.session))

    # --- never lose typing ---------------------------------------------------------------------------

    @on(KeepTyping)
    def _on_typing(self, message: KeepTyping) -> None:
        """Her typing is kept in the session at once and in the draft once she pauses."""
        if message.step is not None:
            self.session.keep_note(message.step, message.note)
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self.set_timer(self.TYPING_DELAY, self._keep_typing)

    def _keep_typing(self) -> bool:
        """Write the draft now (typing paused, or she is leaving); False if the disk refused."""
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = None
        return not self.walking or self.session.autosave()

    def _on_suspend(self, app: App[int]) -> None:
        """Ctrl+Z: the process may never come back; what she typed is on disk first."""
        self._keep_typing()

    # --- decide later --------------------------------------------------------------------------------

    @on(DecideLater)
    def _on_decide_later(self, message: DecideLater) -> None:
        self.session.decide_later(message.step)
        self._on_advance(Advance(message.step.position))

    # --- saving ------------------------------------------------------------------------------------

    @on(SavePolicy)
    def _on_save(self) -> None:
        if self.walking:  # a second S pressed before the policy view appears must not save again
            self.save_policy()

    def save_policy(self, *, force: bool = False) -> bool:
        """Save the walkthrough as the policy and show it; on a conflict, ask what to do.

        Notes typed but never confirmed are not saved, nor dropped, without asking.
        """
        if notes := self.session.unconfirmed_notes():
            from clinician_compass.tui.screens.confirm import ConfirmDialog

            def after_notes(yes: bool | None) -> None:
                if yes:
                    self.session.confirm_notes()
                    self.save_policy(force=force)

            lines = unconfirmed_note_lines(self.session.plan, notes)
            self.push_screen(ConfirmDialog.unconfirmed_notes(lines), after_notes)
            return False
        try:
            refresh = self.session.save(force=force, today=self.today)
        except ConflictError as conflict:
            from clinician_compass.tui.screens.dialogs import ConflictDialog

            def decide(choice: str | None) -> None:
                if choice == "save":
                    self.save_policy(force=True)
                elif choice == "reload":
                    self.session.reload()
                    self.notify(
                        "Reloaded the file from disk; your walkthrough is still in the draft.", markup=False
                    )
                    self.show_home()

            self.push_screen(ConflictDialog(str(conflict)), decide)
            return False
        except (PolicyFileError, UnsafeLocationError) as error:
            self._tell_failure("Not saved", str(error))
            return False
        self.nav.from_review = False
        self.notify(f"{self.saved_words()}\n{self.paths.policy}", title="Policy saved", markup=False)
        self.show_policy(offer=refresh if refresh.worth_asking else None)
        return True

    @on(SetShortForm)
    def _on_short_form(self, message: SetShortForm) -> None:
        """Save her short form (or the generated one again); the policy view shows what was saved."""
        if self._saved("Short form not saved", lambda: self.session.set_short_form(message.text)):
            self.notify("Short form saved.", markup=False)
            self._show_saved_policy()

    @on(TickStep)
    def _on_tick(self, message: TickStep) -> None:
        """Tick a settings step off (or untick it) and save the policy."""
        tick = message.platform, message.account, message.step_id, message.done
        if self._saved("Checklist not saved", lambda: self.session.tick_step(*tick, today=self.today)):
            self._show_saved_policy()

    def _saved(self, failed: str, save: Callable[[], object]) -> bool:
        """Run one save of the policy; when it cannot be made, say why under ``failed`` and return False."""
        try:
            save()
        except (ConflictError, PolicyFileError, UnsafeLocationError, KeyError) as error:
            self._tell_failure(failed, str(error))
            return False
        return True

    def _show_saved_policy(self) -> None:
        """The policy view draws itself again from what was just saved (attributes down)."""
        from clinician_compass.tui.screens.policy_view import PolicyScreen

        if isinstance(self.screen, PolicyScreen):  # the view that asked: any dialog over it is closed
            self.screen.reload()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, ours or a widget's: a path or an error about the clinician's file may hold escapes."""
        super().notify(
            printable(message), title=printable(title), severity=severity, timeout=timeout, markup=markup
        )

    # --- actions -----------------------------------------------------------------------------------
    # The names the palette, home and the policy view call (``self.app.run_action("...")``).

    def action_home(self) -> None:
        if self.session.has_policy:
            self.show_home()

    def action_policy(self) -> None:
        if self.session.has_policy:
            self.show_policy()

    async def action_export(self) -> None:
        """The export dialog, over the policy view."""
        from clinician_compass.tui.screens.policy_view import PolicyScreen

        if not self.session.has_policy:
            return
        if self.current_mode != POLICY:
            self.show_policy()
            await self._settle()
        if isinstance(self.screen, PolicyScreen):
            await self.screen.run_action("export")

    async def _settle(self) -> None:
        """Let a screen just shown mount before acting on it."""
        import asyncio

        await asyncio.sleep(0)

    @on(StartReview)
    def action_review_now(self) -> None:
        """The yearly review (B's screen): what changed first, then the rest."""
        from clinician_compass.tui.screens.review_now import ReviewNowScreen

        if self.session.has_policy and not self._too_small_now():
            self.push_screen(ReviewNowScreen(self.session, today=self.today), self._after_review)

    def _after_review(self, reviewed: bool | None) -> None:
        """The review screen saved "reviewed" itself: home shows the new date."""
        if reviewed:
            self.show_home()

    @on(MarkReviewed)
    def action_mark_reviewed(self) -> None:
        """Record today as the last review: the one thing that sets it."""
        if not self.session.has_policy:
            return
        if not self._saved("Not saved", lambda: self.session.mark_reviewed(today=self.today)):
            return
        self.notify("Marked as reviewed today.", markup=False)
        self.show_home()

    @on(OpenHistory)
    def action_history(self) -> None:
        from clinician_compass.tui.screens.history import HistoryScreen

        if not self._too_small_now():
            self.push_screen(HistoryScreen(self.session), self._after_restore)

    def _after_restore(self, restored: bool | None) -> None:
        """A restored version is now the policy: show it from home."""
        if restored:
            self.show_home()

    def action_open_situation(self, situation_id: str) -> None:
        """The quick reference, opened at one situation."""
        situation = self.session.catalog.situations.get(situation_id)
        self.open_reference(situation.title if situation else "")

    def _too_small_now(self) -> bool:
        """The "make the window larger" screen is up: nothing opens over it, or it would stay after a resize."""
        return self._too_small is not None and self.screen is self._too_small

    def action_help(self) -> None:
        from clinician_compass.tui.screens.help import HelpScreen

        if self._too_small_now():
            return
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_reference(self) -> None:
        self.open_reference()

    def action_post_check(self) -> None:
        from clinician_compass.tui.screens.post_check import PostCheckScreen

        if not self._too_small_now() and not isinstance(self.screen, PostCheckScreen):
            self.push_screen(PostCheckScreen(self.session))

    async def action_quit(self) -> None:
        """Quit. Mid-walkthrough the answers are kept first; if the disk refuses, warn once instead."""
        kept = self._keep_typing()
        if kept:
            self._warned_before_quit = False
        elif not self._warned_before_quit:
            self._warned_before_quit = True
            self._tell_draft_problem(
                "Your answers could not be kept",
                "Press Ctrl+Q again to quit anyway and lose the answers given since the disk filled up, "
                "or save your policy first.",
            )
            return
        self.exit()

    def action_save(self) -> None:
        """Review: save the policy. Elsewhere in a walkthrough: keep the draft, and say it is only a draft."""
        from clinician_compass.tui.screens.review import ReviewScreen

        if self.walking and isinstance(self.screen, ReviewScreen):
            self.save_policy()
        elif self.walking:
            if self._keep_typing():
                self.notify(
                    "Your answers are kept as a draft. They become your policy when you save on the review screen.",
                    title="Draft kept",
                    markup=False,
                )
            else:
                self._tell_draft_problem(
                    "Could not keep your answers", "Keep the app open and save your policy, or fix the folder."
                )

    def action_save_and_quit(self) -> None:
        """Walkthrough: keep the draft and leave; the next start offers to resume."""
        if not self._keep_typing():
            self._tell_draft_problem(
                "Could not keep your answers",
                "Nothing was lost yet: keep the app open and save your policy, or fix the folder and try again.",
            )
            return
        self.exit(
            0,
            message="Your answers are kept as a draft, not yet as your policy. "
            "Run clinician-compass again to carry on and save it.",
        )

    # --- size --------------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        # Our handler runs before App's own, which is what updates ``self.size``: use the event's.
        self.check_size(event.size)

    def check_size(self, size: Size | None = None) -> None:
        width, height = size or self.size
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        showing = self._too_small_now()
        if small and not showing:
            from clinician_compass.tui.screens.too_small import TooSmallScreen  # rarely needed: imported then

            self._too_small = TooSmallScreen()
            self.push_screen(self._too_small)
        elif not small:
            self._too_small = None
            if showing:
                self.pop_screen()


def run_app(paths: PolicyPaths, *, collector_paused: bool = False) -> int:
    """Run the app; ``collector_paused``: the caller disabled Python's cyclic collector for start-up."""
    app = CompassApp(paths, collector_paused=collector_paused)
    result = app.run()
    return result or 0


def policy_file(app: CompassApp) -> Path:
    return app.paths.policy
