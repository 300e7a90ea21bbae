"""Check a policy against the guidance catalog: do its ids name real platforms, decisions, options?

Kept apart from ``codec`` so the file format does not depend on the catalog's
current content: an id the catalog dropped is reported, not a reason to refuse
the file. Answers that are possible to write but impossible to keep (an option
the platform cannot do, a decision the platform never asks, an option whose
conditions her other answers do not meet) are warnings: the documents would
state something untrue, so ``check`` says which, where and why.
"""

from __future__ import annotations

from clinician_compass.guidance.model import Catalog, Decision, Option, Platform
from clinician_compass.policy.commitments import (
    AccountRef,
    Commitments,
    account_commitments,
    global_option_allowed,
    policy_commitments,
)
from clinician_compass.policy.errors import Problem
from clinician_compass.policy.model import Answer, Policy

TRAIT_WORDS = {
    "follow": "one-way follows",
    "mutual": "friend or connection requests",
    "private-option": "private or locked setting",
    "friends-audience": "friends-only audience",
    "per-post-audience": "audience for each post",
    "block": "blocking",
    "dm": "private messages",
    "public-replies": "public replies or comments",
    "bio": "profile text",
}
"""Platform traits in words, for saying why an answer cannot hold there."""


def _missing(platform: Platform, traits: frozenset[str]) -> str:
    return ", ".join(TRAIT_WORDS.get(t, t) for t in sorted(traits) if not platform.has(t))


def _not_asked(decision: Decision, platform: Platform) -> str:
    """Why ``decision`` is never asked on ``platform``."""
    if not platform.has(*decision.requires):
        return f"{platform.short_name} has no {_missing(platform, decision.requires)}"
    wanted = " or ".join(TRAIT_WORDS.get(t, t) for t in sorted(decision.requires_any))
    return f"{platform.short_name} has no {wanted}"


def _unmet(option: Option, held: Commitments) -> list[str]:
    return [
        f"{key} is {held.get(key) or 'not decided'}, and this option needs {' or '.join(sorted(values))}"
        for key, values in option.only_if.items()
        if not held.holds(key, values)
    ]


def impossible_answers(policy: Policy, catalog: Catalog) -> list[Problem]:
    """Answers the platform or her other answers make impossible, as warnings naming platform, decision, why."""
    problems: list[Problem] = []
    wide = policy_commitments(policy, catalog)

    def check(key: str, platform: Platform, answers: dict[str, Answer], held: Commitments) -> None:
        for decision_id, answer in answers.items():
            decision = catalog.decisions.get(decision_id)
            option = decision.option(answer.choice) if decision else None
            if decision is None or option is None or decision.scope == "global":
                continue  # unknown ids and misplaced decisions are reported by check_against
            where = f"{key}.{decision_id}"
            if not decision.applies_to(platform):
                why = _not_asked(decision, platform)
                problems.append(
                    Problem(
                        where,
                        f"{decision.title}: not asked on {platform.short_name}, because {why}",
                        warning=True,
                    )
                )
            elif not option.available_on(platform):
                why = _missing(platform, option.requires)
                problems.append(
                    Problem(
                        f"{where}.choice",
                        f"{option.label}: {platform.short_name} cannot do this, it has no {why}",
                        warning=True,
                    )
                )
            for reason in _unmet(option, held):
                problems.append(
                    Problem(f"{where}.choice", f"{option.label}: not possible here: {reason}", warning=True)
                )

    for platform_id, entry in policy.platforms.items():
        platform = catalog.platforms.get(platform_id)
        if platform is None:
            continue
        check(f"platforms.{platform_id}.decisions", platform, entry.decisions, wide)
        for account_key, account in entry.accounts.items():
            here = account_commitments(policy, catalog, AccountRef(platform_id, account_key))
            held = Commitments({**wide.values, **here.values}, {**wide.source, **here.source})
            check(
                f"platforms.{platform_id}.accounts.{account_key}.decisions", platform, account.decisions, held
            )
    for decision_id, answer in policy.global_decisions.items():
        decision = catalog.decisions.get(decision_id)
        option = decision.option(answer.choice) if decision else None
        if option is not None and option.only_if and not global_option_allowed(option, policy, catalog):
            needs = "; ".join(f"{k} to be {' or '.join(sorted(v))}" for k, v in option.only_if.items())
            problems.append(
                Problem(
                    f"global.decisions.{decision_id}.choice",
                    f"{option.label}: not possible with the accounts you keep: it needs {needs}",
                    warning=True,
                )
            )
    return problems


def check_against(policy: Policy, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []

    def check(path: str, answers: dict[str, Answer], scope: str) -> None:
        for decision_id, answer in answers.items():
            decision = catalog.decisions.get(decision_id)
            key = f"{path}.{decision_id}"
            if decision is None:
                problems.append(Problem(key, "not a decision this app knows; kept as it is", warning=True))
            elif decision.scope != scope:
                where = {
                    "global": "under [global.decisions]",
                    "platform": "under a platform's own decisions",
                    "account": "under one of a platform's accounts",
                }[decision.scope]
                problems.append(Problem(key, f"this decision belongs {where}", warning=True))
            elif decision.option(answer.choice) is None:
                choices = ", ".join(o.id for o in decision.options)
                problems.append(
                    Problem(f"{key}.choice", f"expected one of {choices}, found {answer.choice!r}")
                )

    for platform_id, entry in policy.platforms.items():
        if platform_id not in catalog.platforms:
            known = ", ".join(catalog.platforms)
            problems.append(
                Problem(
                    f"platforms.{platform_id}", f"not a platform this app knows ({known}); kept", warning=True
                )
            )
        check(f"platforms.{platform_id}.decisions", entry.decisions, "platform")
        for account_key, account in entry.accounts.items():
            check(f"platforms.{platform_id}.accounts.{account_key}.decisions", account.decisions, "account")
    check("global.decisions", policy.global_decisions, "global")
    return problems
