"""The clinician's policy: who they are and what they decided, platform by platform.

Plain mutable dataclasses (``record``s, quick to define): the walkthrough fills them in answer by answer, and
``policy.codec`` turns them into the TOML file and back. Each class keeps the
keys it does not know in ``extra`` so a newer app's or a hand-added key survives
a save.
"""

from __future__ import annotations

from dataclasses import field
from datetime import UTC, date, datetime
from typing import Any

from clinician_compass.record import record

SCHEMA_VERSION = 2
"""The file layout this app writes. Older files are migrated; newer ones refused."""

ROLES: dict[str, str] = {
    "physician": "Physician",
    "nurse": "Nurse",
    "midwife": "Midwife",
    "pharmacist": "Pharmacist",
    "allied-health": "Allied health professional",
    "student-medicine": "Medical student",
    "student-nursing": "Nursing or midwifery student",
    "student-pharmacy": "Pharmacy student",
    "student-other": "Student in another health profession",
    "other": "Other",
}
"""Role id → how it reads on screen. Students are split by discipline: each reads its own bodies."""

ROLE_ALIASES: dict[str, str] = {"student": "student-other"}
"""Old role ids a policy file may hold → the role they now read as. The old ``student`` did not say
which discipline, so it becomes ``student-other`` until the clinician picks theirs."""

JURISDICTIONS: dict[str, str] = {
    "UK": "United Kingdom",
    "US": "United States",
    "Canada": "Canada",
    "Australia": "Australia",
    "other": "Elsewhere",
}
"""Where the clinician practises; it decides whose guidance is shown first."""

def now() -> datetime:
    """The current time, in UTC, to the second: what ``meta.updated`` stores."""
    return datetime.now(UTC).replace(microsecond=0)


ACCOUNT_USES: dict[str, str] = {
    "professional": "professional",
    "personal": "personal",
    "mixed": "personal and professional",
}
"""What one account is for (the account-purpose decision's single-account options) → how it reads."""

UNDECIDED_ACCOUNT = "main"
"""The key of a platform's only account while its purpose is not decided yet."""

TWO_ACCOUNTS = "separate"
"""The account-purpose choice that keeps a professional and a personal account on one platform."""

ACCOUNT_PURPOSE = "account-purpose"
"""The one decision asked per platform rather than per account: it decides which accounts there are."""


@record
class Answer:
    """One decision answered: the chosen option, the clinician's own words, and when.

    ``review`` marks an answer the app carried over rather than the clinician
    chose (a version 1 file's "two accounts" answers, copied to both accounts),
    so review can ask her to confirm it. ``keeps`` names the conflicts she chose
    to keep with this answer; her note says why.
    """

    choice: str
    note: str = ""
    decided: date | None = None
    review: bool = False
    keeps: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Account:
    """One account on one platform: what it is for, its handle, and its own answers."""

    handle: str = ""
    decisions: dict[str, Answer] = field(default_factory=dict)
    checklist: dict[str, date] = field(default_factory=dict)
    """Set-up step id → the day she ticked it off."""
    extra: dict[str, Any] = field(default_factory=dict)


def account_keys_for(use: str | None) -> tuple[str, ...]:
    """The accounts a platform holds for an account-purpose choice: two for "separate", else one."""
    if use == TWO_ACCOUNTS:
        return ("professional", "personal")
    if use in ACCOUNT_USES:
        return (use,)
    return (UNDECIDED_ACCOUNT,)


@record
class PlatformEntry:
    """What the clinician decided for one platform: which accounts she keeps there, and each one's answers.

    ``decisions`` holds the platform-level answers (what the accounts are for);
    every other per-platform decision is answered per account. Accounts are
    keyed by purpose (``professional``, ``personal``, ``mixed``, or ``main``
    while the purpose is undecided), so there are never two of one kind.
    """

    decisions: dict[str, Answer] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.accounts:
            self.fit_accounts()

    @property
    def use(self) -> str | None:
        """The account-purpose choice, or None while undecided."""
        answer = self.decisions.get(ACCOUNT_PURPOSE)
        return answer.choice if answer else None

    def account(self, key: str | None = None) -> Account | None:
        """The account ``key``, or with no key the only account (None when there are two)."""
        if key is not None:
            return self.accounts.get(key)
        return next(iter(self.accounts.values())) if len(self.accounts) == 1 else None

    def fit_accounts(self) -> list[str]:
        """Make the accounts match the purpose answer, carrying answers over; returns keys that went.

        One account becoming two gives both a copy of its answers, marked for
        review; two becoming one keeps the account of that purpose (the
        professional one for "mixed"), and the other's answers go.
        """
        wanted = account_keys_for(self.use)
        if tuple(self.accounts) == wanted:
            return []
        old = dict(self.accounts)
        fitted: dict[str, Account] = {}
        if len(old) == 1 and len(wanted) == 2:
            (only,) = old.values()
            for key in wanted:
                copy_ = Account(only.handle if key == "professional" else "", _marked(only.decisions), {}, {})
                fitted[key] = old.get(key) or copy_
        else:
            for key in wanted:
                keep = old.get(key) or old.get("professional" if key == "mixed" else key)
                keep = keep or (next(iter(old.values())) if len(old) == 1 else None)
                fitted[key] = keep or Account()
        gone = [k for k, a in old.items() if all(a is not f for f in fitted.values())]
        self.accounts = fitted
        return gone


def _marked(answers: dict[str, Answer]) -> dict[str, Answer]:
    return {
        d: Answer(a.choice, a.note, a.decided, True, a.keeps, dict(a.extra)) for d, a in answers.items()
    }


@record
class Profile:
    """Who the clinician is, as far as the policy and its reply scripts need."""

    display_name: str = ""
    role: str = "other"
    jurisdiction: str = "other"
    practice_contact: str = ""
    """How patients should reach them instead, e.g. "the surgery on 020 7946 0000"."""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class ShortForm:
    """The policy in a dozen words; ``edited`` protects the clinician's own wording."""

    text: str = ""
    edited: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Meta:
    """When the policy was made and reviewed, and by which app version."""

    created: date = field(default_factory=date.today)
    updated: datetime = field(default_factory=now)
    last_reviewed: date | None = None
    app_version: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@record
class Policy:
    """A clinician's whole social media policy."""

    profile: Profile = field(default_factory=Profile)
    platforms: dict[str, PlatformEntry] = field(default_factory=dict)
    """Platform id → entry, in the order the clinician chose them."""
    global_decisions: dict[str, Answer] = field(default_factory=dict)
    short_form: ShortForm = field(default_factory=ShortForm)
    meta: Meta = field(default_factory=Meta)
    extra: dict[str, Any] = field(default_factory=dict)

    def answer(self, platform_id: str | None, decision_id: str, account: str | None = None) -> Answer | None:
        """The answer to a decision: global (``platform_id=None``), per platform, or per account.

        Without ``account``, an account decision is read from the platform's
        only account; with two accounts the caller must say which.
        """
        if platform_id is None:
            return self.global_decisions.get(decision_id)
        entry = self.platforms.get(platform_id)
        if entry is None:
            return None
        if decision_id == ACCOUNT_PURPOSE:
            return entry.decisions.get(decision_id)
        holder = entry.account(account)
        return holder.decisions.get(decision_id) if holder else None

    def set_answer(
        self,
        platform_id: str | None,
        decision_id: str,
        choice: str,
        note: str = "",
        account: str | None = None,
        *,
        today: date | None = None,
        keeps: tuple[str, ...] = (),
    ) -> None:
        """Record an answer (dated today); the account purpose also reshapes the platform's accounts."""
        entry = self.platforms.setdefault(platform_id, PlatformEntry()) if platform_id else None
        if entry is None:
            target = self.global_decisions
        elif decision_id == ACCOUNT_PURPOSE:
            target = entry.decisions
        else:
            if not entry.accounts:
                entry.fit_accounts()
            holder = entry.account(account)
            if holder is None:
                raise KeyError(f"{platform_id} has no account {account!r}")
            target = holder.decisions
        previous = target.get(decision_id)
        target[decision_id] = Answer(
            choice, note, today or date.today(), False, keeps, previous.extra if previous else {}
        )
        if entry is not None and decision_id == ACCOUNT_PURPOSE:
            entry.fit_accounts()

    def clear_answer(self, platform_id: str | None, decision_id: str, account: str | None = None) -> None:
        """Forget an answer: the decision is undecided again ("decide later")."""
        if platform_id is None:
            self.global_decisions.pop(decision_id, None)
            return
        entry = self.platforms.get(platform_id)
        if entry is None:
            return
        if decision_id == ACCOUNT_PURPOSE:
            entry.decisions.pop(decision_id, None)
            return
        holder = entry.account(account)
        if holder:
            holder.decisions.pop(decision_id, None)

    def review_due(self, today: date | None = None) -> bool:
        """Whether twelve calendar months have passed since the last review (``policy.review``, the one rule)."""
        from clinician_compass.policy.review import review_due  # review reads the model: imported late

        return review_due(self, today)

    @property
    def is_empty(self) -> bool:
        return not self.global_decisions and not any(
            e.decisions or any(a.decisions for a in e.accounts.values()) for e in self.platforms.values()
        )
