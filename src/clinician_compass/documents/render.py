"""One entry point for every export: pick the part and the format."""

from __future__ import annotations

from clinician_compass.documents.structured import policy_json, policy_toml
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import Policy


def render(policy: Policy, catalog: Catalog, *, format: str = "md", part: str = "full") -> str:
    """The text of ``part`` of the policy in ``format`` (md, txt, json or toml)."""
    if part == "full" and format == "json":
        return policy_json(policy)
    if part == "full" and format == "toml":
        return policy_toml(policy)
    raise NotImplementedError(f"{part} as {format} comes with the document generator")
