"""Quick reference: type what happened, see what you decided and a reply to copy."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from clinician_compass.documents.scripts import NO_REPLY
from clinician_compass.guidance import Platform
from clinician_compass.guidance.model import OWN_SUGGESTION_LABEL
from clinician_compass.policy.model import Policy
from clinician_compass.reference import Hit, Reference, answers_for, platform_in_query, search
from clinician_compass.reference.answers import YourAnswer
from clinician_compass.reference.search import CLOSEST, nothing_fits
from clinician_compass.tui.messages import CloseReference, OpenDecision
from clinician_compass.tui.screens.layout import StacksWhenNarrow
from clinician_compass.tui.text import bullets, heading, lines, muted, plain, plain_line
from clinician_compass.tui.widgets.plain_input import PlainInput
from clinician_compass.walkthrough.plan import Step
from clinician_compass.walkthrough.session import Session

RESULTS = 8

INDENT = "\u00a0\u00a0"
"""No-break spaces: wrapping folds ordinary leading spaces away."""

ACCOUNT_PURPOSES = {"professional": "professional", "personal": "personal", "mixed": "mixed use"}
"""How an account is named beside its platform; the undecided ``main`` account is named by its handle alone."""


class ReferenceScreen(StacksWhenNarrow):
    """Search box, matching situations, and the detail of the highlighted one."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="reference.close", tooltip="Back to where you were"),
        Binding("ctrl+y", "copy_reply", "Copy reply", id="reference.copy", tooltip="Copy the reply script"),
        Binding(
            "ctrl+o",
            "next_account",
            "Account",
            id="reference.next-account",
            tooltip="Highlight the next account: Ctrl+Y copies the highlighted account's reply",
        ),
        Binding(
            "ctrl+t", "decide", "Decide", id="reference.decide", tooltip="Open the first undecided decision"
        ),
        Binding(
            "down",
            "focus_results",
            "Results",
            show=False,
            id="reference.results",
            tooltip="Move to the results",
        ),
    ]

    def __init__(self, session: Session, query: str = "", platform: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.initial_query = query
        self.platform = platform
        self.current: Reference | None = None
        self._hits: dict[str, Hit] = {}
        self._platform_for_hits: str | None = platform
        self.account_index = 0
        """Which of the accounts shown is highlighted: Ctrl+Y copies its reply."""

    def compose(self) -> ComposeResult:
        with Vertical(id="reference"):
            yield Static(heading("Quick reference"), classes="title")
            yield PlainInput(
                self.initial_query,
                placeholder='What happened? e.g. "dm results", "friend request", "one star review"',
                id="query",
            )
            with Horizontal(id="reference-body"):
                yield OptionList(id="results")
                with VerticalScroll(id="reference-detail", can_focus=True):
                    yield Static("", id="reference-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        self._search(self.initial_query)

    @property
    def policy(self) -> Policy | None:
        return self.session.saved or (self.session.working if not self.session.working.is_empty else None)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    @on(Input.Submitted, "#query")
    def action_focus_results(self) -> None:
        self.query_one("#results", OptionList).focus()

    def _search(self, query: str) -> None:
        catalog = self.session.catalog
        results = self.query_one("#results", OptionList)
        results.clear_options()
        if not query.strip():
            self._show_text(muted("Type a few words: what happened, and where."))
            self.current = None
            return
        platform = self.platform or platform_in_query(catalog, query)
        hits = search(catalog, query, limit=RESULTS, platform=platform)
        self._platform_for_hits = platform
        if not hits:
            self.current = None
            self._show_text(
                lines(
                    Content.assemble("Nothing matched “", plain_line(query), "”."),
                    muted(
                        'Try plainer words: "friend request", "dm", "review", "block", "tagged", "photo", "google".'
                    ),
                )
            )
            return
        weak = nothing_fits(hits)
        if weak:  # a weak best match is offered as the closest few, never as the answer
            hits = hits[:CLOSEST]
            results.add_option(Option(Content.styled("Nothing fits this well. Closest:", "$warning"), disabled=True))
        results.add_options(Option(Content(hit.situation.title), id=hit.situation.id) for hit in hits)
        self._hits = {hit.situation.id: hit for hit in hits}
        results.highlighted = 1 if weak else 0

    @on(OptionList.OptionHighlighted, "#results")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        hit = self._hits.get(event.option.id or "")
        if hit:
            self.current = answers_for(hit, self.session.catalog, self.policy, self._platform_for_hits)
            self.account_index = 0
            self.refresh_bindings()
            self._show_text(self._detail(self.current))

    def _show_text(self, content: Content) -> None:
        self.query_one("#reference-text", Static).update(content)

    def _detail(self, ref: Reference) -> Content:
        catalog = self.session.catalog
        situation = ref.hit.situation
        parts: list[Content | str] = [heading(situation.title), "", heading("Your policy says")]
        if not ref.answers:
            parts.append(muted("Not decided yet: add a platform where this applies (Ctrl+T)."))
        groups = self.account_groups(ref)
        for index, (name, answers) in enumerate(groups):
            lit = index == self.account_index and len(groups) > 1
            parts.append(Content.styled(("▸ " if lit else "") + name, "bold reverse" if lit else "bold"))
            for answer in answers:
                where = Content.styled(f"{INDENT}{answer.decision_title}: ", "bold")
                if answer.choice:
                    parts.append(Content.assemble(where, answer.label))
                    if answer.note:
                        parts.append(Content.assemble(f"{INDENT}{INDENT}“", plain(answer.note), "”"))
                elif answer.platform and self.policy and answer.platform not in self.policy.platforms:
                    parts.append(
                        Content.assemble(where, ("not one of your platforms yet (Ctrl+T adds it)", "$warning"))
                    )
                else:
                    parts.append(Content.assemble(where, ("not decided yet (Ctrl+T to decide)", "$warning")))
            reply = next((a.reply for a in answers if a.reply), "")
            if reply == NO_REPLY:
                parts.append(Content.styled(f"{INDENT}{NO_REPLY}", "italic"))
            elif reply:
                label = "Your reply (Ctrl+Y copies this one):" if lit or len(groups) == 1 else "Your reply:"
                parts += [Content.styled(INDENT + label, "$text-muted"), plain(reply)]
        if ref.script_text and not any(a.reply for a in ref.answers):  # no policy: the plain script
            parts += ["", heading("A reply you can copy (Ctrl+Y)"), plain(ref.script_text)]
        title = OWN_SUGGESTION_LABEL if situation.own_suggestion else "What the guidance says"
        parts += ["", heading(title), situation.guidance]
        ordered = ref.ordered
        if ordered and ordered.absence:
            parts.append(Content.styled(ordered.absence, "$warning"))
        for item in ordered.items if ordered else ():
            if item.home and item.says and item.source.id not in situation.sources:
                parts.append(Content.assemble((item.label, "bold"), " — ", item.says))
        labels = [f"{i.label} ({i.source.year})" for i in ordered.items] if ordered else []
        parts.append(muted("Sources: " + "; ".join(labels)))
        topics = {t for d in situation.decisions for t in catalog.decisions[d].facts}
        for platform in self._platforms_to_explain(ref):
            facts = [f for t, f in platform.facts.items() if t in topics]
            if facts:
                parts += ["", heading(f"How {platform.name} works")]
                parts.append(
                    bullets(
                        [f"{f.text} (checked {f.checked.isoformat()} · {f.confidence.label})" for f in facts],
                        "•",
                        "",
                    )
                )
        return lines(*parts)

    def account_groups(self, ref: Reference) -> list[tuple[str, list[YourAnswer]]]:
        """Her answers by account, each named as she knows it ("X · professional @DrJaneSmithGP")."""
        groups: dict[tuple[str | None, str | None], list[YourAnswer]] = {}
        for answer in ref.answers:
            groups.setdefault((answer.platform, answer.account), []).append(answer)
        return [(self._account_name(platform, account), found) for (platform, account), found in groups.items()]

    def _account_name(self, platform: str | None, account: str | None) -> str:
        catalog = self.session.catalog
        if platform is None:
            return "Everywhere"
        name = catalog.platforms[platform].short_name if platform in catalog.platforms else platform
        entry = self.policy.platforms.get(platform) if self.policy else None
        holder = entry.accounts.get(account or "") if entry else None
        if holder is None and entry is not None and account is None and len(entry.accounts) == 1:
            account, holder = next(iter(entry.accounts.items()))
        purpose = ACCOUNT_PURPOSES.get(account or "", "")
        handle = plain_line(holder.handle) if holder and holder.handle else ""
        return " ".join(part for part in (f"{name} ·" if purpose or handle else name, purpose, handle) if part)

    def _platforms_to_explain(self, ref: Reference) -> list[Platform]:
        """The platform the search named; otherwise each of the clinician's platforms this situation touches."""
        catalog = self.session.catalog
        named_in_search = self._platform_for_hits
        if named_in_search is not None and named_in_search in catalog.platforms:
            return [catalog.platforms[named_in_search]]
        named = dict.fromkeys(a.platform for a in ref.answers if a.platform and a.platform in catalog.platforms)
        return [catalog.platforms[p] for p in named]

    def action_close(self) -> None:
        """Back to the mode she opened the reference from (it lives in its own mode)."""
        self.post_message(CloseReference())

    def highlighted_reply(self) -> tuple[str, str]:
        """(account name, its reply) for the highlighted account; the plain script without a policy."""
        if self.current is None:
            return "", ""
        groups = self.account_groups(self.current)
        if not any(a.reply for a in self.current.answers):
            return "", self.current.script_text
        name, answers = groups[min(self.account_index, len(groups) - 1)]
        return name, next((a.reply for a in answers if a.reply), "")

    def action_next_account(self) -> None:
        if self.current is None:
            return
        count = len(self.account_groups(self.current))
        self.account_index = (self.account_index + 1) % max(count, 1)
        self._show_text(self._detail(self.current))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_account":
            return self.current is not None and len(self.account_groups(self.current)) > 1
        return True

    def action_copy_reply(self) -> None:
        name, reply = self.highlighted_reply()
        if reply == NO_REPLY:
            self.notify(f"{name}: you decided not to reply here.", severity="warning", markup=False)
        elif reply:
            self.app.copy_to_clipboard(reply)
            where = f" for {name}" if name else ""
            self.notify(f"Reply{where} copied to the clipboard (if your terminal allows it).", markup=False)
        else:
            self.notify("There is no reply script for this situation.", severity="warning", markup=False)

    def action_decide(self) -> None:
        """Open the walkthrough at the first decision this situation touches that is not decided."""
        if not self.current:
            return
        undecided = [a for a in self.current.answers if a.choice is None]
        if not undecided:
            self.notify("Everything this situation touches is decided.", markup=False)
            return
        first = undecided[0]
        self.post_message(
            OpenDecision(Step(first.platform, first.decision).position, add_platform=first.platform or "")
        )
