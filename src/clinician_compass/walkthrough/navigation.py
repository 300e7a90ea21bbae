"""Where she goes next in the walkthrough: the rules, without Textual.

The app asks a ``Navigator`` what Advance and Back mean right now (the next step, back to
review after a jump, back where a conflict sent her from, the end of a one-change trip)
and only shows the answer. ``EditTrip`` is one change to a saved policy (one answer, the
profile, a platform added or removed) and remembers where it was asked from.
"""

from __future__ import annotations

import copy
from dataclasses import field
from typing import Literal

from clinician_compass.policy.model import ACCOUNT_PURPOSE, Answer, Policy
from clinician_compass.record import record
from clinician_compass.walkthrough.plan import PLATFORMS, PROFILE, REVIEW, Plan, Step
from clinician_compass.walkthrough.session import Session

Origin = Literal["home", "policy", "review"]
"""Where a one-change trip was asked from, and so where it goes back to."""


@record
class EditTrip:
    """One change to a saved policy: one position, or the questions of newly added platforms."""

    start: str
    """Where the trip begins: a step's position, ``profile`` or ``platforms``."""
    added: tuple[str, ...] = field(default=())
    """Platforms added on this trip: their questions (and only theirs) are asked next."""
    origin: Origin = "home"
    """Home, the policy view or the yearly review's list: where she is taken back to, saved or not."""

    def next_after(self, position: str, plan: Plan) -> str | None:
        """The step after ``position`` on this trip, or None when the change is complete."""
        if position in (PROFILE, REVIEW):
            return None
        if position == PLATFORMS:
            return self._first_of_added(plan)
        index = plan.index_of(position)
        if not self.added or index is None:
            return None
        following = [s for s in plan.steps[index + 1 :] if s.platform in self.added]
        return following[0].position if following else None

    def _first_of_added(self, plan: Plan) -> str | None:
        steps = [s for s in plan.steps if s.platform in self.added]
        return steps[0].position if steps else None


MoveKind = Literal["goto", "finish", "cancel", "leave"]


@record(frozen=True)
class Move:
    """What Advance or Back means now: show ``position`` (``goto``), save the one change and go back
    (``finish``), drop the trip unchanged (``cancel``), or leave the walkthrough (``leave``: home or welcome)."""

    kind: MoveKind
    position: str = ""


@record
class Navigator:
    """Where she is in the walkthrough beyond the step itself: a jump from review, a detour to an
    earlier answer, a one-change trip. One per app; the session keeps the step and the answers."""

    walking: bool = False
    """A walkthrough (or a one-change trip) is under way: its answers are in the session and the draft."""
    from_review: bool = False
    """She jumped from review to one answer: confirming it goes back to review."""
    after_earlier: str | None = None
    """A conflict sent her to an earlier answer: where she carries on once it is seen to."""
    trip: EditTrip | None = None

    def start_walk(self) -> None:
        """A whole walkthrough, begun or resumed: no jump, detour or trip pending."""
        self.walking, self.from_review, self.after_earlier, self.trip = True, False, None, None

    def start_trip(self, start: str, origin: Origin) -> None:
        self.start_walk()
        self.trip = EditTrip(start, origin=origin)

    def stop(self) -> None:
        """Left the walkthrough (home, the policy view): its answers live on in the draft."""
        self.walking = False

    def end_trip(self) -> Origin:
        """The trip is over (saved or dropped): where she goes back to."""
        origin = self.trip.origin if self.trip else "home"
        self.trip = None
        return origin

    def jump_from_review(self) -> None:
        self.from_review = True

    def jump_elsewhere(self) -> None:
        """A decision opened from the quick reference or the palette: Advance carries on from it."""
        self.from_review = False

    def change_earlier(self, after: str) -> None:
        """A conflict: her answer stands, the earlier one is shown; ``after`` is where she goes on."""
        self.after_earlier = after

    def arrived(self, position: str) -> None:
        """Back at review, Escape walks back through the steps again."""
        if position == REVIEW:
            self.from_review, self.after_earlier = False, None

    def advance(self, position: str, session: Session) -> Move:
        """Where the step at ``position``, just confirmed, leads."""
        if self.trip is not None and self.after_earlier is None:
            then = self.trip.next_after(position, session.plan)
            return Move("finish") if then is None else Move("goto", then)
        if self.from_review and position not in (PROFILE, PLATFORMS):
            return Move("goto", REVIEW)
        carry_on = self._carry_on_after_earlier(position, session)
        return Move("goto", carry_on or session.next_position(position))

    def back(self, session: Session) -> Move:
        """Where Escape on the current step leads."""
        here = session.position
        if self.trip is not None and self.after_earlier is None:
            if here == self.trip.start or not self.trip.added:
                return Move("cancel")
            previous = session.previous_position(here)
            step = Step.from_position(previous or "")
            on_trip = previous and step and step.platform in self.trip.added
            return Move("goto", previous if previous and on_trip else PLATFORMS)
        if not self.from_review:
            carry_on = self._carry_on_after_earlier(here, session)
            if carry_on:
                return Move("goto", carry_on)  # she left the earlier answer as it was
        previous = session.previous_position(here)
        if self.from_review and here != REVIEW:
            previous = REVIEW
        return Move("leave") if previous is None else Move("goto", previous)

    def _carry_on_after_earlier(self, position: str, session: Session) -> str | None:
        """Back where a conflict sent her from, once the earlier answer is seen to (None: no detour)."""
        then, self.after_earlier = self.after_earlier, None
        if then is None:
            return None
        plan = session.plan
        if then not in (REVIEW, PLATFORMS) and plan.index_of(then) is None:
            step = Step.from_position(then)
            entry = session.working.platforms.get(step.platform or "") if step else None
            if step and step.account and entry and len(entry.accounts) == 1:  # its account took a new purpose
                then = Step(step.platform, step.decision, next(iter(entry.accounts))).position
            if plan.index_of(then) is None:
                then = session.next_position(position)
        return then


def where_to(plan: Plan, position: str) -> tuple[str, int | None]:
    """The position to show for ``position`` and its step's index (None for profile, platforms, review).

    A position without an account ("x/visibility", as the quick reference names a decision, or an
    old draft's) opens that decision on the first account not answered there; one the plan no
    longer has (a platform removed) opens review, or the platforms before there are any steps.
    """
    if position in (PROFILE, PLATFORMS, REVIEW):
        return position, None
    index = plan.index_of(position)
    step = Step.from_position(position) if index is None else None
    if step is not None and step.account is None and step.platform is not None:
        same = [s for s in plan.steps if (s.platform, s.decision) == (step.platform, step.decision)]
        first = next((s for s in same if plan.answer(s) is None), same[0] if same else None)
        index = plan.steps.index(first) if first else None
    if index is None:
        return (REVIEW if plan.steps else PLATFORMS), None
    return plan.steps[index].position, index


def added_platforms(before: tuple[str, ...], after: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in after if p not in before)


def what_goes(policy: Policy, plan_before: Plan, removed: tuple[str, ...]) -> list[str]:
    """In words, what removing ``removed`` drops: accounts with handles, answers, ticked steps."""
    lines: list[str] = []
    for pid in removed:
        entry = policy.platforms.get(pid)
        platform = plan_before.catalog.platforms.get(pid)
        if entry is None or platform is None:
            continue
        answers = [s for s in plan_before.decision_steps if s.platform == pid and plan_before.answer(s)]
        accounts = ", ".join(
            f"{name}{' ' + acc.handle if acc.handle else ''}" for name, acc in entry.accounts.items()
        )
        ticked = sum(len(acc.checklist) for acc in entry.accounts.values())
        lines.append(f"{platform.name}: " + _losses(f"accounts: {accounts}" if accounts else "", len(answers), ticked))
    return lines


def _losses(first: str, answers: int, ticked: int) -> str:
    """ "handle @x; 3 answers; 2 ticked settings steps": what goes with a platform or an account."""
    parts = [first] if first else []
    parts.append(f"{answers} {'answer' if answers == 1 else 'answers'}")
    if ticked:
        parts.append(f"{ticked} ticked settings {'step' if ticked == 1 else 'steps'}")
    return "; ".join(parts)


def accounts_lost_if(policy: Policy, plan: Plan, step: Step, choice: str) -> list[str]:
    """In words, what answering ``step`` with ``choice`` drops: two accounts becoming one lose the
    other account's handle and answers. Empty when nothing goes (no account-purpose step, or no loss)."""
    if step.decision != ACCOUNT_PURPOSE or step.platform is None:
        return []
    entry = policy.platforms.get(step.platform)
    platform = plan.catalog.platforms.get(step.platform)
    if entry is None or platform is None or len(entry.accounts) < 2:
        return []
    trial = copy.deepcopy(entry)
    trial.decisions[ACCOUNT_PURPOSE] = Answer(choice)
    lines = []
    for key in trial.fit_accounts():
        account = entry.accounts[key]
        handle = f"handle {account.handle}" if account.handle else ""
        lines.append(
            f"{platform.short_name}, {key} account: "
            + _losses(handle, len(account.decisions), len(account.checklist))
        )
    return lines


def unconfirmed_note_lines(plan: Plan, notes: list[tuple[Step, str]]) -> list[str]:
    """In words, each note she typed but did not confirm, and what saving does with it."""
    lines: list[str] = []
    for step, note in notes:
        place = f"{plan.where(step)} · {plan.decision(step).title}"
        text = " ".join(note.split())
        if plan.answer(step) is None:
            lines.append(f"{place}: “{text}”, not decided yet, so this note cannot be kept")
        elif text:
            lines.append(f"{place}: “{text}”")
        else:
            lines.append(f"{place}: its note removed")
    return lines


__all__ = [
    "EditTrip",
    "Move",
    "Navigator",
    "Step",
    "accounts_lost_if",
    "added_platforms",
    "unconfirmed_note_lines",
    "what_goes",
    "where_to",
]
