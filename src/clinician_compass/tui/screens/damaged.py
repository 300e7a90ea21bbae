"""The policy file cannot be read: say where and why, offer the last version that can, and touch nothing unasked."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from clinician_compass.policy import history, store
from clinician_compass.policy.errors import PolicyFileError, UnsafeLocationError
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.text import heading, lines, muted, plain


class DamagedFileScreen(Screen[bool]):
    """We never overwrite a file we cannot parse unless she asks for a good version back.

    Dismisses with True once a version was restored: the app then opens the policy again.
    """

    DEFAULT_CSS = """
    DamagedFileScreen #damaged-offer { margin-top: 1; }
    """

    BINDINGS = [
        Binding("r", "restore", "Restore the last good version", id="damaged.restore"),
        Binding("q", "app.quit", "Quit", id="damaged.quit", tooltip="Leave; the file stays as it is"),
    ]

    def __init__(self, error: PolicyFileError) -> None:
        super().__init__()
        self.error = error
        self.recovery = history.recovery(error)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="damaged"):
            yield Static(heading("Your policy file could not be read"), classes="title")
            yield Static(plain(str(self.error)), id="damaged-error")
            yield Static(
                lines(
                    "",
                    "The app has not changed the file and will not write over it unless you ask.",
                    "Fix it in a text editor (the line above says where), or restore the newest version that can be read.",
                )
            )
            if self.recovery:
                yield Static(
                    lines(
                        heading("The newest version that can be read"),
                        plain(self.recovery.description),
                        "r puts it back; the damaged file goes into history first, so nothing is lost.",
                    ),
                    id="damaged-offer",
                )
            else:
                yield Static(muted("History holds no version that can be read."), id="damaged-offer")
            yield Static(muted("`clinician-compass check` re-checks the file without opening the app."))
        yield Footer(compact=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.recovery is not None if action == "restore" else True

    def action_restore(self) -> None:
        from clinician_compass.tui.screens.history import RestoreDialog

        recovery = self.recovery
        if recovery is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                store.replace_damaged(PolicyPaths(self.error.path), recovery.good)
            except (PolicyFileError, UnsafeLocationError, OSError) as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"Restored the version {recovery.description.split(';')[0]}.", markup=False)
            self.dismiss(True)

        self.app.push_screen(RestoreDialog.asking(f"Restore the version {recovery.description.split(';')[0]}?",
                                                  "It replaces the damaged file, which is kept in history."), answered)
