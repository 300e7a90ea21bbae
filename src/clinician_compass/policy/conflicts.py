"""Choices that contradict each other, found from the catalog's conflict rules.

A conflict is open until the clinician keeps it on purpose: the later of the
two answers then lists the conflict in ``keeps`` and her note says why. Open
conflicts are shown in the walkthrough when they arise, listed on review, and
reported by ``clinician-compass check`` as warnings.
"""

from __future__ import annotations

from clinician_compass.guidance.model import Catalog, Conflict
from clinician_compass.policy.commitments import (
    AccountRef,
    Commitments,
    account_commitments,
    accounts,
    policy_commitments,
)
from clinician_compass.policy.model import Answer, Policy
from clinician_compass.record import record


@record(frozen=True)
class Found:
    """One conflict in one place: which two answers make it, and whether she chose to keep it."""

    conflict: Conflict
    where: AccountRef
    first: str
    """The decision id whose answer gives the conflict's first commitment."""
    second: str
    kept: bool

    @property
    def key(self) -> str:
        """Where the conflict stands, for a warning: ``platforms.x.accounts.personal``."""
        return f"platforms.{self.where.platform}.accounts.{self.where.account}"


def _answer(policy: Policy, where: AccountRef, decision_id: str) -> Answer | None:
    # Decision ids are unique across scopes: a global one is found first, else the account's.
    return policy.global_decisions.get(decision_id) or policy.answer(where.platform, decision_id, where.account)


def _kept(policy: Policy, where: AccountRef, conflict: Conflict, *decision_ids: str) -> bool:
    return any(
        (answer := _answer(policy, where, d)) is not None and conflict.id in answer.keeps for d in decision_ids
    )


def _matches(conflict: Conflict, wide: Commitments, here: Commitments) -> tuple[str, str] | None:
    first_from = wide if conflict.scope == "policy" else here
    if first_from.holds(conflict.first.key, conflict.first.values) and here.holds(
        conflict.second.key, conflict.second.values
    ):
        return first_from.source[conflict.first.key], here.source[conflict.second.key]
    return None


def find_conflicts(policy: Policy, catalog: Catalog) -> list[Found]:
    """Every conflict in the policy, kept or open, account by account in the clinician's order."""
    wide = policy_commitments(policy, catalog)
    found: list[Found] = []
    for ref in accounts(policy, catalog):
        here = account_commitments(policy, catalog, ref)
        platform = catalog.platforms[ref.platform]
        for conflict in catalog.conflicts.values():
            if conflict.unless_platform and platform.has(*conflict.unless_platform):
                continue
            pair = _matches(conflict, wide, here)
            if pair and pair[0] != pair[1]:
                found.append(Found(conflict, ref, *pair, kept=_kept(policy, ref, conflict, *pair)))
    return found


def open_conflicts(policy: Policy, catalog: Catalog) -> list[Found]:
    return [f for f in find_conflicts(policy, catalog) if not f.kept]


def new_conflicts(before: Policy, after: Policy, catalog: Catalog) -> list[Found]:
    """Open conflicts in ``after`` that ``before`` did not have: what the answer just given brought about."""
    old = {(f.conflict.id, f.where) for f in open_conflicts(before, catalog)}
    return [f for f in open_conflicts(after, catalog) if (f.conflict.id, f.where) not in old]
