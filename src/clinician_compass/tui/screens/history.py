"""History: every saved version, newest first, with what changed in words; restore any one after asking."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from clinician_compass.guidance.model import Catalog
from clinician_compass.policy import history
from clinician_compass.policy.errors import ConflictError, PolicyFileError, UnsafeLocationError
from clinician_compass.policy.model import Policy
from clinician_compass.tui.screens.dialog_base import Dialog
from clinician_compass.tui.text import heading, muted, plain
from clinician_compass.walkthrough.session import Session

MAX_CHANGES = 8
"""The changes a restore question lists before "and N more": it must fit at 80×24."""


class RestoreDialog(Dialog[bool]):
    """Restoring replaces the policy she has now: ask first, and say the current one stays in history."""

    DEFAULT_CSS = """
    RestoreDialog > Vertical {
        width: 70; max-width: 90%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    RestoreDialog Horizontal { height: auto; margin-top: 1; }
    RestoreDialog Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("r", "restore", "Restore", id="restore.yes"),
        Binding("escape", "cancel", "Cancel", id="restore.cancel", tooltip="Keep the policy as it is"),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    @classmethod
    def for_version(cls, version: history.Version, now: Policy | None, catalog: Catalog) -> RestoreDialog:
        """Ask about ``version``, saying what restoring it would change in the policy she has ``now``."""
        changes = history.describe(now, version.policy, catalog) if now and version.policy else []
        shown = [f"• {change}" for change in changes[:MAX_CHANGES]]
        if len(changes) > MAX_CHANGES:
            shown.append(f"• and {len(changes) - MAX_CHANGES} more")
        body = "\n".join(
            (["Restoring it changes your policy:", *shown, ""] if shown else [])
            + ["The policy you have now stays in history, so you can come back to it."]
        )
        return cls(f"Restore the version saved {version.when}?", body)

    @classmethod
    def asking(cls, title: str, body: str) -> RestoreDialog:
        return cls(title, body)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(heading(self.title_text))
            yield Static(plain(self.body))
            with Horizontal():
                yield Button("Restore (r)", id="restore", variant="warning")
                yield Button("Cancel (Esc)", id="cancel")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "restore")

    def action_restore(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class HistoryScreen(Screen[bool]):
    """Saved versions she can use; dismisses with True when one was restored (the app shows the restored policy)."""

    DEFAULT_CSS = """
    HistoryScreen #history { padding: 0 1; }
    HistoryScreen #history-list { height: 1fr; }
    """

    BINDINGS = [
        Binding("r", "restore", "Restore this version", id="history.restore"),
        Binding("escape", "back", "Back", id="history.back"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.versions: list[history.Version] = []
        self.restored = False

    def compose(self) -> ComposeResult:
        with Vertical(id="history"):
            yield Static(heading("Saved versions"), classes="title")
            yield Static(muted("Newest first, each with what changed since the one before. r restores one."))
            yield OptionList(id="history-list")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_list()

    def refresh_list(self) -> None:
        self.versions = history.versions(self.session.paths, self.session.catalog)
        options: list[Option | None] = []
        for n, version in enumerate(self.versions):
            title = f"{version.when}" + ("  (your policy now)" if n == 0 and self._is_current(version) else "")
            changes = Content("\n").join(Content.assemble("  ", plain(c)) for c in version.changes)
            if options:
                options.append(None)  # a rule between versions, so each one's changes read as its own
            options.append(Option(Content("\n").join([Content.styled(title, "bold"), changes]), id=str(n)))
        option_list = self.query_one("#history-list", OptionList)
        option_list.clear_options()
        option_list.add_options(options or [Option(muted("Nothing saved yet."), disabled=True)])
        if options:
            option_list.highlighted = 0
        option_list.focus()

    def _is_current(self, version: history.Version) -> bool:
        return version.policy is not None and version.policy == self.session.saved

    def _current(self) -> history.Version | None:
        index = self.query_one("#history-list", OptionList).highlighted
        return self.versions[index] if index is not None and index < len(self.versions) else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        version = self._current()
        if version is None:
            return
        if version.policy is None:
            self.notify(f"This version cannot be read: {version.problem}", severity="error", markup=False)
            return
        if self._is_current(version):
            self.notify("This is the policy you have now.", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._restore(version)

        dialog = RestoreDialog.for_version(version, self.session.saved, self.session.catalog)
        self.app.push_screen(dialog, answered)

    def _restore(self, version: history.Version) -> None:
        try:
            self.session.restore(version.path)
        except (ConflictError, PolicyFileError, UnsafeLocationError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.restored = True
        self.notify(f"Restored the version saved {version.when}.", markup=False)
        self.refresh_list()

    def action_back(self) -> None:
        self.dismiss(self.restored)
