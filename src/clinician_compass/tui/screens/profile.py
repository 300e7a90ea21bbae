"""Who you are: name, role, where you practise, and how patients should reach you instead."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static

from clinician_compass.policy.model import JURISDICTIONS, ROLES, Profile
from clinician_compass.tui.bindings import BACK, SAVE_AND_QUIT
from clinician_compass.tui.messages import Advance, Back, KeepTyping
from clinician_compass.tui.text import heading, muted
from clinician_compass.tui.widgets.plain_input import PlainInput
from clinician_compass.walkthrough.plan import PROFILE


class ProfileScreen(Screen[None]):
    """Step one of the walkthrough. Writes straight into the working policy's profile."""

    BINDINGS = [
        BACK,
        Binding("ctrl+n", "next", "Continue", id="walkthrough.next", tooltip="Keep these details and go on"),
        SAVE_AND_QUIT,
    ]

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile

    def compose(self) -> ComposeResult:
        p = self.profile
        with VerticalScroll(id="profile"):
            yield Static(heading("About you"), classes="title")
            yield Static(
                muted("Used to show your own regulator's guidance first and to fill in your reply scripts."),
                classes="hint",
            )
            yield Label("Your name, as patients know you")
            yield PlainInput(p.display_name, placeholder="e.g. Dr Sam Patel", id="name")
            yield Label("Your role")
            yield Select(
                ((label, key) for key, label in ROLES.items()), value=p.role, allow_blank=False, id="role"
            )
            yield Label("Where you practise")
            yield Select(
                ((label, key) for key, label in JURISDICTIONS.items()),
                value=p.jurisdiction,
                allow_blank=False,
                id="jurisdiction",
            )
            yield Label("How should patients contact you about their care?")
            yield PlainInput(
                p.practice_contact,
                placeholder="e.g. the surgery on 020 7946 0000 or the NHS App",
                id="contact",
            )
            yield Button("Continue", id="continue", variant="primary")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    def _next_field(self) -> None:
        self.query_one("#role", Select).focus()

    @on(Input.Submitted, "#contact")
    @on(Button.Pressed, "#continue")
    def action_next(self) -> None:
        self._store()
        self.post_message(Advance(PROFILE))

    def action_back(self) -> None:
        self._store()
        self.post_message(Back())

    @on(Input.Changed)
    @on(Select.Changed)
    def _keep_as_typed(self) -> None:
        """Into the working profile at once, so Save & quit, Ctrl+Q or Ctrl+T never drop what was typed;
        into the draft on disk once typing pauses, so a kill does not either."""
        self._store()
        self.post_message(KeepTyping())

    def _store(self) -> None:
        self.profile.display_name = self.query_one("#name", Input).value.strip()
        self.profile.practice_contact = self.query_one("#contact", Input).value.strip()
        role = self.query_one("#role", Select).value
        place = self.query_one("#jurisdiction", Select).value
        self.profile.role = role if isinstance(role, str) else self.profile.role
        self.profile.jurisdiction = place if isinstance(place, str) else self.profile.jurisdiction
