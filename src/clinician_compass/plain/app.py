"""Plain mode from start to end: open the policy, walk through or go home, and say how it ended."""

from __future__ import annotations

import io
import sys
from datetime import date
from typing import TextIO

from clinician_compass.documents.safe_text import printable
from clinician_compass.plain import home
from clinician_compass.plain.console import Console, EndOfInput
from clinician_compass.plain.prompts import Picked, choose, numbered
from clinician_compass.plain.walk import Outcome, Walk
from clinician_compass.policy.draft import Draft, load_draft
from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW
from clinician_compass.walkthrough.session import Session

WELCOME = (
    "clinician-compass, plain mode. This walks you through how you use social media as a clinician "
    "and writes your policy. Nothing you type leaves this computer. At any question, type h for the keys."
)
KEPT = "Your answers so far are kept in the draft: run clinician-compass again to carry on."


def run_plain(
    paths: PolicyPaths,
    input: TextIO | None = None,
    output: TextIO | None = None,
    *,
    today: date | None = None,
) -> int:
    """Run plain mode to the end of input: 0, or 130 after Ctrl+C, or 1 if the policy file cannot be read."""
    # A stray byte that is not UTF-8 is a character to explain, not a crash; a terminal that cannot
    # show "␛" gets \u241b instead, just as inert. No standard input at all is input that has ended.
    input = input or _reconfigured(sys.stdin, "replace") or io.StringIO("")
    output = output or _reconfigured(sys.stdout, "backslashreplace") or io.StringIO()
    app = PlainApp(Console(input, output), Session(paths), today=today)
    try:
        return app.run()
    except EndOfInput:
        app.end("Input ended.")
        return 0
    except KeyboardInterrupt:
        app.end("Stopped.")
        return 130


def _reconfigured(stream: TextIO | None, errors: str) -> TextIO | None:
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors=errors)
    return stream


class PlainApp:
    """What the TUI's app does (start-up, home, walkthroughs), as a conversation."""

    def __init__(self, console: Console, session: Session, *, today: date | None = None) -> None:
        self.console = console
        self.session = session
        self.today = today
        self.walking = False
        self.draft: Draft | None = None

    def run(self) -> int:
        try:
            self.draft = self.session.open()
        except PolicyFileError as error:
            print(printable(str(error)), file=sys.stderr)  # every problem and the hint; a path is her text too
            return 1
        for warning in self.session.warnings:
            self.console.say(f"Warning about your policy file: {warning}")
        if self.session.has_policy:
            return self.home()
        self.console.say(WELCOME)
        position = PROFILE
        if self.draft is not None:
            choices = ["Carry on where you left off", "Start again (the unfinished answers are replaced)"]
            self.console.say("You have an unfinished walkthrough.")
            self.console.lines(numbered(choices))
            picked = choose(self.console, choices)
            if isinstance(picked, Picked) and picked.index == 0:
                self.session.resume(self.draft)
                position = self.session.position
            else:
                self.session.begin()
        else:
            self.session.begin()
        self.draft, self.walking = None, True
        outcome = self.walk(position)
        return self.home() if outcome is Outcome.SAVED else 0

    def walk(self, position: str, route: list[str] | None = None) -> Outcome:
        walk = Walk(self.console, self.session, today=self.today)
        walk.route = route
        self.walking = True
        outcome = walk.run(position)
        self.walking = outcome is not Outcome.SAVED  # left for home, the answers stay open (and in the draft)
        return outcome

    def end(self, why: str) -> None:
        """Input is over (or she pressed Ctrl+C): the draft holds what was answered, and she is told so."""
        if not self.walking:
            self.console.say(why)
        elif self.session.autosave():
            self.console.say(f"{why} {KEPT}")
        else:
            self.console.say(f"{why} Your answers could not be kept: {self.session.draft_problem}")

    def _carry_on(self) -> None:
        """The walkthrough under way, else the draft on disk, else a fresh one pre-filled from the policy."""
        if not self.walking:
            draft = load_draft(self.session.paths)
            if draft:
                self.session.resume(draft)
            else:
                self.session.begin()
        self.walking = True

    # --- home --------------------------------------------------------------------------------------

    def home(self) -> int:
        console = self.console
        home.summary(console, self.session)
        while True:
            has_draft = self.walking or self.session.paths.draft.exists()
            actions: list[tuple[str, str]] = []
            if has_draft:
                actions.append(("resume", "Resume your unfinished walkthrough"))
            actions += [
                ("summary", "Show the summary again"),
                ("read", "Read your policy"),
                ("export", "Export your policy to a file"),
                ("reference", "Quick reference: find a situation"),
                ("conflicts", "Conflicts in your policy"),
                ("review", "Review your answers"),
                ("handles", "Change your handles"),
                ("platforms", "Add or remove a platform"),
                ("walk", "Walk through again (your answers are pre-filled)"),
                ("quit", "Quit"),
            ]
            console.say("")
            console.say("What would you like to do?")
            console.lines(numbered([label for _, label in actions]))
            picked = choose(console, [label for _, label in actions])
            assert isinstance(picked, Picked)
            action = actions[picked.index][0]
            if action == "quit":
                return 0
            outcome = self._act(action)
            if outcome is Outcome.KEPT:
                return 0
            if outcome is Outcome.SAVED:
                home.summary(console, self.session)

    def _act(self, action: str) -> Outcome | None:
        console, session = self.console, self.session
        if action == "summary":
            home.summary(console, session)
        elif action == "read":
            home.read_policy(console, session)
        elif action == "export":
            home.export_policy(console, session)
        elif action == "reference":
            home.quick_reference(console, session)
        elif action == "conflicts":
            home.conflicts(console, session)
        elif action == "resume":
            self._carry_on()
            return self.walk(session.position)
        elif action == "walk":
            session.begin()
            return self.walk(PROFILE)
        elif action == "platforms":
            self._carry_on()
            return self.walk(PLATFORMS)
        elif action == "review":
            self._carry_on()
            return self.walk(REVIEW)
        elif action == "handles":
            self._carry_on()
            route = [s.position for s in session.plan.steps if s.is_handles]
            return self.walk(route.pop(0), route) if route else self.walk(REVIEW)
        return None
