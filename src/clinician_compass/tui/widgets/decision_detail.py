"""The panel beside a decision's options: everything a clinician needs to choose well.

It follows the highlighted option (pros and cons) and shows, for the decision as
a whole, what the guidance says (own jurisdiction and profession first), how
this platform works (with the date each fact was checked), where the bodies
disagree, what they do not say, and a real case.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from clinician_compass.guidance.model import (
    Catalog,
    Confidence,
    Decision,
    Option,
    Platform,
    Verification,
)
from clinician_compass.guidance.ranking import ordered_guidance
from clinician_compass.tui.text import bullets, heading, lines, muted


def pros_panel(option: Option) -> Content:
    """What speaks for one option: beside ``cons_panel``, so both start on the panel's first lines."""
    return lines(Content.styled("For", "bold $success"), bullets(option.pros, "+", "bold $success"))


def cons_panel(option: Option) -> Content:
    return lines(Content.styled("Against", "bold $error"), bullets(option.cons, "−", "bold $error"))


def option_panel(option: Option, platform: Platform | None) -> Content:
    """What the policy would say with this option, and whether the platform allows it."""
    parts: list[Content | str] = [
        Content.assemble((option.label, "bold"), " — ", ("your policy would say: ", "italic"), option.policy),
    ]
    if platform and not option.available_on(platform):
        parts.append(Content.styled(f"Not available on {platform.name}.", "$warning"))
    return lines(*parts)


def guidance_panel(decision: Decision, catalog: Catalog, role: str, jurisdiction: str) -> Content:
    ordered = ordered_guidance(decision, catalog, role, jurisdiction)
    parts: list[Content | str] = [heading("What the guidance says")]
    if ordered.absence:
        parts.append(Content.styled(ordered.absence, "$warning"))
    for item in ordered.items:
        statement, source = item.statement, item.source
        assert statement is not None  # a decision's items are its statements
        tag = f" ({item.note})" if item.note else ""
        if statement.verification is Verification.SECONDARY:
            tag += " (checked via a secondary source)"
        elif statement.verification is Verification.NOT_VERIFIED:
            tag += " (NOT VERIFIED: treat as unconfirmed)"
        parts.append(
            Content.assemble(
                (item.label, "bold"),
                f" · {source.year}",
                (tag, "$warning") if tag else "",
                " — ",
                statement.says,
            )
        )
    if decision.disagreement:
        parts += ["", heading("Where the bodies disagree"), decision.disagreement]
    if decision.silence:
        parts += ["", heading("What the guidance does not say"), decision.silence]
    case_source = catalog.sources.get(decision.case_source)
    parts += ["", heading("A real case"), decision.case]
    if case_source:
        parts.append(muted(f"{case_source.publisher}, {case_source.title} ({case_source.year})"))
    parts += ["", muted(f"Guidance last reviewed {decision.reviewed.isoformat()}")]
    return lines(*parts)


def platform_panel(decision: Decision, platform: Platform) -> Content:
    topics = decision.facts or tuple(platform.facts)
    parts: list[Content | str] = [heading(f"How {platform.name} works")]
    shown = 0
    for topic in topics:
        fact = platform.facts.get(topic)
        if not fact:
            continue
        shown += 1
        label = fact.confidence.label
        style = "$warning" if fact.confidence is Confidence.UNVERIFIED else "$text-muted"
        parts.append(Content.assemble("• ", fact.text))
        parts.append(Content.styled(f"  checked {fact.checked.isoformat()} · {label}", style))
    if not shown:
        parts.append(muted("Nothing checked about this for this platform yet."))
    return lines(*parts)


class DecisionDetail(VerticalScroll, can_focus=True):
    """Scrollable detail for one decision; ``show_option`` swaps the option part.

    The highlighted option's pros and cons come first and side by side, so that even at
    80×24 both are on screen without scrolling; the guidance and platform facts follow.
    """

    DEFAULT_CSS = """
    DecisionDetail {
        width: 1fr;
        height: 100%;
        padding: 0 1;
        border-left: vkey $panel;
        &:focus { border-left: vkey $accent; }
        & > Static { margin-bottom: 1; }
        #detail-weigh { height: auto; margin-bottom: 1; }
        #detail-pros { width: 1fr; margin-right: 2; }
        #detail-cons { width: 1fr; }
    }
    """

    def __init__(
        self,
        decision: Decision,
        platform: Platform | None,
        catalog: Catalog,
        role: str,
        jurisdiction: str,
        *,
        id: str | None = None,  # noqa: A002 - Textual's own name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.decision = decision
        self.platform = platform
        self.catalog = catalog
        self.role = role
        self.jurisdiction = jurisdiction

    def compose(self) -> ComposeResult:
        with Horizontal(id="detail-weigh"):
            yield Static(id="detail-pros")
            yield Static(id="detail-cons")
        yield Static(id="detail-option")
        yield Static(id="detail-situation")
        yield Static(id="detail-platform")
        yield Static(id="detail-guidance")

    def on_mount(self) -> None:
        self.show_decision(self.decision, self.platform)

    def show_decision(self, decision: Decision, platform: Platform | None) -> None:
        """Fill the panel for another decision (the screen moves between steps in place)."""
        self.decision, self.platform = decision, platform
        self.query_one("#detail-situation", Static).update(
            lines(heading("The situation"), decision.situation)
        )
        on_platform = self.query_one("#detail-platform", Static)
        on_platform.display = platform is not None
        if platform:
            on_platform.update(platform_panel(decision, platform))
        self.query_one("#detail-guidance", Static).update(
            guidance_panel(decision, self.catalog, self.role, self.jurisdiction)
        )
        self.scroll_home(animate=False)

    def show_option(self, option: Option) -> None:
        self.query_one("#detail-pros", Static).update(pros_panel(option))
        self.query_one("#detail-cons", Static).update(cons_panel(option))
        self.query_one("#detail-option", Static).update(option_panel(option, self.platform))
        self.scroll_home(animate=False)
