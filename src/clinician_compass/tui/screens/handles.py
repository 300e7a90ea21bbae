"""The handle of each account on one platform: optional, checked against the platform's rule as she types."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, Label, Static

from clinician_compass.tui.bindings import BACK
from clinician_compass.tui.messages import Advance, Back
from clinician_compass.tui.text import heading, muted
from clinician_compass.tui.widgets.plain_input import PlainInput
from clinician_compass.walkthrough.session import Session

ACCOUNT_FIELDS = {
    "professional": "Your professional account",
    "personal": "Your personal account",
    "mixed": "Your account",
    "main": "Your account",
}


class HandlesScreen(Screen[None]):
    """Step two for each platform: what her accounts there are called. Every field may stay empty."""

    BINDINGS = [
        BACK,
        Binding("ctrl+n", "next", "Continue", id="walkthrough.next", tooltip="Keep these handles and go on"),
        Binding(
            "ctrl+s",
            "save_and_quit",
            "Save & quit",
            id="walkthrough.save-quit",
            tooltip="Keep your answers and leave",
        ),
    ]

    def __init__(self, session: Session, index: int) -> None:
        super().__init__()
        self.session = session
        self.index = index
        plan = session.plan
        self.step = plan.steps[index]
        self.progress = plan.progress(index)
        platform = plan.platform(self.step)
        assert platform is not None and self.step.platform is not None
        self.platform = platform
        self.accounts = session.working.platforms[self.step.platform].accounts
        self.keys = tuple(self.accounts)

    def compose(self) -> ComposeResult:
        name = self.platform.short_name
        two = len(self.keys) > 1
        with VerticalScroll(id="handles"):
            yield Static(Content(str(self.progress)), id="progress-text")
            yield Static(heading(f"Your {'handles' if two else 'handle'} on {name}"), classes="title")
            hint = "Optional: leave a field empty to skip it; Enter goes on."
            if "professional" in self.keys:  # only then do her scripts name an account by its handle
                hint += " Your reply scripts point patients to your professional account by its handle."
            if self.platform.handle_rule:
                hint += f"\n{name} handles: {self.platform.handle_rule}"
            yield Static(muted(hint), classes="hint")
            for key in self.keys:
                label = ACCOUNT_FIELDS.get(key, key) if two else f"Your handle on {name}"
                yield Label(Content(label), classes="handle-label")
                yield PlainInput(self.accounts[key].handle, placeholder="optional", id=f"handle-{key}")
                yield Static("", id=f"problem-{key}", classes="handle-problem")
            yield Static("", id="handles-blocked")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.keys:
            self.field(self.keys[0]).focus()

    def field(self, key: str) -> Input:
        return self.query_one(f"#handle-{key}", Input)

    def problem(self, key: str) -> str:
        """Why the handle typed for ``key`` is not one on this platform ("" when fine or empty)."""
        return self.platform.handle_problem(self.field(key).value)

    @on(Input.Changed)
    def _check(self, event: Input.Changed) -> None:
        key = (event.input.id or "").removeprefix("handle-")
        if key not in self.keys:
            return
        problem = self.problem(key)
        _say(self.query_one(f"#problem-{key}", Static), problem, "$error")
        if not problem:
            self.accounts[key].handle = " ".join(event.value.split())  # kept as typed: Ctrl+Q loses nothing
        if not any(self.problem(k) for k in self.keys):
            _say(self.query_one("#handles-blocked", Static), "")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        key = (event.input.id or "").removeprefix("handle-")
        if key not in self.keys:
            return
        later = self.keys[self.keys.index(key) + 1 :]
        if event.value.strip() and not self.problem(key) and later and not self.field(later[0]).value.strip():
            self.field(later[0]).focus()  # filling them in turn: on to the next one
        else:
            self.action_next()

    def _store(self) -> None:
        """Keep every handle that fits the platform's rule (a wrong one is never written down)."""
        assert self.step.platform is not None
        good = {k: self.field(k).value for k in self.keys if not self.problem(k)}
        self.session.set_handles(self.step.platform, good)

    def action_next(self) -> None:
        wrong = [k for k in self.keys if self.problem(k)]
        if wrong:
            label = ACCOUNT_FIELDS.get(wrong[0], wrong[0]).removeprefix("Your ") if len(self.keys) > 1 else ""
            which = f"the {label} handle" if label else "the handle"
            _say(
                self.query_one("#handles-blocked", Static),
                f"Correct {which} or clear it to go on.",
                "bold $error",
            )
            self.field(wrong[0]).focus()
            return
        self._store()
        self.post_message(Advance(self.step.position))

    def action_back(self) -> None:
        self._store()
        self.post_message(Back())

    async def action_save_and_quit(self) -> None:
        self._store()
        await self.run_action("app.save_and_quit")


def _say(where: Static, text: str, style: str = "") -> None:
    """Show ``text`` under a field, or hide the line when there is nothing to say."""
    where.update(Content.styled(text, style))
    where.set_class(bool(text), "-shown")
