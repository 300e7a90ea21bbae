"""Check a policy against the guidance catalog: do its ids name real platforms, decisions, options?

Kept apart from ``codec`` so the file format does not depend on the catalog's
current content: an id the catalog dropped is reported, not a reason to refuse
the file.
"""

from __future__ import annotations

from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.errors import Problem
from clinician_compass.policy.model import Answer, Policy


def check_against(policy: Policy, catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []

    def check(path: str, answers: dict[str, Answer], scope: str) -> None:
        for decision_id, answer in answers.items():
            decision = catalog.decisions.get(decision_id)
            key = f"{path}.{decision_id}"
            if decision is None:
                problems.append(Problem(key, "not a decision this app knows; kept as it is", warning=True))
            elif decision.scope != scope:
                where = "under [global.decisions]" if decision.scope == "global" else "under a platform"
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
    check("global.decisions", policy.global_decisions, "global")
    return problems
