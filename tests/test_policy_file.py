"""The policy file: what a clinician sees when they save, hand-edit, break, sync or upgrade it.

Every test here is one thing a clinician would notice: their answers come back exactly as they
left them, the file stays private, earlier versions are kept, another window's changes are never
silently lost, and a file they broke by hand is reported with its line and never overwritten.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import textwrap
import tomllib
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broken_files import BROKEN, BROKEN_SAYS, DATA
from clinician_compass import __version__
from clinician_compass.policy import codec, store
from clinician_compass.policy.draft import Draft, load_draft, save_draft
from clinician_compass.policy.errors import ConflictError, PolicyFileError
from clinician_compass.policy.locate import line_of
from clinician_compass.policy.model import (
    ACCOUNT_PURPOSE,
    JURISDICTIONS,
    ROLES,
    Account,
    Answer,
    Meta,
    PlatformEntry,
    Policy,
    Profile,
    ShortForm,
    account_keys_for,
)
from clinician_compass.policy.paths import PolicyPaths

DOCS = Path(__file__).parent.parent / "docs" / "policy-file.md"


def a_policy(name: str = "Dr Amira Okafor") -> Policy:
    """A small, realistic policy made the way the app makes one."""
    policy = Policy(profile=Profile(display_name=name, role="physician", jurisdiction="UK"))
    policy.profile.practice_contact = "the surgery on 020 7946 0000 or the NHS App"
    policy.meta.app_version = __version__
    policy.set_answer("x", "visibility", "public", "Everything I post is public anyway.")
    policy.set_answer(None, "identity", "named")
    return policy


def leftovers(folder: Path) -> list[Path]:
    """Temporary files a save left behind anywhere under the policy's folder."""
    return sorted(folder.rglob("*.tmp"))


# --- a policy survives being written and read back ------------------------------------------------

# Text a clinician might type, with everything that could trip a writer or a renderer up.
tricky = st.sampled_from(
    [
        "[b]",
        "[/",
        "[/b]",
        "[bold red]x[/]",
        '"',
        "'",
        "'''",
        '"""',
        "\\",
        "\\n",
        "\n",
        "\r\n",
        "\t",
        "\x00",
        "\x7f",
        "\u2028",
        "é",
        "Zoë",
        "🩺",
        "# not a comment",
        "key = value",
        "[table]",
        "=",
        "",
        " ",
    ]
)
free_text = st.one_of(
    st.text(max_size=40), tricky, st.lists(st.one_of(tricky, st.text(max_size=8)), max_size=5).map("".join)
)
ident = st.one_of(
    st.sampled_from(["x", "facebook", "instagram", "visibility", "care-by-dm", "identity"]),
    st.text(min_size=1, max_size=12),
)
choice = st.one_of(
    st.sampled_from(["public", "protected", "named", "redirect"]),
    free_text.filter(lambda s: s.strip() != ""),
)
toml_scalar = st.one_of(
    st.text(max_size=12),
    tricky,
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.dates(),
)
toml_value = st.recursive(
    toml_scalar,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def extras(known: set[str], min_size: int = 0) -> st.SearchStrategy[dict]:
    """Keys a newer app or a hand edit added beside the ones this app knows."""
    keys = st.text(min_size=1, max_size=10).filter(lambda k: k not in known)
    return st.dictionaries(keys, toml_value, min_size=min_size, max_size=2)


answer = st.builds(
    Answer,
    choice=choice,
    note=free_text,
    decided=st.one_of(st.none(), st.dates()),
    review=st.booleans(),
    keeps=st.lists(st.sampled_from(["accepts-then-blocks", "no-lookups-yet-follows"]), max_size=2).map(tuple),
    extra=extras({"choice", "note", "decided", "review", "keeps"}),
)
answers = st.dictionaries(ident.filter(lambda d: d != ACCOUNT_PURPOSE), answer, max_size=4)
account = st.builds(
    Account,
    handle=free_text,
    decisions=answers,
    checklist=st.dictionaries(ident, st.dates(), max_size=3),
    extra=extras({"handle", "decisions", "checklist"}),
)


@st.composite
def platform_entries(draw: st.DrawFn) -> PlatformEntry:
    """A platform as the app keeps it: the accounts always match what the account purpose says."""
    use = draw(st.sampled_from([None, "personal", "professional", "mixed", "separate"]))
    decisions = {ACCOUNT_PURPOSE: Answer(use, draw(free_text))} if use else {}
    accounts = {key: draw(account) for key in account_keys_for(use)}
    return PlatformEntry(decisions, accounts, draw(extras({"decisions", "accounts"})))


zones = st.sampled_from([None, UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30))])
policies = st.builds(
    Policy,
    profile=st.builds(
        Profile,
        display_name=free_text,
        role=st.sampled_from(list(ROLES)),
        jurisdiction=st.sampled_from(list(JURISDICTIONS)),
        practice_contact=free_text,
        extra=extras({"display_name", "role", "jurisdiction", "practice_contact"}),
    ),
    platforms=st.dictionaries(
        ident,
        platform_entries(),
        max_size=4,
    ),
    global_decisions=answers,
    short_form=st.builds(ShortForm, text=free_text, edited=st.booleans(), extra=extras({"text", "edited"})),
    meta=st.builds(
        Meta,
        created=st.dates(),
        updated=st.datetimes(timezones=zones),
        last_reviewed=st.one_of(st.none(), st.dates()),
        app_version=free_text.filter(bool),
        extra=extras({"created", "updated", "last_reviewed", "app_version"}),
    ),
    extra=st.one_of(
        extras({"schema_version", "profile", "short_form", "meta", "global", "platforms"}),
        st.builds(
            lambda top, glob: {**top, "global": glob},
            extras({"schema_version", "profile", "short_form", "meta", "global", "platforms"}),
            extras({"decisions"}, min_size=1),
        ),
    ),
)


@settings(max_examples=200, deadline=None)
@given(policies)
def test_any_policy_comes_back_from_its_file_exactly_as_it_was_written(policy: Policy) -> None:
    text = codec.dump_policy(policy)
    again, warnings = codec.parse_policy(text)
    assert again == policy
    assert list(again.platforms) == list(policy.platforms), "platforms keep the order the clinician chose"
    for entry, entry_again in zip(policy.platforms.values(), again.platforms.values(), strict=True):
        assert list(entry_again.decisions) == list(entry.decisions)
    assert all(w.warning for w in warnings), "only the unknown keys are mentioned, as warnings"
    assert text.startswith("# clinician-compass policy")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(policies)
def test_any_policy_saved_to_disk_loads_back_unchanged_apart_from_the_time_it_was_saved(
    policy: Policy,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = PolicyPaths(Path(folder) / "compass" / "policy.toml")
        digest = store.save(policy, paths, expected_digest=None)
        loaded = store.load(paths)
        assert loaded is not None and loaded.digest == digest
        assert loaded.policy == policy  # save stamped policy.meta.updated; the file has the same stamp


def test_markup_quotes_and_new_lines_typed_by_a_clinician_are_kept_as_plain_text(paths: PolicyPaths) -> None:
    policy = a_policy('Dr "Bea" [b]Bold[/b] O\'Neil')
    policy.set_answer("x", "visibility", "public", "line one\nline two [/] \\ 🩺")
    store.save(policy, paths, expected_digest=None)
    loaded = store.load(paths)
    assert loaded is not None
    assert loaded.policy.profile.display_name == 'Dr "Bea" [b]Bold[/b] O\'Neil'
    answer = loaded.policy.answer("x", "visibility")
    assert answer is not None and (answer.choice, answer.note) == ("public", "line one\nline two [/] \\ 🩺")


def test_the_file_is_readable_toml_in_the_documented_order(paths: PolicyPaths) -> None:
    store.save(a_policy(), paths, expected_digest=None)
    text = paths.policy.read_text(encoding="utf-8")
    assert text.startswith("# clinician-compass policy: your personal social media policy as a clinician.")
    assert f"Written by clinician-compass {__version__}" in text
    headers = re.findall(r"^\[([^\]]+)\]$", text, flags=re.MULTILINE)
    assert headers == [
        "profile",
        "short_form",
        "meta",
        "global.decisions.identity",
        "platforms.x.accounts.main",
        "platforms.x.accounts.main.decisions.visibility",
    ]
    document = tomllib.loads(text)
    assert list(document) == ["schema_version", "profile", "short_form", "meta", "global", "platforms"]
    assert isinstance(document["meta"]["created"], date), "dates are TOML dates, not text"
    assert isinstance(document["meta"]["updated"], datetime)


def test_a_file_with_only_a_schema_version_is_a_valid_empty_policy() -> None:
    policy, warnings = codec.parse_policy("schema_version = 1\n")
    assert warnings == [] and policy.is_empty
    assert policy.profile == Profile() and policy.short_form == ShortForm()


def test_the_complete_example_in_the_docs_is_a_valid_policy() -> None:
    blocks = re.findall(r"```toml\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    example = next(block for block in blocks if block.startswith("# clinician-compass policy"))
    policy, warnings = codec.parse_policy(example)
    assert warnings == []
    assert policy.profile.role in ROLES and policy.platforms and policy.global_decisions


# --- the file is private, and earlier versions are kept --------------------------------------------


def test_a_first_save_creates_a_private_folder_and_a_file_only_the_clinician_can_read(
    paths: PolicyPaths,
) -> None:
    assert not paths.folder.exists()
    store.save(a_policy(), paths, expected_digest=None)
    assert paths.folder.stat().st_mode & 0o777 == 0o700
    assert paths.policy.stat().st_mode & 0o777 == 0o600


def test_a_file_made_world_readable_by_hand_is_private_again_after_the_next_save(paths: PolicyPaths) -> None:
    digest = store.save(a_policy(), paths, expected_digest=None)
    paths.policy.chmod(0o644)
    store.save(a_policy("Dr B"), paths, expected_digest=digest)
    assert paths.policy.stat().st_mode & 0o777 == 0o600


def test_each_save_keeps_every_saved_version_privately_in_history(paths: PolicyPaths) -> None:
    digest = store.save(a_policy("First"), paths, expected_digest=None)
    first = paths.policy.read_bytes()
    [only] = store.history(paths)
    assert only.read_bytes() == first, "the version just saved is in history, so a damaged file loses nothing"
    store.save(a_policy("Second"), paths, expected_digest=digest)
    newest, kept = store.history(paths)
    assert newest.read_bytes() == paths.policy.read_bytes(), "newest first: the one just saved"
    assert kept.read_bytes() == first
    assert kept.parent == paths.history and kept.name.startswith("policy-") and kept.suffix == ".toml"
    assert paths.history.stat().st_mode & 0o777 == 0o700
    assert kept.stat().st_mode & 0o777 == 0o600


def test_history_keeps_only_the_newest_twenty_versions(paths: PolicyPaths) -> None:
    digest = None
    for n in range(25):
        digest = store.save(a_policy(f"Version {n}"), paths, expected_digest=digest)
    kept = store.history(paths)
    assert len(kept) == store.HISTORY_KEEP == 20
    names = [codec.parse_policy(f.read_text(encoding="utf-8"))[0].profile.display_name for f in kept]
    assert names == [f"Version {n}" for n in range(24, 4, -1)], "newest first, the current one too; 0 to 4 dropped"
    assert store.load(paths).policy.profile.display_name == "Version 24"


def test_saving_an_unchanged_policy_does_not_fill_history_with_copies(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    moment = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
    monkeypatch.setattr(store, "now", lambda: moment)
    digest = store.save(a_policy(), paths, expected_digest=None)
    for _ in range(3):
        digest = store.save(a_policy(), paths, expected_digest=digest)
    assert len(store.history(paths)) == 1, "the one version saved, once"


# --- changes made elsewhere are never silently lost ------------------------------------------------


def test_a_file_changed_on_disk_since_it_was_opened_is_not_overwritten(paths: PolicyPaths) -> None:
    store.save(a_policy(), paths, expected_digest=None)
    opened = store.load(paths)
    assert opened is not None
    elsewhere = a_policy("Edited in another window")
    other_digest = store.save(elsewhere, paths, expected_digest=opened.digest)
    on_disk = paths.policy.read_bytes()

    opened.policy.profile.display_name = "Edited here"
    with pytest.raises(ConflictError) as conflict:
        store.save(opened.policy, paths, expected_digest=opened.digest)
    assert str(paths.policy) in str(conflict.value)
    assert "Reload" in str(conflict.value) and "save anyway" in str(conflict.value)
    assert paths.policy.read_bytes() == on_disk
    assert store.load(paths).digest == other_digest


def test_a_hand_edit_made_while_the_app_was_open_is_caught_too(paths: PolicyPaths) -> None:
    store.save(a_policy(), paths, expected_digest=None)
    opened = store.load(paths)
    assert opened is not None
    paths.policy.write_text(
        paths.policy.read_text(encoding="utf-8").replace("Okafor", "Okafor-Smith"), "utf-8"
    )
    with pytest.raises(ConflictError):
        store.save(opened.policy, paths, expected_digest=opened.digest)
    assert "Okafor-Smith" in paths.policy.read_text(encoding="utf-8")


def test_save_anyway_replaces_the_other_version_and_keeps_it_in_history(paths: PolicyPaths) -> None:
    store.save(a_policy(), paths, expected_digest=None)
    opened = store.load(paths)
    assert opened is not None
    paths.policy.write_text(
        paths.policy.read_text(encoding="utf-8").replace("Okafor", "Okafor-Smith"), "utf-8"
    )
    theirs = paths.policy.read_bytes()

    opened.policy.profile.display_name = "Mine"
    store.save(opened.policy, paths, expected_digest=opened.digest, force=True)
    assert store.load(paths).policy.profile.display_name == "Mine"
    assert store.history(paths)[1].read_bytes() == theirs, "theirs goes to history before mine replaces it"


def test_a_policy_deleted_on_disk_while_open_is_not_silently_recreated(paths: PolicyPaths) -> None:
    digest = store.save(a_policy(), paths, expected_digest=None)
    paths.policy.unlink()
    with pytest.raises(ConflictError):
        store.save(a_policy(), paths, expected_digest=digest)
    assert not paths.policy.exists()
    store.save(a_policy(), paths, expected_digest=digest, force=True)
    assert paths.policy.exists()


def test_a_policy_created_elsewhere_meanwhile_is_not_replaced_by_a_new_one(paths: PolicyPaths) -> None:
    store.save(a_policy("Made in the other window"), paths, expected_digest=None)
    with pytest.raises(ConflictError):
        store.save(a_policy("Made here"), paths, expected_digest=None)
    assert store.load(paths).policy.profile.display_name == "Made in the other window"


# --- a file the app cannot read is reported, never overwritten -------------------------------------


def test_every_broken_file_in_the_test_data_has_an_expected_message() -> None:
    assert sorted(BROKEN_SAYS) == [f.name for f in BROKEN]
    assert len(BROKEN) >= 12


@pytest.mark.parametrize("broken", BROKEN, ids=lambda p: p.name)
def test_a_broken_file_is_reported_with_its_name_and_line_and_what_is_wrong(broken: Path) -> None:
    line, says = BROKEN_SAYS[broken.name]
    with pytest.raises(PolicyFileError) as raised:
        store.load(PolicyPaths(broken))
    error = raised.value
    assert error.path == broken
    message = str(error)
    assert says in message
    assert message.startswith(str(broken)), "the message names the file first, like a compiler's"
    if line is not None:
        assert f"{broken}:{line}: " in message, "file:line: so editors can jump to it"
    assert "Traceback" not in message
    assert message.rstrip().endswith("The file was not changed.")
    assert message.count("The file was not changed.") == 1


def test_a_hand_edit_with_several_mistakes_reports_all_of_them_at_once() -> None:
    with pytest.raises(PolicyFileError) as raised:
        store.load(PolicyPaths(DATA / "broken" / "many-problems.toml"))
    keys = sorted(p.key for p in raised.value.problems)
    assert keys == [
        "meta.created",
        "platforms.x.decisions.visibility.choice",
        "profile.jurisdiction",
        "short_form.edited",
    ]
    assert all(p.line for p in raised.value.problems)


def test_a_hand_edit_with_a_typo_is_reported_with_its_line_and_the_file_is_left_alone(
    paths: PolicyPaths,
) -> None:
    digest = store.save(a_policy(), paths, expected_digest=None)
    text = paths.policy.read_text(encoding="utf-8")
    broken = text.replace('role = "physician"', 'role = "physican"').encode("utf-8")
    paths.policy.write_bytes(broken)
    role_line = text.splitlines().index('role = "physician"') + 1

    with pytest.raises(PolicyFileError) as raised:
        store.load(paths)
    assert f"{paths.policy}:{role_line}: profile.role: expected one of" in str(raised.value)
    assert "found 'physican'" in str(raised.value)
    for force in (False, True):
        with pytest.raises(PolicyFileError):
            store.save(a_policy(), paths, expected_digest=digest, force=force)
        assert paths.policy.read_bytes() == broken
    assert len(store.history(paths)) == 1 and leftovers(paths.folder) == [], "only the good version saved before"


@pytest.mark.parametrize("broken", BROKEN, ids=lambda p: p.name)
def test_saving_over_a_broken_file_is_refused_and_its_bytes_are_untouched(
    paths: PolicyPaths, broken: Path
) -> None:
    paths.folder.mkdir(parents=True)
    paths.policy.write_bytes(broken.read_bytes())
    with pytest.raises(PolicyFileError):
        store.save(a_policy(), paths, expected_digest=None, force=True)
    assert paths.policy.read_bytes() == broken.read_bytes()


def test_a_broken_file_points_to_the_newest_good_version_in_history(paths: PolicyPaths) -> None:
    digest = store.save(a_policy("One"), paths, expected_digest=None)
    store.save(a_policy("Two"), paths, expected_digest=digest)
    paths.policy.write_bytes(b"schema_version = 1\n[profile\n")
    with pytest.raises(PolicyFileError) as raised:
        store.load(paths)
    good, _ = store.history(paths)
    assert codec.parse_policy(good.read_text(encoding="utf-8"))[0].profile.display_name == "Two", "the last save"
    assert f"The newest version that can be read is {good}." in str(raised.value)


def test_a_file_too_big_to_be_a_policy_is_refused_without_reading_it(paths: PolicyPaths) -> None:
    paths.folder.mkdir(parents=True)
    with paths.policy.open("wb") as handle:
        handle.write(b"schema_version = 1\n# ")
        handle.truncate(store.MAX_FILE_BYTES + 1)
    with pytest.raises(PolicyFileError, match="5,242,881 bytes; a policy is a few kilobytes") as raised:
        store.load(paths)
    assert str(raised.value).startswith(str(paths.policy))
    with pytest.raises(PolicyFileError):
        store.save(a_policy(), paths, expected_digest=None, force=True)
    assert paths.policy.stat().st_size == store.MAX_FILE_BYTES + 1


def test_a_folder_where_the_policy_should_be_is_reported(paths: PolicyPaths) -> None:
    paths.policy.mkdir(parents=True)
    with pytest.raises(PolicyFileError, match="this is a folder, not a policy file"):
        store.load(paths)


def test_no_policy_yet_is_not_an_error(paths: PolicyPaths) -> None:
    assert store.load(paths) is None


# --- keys this app does not know are kept ----------------------------------------------------------


def test_keys_added_by_hand_or_a_newer_app_are_warned_about_and_survive_a_save(paths: PolicyPaths) -> None:
    paths.folder.mkdir(parents=True)
    paths.policy.write_bytes((DATA / "ok" / "unknown-keys.toml").read_bytes())
    loaded = store.load(paths)
    assert loaded is not None
    assert sorted(w.key for w in loaded.warnings) == [
        "favourite_colour",
        "global.decisions.identity.reviewed_with",
        "meta.synced_by",
        "platforms.x.colour",
        "profile.pronouns",
    ]
    assert all(w.warning and w.line and "unknown key; kept as it is" in w.message for w in loaded.warnings)

    loaded.policy.set_answer("x", "visibility", "protected", "changed my mind")
    store.save(loaded.policy, paths, expected_digest=loaded.digest)
    document = tomllib.loads(paths.policy.read_text(encoding="utf-8"))
    assert document["favourite_colour"] == "teal"
    assert document["profile"]["pronouns"] == "they/them"
    assert document["meta"]["synced_by"] == "my-sync-tool"
    assert document["platforms"]["x"]["colour"] == "blue"
    assert document["global"]["decisions"]["identity"]["reviewed_with"] == "my manager"
    visibility = document["platforms"]["x"]["accounts"]["main"]["decisions"]["visibility"]
    assert (visibility["choice"], visibility["note"]) == ("protected", "changed my mind")


def test_an_unknown_table_under_global_is_kept_beside_the_decisions(paths: PolicyPaths) -> None:
    text = codec.dump_policy(a_policy()).replace(
        "[global.decisions.identity]", '[global.reminders]\nevery = "year"\n\n[global.decisions.identity]'
    )
    policy, warnings = codec.parse_policy(text)
    assert [w.key for w in warnings] == ["global.reminders"]
    assert tomllib.loads(codec.dump_policy(policy))["global"]["reminders"] == {"every": "year"}


# --- schema versions: older files are upgraded, newer ones refused ---------------------------------


def test_a_file_from_a_newer_app_is_refused_with_a_clear_message_and_never_downgraded(
    paths: PolicyPaths,
) -> None:
    future = (DATA / "broken" / "future-schema.toml").read_bytes()
    paths.folder.mkdir(parents=True)
    paths.policy.write_bytes(future)
    with pytest.raises(PolicyFileError) as raised:
        store.load(paths)
    assert "schema_version 99, newer than this app understands (2); update clinician-compass" in str(
        raised.value
    )
    with pytest.raises(PolicyFileError):
        store.save(a_policy(), paths, expected_digest=None, force=True)
    assert paths.policy.read_bytes() == future


def test_an_older_file_is_migrated_on_load_and_upgraded_on_the_next_save(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend this app writes schema 3, where schema 2's profile.name became profile.display_name.
    def one_to_two(document: dict) -> dict:
        profile = dict(document.get("profile", {}))
        if "name" in profile:
            profile["display_name"] = profile.pop("name")
        return {**document, "profile": profile, "schema_version": 3}

    monkeypatch.setattr(codec, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(codec.MIGRATIONS, 2, one_to_two)
    old = codec.dump_policy(a_policy()).replace("schema_version = 3", "schema_version = 2")
    old = old.replace("display_name =", "name =")
    paths.folder.mkdir(parents=True)
    paths.policy.write_text(old, encoding="utf-8")

    loaded = store.load(paths)
    assert loaded is not None and loaded.warnings == [], "the renamed key is not an unknown key"
    assert loaded.policy.profile.display_name == "Dr Amira Okafor"
    assert paths.policy.read_text(encoding="utf-8") == old, "loading alone changes nothing on disk"

    store.save(loaded.policy, paths, expected_digest=loaded.digest)
    assert tomllib.loads(paths.policy.read_text(encoding="utf-8"))["schema_version"] == 3
    assert store.history(paths)[1].read_text(encoding="utf-8") == old, "the older file is kept in history"


# --- a crash mid-save never costs the old file -----------------------------------------------------


def test_ctrl_c_between_writing_and_renaming_leaves_the_old_file_and_no_temp_file(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    digest = store.save(a_policy("Before"), paths, expected_digest=None)
    before = paths.policy.read_bytes()
    real_replace = os.replace

    def interrupted(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst) == paths.policy:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.save(a_policy("After"), paths, expected_digest=digest)
    assert paths.policy.read_bytes() == before
    assert leftovers(paths.folder) == []


KILLED_SAVE = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from clinician_compass.policy import store
    from clinician_compass.policy.model import Policy, Profile
    from clinician_compass.policy.paths import PolicyPaths
    paths = PolicyPaths(Path(sys.argv[1]))
    where = sys.argv[2]
    real_replace = os.replace
    def replace(src, dst):
        if (Path(dst).parent.name == "history") == (where == "history"):
            os.kill(os.getpid(), signal.SIGKILL)  # the power goes off between writing and renaming
        real_replace(src, dst)
    os.replace = replace
    loaded = store.load(paths)
    store.save(Policy(profile=Profile(display_name="After")), paths, expected_digest=loaded.digest)
    """
)


@pytest.mark.parametrize(
    "killed_while_writing", ["history", "policy"], ids=["the-history-copy", "the-policy"]
)
def test_a_save_killed_before_the_rename_leaves_the_old_file_and_the_next_save_tidies_up(
    paths: PolicyPaths, killed_while_writing: str
) -> None:
    store.save(a_policy("Before"), paths, expected_digest=None)
    before = paths.policy.read_bytes()

    child = subprocess.run(
        [sys.executable, "-c", KILLED_SAVE, str(paths.policy), killed_while_writing], capture_output=True
    )
    assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    # The policy is written first, then its copy in history: killed in between, the policy is the new one.
    survivor = "Before" if killed_while_writing == "policy" else "After"
    assert store.load(paths).policy.profile.display_name == survivor
    for kept in store.history(paths):
        assert kept.read_bytes() == before, "history holds only whole copies of versions saved in full"
    assert leftovers(paths.folder), "the kill did leave a temp file (otherwise this test tests nothing)"

    current = store.load(paths)
    current.policy.profile.display_name = "Later"
    store.save(current.policy, paths, expected_digest=current.digest)
    assert store.load(paths).policy.profile.display_name == "Later"
    names = [codec.parse_policy(f.read_text(encoding="utf-8"))[0].profile.display_name for f in store.history(paths)]
    assert names == ["Later", "After", "Before"] if survivor == "After" else ["Later", "Before"]
    assert leftovers(paths.folder) == []


# --- the draft -------------------------------------------------------------------------------------


def test_an_unfinished_walkthrough_comes_back_at_the_step_the_clinician_left(paths: PolicyPaths) -> None:
    draft = Draft(a_policy(), position="x/visibility", platforms=("x", "instagram"))
    save_draft(draft, paths)
    assert paths.draft == paths.folder / "policy.draft.toml"
    assert paths.draft.stat().st_mode & 0o777 == 0o600
    assert not paths.policy.exists(), "the draft never becomes the policy on its own"
    again = load_draft(paths)
    assert again is not None
    assert again.position == "x/visibility" and again.platforms == ("x", "instagram")
    assert again.policy == draft.policy


def test_no_draft_is_simply_none(paths: PolicyPaths) -> None:
    assert load_draft(paths) is None


@pytest.mark.parametrize(
    "damage",
    [
        b"\x89PNG\r\n\x00\xff",
        b"schema_version = 1\n[profile\n",
        b"schema_version = 99\n",
        b"",
        b"[walkthrough]\nposition = 3\n",
    ],
    ids=["binary", "not-toml", "future", "empty", "no-schema"],
)
def test_a_damaged_draft_is_ignored_and_left_on_disk(paths: PolicyPaths, damage: bytes) -> None:
    paths.folder.mkdir(parents=True)
    paths.draft.write_bytes(damage)
    assert load_draft(paths) is None
    assert paths.draft.read_bytes() == damage


def test_a_draft_with_an_odd_walkthrough_table_still_loads(paths: PolicyPaths) -> None:
    save_draft(Draft(a_policy()), paths)
    text = paths.draft.read_text(encoding="utf-8")
    text = text[: text.index("[walkthrough]")].replace(
        "schema_version = 2\n", "schema_version = 2\nwalkthrough = 3\n"
    )
    paths.draft.write_text(text, encoding="utf-8")
    assert tomllib.loads(paths.draft.read_text(encoding="utf-8"))["walkthrough"] == 3
    again = load_draft(paths)
    assert again is not None and again.position == "" and again.platforms == ()


# --- a linked or synced policy --------------------------------------------------------------------


def test_a_symlinked_policy_is_saved_through_the_link_and_the_link_survives(tmp_path: Path) -> None:
    real = PolicyPaths(tmp_path / "Dropbox" / "policy.toml")
    store.save(a_policy("In Dropbox"), real, expected_digest=None)
    link = PolicyPaths(tmp_path / "config" / "clinician-compass" / "policy.toml")
    link.folder.mkdir(parents=True)
    link.policy.symlink_to(real.policy)

    loaded = store.load(link)
    assert loaded is not None and loaded.policy.profile.display_name == "In Dropbox"
    loaded.policy.profile.display_name = "Saved through the link"
    store.save(loaded.policy, link, expected_digest=loaded.digest)

    assert link.policy.is_symlink() and link.policy.resolve() == real.policy
    assert store.load(real).policy.profile.display_name == "Saved through the link"
    assert len(store.history(real)) == 2, "history lives beside the real file"
    assert leftovers(tmp_path) == []


def test_a_broken_symlinked_policy_points_to_history_beside_the_real_file(tmp_path: Path) -> None:
    real = PolicyPaths(tmp_path / "Dropbox" / "policy.toml")
    digest = store.save(a_policy("One"), real, expected_digest=None)
    store.save(a_policy("Two"), real, expected_digest=digest)
    link = PolicyPaths(tmp_path / "config" / "policy.toml")
    link.folder.mkdir()
    link.policy.symlink_to(real.policy)
    real.policy.write_bytes(b"schema_version = 1\n[profile\n")
    with pytest.raises(PolicyFileError) as raised:
        store.load(link)
    assert f"The newest version that can be read is {store.history(real)[0]}." in str(raised.value)


# --- finding the line of a key --------------------------------------------------------------------

LOCATE = """\
# a comment
schema_version = 1

[profile]
display_name = "Dr A"  # a comment after a value
role = "nurse"

[global.decisions.identity]
choice = "named"

[platforms.x]
professional_handle = "@a"

[platforms.x.decisions.visibility]
choice = "public"
note = "[b] not a table"

[ platforms . "instagram" ]
decisions.care-by-dm.choice = "redirect"
'personal_handle' = "b"
"""


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("schema_version", 2),
        ("profile", 4),
        ("profile.role", 6),
        ("global.decisions.identity.choice", 9),
        ("platforms.x.professional_handle", 12),
        ("platforms.x.decisions.visibility", 14),
        ("platforms.x.decisions.visibility.choice", 15),
        ("platforms.x.decisions.visibility.note", 16),
        ("platforms.instagram.decisions.care-by-dm.choice", 19),
        ("platforms.instagram.personal_handle", 20),
        ("platforms.x.decisions.visibility.extra_key", 14),  # not there: the table it belongs in
        ("profile.jurisdiction", 4),
        ("meta.created", None),
        ("", None),
    ],
)
def test_errors_find_the_line_of_a_key_in_nested_tables(key: str, line: int | None) -> None:
    assert line_of(LOCATE, key) == line


# --- hand edits in other editors, and several policies in one folder -------------------------------


def test_a_file_saved_by_an_editor_that_adds_a_byte_order_mark_still_opens(paths: PolicyPaths) -> None:
    store.save(a_policy(), paths, expected_digest=None)
    paths.policy.write_bytes(b"\xef\xbb\xbf" + paths.policy.read_bytes())
    loaded = store.load(paths)
    assert loaded is not None and loaded.policy.profile.display_name == "Dr Amira Okafor"
    store.save(loaded.policy, paths, expected_digest=loaded.digest)
    assert not paths.policy.read_bytes().startswith(b"\xef\xbb\xbf")


def test_two_policies_in_one_folder_keep_their_histories_apart(tmp_path: Path) -> None:
    mine = PolicyPaths(tmp_path / "policy.toml")
    old = PolicyPaths(tmp_path / "policy-old.toml")
    digest = None
    for n in range(3):
        digest = store.save(a_policy(f"Old {n}"), old, expected_digest=digest)
    old_history = store.history(old)
    assert len(old_history) == 3
    digest = None
    for n in range(store.HISTORY_KEEP + 3):
        digest = store.save(a_policy(f"Mine {n}"), mine, expected_digest=digest)
    assert store.history(old) == old_history, "saving one policy never prunes another's history"
    assert len(store.history(mine)) == store.HISTORY_KEEP
    assert all(f.name.startswith("policy-2") for f in store.history(mine))
