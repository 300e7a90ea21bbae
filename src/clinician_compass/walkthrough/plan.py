"""Which steps a walkthrough asks, in what order, and how far along the clinician is.

The walkthrough is: profile → platforms → for each platform, what its accounts
are for, their handles, then each account's decisions → the global decisions
→ review. ``Position`` strings are what the draft stores, so a resumed
walkthrough lands on the exact step it left:
``profile``, ``platforms``, ``x/account-purpose``, ``x/handles``,
``x/professional/visibility``, ``global/identity``, ``review``.
"""

from __future__ import annotations

from clinician_compass.guidance.model import Catalog, Decision, Option, Platform
from clinician_compass.policy.commitments import (
    AccountRef,
    account_commitments,
    available_options,
    global_option_allowed,
)
from clinician_compass.policy.model import ACCOUNT_PURPOSE, UNDECIDED_ACCOUNT, Answer, Policy
from clinician_compass.record import record

PROFILE, PLATFORMS, REVIEW = "profile", "platforms", "review"
GLOBAL = "global"
HANDLES = "handles"
"""The step, after a platform's account purpose, that asks for the handle of each account there."""

ACCOUNT_LABELS = {"professional": "professional", "personal": "personal", "mixed": "", UNDECIDED_ACCOUNT: ""}
"""How an account is named in a header: "X · professional"; a platform's only account needs no name."""


@record(frozen=True)
class Step:
    """One thing to answer: a platform's accounts, their handles, one account's decision, or a global one."""

    platform: str | None
    decision: str
    account: str | None = None
    """The account key for an account decision; None for a platform-level, handles or global step."""

    @property
    def position(self) -> str:
        if self.account is not None:
            return f"{self.platform}/{self.account}/{self.decision}"
        return f"{self.platform or GLOBAL}/{self.decision}"

    @property
    def is_handles(self) -> bool:
        return self.decision == HANDLES

    @classmethod
    def from_position(cls, position: str) -> Step | None:
        parts = position.split("/")
        if len(parts) == 3 and all(parts):
            return cls(parts[0], parts[2], parts[1])
        if len(parts) == 2 and all(parts):
            return cls(None if parts[0] == GLOBAL else parts[0], parts[1])
        return None


@record(frozen=True)
class Progress:
    """Where a step sits: "X · professional @DrJaneSmithGP · 2 of 7 · 42% overall"."""

    group: str
    """The platform's name with the account and handle, or "Everywhere" for the global decisions."""
    number: int
    of: int
    overall: float
    """Fraction of all steps answered before this one, 0.0 to 1.0."""

    def __str__(self) -> str:
        return f"{self.group} · {self.number} of {self.of} · {round(self.overall * 100)}% overall"


def account_title(platform: Platform, account: str, handle: str = "") -> str:
    """ "X · professional @DrJaneSmithGP", "Facebook" for an only account with no handle."""
    label = ACCOUNT_LABELS.get(account, account)
    return " ".join(p for p in (platform.short_name + (f" · {label}" if label else ""), handle.strip()) if p)


class Plan:
    """The ordered steps for a chosen set of platforms and the accounts the policy keeps on them."""

    def __init__(self, catalog: Catalog, platform_ids: list[str] | tuple[str, ...], policy: Policy) -> None:
        self.catalog = catalog
        self.policy = policy
        self.platform_ids = tuple(p for p in platform_ids if p in catalog.platforms)
        steps: list[Step] = []
        for pid in self.platform_ids:
            platform = catalog.platforms[pid]
            steps += [Step(pid, d.id) for d in catalog.platform_decisions(pid) if not d.per_account]
            steps.append(Step(pid, HANDLES))
            entry = policy.platforms.get(pid)
            keys = list(entry.accounts) if entry else [UNDECIDED_ACCOUNT]
            for key in keys:
                steps += [
                    Step(pid, d.id, key)
                    for d in catalog.account_decisions(pid)
                    if len(d.options_for(platform)) > 1  # one way to answer is no question
                ]
        steps += [Step(None, d.id) for d in catalog.global_decisions()]
        self.steps: tuple[Step, ...] = tuple(steps)

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def decision_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if not s.is_handles)

    def index_of(self, position: str) -> int | None:
        step = Step.from_position(position)
        if step is None:
            return None
        if step in self.steps:
            return self.steps.index(step)
        if step.account is None and step.platform:  # an old draft's "x/visibility": the only account
            entry = self.policy.platforms.get(step.platform)
            if entry and len(entry.accounts) == 1:
                only = Step(step.platform, step.decision, next(iter(entry.accounts)))
                return self.steps.index(only) if only in self.steps else None
        return None

    def decision(self, step: Step) -> Decision:
        return self.catalog.decisions[step.decision]

    def platform(self, step: Step) -> Platform | None:
        return self.catalog.platforms[step.platform] if step.platform else None

    def options(self, step: Step) -> list[Option]:
        """The options she can choose at ``step``: what the platform can do and earlier answers allow."""
        decision = self.decision(step)
        platform = self.platform(step)
        if step.platform is None:
            return [o for o in decision.options if global_option_allowed(o, self.policy, self.catalog)]
        if step.account is None:
            return decision.options_for(platform)
        context = account_commitments(self.policy, self.catalog, AccountRef(step.platform, step.account))
        return available_options(decision, platform, context)

    def group_name(self, step: Step) -> str:
        platform = self.platform(step)
        if platform is None:
            return "Everywhere"
        if step.account is None:
            return platform.short_name
        account = self.policy.platforms[step.platform].accounts.get(step.account) if step.platform else None
        return account_title(platform, step.account, account.handle if account else "")

    def progress(self, index: int) -> Progress:
        step = self.steps[index]
        same = [i for i, s in enumerate(self.steps) if (s.platform, s.account) == (step.platform, step.account)]
        return Progress(
            group=self.group_name(step),
            number=same.index(index) + 1,
            of=len(same),
            overall=index / len(self.steps) if self.steps else 1.0,
        )

    def question_number(self, step: Step) -> tuple[int, int]:
        """ "Question 3 of 20": where ``step`` sits among the decisions asked (handles steps are not counted)."""
        asked = self.decision_steps
        return asked.index(step) + 1, len(asked)

    def where(self, step: Step) -> str:
        """Where a question is asked, as a sentence names it: "X, professional account @DrJane", "Every platform"."""
        platform = self.platform(step)
        if platform is None:
            return "Every platform"
        if step.account is None or not step.platform:
            return platform.short_name
        label = ACCOUNT_LABELS.get(step.account, step.account)
        account = self.policy.platforms[step.platform].accounts.get(step.account)
        handle = " ".join(account.handle.split()) if account else ""
        place = f"{platform.short_name}, {label} account" if label else platform.short_name
        return f"{place} {handle}" if handle else place

    def answer(self, step: Step) -> Answer | None:
        if step.is_handles:
            return None
        return self.policy.answer(step.platform, step.decision, step.account)

    def answered(self) -> int:
        return sum(1 for s in self.decision_steps if self.answer(s) is not None)

    def undecided(self) -> list[Step]:
        """The decisions not answered yet, in walkthrough order: what home and review list."""
        return [s for s in self.decision_steps if self.answer(s) is None]

    def first_unanswered(self) -> int | None:
        return next((i for i, s in enumerate(self.steps) if not s.is_handles and self.answer(s) is None), None)


def changed_answers(before: Policy, after: Policy, plan: Plan) -> set[Step]:
    """Steps whose answer differs between two versions: marked as changed on review."""

    def key(answer: Answer | None) -> tuple[str, str] | None:
        return (answer.choice, answer.note) if answer else None

    return {
        s
        for s in plan.decision_steps
        if key(before.answer(s.platform, s.decision, s.account)) != key(after.answer(s.platform, s.decision, s.account))
    }


__all__ = ["ACCOUNT_PURPOSE", "GLOBAL", "HANDLES", "PLATFORMS", "PROFILE", "REVIEW", "Plan", "Progress", "Step"]
