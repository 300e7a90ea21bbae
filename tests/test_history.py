"""History she can use, without Textual: every saved version, what changed in words, and restoring one."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from app_states import sample_policy
from clinician_compass.guidance import load_catalog
from clinician_compass.policy import history, store
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.walkthrough.session import Session


def test_changes_read_as_what_she_decided_not_as_a_text_diff() -> None:
    before = sample_policy()
    after = copy.deepcopy(before)
    after.set_answer("x", "visibility", "protected", account="professional")
    after.set_answer("linkedin", "account-purpose", "professional")
    after.profile.practice_contact = "the practice on 020 7946 0999"
    changes = history.describe(before, after, load_catalog())
    assert "X: Who can see your posts: Public → Protected: approved followers only" in changes
    assert "LinkedIn added" in changes
    assert "contact number changed" in changes
    assert len(changes) == 3, changes


def test_a_removed_platform_a_new_handle_and_a_reworded_short_form_are_named() -> None:
    before = sample_policy()
    after = copy.deepcopy(before)
    del after.platforms["instagram"]
    after.platforms["x"].accounts["professional"].handle = "@AlexMorganRN"
    after.short_form.text = "Kind, private, redirect"
    assert history.describe(before, after, load_catalog()) == [
        "Instagram removed",
        "X: handle changed",
        "short form reworded",
    ]


def saved(paths: PolicyPaths) -> Session:
    session = Session(paths, load_catalog())
    session.open()
    session.begin()
    return session


def test_history_lists_every_saved_version_newest_first_with_its_changes(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    session = saved(paths)
    step = next(s for s in session.plan.decision_steps if s.platform == "x" and s.decision == "visibility")
    session.answer(step, "protected")
    session.save()
    session.mark_reviewed(date(2026, 12, 1))

    newest, middle, oldest = history.versions(paths, load_catalog())
    assert newest.saved > middle.saved > oldest.saved
    assert newest.changes == ("marked reviewed on 2026-12-01",)
    assert middle.changes == ("X: Who can see your posts: Public → Protected: approved followers only",)
    assert oldest.changes == ("first saved version",)
    assert newest.policy == store.load(paths).policy, "the version just saved is the newest in history"


def test_restoring_a_version_keeps_the_current_one_and_shows_the_restored_policy(paths: PolicyPaths) -> None:
    store.save(sample_policy(), paths, expected_digest=None)
    session = saved(paths)
    step = next(s for s in session.plan.decision_steps if s.platform == "x" and s.decision == "visibility")
    session.answer(step, "protected")
    session.save()
    _, first = history.versions(paths, load_catalog())

    session.restore(first.path)
    assert store.load(paths).policy.answer("x", "visibility", "professional").choice == "public"
    assert session.saved is not None and session.saved.answer("x", "visibility", "professional").choice == "public"
    restored, protected, _ = history.versions(paths, load_catalog())
    assert protected.policy is not None
    assert protected.policy.answer("x", "visibility", "professional").choice == "protected", "nothing is lost"
    assert restored.changes == ("X: Who can see your posts: Protected: approved followers only → Public",)


def test_a_damaged_version_in_history_is_listed_as_unreadable_not_hidden(paths: PolicyPaths) -> None:
    digest = store.save(sample_policy(), paths, expected_digest=None)
    second = sample_policy()
    second.profile.display_name = "Alex Morgan RN"
    store.save(second, paths, expected_digest=digest)
    newest = store.history(paths)[0]
    newest.write_bytes(b"schema_version = 2\n[profile\n")
    damaged, good = history.versions(paths, load_catalog())
    assert damaged.policy is None and damaged.changes == ("cannot be read",) and "line 2" in damaged.problem
    assert good.policy is not None and store.newest_good_version(paths) == good.path


def test_the_history_command_lists_versions_and_restores_one(
    paths: PolicyPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from clinician_compass.cli.main import main

    digest = store.save(sample_policy(), paths, expected_digest=None)
    changed = sample_policy()
    changed.profile.practice_contact = "the practice on 020 7946 0999"
    store.save(changed, paths, expected_digest=digest)
    assert main(["history", "--policy", str(paths.policy)]) == 0
    listing = capsys.readouterr().out
    assert "  1  " in listing and "contact number changed" in listing and "first saved version" in listing
    assert main(["history", "--policy", str(paths.policy), "--restore", "2"]) == 0
    loaded = store.load(paths)
    assert loaded is not None and loaded.policy.profile.practice_contact == sample_policy().profile.practice_contact
    assert len(store.history(paths)) == 3
    assert main(["history", "--policy", str(paths.policy), "--restore", "9"]) == 1
