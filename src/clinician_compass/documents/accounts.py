"""The clinician's accounts as the documents name them: "X · professional account @DrJaneSmithGP".

Every part of the policy is written account by account, because two accounts
on one platform can answer every question differently. This module is the one
place that says how an account is named, what it commits her to, and which of
its answers it holds, so the full policy, the scripts and the bios agree.
"""

from __future__ import annotations

from clinician_compass.documents.answers import Entry, account_entries
from clinician_compass.documents.safe_text import flat
from clinician_compass.guidance.model import Catalog, Platform
from clinician_compass.policy.commitments import AccountRef, Commitments, account_commitments, accounts
from clinician_compass.policy.model import TWO_ACCOUNTS, Policy
from clinician_compass.record import record

KIND_NOUNS = {"professional": "professional account", "personal": "personal account", "mixed": "account"}
"""How an account's key reads; the only account of an undecided purpose is just "account"."""

PLATFORM_NOUNS = {"website": "my website"}
"""Platforms a sentence names by a noun rather than "On <name>": "On YouTube and my website"."""


@record(frozen=True)
class AccountView:
    """One account with everything a document needs to write about it."""

    ref: AccountRef
    platform: Platform
    handle: str
    commitments: Commitments
    entries: tuple[Entry, ...]
    """Its account decisions, decided or not, in catalog order."""
    two: bool
    """Whether its platform holds two accounts (a professional and a personal one)."""

    @property
    def key(self) -> str:
        return self.ref.account

    @property
    def use(self) -> str | None:
        """professional, personal or mixed; None while the platform's purpose is undecided."""
        return self.commitments.get("use")

    @property
    def noun(self) -> str:
        """ "professional account", "personal account" or "account"."""
        return KIND_NOUNS.get(self.key, "account")

    @property
    def label(self) -> str:
        """The account on its own: "professional account @DrJaneSmithGP", or "account" with no handle."""
        return f"{self.noun} {self.handle}" if self.handle else self.noun

    @property
    def title(self) -> str:
        """Platform and account, for a heading: "X · professional account @DrJaneSmithGP".

        The only account on a platform is named by its platform alone, with the handle when there is one.
        """
        name = self.platform.short_name
        if self.two:
            return f"{name} · {self.label}"
        return f"{name} · {self.handle}" if self.handle else name


def views(
    policy: Policy, catalog: Catalog, platform_id: str | None = None, key: str | None = None
) -> list[AccountView]:
    """Every account on a platform the catalog knows, in the clinician's order; or only those on
    ``platform_id`` (and with ``key``), so a caller that needs one account reads only that one."""
    found = []
    for ref in accounts(policy, catalog):
        if (platform_id is not None and ref.platform != platform_id) or (
            key is not None and ref.account != key
        ):
            continue
        entry = policy.platforms[ref.platform]
        account = entry.accounts[ref.account]
        found.append(
            AccountView(
                ref=ref,
                platform=catalog.platforms[ref.platform],
                handle=flat(account.handle),
                commitments=account_commitments(policy, catalog, ref),
                entries=tuple(account_entries(catalog, ref.platform, ref.account, account.decisions)),
                two=entry.use == TWO_ACCOUNTS,
            )
        )
    return found


def professional_handle(policy: Policy, platform_id: str) -> str:
    """Her professional account's handle on a platform, or "" when she keeps none there or has not said."""
    entry = policy.platforms.get(platform_id)
    account = entry.accounts.get("professional") if entry else None
    return flat(account.handle) if account else ""


def place(platform: Platform) -> str:
    """How a sentence names a platform after "On": "X", "YouTube", "my website"."""
    return PLATFORM_NOUNS.get(platform.id, platform.short_name)
