"""The settings checklist: for each account, the settings that make it work the way she decided.

A platform's ``[[setup]]`` steps each name the commitments they serve; a step
is on an account's list only when the account makes those commitments, so a
personal account she protected gets "Protect your posts" and her public
professional one does not. She ticks steps off as she does them; the day is
kept in the policy (``Account.checklist``). A tick for a step that no longer
applies (she made the account public again) is not shown, and
``forget_stale`` drops it, so an old tick never passes for a setting she has
since undone.
"""

from __future__ import annotations

from datetime import date

from clinician_compass.guidance.model import Catalog, Platform, SetupStep
from clinician_compass.policy.commitments import (
    AccountRef,
    Commitments,
    account_commitments,
    accounts,
)
from clinician_compass.policy.model import Account, Policy
from clinician_compass.record import record


@record(frozen=True)
class Item:
    """One step on one account's list, and the day she ticked it off (None while it is still to do)."""

    step: SetupStep
    done_on: date | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


@record(frozen=True)
class AccountChecklist:
    """The steps for one account, in the platform's order."""

    platform: Platform
    account_key: str
    """``professional``, ``personal``, ``mixed``, or ``main`` while the account's purpose is undecided."""
    handle: str
    steps: list[Item]

    @property
    def ref(self) -> AccountRef:
        return AccountRef(self.platform.id, self.account_key)

    @property
    def done(self) -> int:
        return sum(item.done for item in self.steps)


def applies(step: SetupStep, commitments: Commitments) -> bool:
    """Whether every key of the step's ``when`` holds one of its values."""
    return all(commitments.holds(key, values) for key, values in step.when.items())


def steps_for(policy: Policy, catalog: Catalog, ref: AccountRef) -> list[SetupStep]:
    """The setup steps one account's commitments call for, in the platform's order."""
    platform = catalog.platforms.get(ref.platform)
    if platform is None:
        return []
    commitments = account_commitments(policy, catalog, ref)
    return [step for step in platform.setup if applies(step, commitments)]


def checklist_for(policy: Policy, catalog: Catalog) -> list[AccountChecklist]:
    """Every account's checklist, in the clinician's platform order, each step with its tick if any."""
    lists = []
    for ref in accounts(policy, catalog):
        account = policy.platforms[ref.platform].accounts[ref.account]
        items = [Item(step, account.checklist.get(step.id)) for step in steps_for(policy, catalog, ref)]
        lists.append(AccountChecklist(catalog.platforms[ref.platform], ref.account, account.handle, items))
    return lists


def tick(policy: Policy, platform: str, account: str, step_id: str, today: date) -> None:
    """Record that she did ``step_id`` on this account ``today``; raise KeyError for an unknown account."""
    _account(policy, platform, account).checklist[step_id] = today


def untick(policy: Policy, platform: str, account: str, step_id: str) -> None:
    """Mark the step as still to do (a tick made by mistake); nothing happens if it was not ticked."""
    _account(policy, platform, account).checklist.pop(step_id, None)


def forget_stale(policy: Policy, catalog: Catalog) -> list[tuple[AccountRef, str]]:
    """Drop ticks for steps an account no longer calls for; returns what went.

    Call it after an answer changes: were she to protect the account again
    later, an old tick would claim a setting that has been undone since.
    Ticks on platforms the catalog does not know are left alone.
    """
    gone = []
    for ref in accounts(policy, catalog):
        account = policy.platforms[ref.platform].accounts[ref.account]
        wanted = {step.id for step in steps_for(policy, catalog, ref)}
        for step_id in [s for s in account.checklist if s not in wanted]:
            del account.checklist[step_id]
            gone.append((ref, step_id))
    return gone


def _account(policy: Policy, platform: str, account: str) -> Account:
    entry = policy.platforms.get(platform)
    holder = entry.accounts.get(account) if entry else None
    if holder is None:
        raise KeyError(f"{platform} has no account {account!r}")
    return holder
