"""A version 1 policy opens in version 2 with every answer where she would look for it, and nothing lost."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from broken_files import DATA
from cli_process import clinician_compass
from clinician_compass.policy import codec, store
from clinician_compass.policy.model import ACCOUNT_PURPOSE, account_keys_for
from clinician_compass.policy.paths import PolicyPaths

V1 = sorted((DATA / "v1").glob("*.toml"))
RETIRED = {("following-patients", "professional-only")}
"""Version 1 choices that no longer exist; each migrates to a choice per account, marked for review."""


def v1_answers(document: dict) -> dict[tuple[str, str], dict]:
    return {
        (platform_id, decision_id): answer
        for platform_id, entry in document.get("platforms", {}).items()
        for decision_id, answer in entry.get("decisions", {}).items()
    }


@pytest.mark.parametrize("path", V1, ids=lambda p: p.name)
def test_every_version_1_answer_is_kept_on_each_account_of_its_platform(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    old = tomllib.loads(text)
    assert old["schema_version"] == 1
    policy, _ = codec.parse_policy(text)
    for (platform_id, decision_id), answer in v1_answers(old).items():
        entry = policy.platforms[platform_id]
        if decision_id == ACCOUNT_PURPOSE:
            assert entry.decisions[decision_id].choice == answer["choice"]
            continue
        keys = account_keys_for(entry.use)
        assert list(entry.accounts) == list(keys)
        for key in keys:
            now = entry.accounts[key].decisions[decision_id]
            assert now.note == answer.get("note", "")
            if (decision_id, answer["choice"]) in RETIRED:
                assert now.review and now.choice in {"never-initiate", "never"}
            else:
                assert now.choice == answer["choice"]
            assert now.review == (len(keys) > 1 or (decision_id, answer["choice"]) in RETIRED)


@pytest.mark.parametrize("path", V1, ids=lambda p: p.name)
def test_version_1_handles_land_on_the_matching_account(path: Path) -> None:
    old = tomllib.loads(path.read_text(encoding="utf-8"))
    policy, warnings = codec.parse_policy(path.read_text(encoding="utf-8"))
    for platform_id, entry in old.get("platforms", {}).items():
        handles = {h for h in (entry.get("professional_handle", ""), entry.get("personal_handle", "")) if h}
        now = {a.handle for a in policy.platforms[platform_id].accounts.values() if a.handle}
        kept = {
            value for key, value in policy.platforms[platform_id].extra.items() if key.endswith("_handle")
        }
        assert handles == now | kept, "every handle is on an account, or kept beside them with a warning"
        if kept:
            assert any(w.key.startswith(f"platforms.{platform_id}.") for w in warnings)


def test_two_accounts_in_version_1_become_a_professional_and_a_personal_account() -> None:
    policy, _ = codec.parse_policy((DATA / "v1" / "two-accounts.toml").read_text(encoding="utf-8"))
    x = policy.platforms["x"]
    assert {k: a.handle for k, a in x.accounts.items()} == {
        "professional": "@DrJaneSmithGP",
        "personal": "@janes_home",
    }
    professional, personal = x.accounts["professional"].decisions, x.accounts["personal"].decisions
    assert professional["following-patients"].choice == "never-initiate", "she followed back from work"
    assert personal["following-patients"].choice == "never", "and never from her own account"
    assert all(a.review for a in [*professional.values(), *personal.values()]), "each is hers to confirm"
    assert policy.platforms["facebook"].accounts["personal"].handle == "Jane Smith"


def test_the_version_1_file_goes_into_history_before_the_first_version_2_save(tmp_path: Path) -> None:
    paths = PolicyPaths(tmp_path / "compass" / "policy.toml")
    paths.folder.mkdir(parents=True)
    original = (DATA / "v1" / "two-accounts.toml").read_bytes()
    paths.policy.write_bytes(original)
    loaded = store.load(paths)
    assert loaded is not None
    assert paths.policy.read_bytes() == original, "opening it changes nothing on disk"
    store.save(loaded.policy, paths, expected_digest=loaded.digest)
    assert tomllib.loads(paths.policy.read_text(encoding="utf-8"))["schema_version"] == 2
    assert store.history(paths)[1].read_bytes() == original
    again = store.load(paths)
    assert again is not None and again.policy.platforms["x"].accounts["personal"].handle == "@janes_home"


def test_a_mistake_in_a_version_1_file_is_reported_at_its_own_key_and_line(tmp_path: Path) -> None:
    text = (DATA / "v1" / "two-accounts.toml").read_text(encoding="utf-8")
    broken = text.replace('choice = "redirect"', "choice = 3")
    with pytest.raises(codec.InvalidPolicy) as raised:
        codec.parse_policy(broken)
    (problem,) = raised.value.problems
    assert problem.key == "platforms.x.decisions.care-by-dm.choice", "a key she can find in her file"
    assert broken.splitlines()[problem.line - 1] == "choice = 3"


@pytest.mark.parametrize("name", ["two-accounts.toml", "uk-nurse.toml"])
def test_check_accepts_a_version_1_file(name: str, tmp_path: Path) -> None:
    result = clinician_compass(tmp_path, "check", str(DATA / "v1" / name))
    assert result.returncode == 0, result.stderr
