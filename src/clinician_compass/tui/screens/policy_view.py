"""Your policy in every form: read it, copy any part, export it to a file."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from clinician_compass.documents import render
from clinician_compass.documents.checklist import account_heading, where
from clinician_compass.documents.dates import long_date
from clinician_compass.documents.short_form import ShortFormRefresh
from clinician_compass.tui.messages import SetShortForm, TickStep
from clinician_compass.tui.screens.dialogs import EditShortFormDialog, ShortFormChoiceDialog
from clinician_compass.tui.text import heading, lines, muted, plain
from clinician_compass.walkthrough.session import Session

TABS: list[tuple[str, str, str]] = [
    ("full", "Full policy", "md"),
    ("short", "Short form", "txt"),
    ("patients", "For patients", "txt"),
    ("bios", "Profile lines", "txt"),
    ("scripts", "Replies", "txt"),
    ("checklist", "Set-up", "txt"),
]
"""(part, tab title, format used for copy and export)."""

INDENT = "\u00a0" * 4
"""No-break spaces: wrapping folds ordinary leading spaces away."""

SETUP = "checklist"
"""The settings checklist's part: the one tab she can tick steps off on."""


class PolicyScreen(Screen[None]):
    """A tab for each form of the policy, each drawn when its tab is opened."""

    DEFAULT_CSS = """
    PolicyScreen #setup-list {
        height: 1fr;
        border: none;
        padding: 0 1;
    }
    PolicyScreen #setup-intro {
        padding: 0 1;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape", "app.home", "Home", id="policy.home", tooltip="Back to the home screen"),
        Binding(
            "space",
            "tick",
            "Tick off",
            id="policy.tick",
            tooltip="Tick the highlighted setting off as done, or mark it as still to do",
        ),
        Binding("right_square_bracket", "tab(1)", "Next tab", id="policy.next-tab", key_display="]",
                tooltip="Show the next form of your policy"),
        Binding("left_square_bracket", "tab(-1)", "Previous tab", id="policy.previous-tab", key_display="[",
                show=False, tooltip="Show the previous form of your policy"),  # in Help: the footer is full at 80x24
        Binding("c", "copy", "Copy", id="policy.copy",
                tooltip="Copy one piece of this tab (a reply, a profile line, the short form) or all of it"),
        Binding("e", "export", "Export", id="policy.export", tooltip="Write a part of your policy to a file"),
        Binding("x", "change_answer", "Change an answer", id="policy.change",
                tooltip="Change one decision; it is saved at once, with no walkthrough"),
        Binding("a", "app.add_platform", "Add platform", id="policy.add-platform",
                tooltip="Add a platform and answer its decisions"),
        Binding("h", "app.history", "History", id="policy.history", tooltip="Earlier versions of your policy"),
        Binding(
            "w",
            "edit_short",
            "Write your own",
            id="policy.edit-short",
            tooltip="Put the short form in your own words; it is never replaced without asking",
        ),
    ]

    def __init__(self, session: Session, *, offer: ShortFormRefresh | None = None) -> None:
        super().__init__()
        self.session = session
        self.offer = offer
        """Set after a save that kept the clinician's short form although the decisions now give another."""
        self._texts: dict[str, str] = {}
        self._drawn: dict[str, Content] = {}
        """Each tab as drawn, kept until ``reload``: going back to a tab does not lay the policy out again."""
        self._steps: dict[str, tuple[str, str, str, bool]] = {}
        """Option id on the Set-up tab → (platform, account, step id, done)."""

    def compose(self) -> ComposeResult:
        with TabbedContent(id="policy-tabs"):
            for part, title, _ in TABS:
                with TabPane(title, id=f"tab-{part}"):
                    if part == SETUP:
                        yield Static(
                            "The settings that make each account work the way you decided. "
                            "Space or Enter ticks the highlighted one off.",
                            id="setup-intro",
                            markup=False,
                        )
                        yield OptionList(id="setup-list")
                    else:
                        yield VerticalScroll(
                            Static("", id=f"text-{part}", classes="policy-text"), can_focus=True
                        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._show("full")
        self._focus_document()
        if self.offer:
            self.app.push_screen(
                ShortFormChoiceDialog(self.offer.previous, self.offer.generated), self._replace_short
            )

    def _replace_short(self, replace: bool | None) -> None:
        if replace:
            self.post_message(SetShortForm(None))

    def reload(self) -> None:
        """Render every form again from the saved policy (after a tick or a new short form), in place."""
        self._texts.clear()
        self._drawn.clear()
        self._steps.clear()
        if self.current_part == SETUP:
            self._fill_setup(keep=self.query_one("#setup-list", OptionList).highlighted)
        else:
            self._show(self.current_part)

    @on(TabbedContent.TabActivated)
    def _tab(self, event: TabbedContent.TabActivated) -> None:
        self._show(self.current_part)

    def _focus_document(self) -> None:
        """Arrows and PageUp/PageDown move the text at once, not the tab strip."""
        pane = self.query_one(f"#tab-{self.current_part}", TabPane)
        target = pane.query("#setup-list") or pane.query(VerticalScroll)
        if target:
            target.first().focus()

    def action_tab(self, step: int) -> None:
        parts = [p for p, _, _ in TABS]
        index = (parts.index(self.current_part) + step) % len(parts)
        self.query_one(TabbedContent).active = f"tab-{parts[index]}"
        self.call_after_refresh(self._focus_document)

    @property
    def current_part(self) -> str:
        active = self.query_one(TabbedContent).active or "tab-full"
        return active.removeprefix("tab-")

    def text_of(self, part: str) -> str:
        if part not in self._texts:
            fmt = dict((p, f) for p, _, f in TABS)[part]
            policy = self.session.saved or self.session.working
            self._texts[part] = render(policy, self.session.catalog, format=fmt, part=part)
        return self._texts[part]

    def _show(self, part: str) -> None:
        self.refresh_bindings()
        if part == SETUP:
            if not self._steps:
                self._fill_setup()
            return
        if part not in self._drawn:
            if part == "full":
                self._drawn[part] = self._full_policy()
            elif part == "short":
                self._drawn[part] = self._short_form()
            else:
                self._drawn[part] = plain(self.text_of(part))
        self.query_one(f"#text-{part}", Static).update(self._drawn[part])

    def _full_policy(self) -> Content:
        """The full policy as the text export lays it out, headings and labels in bold."""
        from clinician_compass.documents.export import lay_out
        from clinician_compass.tui.document_text import ContentWriter

        writer = ContentWriter()
        lay_out(self.session.saved or self.session.working, self.session.catalog, "full", writer)
        return writer.content()

    def _short_form(self) -> Content:
        """The short form, and what each maxim means (for the generated one; hers is shown as she wrote it)."""
        from clinician_compass.documents.short_form import has_edit, short_form_lines

        policy = self.session.saved or self.session.working
        glossed = short_form_lines(policy, self.session.catalog)
        parts: list[Content | str] = []
        if has_edit(policy):
            parts += [
                heading("Your short form, in your words"),
                plain(policy.short_form.text.strip()),
                "",
                muted("W rewrites it. What the maxims below mean is for the short form made from your decisions:"),
                "",
            ]
        elif not glossed:
            return plain(self.text_of("short"))
        else:
            parts += [heading("Your short form"), plain(self.text_of("short").strip()), ""]
        for maxim, gloss in glossed:
            parts.append(Content.assemble((maxim, "bold"), ": ", gloss))
        return lines(*parts)

    # --- the Set-up tab ----------------------------------------------------------------------------

    def _fill_setup(self, keep: int | None = None) -> None:
        """One row per account (its name and how far she is), then one per step it calls for."""
        from clinician_compass.policy.checklist import checklist_for

        policy = self.session.saved or self.session.working
        jurisdiction = policy.profile.jurisdiction
        options = self.query_one("#setup-list", OptionList)
        options.clear_options()
        self._steps.clear()
        lists = checklist_for(policy, self.session.catalog)
        if not lists:
            options.add_option(Option(Content("No accounts yet: choose your platforms first."), disabled=True))
        for number, checklist in enumerate(lists):
            done = f"{checklist.done} of {len(checklist.steps)} done" if checklist.steps else "nothing to change"
            if number:
                options.add_option(None)  # a rule between accounts
            options.add_option(
                Option(Content.assemble((account_heading(checklist), "bold $accent"), f" · {done}"), disabled=True)
            )
            for item in checklist.steps:
                option_id = f"{checklist.platform.id}/{checklist.account_key}/{item.step.id}"
                self._steps[option_id] = (checklist.platform.id, checklist.account_key, item.step.id, item.done)
                mark = ("[x] ", "bold $success") if item.done else ("[ ] ", "bold")
                state = (
                    f"Done on {long_date(item.done_on, jurisdiction)}." if item.done_on else "Not done yet."
                )
                prompt = Content.assemble(
                    mark,
                    (item.step.title, "bold"),
                    f"\n{INDENT}",
                    where(item.step),
                    f"\n{INDENT}",
                    (f"Checked {long_date(item.step.checked, jurisdiction)} ({item.step.confidence.label})", "dim"),
                    f"\n{INDENT}",
                    (state, "$success" if item.done else "$warning"),
                )
                options.add_option(Option(prompt, id=option_id))
        if keep is not None and keep < options.option_count:
            options.highlighted = keep
        elif self._steps:
            options.highlighted = next(
                i for i in range(options.option_count) if not options.get_option_at_index(i).disabled
            )

    @on(OptionList.OptionSelected, "#setup-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.action_tick()

    def action_tick(self) -> None:
        options = self.query_one("#setup-list", OptionList)
        index = options.highlighted
        if index is None:
            return
        step = self._steps.get(options.get_option_at_index(index).id or "")
        if step is None:
            return
        platform, account, step_id, done = step
        self.post_message(TickStep(platform, account, step_id, not done))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "edit_short":
            return self.current_part == "short" and self.session.saved is not None
        if action == "tick":
            return self.current_part == SETUP and self.session.saved is not None
        if action == "change_answer":
            return self.session.saved is not None
        return True

    def action_edit_short(self) -> None:
        from clinician_compass.documents.short_form import compose_short_form, effective_short_form

        saved = self.session.saved
        if saved is None:
            return
        current = effective_short_form(saved, self.session.catalog)
        generated = compose_short_form(saved, self.session.catalog)

        def done(text: str | None) -> None:
            if text is None or text == current:
                return
            self.post_message(SetShortForm(text or None))

        self.app.push_screen(EditShortFormDialog(current, generated), done)

    def decisions(self) -> list[tuple[str, str]]:
        """(where and what, position) for each decision in the policy, in walkthrough order."""
        from clinician_compass.walkthrough.plan import account_title

        catalog = self.session.catalog
        policy = self.session.saved or self.session.working
        found = []
        for step in self.session.plan.decision_steps:
            decision = catalog.decisions.get(step.decision)
            if decision is None:
                continue
            if step.platform is None:
                where = "Everywhere"
            else:
                platform = catalog.platforms[step.platform]
                held = policy.platforms.get(step.platform)
                account = held.accounts.get(step.account) if held and step.account else None
                where = (
                    account_title(platform, step.account, getattr(account, "handle", "") or "")
                    if step.account
                    else platform.name
                )
            found.append((f"{where}: {decision.title}", step.position))
        return found

    def action_change_answer(self) -> None:
        from clinician_compass.tui.messages import EditStep
        from clinician_compass.tui.screens.copy_picker import CopyPicker

        def chosen(position: str | None) -> None:
            if position:
                self.post_message(EditStep(position))

        self.app.push_screen(
            CopyPicker(
                self.decisions(),
                title="Change an answer",
                hint="Enter opens the highlighted decision. Your change is saved as soon as you confirm it.",
                preview=False,
            ),
            chosen,
        )

    def action_copy(self) -> None:
        from clinician_compass.documents.copyable import items
        from clinician_compass.tui.screens.copy_picker import CopyPicker

        part = self.current_part
        policy = self.session.saved or self.session.working
        pieces = items(policy, self.session.catalog, part)
        if part == "full":
            pieces = [("The whole policy", self.text_of(part))]
        self.app.push_screen(CopyPicker(pieces), self._copy)

    def _copy(self, text: str | None) -> None:
        from clinician_compass.tui import clipboard

        if text is None:
            return
        self.notify(clipboard.copy(text, self.app.copy_to_clipboard), markup=False)

    def action_export(self) -> None:
        from clinician_compass.documents.export import FORMATS
        from clinician_compass.tui.screens.export_dialog import ExportDialog

        policy = self.session.saved or self.session.working

        def text_for(part: str, fmt: str) -> str:
            return render(policy, self.session.catalog, format=fmt, part=part)

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote {path}", markup=False)

        part = self.current_part
        self.app.push_screen(
            ExportDialog(
                text_for,
                paths=getattr(self.app, "paths", None),
                parts=[(p, title) for p, title, _ in TABS],
                part=part,
                formats=FORMATS,
                format=dict((p, f) for p, _, f in TABS)[part],
            ),
            written,
        )
