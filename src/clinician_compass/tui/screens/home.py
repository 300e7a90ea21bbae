"""Later launches: the policy at a glance, and what to do next."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import ScreenResume, ScreenSuspend
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from clinician_compass.documents.safe_text import printable
from clinician_compass.documents.short_form import effective_short_form
from clinician_compass.policy.model import JURISDICTIONS, ROLES
from clinician_compass.policy.review import next_review as next_review_of
from clinician_compass.tui.messages import DiscardDraft, EditStep, OpenHistory, StartReview, StartWalkthrough
from clinician_compass.tui.text import heading, labelled, lines, muted, plain
from clinician_compass.tui.typed_app import compass_app
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, Plan, Step
from clinician_compass.walkthrough.session import Session


class HomeScreen(Screen[None]):
    """Where a returning clinician lands."""

    BINDINGS = [
        Binding("p", "app.policy", "Policy", id="home.policy", tooltip="Read, copy and export your policy"),
        Binding("w", "walk", "Walk through", id="home.walk", tooltip="Walk through again, pre-filled"),
        Binding("a", "app.add_platform", "Add platform", id="home.add", tooltip="Answer only the new platform's questions"),
        Binding("c", "app.edit_profile", "Profile", show=False, id="home.profile", tooltip="Change your name or contact number"),
    ]

    def __init__(self, session: Session, *, has_draft: bool, today: date | None = None) -> None:
        super().__init__()
        self.today = today
        self.session = session
        self.has_draft = has_draft
        self._away = False
        """Another screen or mode was shown over this one since it was composed."""

    def compose(self) -> ComposeResult:
        policy = self.session.saved
        assert policy is not None
        p = policy.profile
        who = " · ".join(
            x for x in (p.display_name, ROLES.get(p.role, ""), JURISDICTIONS.get(p.jurisdiction, "")) if x
        )
        names = [
            self.session.catalog.platforms[pid].name
            for pid in policy.platforms
            if pid in self.session.catalog.platforms
        ]
        reviewed = policy.meta.last_reviewed or policy.meta.created
        next_review = next_review_of(policy)
        review = (
            Content.styled(f"Review due: last reviewed {reviewed.isoformat()}", "bold $warning")
            if policy.review_due(self.today)
            else muted(f"Last reviewed {reviewed.isoformat()} · next review by {next_review.isoformat()}")
        )
        with Vertical(id="home"):
            yield Static(heading("Your social media policy"), classes="title")
            yield Static(plain(who), id="home-who")
            short = effective_short_form(policy, self.session.catalog)
            yield Static(Content.styled(printable(short) or "No short form yet.", "bold"), id="home-short")
            yield Static(
                lines(labelled("Platforms:", ", ".join(names) or "none yet"), review), id="home-facts"
            )
            actions: list[Option | None] = []
            if self.has_draft:
                actions.append(Option(Content("Resume your unfinished walkthrough"), id="resume"))
                actions.append(Option(Content("Discard your unfinished walkthrough (asks first)"), id="discard"))
            if policy.review_due(self.today):
                actions.append(Option(Content("Review now: what changed since you decided, then the rest"), id="review"))
            actions += [
                Option(Content("Read, copy or export your policy"), id="policy"),
                Option(Content("Walk through again (your answers are pre-filled)"), id="walk"),
                Option(Content("Add a platform"), id="add-platform"),
                Option(Content("Remove a platform (asks first, lists what goes)"), id="remove-platform"),
                Option(Content("Change your profile (name, contact number)"), id="edit:" + PROFILE),
                Option(Content("Quick reference: find a situation (Ctrl+R)"), id="reference"),
                Option(Content("History: earlier versions, what changed, restore one"), id="history"),
            ]
            if not policy.review_due(self.today):
                actions.append(Option(Content("Review your policy now (not due yet)"), id="review"))
            plan = Plan(self.session.catalog, tuple(policy.platforms), policy)
            undecided = plan.undecided()
            if undecided:
                actions.append(None)
                actions += [
                    Option(Content(f"Still to decide · {self._label(plan, s)}"), id="edit:" + s.position)
                    for s in undecided
                ]
            actions.append(None)
            actions += [
                Option(Content(f"Change · {self._label(plan, s)}"), id="edit:" + s.position)
                for s in plan.steps
                if s not in undecided
            ]
            yield OptionList(*actions, id="home-actions")
        yield Footer(compact=True)

    @staticmethod
    def _label(plan: Plan, step: Step) -> str:
        """"X, professional account · Who can see your posts: Public": one line per answer she can change."""
        if step.is_handles:
            return f"{plan.where(step)} · handles"
        answer = plan.answer(step)
        decision = plan.decision(step)
        chosen = ""
        if answer is not None:
            chosen = next((o.label for o in decision.options if o.id == answer.choice), answer.choice)
        return f"{plan.where(step)} · {decision.title}" + (f": {chosen}" if chosen else "")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_screen_suspend(self, event: ScreenSuspend) -> None:
        self._away = True

    def on_screen_resume(self, event: ScreenResume) -> None:
        """Back from help, a dialog, history, the review or another mode: what it shows may have changed."""
        if self._away:
            self._away = False
            self.refresh_facts()

    @work(exclusive=True, group="home-refresh")
    async def refresh_facts(self) -> None:
        """Compose again from the session as it is now, keeping her place in the list."""
        before = self.query_one(OptionList)
        highlighted = before.highlighted_option.id if before.highlighted_option else None
        self.has_draft = compass_app(self.app).has_draft()
        await self.recompose()
        options = self.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        if highlighted in ids:
            options.highlighted = ids.index(highlighted)
        options.focus()

    @on(OptionList.OptionSelected, "#home-actions")
    async def _act(self, event: OptionList.OptionSelected) -> None:
        action = event.option.id
        if action == "resume":
            self.post_message(StartWalkthrough(resume=True))
        elif action == "discard":
            self.post_message(DiscardDraft())
        elif action == "walk":
            self.action_walk()
        elif action in ("add-platform", "remove-platform") and self.has_draft:
            # inside the unfinished walkthrough: never a second change beside it
            self.post_message(StartWalkthrough(resume=True, position=PLATFORMS))
        elif action in ("add-platform", "remove-platform"):
            self.post_message(EditStep(PLATFORMS))
        elif action and action.startswith("edit:"):
            self.post_message(EditStep(action.removeprefix("edit:")))
        elif action == "reference":
            await self.run_action("app.reference")
        elif action == "policy":
            await self.run_action("app.policy")
        elif action == "review":
            self.post_message(StartReview())
        elif action == "history":
            self.post_message(OpenHistory())

    def action_walk(self) -> None:
        self.post_message(StartWalkthrough())
