"""The policy as data (JSON or TOML), for other tools and for backups."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from clinician_compass.policy.codec import dump_policy, policy_to_document
from clinician_compass.policy.model import Policy


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def policy_json(policy: Policy) -> str:
    return json.dumps(_plain(policy_to_document(policy)), indent=2, ensure_ascii=False) + "\n"


def policy_toml(policy: Policy) -> str:
    return dump_policy(policy)
