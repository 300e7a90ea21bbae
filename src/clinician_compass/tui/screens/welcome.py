"""First launch: what the app does, that nothing leaves the machine, where the file will live."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from clinician_compass.documents.safe_text import printable
from clinician_compass.tui.messages import StartWalkthrough
from clinician_compass.tui.text import heading, lines, muted


class WelcomeScreen(Screen[None]):
    """The first thing a new clinician sees."""

    BINDINGS = [
        Binding("s", "start", "Start", id="welcome.start", tooltip="Begin the walkthrough"),
        Binding("r", "resume", "Resume", id="welcome.resume", tooltip="Carry on where you left off"),
    ]

    def __init__(self, policy_path: Path, *, has_draft: bool) -> None:
        super().__init__()
        self.policy_path = policy_path
        self.has_draft = has_draft

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="welcome"):
            yield Static(heading("Welcome to clinician-compass"), classes="title")
            yield Static(
                lines(  # one string per paragraph: the terminal's width decides where lines break
                    "Your patients are on social media, and so are you. This app walks you through the "
                    "decisions each platform puts to you: public or protected, following back, friend "
                    "requests, questions by direct message, blocking, reviews, posting about cases.",
                    "",
                    "For each one you see the options with their pros and cons, what professional bodies "
                    "say, and how the platform really works. Your answers become your own policy, with a "
                    "short form to remember, a statement for patients, profile lines and reply scripts.",
                    "",
                    "It takes about fifteen minutes. Stop at any point: every answer is kept.",
                ),
                id="welcome-text",
            )
            yield Static(
                lines(
                    heading("Private by design"),
                    "Nothing leaves this computer: no accounts, no network, no telemetry.",
                    muted(f"Your policy will be saved to {printable(str(self.policy_path))}"),
                ),
                id="welcome-privacy",
            )
            yield OptionList(*self._actions(), id="welcome-actions")  # as on home: ↑ ↓ and Enter
        yield Footer(compact=True)

    def _actions(self) -> list[Option]:
        if self.has_draft:
            return [Option("Resume where I left off", id="resume"), Option("Start again", id="start")]
        return [Option("Start the walkthrough", id="start")]

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#welcome-actions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == "resume":
            self.action_resume()
        else:
            self.action_start()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.has_draft
        return True

    def action_start(self) -> None:
        self.post_message(StartWalkthrough())

    def action_resume(self) -> None:
        self.post_message(StartWalkthrough(resume=True))
