"""The policy and its parts as data (JSON or TOML), for other tools and for backups.

The clinician's text is kept exactly as typed: JSON and TOML escape what their
syntax needs, so any name or note round-trips. Control characters and bidi
overrides are always written as escapes, never raw, so printing an export to a
terminal cannot recolour it or write to its clipboard.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import tomli_w

from clinician_compass.policy.codec import dump_policy, escape_invisible, policy_to_document
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
    """The whole policy file as JSON, dates as ISO strings."""
    return dump_json(policy_to_document(policy))


def policy_toml(policy: Policy) -> str:
    """The whole policy file, exactly as the app saves it: it can be opened again with ``--policy``."""
    return dump_policy(policy)


def dump_json(data: dict[str, Any]) -> str:
    """Indented JSON, keys in the order given, non-ASCII text as itself."""
    return escape_invisible(json.dumps(_plain(data), indent=2, ensure_ascii=False)) + "\n"


def dump_toml(data: dict[str, Any], header: str) -> str:
    """TOML with a comment saying what it is; ``header`` is our own text, never the clinician's."""
    comment = "".join(f"# {line}\n" for line in header.splitlines())
    body = tomli_w.dumps(_plain(data), multiline_strings=False)
    return comment + ("\n" + escape_invisible(body) if body else "")
