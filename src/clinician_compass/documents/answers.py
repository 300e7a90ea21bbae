"""The policy's answers read against the catalog, in the order documents show them.

Every part needs the same walk: for each platform, the decisions that apply
to it (answered or not), then the global ones; answers the catalog does not
know (from a newer app, or a hand edit) are kept and shown, never dropped.
"""

from __future__ import annotations

from clinician_compass.guidance.model import Catalog, Decision, Option
from clinician_compass.guidance.ranking import cited_sources
from clinician_compass.policy.model import Answer, Policy
from clinician_compass.record import record


@record(frozen=True)
class Entry:
    """One decision as it stands in the policy: decided, undecided, or off the catalog."""

    decision_id: str
    platform_id: str | None
    """None for a global decision."""
    decision: Decision | None
    answer: Answer | None
    """None when the clinician has not decided yet."""
    option: Option | None
    """None when undecided, or when the choice is not one this catalog knows."""
    account: str | None = None
    """The account key for an account decision; None for a platform-level or global one."""

    @property
    def title(self) -> str:
        return self.decision.title if self.decision else self.decision_id

    @property
    def decided(self) -> bool:
        return self.answer is not None


def _entries(
    catalog: Catalog,
    platform_id: str | None,
    wanted: list[Decision],
    answers: dict[str, Answer],
    account: str | None = None,
) -> list[Entry]:
    ids = [d.id for d in wanted] + [d for d in answers if d not in {w.id for w in wanted}]
    entries = []
    for decision_id in ids:
        decision = catalog.decisions.get(decision_id)
        answer = answers.get(decision_id)
        option = decision.option(answer.choice) if decision and answer else None
        entries.append(Entry(decision_id, platform_id, decision, answer, option, account))
    return entries


def platform_entries(policy: Policy, catalog: Catalog, platform_id: str) -> list[Entry]:
    """The decisions for one platform: its own (what its accounts are for), then each account's in turn."""
    entry = policy.platforms.get(platform_id)
    platform = catalog.platforms.get(platform_id)
    own = entry.decisions if entry else {}
    wanted = [
        d for d in catalog.decisions.values()
        if d.scope == "platform" and ((platform is not None and d.applies_to(platform)) or d.id in own)
    ]  # fmt: skip
    entries = _entries(catalog, platform_id, wanted, own)
    for key, account in (entry.accounts.items() if entry else ()):
        entries += account_entries(catalog, platform_id, key, account.decisions)
    return entries


def account_entries(
    catalog: Catalog, platform_id: str, account_key: str, answers: dict[str, Answer]
) -> list[Entry]:
    """The decisions for one account: those its platform asks, then any other answers it holds."""
    platform = catalog.platforms.get(platform_id)
    wanted = [
        d for d in catalog.decisions.values()
        if d.per_account and ((platform is not None and d.applies_to(platform)) or d.id in answers)
    ]  # fmt: skip
    return _entries(catalog, platform_id, wanted, answers, account_key)


def global_entries(policy: Policy, catalog: Catalog) -> list[Entry]:
    """The global decisions in catalog order, then any global answers the catalog does not know."""
    return _entries(catalog, None, catalog.global_decisions(), policy.global_decisions)


def citation_order(catalog: Catalog, option: Option, role: str, jurisdiction: str) -> list[str]:
    """What a chosen option cites: the clinician's own bodies on its decision, then the option's sources.

    The order is ``guidance.ranking``'s, the one every face shows.
    """
    decision = next((d for d in catalog.decisions.values() if any(o is option for o in d.options)), None)
    return [s.id for s in cited_sources(decision, option.sources, catalog, role, jurisdiction)]
