"""Older policy layouts brought up to the current one, as plain documents before they are read.

``MIGRATIONS[n]`` turns a schema-n document into a schema-(n+1) one; the codec
applies the chain. Each step keeps every answer: what it cannot place exactly
it carries over marked ``review = true``, so the clinician is asked to confirm
it rather than finding it silently changed or gone.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from clinician_compass.policy.model import ACCOUNT_PURPOSE, account_keys_for

Migration = Callable[[dict[str, Any]], dict[str, Any]]

_RETIRED_FOLLOWING = "professional-only"
"""Version 1's "only from my professional account" option: with an answer per account it reads as
following back from the professional account and never from any other."""


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Version 1 kept one set of answers per platform and two handle keys; version 2 keeps accounts.

    A one-account platform becomes that one account, with the handle that
    matches its purpose. "Two accounts here" becomes a professional and a
    personal account, each carrying the old answers marked for review, since
    version 1 could not say which account an answer was for.
    """
    out = copy.deepcopy(document)
    out["schema_version"] = 2
    platforms = out.get("platforms")
    if not isinstance(platforms, dict):
        return out
    for platform_id, entry in platforms.items():
        if not isinstance(entry, dict):
            continue
        decisions = entry.get("decisions", {})
        if not isinstance(decisions, dict):
            continue  # the reader reports the wrong type where it stands
        purpose = decisions.get(ACCOUNT_PURPOSE)
        use = purpose.get("choice") if isinstance(purpose, dict) else None
        keys = account_keys_for(use if isinstance(use, str) else None)
        handles = {
            "professional": entry.pop("professional_handle", ""),
            "personal": entry.pop("personal_handle", ""),
        }
        per_account = {d: a for d, a in decisions.items() if d != ACCOUNT_PURPOSE}
        accounts: dict[str, Any] = {}
        for key in keys:
            answers = copy.deepcopy(per_account)
            for decision_id, answer in answers.items():
                if not isinstance(answer, dict):
                    continue
                if len(keys) > 1:
                    answer["review"] = True
                if decision_id == "following-patients" and answer.get("choice") == _RETIRED_FOLLOWING:
                    answer["choice"] = "never-initiate" if key == "professional" else "never"
                    answer["review"] = True
            accounts[key] = {"handle": _handle_for(key, handles), "decisions": answers}
        leftover = {k: h for k, h in handles.items() if h and all(h != a["handle"] for a in accounts.values())}
        for kind, handle in leftover.items():
            entry[f"{kind}_handle"] = handle  # kept, and reported as a key this version does not use
        entry["decisions"] = {ACCOUNT_PURPOSE: purpose} if purpose is not None else {}
        entry["accounts"] = accounts
        platforms[platform_id] = entry
    return out


def _handle_for(key: str, handles: dict[str, Any]) -> Any:
    if key in handles and handles[key]:
        return handles[key]
    if key in ("mixed", "main"):
        return handles["professional"] or handles["personal"]
    return ""


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


def _v2_key_in_v1(key: str) -> str:
    parts = key.split(".")
    if len(parts) >= 4 and parts[0] == "platforms" and parts[2] == "accounts":
        platform, account, rest = parts[1], parts[3], parts[4:]
        if rest[:1] == ["handle"]:
            return f"platforms.{platform}.{'personal' if account == 'personal' else 'professional'}_handle"
        return ".".join(["platforms", platform, *rest])
    return key


def key_in_file(key: str, version: object) -> str:
    """Where a problem found after migration stands in the file as written (its own schema's keys).

    A version 1 file has no ``accounts`` tables: an answer reported at
    ``platforms.x.accounts.main.decisions.visibility`` is written there as
    ``platforms.x.decisions.visibility``, and that is the key she must find.
    """
    return _v2_key_in_v1(key) if version == 1 else key
