"""``clinician-compass check`` warns where the policy contradicts itself or asks what a platform cannot do.

A file can be valid and still say something untrue: a personal account that
lets patients in, a locked Facebook account (Facebook cannot lock one). Check
names each, exits 0 as the file is still usable, and ``--strict`` exits 1 so a
clinician (or her employer's script) can insist on a policy with none.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cli_process import clinician_compass
from clinician_compass.policy import codec
from clinician_compass.policy.model import Policy, Profile

POLICIES = Path(__file__).parent / "data" / "policies"


def write(tmp_path: Path, policy: Policy) -> Path:
    target = tmp_path / "policy.toml"
    target.write_text(codec.dump_policy(policy), encoding="utf-8")
    return target


def check(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = clinician_compass(home, "check", *args)
    assert "Traceback" not in result.stderr
    return result


def gp() -> Policy:
    return Policy(profile=Profile("Dr Amira Okafor", "physician", "UK", "the surgery"))


def test_a_personal_account_that_lets_patients_in_is_a_warning_and_strict_fails(tmp_path: Path) -> None:
    policy = gp()
    policy.set_answer("facebook", "account-purpose", "personal")
    policy.set_answer("facebook", "patient-connects", "accept")
    file = write(tmp_path, policy)

    result = check(tmp_path, str(file))
    assert result.returncode == 0, result.stderr
    assert "valid policy (1 platform, 1 account, 2 answers)" in result.stdout
    assert (
        "warning: platforms.facebook.accounts.personal: A personal account that accepts patients: "
        "This account is for family and friends, yet patients who ask are let in"
    ) in result.stderr
    assert "; the guidance leans: The BMA (2011) recommends not accepting friend requests" in result.stderr

    strict = check(tmp_path, "--strict", str(file))
    assert strict.returncode == 1 and "--strict: 1 warning" in strict.stderr


def test_a_conflict_she_chose_to_keep_is_not_a_warning(tmp_path: Path) -> None:
    policy = gp()
    policy.set_answer("facebook", "account-purpose", "personal")
    policy.set_answer(
        "facebook", "patient-connects", "accept", "A village practice: everyone knows me.",
        keeps=("personal-account-accepts-patients",),
    )  # fmt: skip
    result = check(tmp_path, "--strict", str(write(tmp_path, policy)))
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr


@pytest.mark.parametrize(
    ("platform", "decision", "choice", "says"),
    [
        (
            "facebook", "visibility", "protected",
            "warning: platforms.facebook.accounts.main.decisions.visibility.choice: "
            "Protected: approved followers only: Facebook cannot do this, it has no private or locked setting",
        ),
        (
            "youtube", "care-by-dm", "redirect",
            "warning: platforms.youtube.accounts.main.decisions.care-by-dm: "
            "Care questions by DM: not asked on YouTube, because YouTube has no private messages",
        ),
    ],
    ids=["option-the-platform-cannot-do", "decision-the-platform-never-asks"],
)  # fmt: skip
def test_an_answer_the_platform_cannot_keep_names_platform_decision_and_why(
    tmp_path: Path, platform: str, decision: str, choice: str, says: str
) -> None:
    policy = gp()
    policy.set_answer(platform, decision, choice)
    file = write(tmp_path, policy)
    result = check(tmp_path, str(file))
    assert result.returncode == 0, result.stderr
    assert says in result.stderr
    assert check(tmp_path, "--strict", str(file)).returncode == 1


def test_an_option_whose_conditions_her_accounts_do_not_meet_is_a_warning(tmp_path: Path) -> None:
    policy = gp()
    policy.set_answer("linkedin", "account-purpose", "professional")
    policy.set_answer(None, "identity", "named-professional-pseudonym-personal")  # yet no personal account
    result = check(tmp_path, str(write(tmp_path, policy)))
    assert result.returncode == 0, result.stderr
    assert (
        "warning: global.decisions.identity.choice: Named professional account, pseudonymous personal one: "
        in (result.stderr)
    )
    assert "not possible with the accounts you keep" in result.stderr


def test_the_sample_two_account_policy_passes_strict(tmp_path: Path) -> None:
    result = check(tmp_path, "--strict", str(POLICIES / "uk-gp.toml"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "valid policy (1 platform, 2 accounts, 19 answers)" in result.stdout


def test_a_broken_file_is_still_an_error_and_no_warning_is_guessed_from_it(tmp_path: Path) -> None:
    file = tmp_path / "policy.toml"
    text = (
        (POLICIES / "uk-gp.toml")
        .read_text(encoding="utf-8")
        .replace('choice = "public"', 'choice = "shouting"')
    )
    file.write_text(text, encoding="utf-8")
    result = check(tmp_path, str(file))
    assert result.returncode == 1
    assert "expected one of public, per-post, protected, friends, found 'shouting'" in result.stderr
    assert "the guidance leans" not in result.stderr
