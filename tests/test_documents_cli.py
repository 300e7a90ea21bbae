"""A clinician exports their policy from the command line and gets what the golden files promise."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

POLICIES = Path(__file__).parent / "data" / "policies"
GOLDEN = Path(__file__).parent / "golden"


def command() -> list[str]:
    script = Path(sys.executable).parent / "clinician-compass"
    return [str(script)] if script.exists() else [sys.executable, "-m", "clinician_compass"]


@pytest.fixture
def nurse_policy(tmp_path: Path) -> Path:
    target = tmp_path / "policy.toml"
    shutil.copy(POLICIES / "uk-nurse.toml", target)
    return target


def run(tmp_path: Path, policy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CLINICIAN_COMPASS_POLICY": str(policy),
    }
    return subprocess.run(
        [*command(), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_export_prints_the_full_policy_as_markdown(tmp_path: Path, nurse_policy: Path) -> None:
    result = run(tmp_path, nurse_policy, "export", "--format", "md")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "uk-nurse" / "full.md").read_text(encoding="utf-8")


def test_export_prints_the_statement_for_patients_as_text(tmp_path: Path, nurse_policy: Path) -> None:
    result = run(tmp_path, nurse_policy, "export", "--part", "patients", "--format", "txt")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "uk-nurse" / "patients.txt").read_text(encoding="utf-8")


def test_export_to_a_file_never_replaces_one_without_force(tmp_path: Path, nurse_policy: Path) -> None:
    target = tmp_path / "bios.json"
    first = run(tmp_path, nurse_policy, "export", "--part", "bios", "--format", "json", "-o", str(target))
    assert first.returncode == 0, first.stderr
    assert target.read_text(encoding="utf-8") == (GOLDEN / "uk-nurse" / "bios.json").read_text(
        encoding="utf-8"
    )
    again = run(tmp_path, nurse_policy, "export", "--part", "short", "-o", str(target))
    assert again.returncode == 1 and "--force" in again.stderr
    forced = run(tmp_path, nurse_policy, "export", "--part", "short", "-o", str(target), "--force")
    assert forced.returncode == 0
    assert target.read_text(encoding="utf-8") == (GOLDEN / "uk-nurse" / "short.md").read_text(
        encoding="utf-8"
    )


def test_show_starts_with_the_short_form(tmp_path: Path, nurse_policy: Path) -> None:
    result = run(tmp_path, nurse_policy, "show")
    assert result.returncode == 0, result.stderr
    short = (GOLDEN / "uk-nurse" / "short.txt").read_text(encoding="utf-8").splitlines()[0]
    assert result.stdout.splitlines()[:3] == short.split(" / ")
    assert f"File: {nurse_policy}" in result.stdout




def test_ref_json_gives_each_accounts_answer_and_the_reply_it_calls_for(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        POLICIES / "uk-gp.toml",
        "ref",
        "patient sent me a friend request",
        "--platform",
        "x",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    [first, *_] = json.loads(result.stdout)
    rows = {row["account"]: row for row in first["your_answer"]}
    assert rows["professional"]["where"] == "X · professional account @DrJaneSmithGP"
    assert rows["professional"]["reply"].startswith("Thanks for following.")
    assert "follow @DrJaneSmithGP instead" in rows["personal"]["reply"]
    text = run(
        tmp_path, POLICIES / "uk-gp.toml", "ref", "patient sent me a friend request", "--platform", "x"
    )
    assert "A reply you can copy on X · personal account @janes_home:" in text.stdout
