"""What a clinician meets before any screen draws: accounts, the questions asked for each, what her
choices commit her to, and where two choices contradict each other. No Textual here."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from clinician_compass.guidance import load_catalog, load_catalog_from
from clinician_compass.guidance.commitments import POLICY_LEVEL, REPLIES, VOCABULARY
from clinician_compass.guidance.loader import CatalogError
from clinician_compass.guidance.packaged import DATA
from clinician_compass.policy.commitments import AccountRef, account_commitments
from clinician_compass.policy.conflicts import find_conflicts, open_conflicts
from clinician_compass.policy.model import PlatformEntry, Policy
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.walkthrough.plan import Plan, Step
from clinician_compass.walkthrough.session import Session

CATALOG = load_catalog()


def two_accounts_on_x() -> Policy:
    policy = Policy()
    policy.set_answer("x", "account-purpose", "separate")
    policy.platforms["x"].accounts["professional"].handle = "@DrJaneSmithGP"
    return policy


# --- every option says what it commits to ----------------------------------------------------------


def test_every_option_commits_to_something_in_the_vocabulary_at_its_decisions_level() -> None:
    for decision in CATALOG.decisions.values():
        for option in decision.options:
            assert option.commits, f"{decision.id}/{option.id} commits to nothing"
            for key, value in option.commits.items():
                assert value in VOCABULARY[key]
                assert (key in POLICY_LEVEL) == (decision.scope == "global"), f"{decision.id}/{option.id}"
            assert all(reply in REPLIES for reply in option.replies)
            assert len(option.maxim.split()) == 2, f"{decision.id}/{option.id}: {option.maxim!r}"
            assert option.gloss and option.why


def test_the_two_options_of_one_decision_never_commit_to_the_same_thing() -> None:
    for decision in CATALOG.decisions.values():
        said = [tuple(sorted(o.commits.items())) for o in decision.options]
        assert len(set(said)) == len(said), decision.id


def test_an_unknown_commitment_is_reported_with_its_file_line_and_key(tmp_path: Path) -> None:
    folder = tmp_path / "catalog"
    shutil.copytree(DATA, folder)
    path = folder / "decisions" / "visibility.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('commits = { audience = "public" }', 'commits = { audience = "everyone" }', 1)
    text = text.replace('commits = { audience = "approved" }', 'commits = { shouting = "yes" }', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        load_catalog_from(folder)
    problems = "\n".join(raised.value.problems)
    assert re.search(r"decisions/visibility\.toml:\d+: options\[0\]\.commits\.audience: 'everyone' is not one", problems)
    assert re.search(r"decisions/visibility\.toml:\d+: options\[2\]\.commits\.shouting: not a commitment", problems)
    assert "every option must commit to the same keys" in problems


# --- options only where they can be done ------------------------------------------------------------


def options_on(platform_id: str, decision_id: str) -> list[str]:
    policy = Policy()
    policy.platforms[platform_id] = PlatformEntry()
    plan = Plan(CATALOG, [platform_id], policy)
    step = next(s for s in plan.steps if s.decision == decision_id)
    return [o.id for o in plan.options(step)]


def test_facebook_offers_its_own_audiences_and_no_protected_account() -> None:
    assert options_on("facebook", "visibility") == ["public", "per-post", "friends"]


def test_x_offers_no_per_post_audience() -> None:
    assert options_on("x", "visibility") == ["public", "protected"]


def test_bluesky_asks_nothing_about_who_sees_the_account_since_it_can_only_be_public() -> None:
    policy = Policy()
    policy.set_answer("bluesky", "account-purpose", "professional")
    plan = Plan(CATALOG, ["bluesky"], policy)
    assert "visibility" not in {s.decision for s in plan.steps}
    here = account_commitments(policy, CATALOG, AccountRef("bluesky", "professional"))
    assert here.get("audience") == "public", "what the platform leaves no choice on is still known"


def test_a_website_is_not_asked_about_connections_following_or_blocking() -> None:
    plan = Plan(CATALOG, ["website"], Policy())
    asked = {s.decision for s in plan.steps}
    assert not asked & {"patient-connects", "following-patients", "blocking", "care-by-dm"}


def test_youtube_offers_no_private_reply_to_a_public_question() -> None:
    assert "redirect-privately" not in options_on("youtube", "care-in-public")


def test_a_pseudonymous_personal_account_is_offered_only_when_she_has_a_personal_account() -> None:
    policy = Policy()
    policy.set_answer("x", "account-purpose", "professional")
    plan = Plan(CATALOG, ["x"], policy)
    identity = Step(None, "identity")
    assert "named-professional-pseudonym-personal" not in [o.id for o in plan.options(identity)]
    policy.set_answer("x", "account-purpose", "separate")
    plan = Plan(CATALOG, ["x"], policy)
    assert "named-professional-pseudonym-personal" in [o.id for o in plan.options(identity)]


# --- two accounts -------------------------------------------------------------------------------------


def test_two_accounts_asks_the_account_questions_once_for_each_with_the_account_named() -> None:
    policy = two_accounts_on_x()
    plan = Plan(CATALOG, ["x"], policy)
    positions = [s.position for s in plan.steps]
    assert positions[:2] == ["x/account-purpose", "x/handles"]
    account_steps = [s for s in plan.steps if s.account]
    per_account = len(CATALOG.account_decisions("x"))
    assert [s.account for s in account_steps] == ["professional"] * per_account + ["personal"] * per_account
    first = plan.steps.index(account_steps[1])
    assert str(plan.progress(first)).startswith("X · professional @DrJaneSmithGP · 2 of 7")
    last = plan.steps.index(account_steps[-1])
    assert str(plan.progress(last)).startswith("X · personal · 7 of 7")


def test_one_account_becoming_two_copies_its_answers_to_both_for_her_to_confirm() -> None:
    policy = Policy()
    policy.set_answer("x", "account-purpose", "professional")
    policy.set_answer("x", "visibility", "public")
    policy.set_answer("x", "account-purpose", "separate")
    accounts = policy.platforms["x"].accounts
    assert accounts["professional"].decisions["visibility"].review is False, "it was hers already"
    assert accounts["personal"].decisions["visibility"].choice == "public"
    assert accounts["personal"].decisions["visibility"].review is True


def test_two_accounts_becoming_one_keeps_the_account_of_that_purpose() -> None:
    policy = two_accounts_on_x()
    policy.set_answer("x", "visibility", "protected", account="personal")
    policy.set_answer("x", "visibility", "public", account="professional")
    policy.set_answer("x", "account-purpose", "personal")
    assert list(policy.platforms["x"].accounts) == ["personal"]
    kept = policy.answer("x", "visibility")
    assert kept is not None and kept.choice == "protected"


def test_an_account_question_on_a_platform_with_two_accounts_must_say_which_account() -> None:
    policy = two_accounts_on_x()
    assert policy.answer("x", "visibility") is None
    with pytest.raises(KeyError):
        policy.set_answer("x", "visibility", "public")


# --- handles ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "handle", "fine"),
    [
        ("x", "@DrJaneSmithGP", True),
        ("x", "DrJaneSmithGP", True),
        ("x", "@Dr Jane Smith", False),
        ("x", "@averyveryverylonghandle", False),
        ("bluesky", "@janesmith.bsky.social", True),
        ("bluesky", "jane-smith.com", True),
        ("bluesky", "@janesmith", False),
        ("mastodon", "@janesmith@mastodon.social", True),
        ("mastodon", "@janesmith", False),
        ("facebook", "Jane Smith (Riverside)", True),
        ("x", "", True),
    ],
)
def test_handles_are_checked_against_the_platforms_own_rules(platform: str, handle: str, fine: bool) -> None:
    problem = CATALOG.platforms[platform].handle_problem(handle)
    assert (problem == "") == fine, problem
    if not fine:
        assert CATALOG.platforms[platform].short_name in problem, "the message names the platform's rule"


def test_a_very_long_pasted_handle_is_refused_at_once() -> None:
    assert CATALOG.platforms["bluesky"].handle_problem("a." * 50_000 + "!")


# --- conflicts ---------------------------------------------------------------------------------------


def test_a_personal_facebook_account_that_accepts_patients_is_a_conflict_naming_both_answers() -> None:
    policy = Policy()
    policy.set_answer("facebook", "account-purpose", "personal")
    policy.set_answer("facebook", "patient-connects", "accept")
    (found,) = find_conflicts(policy, CATALOG)
    assert found.conflict.id == "personal-account-accepts-patients"
    assert (found.first, found.second) == ("account-purpose", "patient-connects")
    assert found.where == AccountRef("facebook", "personal") and not found.kept


def test_keeping_a_conflict_with_a_note_closes_it() -> None:
    policy = Policy()
    policy.set_answer("facebook", "account-purpose", "personal")
    policy.set_answer(
        "facebook", "patient-connects", "accept", "We live in a village; everyone knows everyone.",
        keeps=("personal-account-accepts-patients",),
    )
    assert open_conflicts(policy, CATALOG) == []
    assert [f.kept for f in find_conflicts(policy, CATALOG)] == [True]


def test_declining_follows_is_no_conflict_where_requests_are_mutual() -> None:
    for platform, expected in (("x", 1), ("facebook", 0)):
        policy = Policy()
        policy.set_answer(platform, "account-purpose", "professional")
        policy.set_answer(platform, "visibility", "public")
        policy.set_answer(platform, "patient-connects", "decline-explain")
        assert len(open_conflicts(policy, CATALOG)) == expected, platform


def test_the_walkthrough_sees_a_conflict_before_the_answer_is_recorded(paths: PolicyPaths) -> None:
    session = Session(paths, CATALOG)
    session.begin(("facebook",))
    session.answer(Step("facebook", "account-purpose"), "personal")
    accept = Step("facebook", "patient-connects", "personal")
    (found,) = session.conflicts_if(accept, "accept")
    assert found.first == "account-purpose"
    assert session.working.answer("facebook", "patient-connects") is None, "nothing recorded yet"
    assert session.conflicts_if(accept, "decline-explain") == []
