"""Write a part of the policy to a file: where (her documents folder, or the last one used), which
part, which format; asks before replacing a file, and stays open to show what went wrong."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Input, Label, Select, Static

from clinician_compass.documents.export import ExportError, FileExists, write_file
from clinician_compass.policy import preferences
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.tui.screens.dialog_base import Dialog
from clinician_compass.tui.text import heading
from clinician_compass.tui.widgets.plain_input import PlainInput

FORMAT_NAMES = {"md": "Markdown (.md)", "txt": "Plain text (.txt)", "json": "JSON data (.json)", "toml": "TOML data (.toml)"}


def start_folder(paths: PolicyPaths | None) -> Path:
    """The folder used last time if it is still there, else her documents folder, else home."""
    if paths is not None:
        last = preferences.last_export_folder(paths)
        if last is not None and last.is_dir():
            return last
    try:
        from platformdirs import user_documents_dir

        documents = Path(user_documents_dir())
    except Exception:  # noqa: BLE001 - an odd platform setup must not stop an export
        documents = Path.home()
    return documents if documents.is_dir() else Path.home()


class ExportDialog(Dialog[Path | None]):
    """Dismisses with the file written, or None if she cancelled."""

    DEFAULT_CSS = """
    ExportDialog > VerticalScroll {
        width: 90%;
        max-width: 90;
        height: auto;
        max-height: 100%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    ExportDialog .hint { color: $text-muted; }
    ExportDialog #export-problem { color: $error; height: auto; }
    ExportDialog #export-problem.ask { color: $warning; }
    ExportDialog .dialog-buttons { height: auto; }
    ExportDialog .dialog-buttons Button { margin-right: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Do not export")]

    def __init__(
        self,
        text_for: Callable[[str, str], str],
        *,
        paths: PolicyPaths | None = None,
        parts: Sequence[tuple[str, str]],
        part: str,
        formats: Sequence[str],
        format: str,
        stem: str = "social-media-policy",
    ) -> None:
        super().__init__()
        self.text_for = text_for
        self.paths = paths
        self.parts = list(parts)
        self.part = part
        self.formats = list(formats)
        self.chosen_format = format if format in formats else formats[0]
        self.stem = stem
        self._replace: Path | None = None
        """The file she has been asked about replacing; Export again on the same file replaces it."""

    def _file_name(self) -> str:
        suffix = f"-{self.part}" if len(self.parts) > 1 else ""
        return f"{self.stem}{suffix}.{self.chosen_format}"

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(heading("Export to a file"))
            yield Static(Content("Enter in any field writes the file. A file already there is replaced only if you say so."), classes="hint")
            yield Label("Folder")
            yield PlainInput(str(start_folder(self.paths)), id="export-folder")
            yield Label("File name")
            yield PlainInput(self._file_name(), id="export-name")
            if len(self.parts) > 1:
                yield Label("Part")
                yield Select([(title, p) for p, title in self.parts], value=self.part, allow_blank=False, id="export-part")
            if len(self.formats) > 1:
                yield Label("Format")
                yield Select(
                    [(FORMAT_NAMES.get(f, f), f) for f in self.formats], value=self.chosen_format, allow_blank=False,
                    id="export-format",
                )
            yield Static("", id="export-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", id="export", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-name", Input).focus()

    @on(Select.Changed)
    def _changed(self, event: Select.Changed) -> None:
        name = self.query_one("#export-name", Input)
        was = self._file_name()
        if event.select.id == "export-part" and isinstance(event.value, str):
            self.part = event.value
        elif event.select.id == "export-format" and isinstance(event.value, str):
            self.chosen_format = event.value
        if name.value == was:  # she has not typed her own name: keep it in step
            name.value = self._file_name()

    @on(Input.Changed)
    def _typed(self) -> None:
        self._replace = None
        self._say("")

    def _say(self, text: str, *, ask: bool = False) -> None:
        problem = self.query_one("#export-problem", Static)
        problem.update(Content(text))
        problem.set_class(ask, "ask")
        self.query_one("#export", Button).label = "Replace it" if ask else "Export"

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_export()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export":
            self.action_export()
        else:
            self.dismiss(None)

    def action_export(self) -> None:
        folder = Path(self.query_one("#export-folder", Input).value.strip() or ".").expanduser()
        name = self.query_one("#export-name", Input).value.strip()
        if not name:
            self._say("Give the file a name.")
            return
        if not folder.is_dir():
            self._say(f"{folder} is not a folder here. Choose another folder.")
            return
        target = folder / name
        replace = self._replace == target
        try:
            write_file(target, self.text_for(self.part, self.chosen_format), replace=replace)
        except FileExists:
            self._replace = target
            self._say(f"{target} already exists. Replace it? Press Export again to replace it, or change the name.", ask=True)
            return
        except ExportError as error:
            self._replace = None
            self._say(f"{error}. Nothing was written.")
            return
        if self.paths is not None:
            preferences.remember_export_folder(self.paths, folder)
        self.dismiss(target)

    def action_cancel(self) -> None:
        self.dismiss(None)
