"""Before you post: type or paste a draft, see what could identify a patient, as you type.

The draft lives only in this screen. It is never written to the policy, the
walkthrough's draft file or anywhere else, unless the clinician exports it
herself (Ctrl+S); the screen says so. Closing the screen forgets it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.style import Style
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Footer, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import Edit, EditResult, Selection, TextAreaTheme

from clinician_compass.documents.safe_text import printable
from clinician_compass.policy.model import Policy
from clinician_compass.postcheck import DIRECT, PostCheck, Report, check_post, report
from clinician_compass.tui.screens.layout import StacksWhenNarrow
from clinician_compass.tui.text import heading, muted, plain

if TYPE_CHECKING:
    from clinician_compass.walkthrough.session import Session

NEVER_SAVED = (
    "Your draft is never saved: not in your policy, not in the draft file. "
    "Ctrl+S writes it to a file; Escape closes and forgets it."
)

MARKS = TextAreaTheme(
    name="post-check",
    syntax_styles={
        "direct": Style(reverse=True, bold=True),
        "quasi": Style(underline=True, bold=True),
        "patient": Style(underline=True, italic=True),
    },
)
"""How findings look in the draft: a direct identifier stands out most. Readable in every theme and in monochrome."""

CHECK_AT_ONCE = 1500
"""Drafts up to this many characters are checked on every keystroke (a few ms); longer ones when she pauses."""

PAUSE = 0.15
"""Seconds without typing before a long draft is checked."""

_RISK_STYLE = {
    "high": "bold $error",
    "medium": "bold $warning",
    "low": "bold $success",
    "none": "bold $success",
}


def _mark_name(kind: str) -> str:
    return "direct" if kind in DIRECT else "patient" if kind == "patient" else "quasi"


class DraftArea(TextArea):
    """A TextArea that marks the findings in its own text, checked again on every edit.

    Textual's TextArea styles spans through its highlight map, which is built
    for syntax highlighting; with no language set the map is empty, and this
    class fills it with the findings instead, so the marks move with the text
    as she types. Typed or pasted control characters become visible pictures
    (ESC shows as ␛) before they reach the document, so a pasted escape
    sequence is never sent to the terminal.
    """

    class Checked(Message):
        """A long draft was checked once she paused typing: the list can follow."""

    def __init__(self, check: Callable[[str], PostCheck], **kwargs: object) -> None:
        self._check = check
        self.result: PostCheck | None = None
        """The check of the text as it is now, or None while a long draft waits for her to pause."""
        self._pending: Timer | None = None
        self._due = False
        super().__init__(**kwargs)  # type: ignore[arg-type]  # TextArea's keywords, passed through untouched

    def on_mount(self) -> None:
        self.register_theme(MARKS)
        self.theme = MARKS.name

    def edit(self, edit: Edit) -> EditResult:
        edit.text = printable(edit.text)
        return super().edit(edit)

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()  # clears the map (and the line cache): no language, no syntax
        text = "\n".join(self.document.lines)
        if len(text) > CHECK_AT_ONCE and self.is_mounted and not self._due:
            # A blog-length draft takes tens of ms to check: wait until she pauses. The marks go
            # meanwhile, since their offsets would point at the wrong words after the edit.
            self.result = None
            if self._pending is not None:
                self._pending.stop()
            self._pending = self.set_timer(PAUSE, self._check_after_pause)
            return
        self._due = False
        self.result = self._check(text)
        starts, at = [], 0
        for line in self.document.lines:
            starts.append(at)
            at += len(line) + 1
        for finding in self.result.findings:
            name = _mark_name(finding.kind)
            for row, line_start in enumerate(starts):
                line = self.document.lines[row]
                lo, hi = max(finding.start, line_start), min(finding.end, line_start + len(line))
                if lo < hi:
                    start_byte = len(line[: lo - line_start].encode("utf-8"))
                    end_byte = start_byte + len(line[lo - line_start : hi - line_start].encode("utf-8"))
                    self._highlights[row].append((start_byte, end_byte, name))

    def _check_after_pause(self) -> None:
        self._pending = None
        self._due = True
        self._build_highlight_map()
        self.refresh()
        self.post_message(self.Checked())

    def location_of(self, offset: int) -> tuple[int, int]:
        """(row, column) of a character offset into the checked text."""
        for row, line in enumerate(self.document.lines):
            if offset <= len(line):
                return (row, offset)
            offset -= len(line) + 1
        last = len(self.document.lines) - 1
        return (last, len(self.document.lines[last]))


class PostCheckScreen(StacksWhenNarrow):
    """The draft, its findings and their reasons, the risk, and her own policy's line."""

    DEFAULT_CSS = """
    PostCheckScreen #post-check { padding: 0 1; height: 1fr; }
    PostCheckScreen #post-privacy { height: auto; margin-bottom: 0; }
    PostCheckScreen #post-draft { height: 7; min-height: 4; }
    PostCheckScreen #post-verdict { height: auto; max-height: 4; }
    PostCheckScreen #post-findings { height: 1fr; min-height: 3; border: round $panel; }
    PostCheckScreen #post-findings:focus { border: round $accent; }
    PostCheckScreen #post-policy { height: auto; max-height: 3; }
    """

    BINDINGS = [
        Binding("escape", "close", "Close", id="post-check.close", tooltip="Close; the draft is forgotten"),
        Binding(
            "ctrl+s", "export", "Export", id="post-check.export", tooltip="Write the draft to a file of yours"
        ),
    ]

    def __init__(self, session: Session, text: str = "") -> None:
        super().__init__()
        self.session = session
        self.initial_text = text
        self._shown: PostCheck | None = None

    @property
    def policy(self) -> Policy | None:
        return self.session.saved or (self.session.working if not self.session.working.is_empty else None)

    def compose(self) -> ComposeResult:
        with Vertical(id="post-check"):
            yield Static(heading("Before you post"), classes="title")
            yield Static(muted(NEVER_SAVED), id="post-privacy")
            yield DraftArea(self._check, text=printable(self.initial_text), id="post-draft", soft_wrap=True)
            yield Static("", id="post-verdict")
            yield OptionList(id="post-findings")
            yield Static("", id="post-policy")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        draft = self.query_one(DraftArea)
        draft.focus()
        self._show(draft.result)

    def _check(self, text: str) -> PostCheck:
        policy = self.policy
        practice = policy.profile.practice_contact if policy else ""
        return check_post(
            text, rare_conditions=self.session.catalog.rare_conditions, practice_contact=practice
        )

    @on(TextArea.Changed, "#post-draft")
    @on(DraftArea.Checked)
    def _typed(self) -> None:
        self._show(self.query_one(DraftArea).result)

    def _show(self, checked: PostCheck | None) -> None:
        if checked is None or checked is self._shown:
            return
        self._shown = checked
        result = report(checked, self.policy)
        self.query_one("#post-verdict", Static).update(self._verdict(result))
        findings = self.query_one("#post-findings", OptionList)
        findings.clear_options()
        findings.add_options(
            Option(
                Content.assemble(
                    ("\u201c", "dim"),
                    plain(" ".join(f.text.split())),
                    ("\u201d ", "dim"),
                    (f.kind, "bold"),
                    ": ",
                    f.why,
                ),
                id=str(i),
            )
            for i, f in enumerate(checked.findings)
        )
        self.query_one("#post-policy", Static).update(
            Content.assemble(("Your policy: ", "bold"), plain(result.policy))
        )

    def _verdict(self, result: Report) -> Content:
        checked = result.check
        if not checked.text.strip():
            return muted(
                "Type or paste your draft above: what could identify a patient is marked as you type."
            )
        risk = checked.risk.value
        return Content.assemble(
            (f"{risk.upper()} risk", _RISK_STYLE[risk]), " \u00b7 ", checked.assessment.reason
        )

    @on(OptionList.OptionHighlighted, "#post-findings")
    def _select_span(self, event: OptionList.OptionHighlighted) -> None:
        """The highlighted finding is selected in the draft, so she sees exactly which words it means."""
        draft = self.query_one(DraftArea)
        if draft.result is None or self._shown is not draft.result or event.option.id is None:
            return  # a long draft waiting to be checked: the listed offsets may be stale
        if not event.option_list.has_focus:
            return  # only while she moves through the list: never move the cursor as she types
        finding = self._shown.findings[int(event.option.id)]
        draft.selection = Selection(draft.location_of(finding.start), draft.location_of(finding.end))
        draft.scroll_cursor_visible()

    @on(OptionList.OptionSelected, "#post-findings")
    def _edit_span(self) -> None:
        """Enter on a finding: back to the draft with its words selected, ready to retype."""
        self.query_one(DraftArea).focus()

    def action_close(self) -> None:
        self.dismiss()

    def action_export(self) -> None:
        from clinician_compass.tui.screens.export_dialog import ExportDialog

        text = self.query_one(DraftArea).text

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote your draft to {path}", markup=False)

        self.app.push_screen(
            ExportDialog(
                lambda part, fmt: text,
                paths=getattr(self.app, "paths", None),
                parts=[("draft", "Your draft post")],
                part="draft",
                formats=("txt",),
                format="txt",
                stem="draft-post",
            ),
            written,
        )
