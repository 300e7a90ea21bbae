"""What a policy commits the clinician to, account by account: the words every document is built from.

An account's commitments are its purpose (``use``), the ``commits`` of each
option chosen for it, and those of any decision the platform leaves only one
way to answer (a Bluesky account is public: there is nothing else it can be).
Policy-wide commitments come from the global decisions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field

from clinician_compass.guidance.model import Catalog, Decision, Option, Platform
from clinician_compass.policy.model import ACCOUNT_USES, Policy
from clinician_compass.record import record


@record(frozen=True)
class AccountRef:
    """One account of the clinician's: a platform and the account's key there."""

    platform: str
    account: str


@record
class Commitments:
    """Commitment key → value, and which decision each came from (so a conflict can name the answer)."""

    values: dict[str, str] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)
    """Commitment key → the decision id whose answer made it (``account-purpose`` for ``use``)."""

    def get(self, key: str) -> str | None:
        return self.values.get(key)

    def holds(self, key: str, values: frozenset[str]) -> bool:
        return self.values.get(key) in values

    def add(self, option: Option, decision_id: str) -> None:
        for key, value in option.commits.items():
            self.values[key] = value
            self.source[key] = decision_id


def available_options(decision: Decision, platform: Platform | None, context: Commitments) -> list[Option]:
    """The options that can be chosen here: the platform can do them and earlier answers allow them."""
    return [
        o
        for o in decision.options_for(platform)
        if all(context.holds(key, values) for key, values in o.only_if.items())
    ]


def accounts(policy: Policy, catalog: Catalog) -> Iterator[AccountRef]:
    """Every account in the policy on a platform the catalog knows, in the clinician's order."""
    for platform_id, entry in policy.platforms.items():
        if platform_id in catalog.platforms:
            for key in entry.accounts:
                yield AccountRef(platform_id, key)


def policy_commitments(policy: Policy, catalog: Catalog) -> Commitments:
    """What the global decisions commit her to, wherever she is online."""
    found = Commitments()
    for decision_id, answer in policy.global_decisions.items():
        decision = catalog.decisions.get(decision_id)
        option = decision.option(answer.choice) if decision else None
        if option:
            found.add(option, decision_id)
    return found


def account_commitments(policy: Policy, catalog: Catalog, ref: AccountRef) -> Commitments:
    """What one account commits her to: its purpose, its answers, and what its platform leaves no choice on."""
    found = Commitments()
    platform = catalog.platforms.get(ref.platform)
    entry = policy.platforms.get(ref.platform)
    if platform is None or entry is None:
        return found
    if ref.account in ACCOUNT_USES:
        found.values["use"] = ref.account
        found.source["use"] = "account-purpose"
    account = entry.accounts.get(ref.account)
    answers = account.decisions if account else {}
    for decision in catalog.account_decisions(ref.platform):
        options = decision.options_for(platform)
        answer = answers.get(decision.id)
        option = decision.option(answer.choice) if answer else (options[0] if len(options) == 1 else None)
        if option is not None:
            found.add(option, decision.id)
    return found


def all_uses(policy: Policy, catalog: Catalog) -> frozenset[str]:
    """Every account purpose the policy has, with ``two`` for a platform that keeps two accounts."""
    uses = {ref.account for ref in accounts(policy, catalog) if ref.account in ACCOUNT_USES}
    if any(entry.use == "separate" for entry in policy.platforms.values()):
        uses.add("two")
    return frozenset(uses)


def global_option_allowed(option: Option, policy: Policy, catalog: Catalog) -> bool:
    """Whether a global option's ``only_if`` holds: each key true of the policy, or of some account."""
    if not option.only_if:
        return True  # most options have no condition: no need to work out every account's commitments
    wide = policy_commitments(policy, catalog)
    per_account = [account_commitments(policy, catalog, ref) for ref in accounts(policy, catalog)]
    uses = all_uses(policy, catalog)
    for key, values in option.only_if.items():
        if key == "use":
            if not uses & values:
                return False
        elif not (wide.holds(key, values) or any(c.holds(key, values) for c in per_account)):
            return False
    return True
