"""Nothing is lost: crashes, two copies of the app, full disks and strange files never cost a clinician their policy."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinician_compass.policy import store
from clinician_compass.policy.codec import parse_policy
from clinician_compass.policy.errors import ConflictError, PolicyFileError, UnsafeLocationError
from clinician_compass.policy.model import Policy, Profile
from clinician_compass.policy.paths import PolicyPaths

KILLS = 200

def _saver(paths: PolicyPaths) -> None:
    """Save again and again, each version bigger or smaller, until killed (runs in a forked child)."""
    loaded = store.load(paths)
    assert loaded is not None
    policy, digest = loaded.policy, loaded.digest
    n = int(policy.profile.display_name)
    while True:
        n += 1
        policy.profile.display_name = str(n)
        policy.profile.practice_contact = "x" * (n % 5000)  # vary the size, so writes take different times
        digest = store.save(policy, paths, expected_digest=digest)


def _start_saver(paths: PolicyPaths) -> int:
    """A child that is saving, as the app would be: forked, so it costs no fresh interpreter each time."""
    ready, tell = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: say it is running, then save until the kill
        try:
            os.close(ready)
            os.write(tell, b"ready")
            _saver(paths)
        finally:
            os._exit(1)  # never back into pytest
    os.close(tell)
    assert os.read(ready, 5) == b"ready"
    os.close(ready)
    return pid


def _valid_versions(paths: PolicyPaths) -> list[str]:
    """Every version on disk (the policy and its history) parses; return their display names."""
    return [
        parse_policy(file.read_text(encoding="utf-8"))[0].profile.display_name
        for file in [paths.policy, *store.history(paths)]
    ]


def test_killing_the_app_mid_save_never_leaves_a_broken_file(paths: PolicyPaths) -> None:
    store.save(Policy(profile=Profile(display_name="0")), paths, expected_digest=None)
    rng = random.Random(20261122)
    previous = 0
    for _ in range(KILLS):
        pid = _start_saver(paths)
        time.sleep(rng.uniform(0, 0.02))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status), "the saver ran until killed"
        counters = [int(name) for name in _valid_versions(paths)]
        assert counters[0] >= previous, "the file is the old version or a newer one, never older"
        previous = counters[0]
        assert len(store.history(paths)) <= store.HISTORY_KEEP
    assert previous > 0, "the savers did get to save"


def test_a_second_copy_of_the_app_is_told_the_file_changed(paths: PolicyPaths) -> None:
    store.save(Policy(), paths, expected_digest=None)
    first = store.load(paths)
    second = store.load(paths)
    assert first and second
    first.policy.profile.display_name = "Window one"
    store.save(first.policy, paths, expected_digest=first.digest)
    second.policy.profile.display_name = "Window two"
    with pytest.raises(ConflictError, match="changed on disk"):
        store.save(second.policy, paths, expected_digest=second.digest)
    assert store.load(paths).policy.profile.display_name == "Window one"


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from clinician_compass.policy import store
    from clinician_compass.policy.errors import ConflictError
    from clinician_compass.policy.paths import PolicyPaths
    paths = PolicyPaths(Path(sys.argv[1]))
    saved = conflicts = 0
    while saved < 40:
        loaded = store.load(paths)
        loaded.policy.profile.display_name = sys.argv[2] + str(saved)
        try:
            store.save(loaded.policy, paths, expected_digest=loaded.digest)
            saved += 1
        except ConflictError:
            conflicts += 1
    print(saved, conflicts)
    """
)


def test_two_processes_saving_at_once_never_corrupt_the_file_or_lose_a_save_silently(
    paths: PolicyPaths,
) -> None:
    store.save(Policy(), paths, expected_digest=None)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(paths.policy), name], stdout=subprocess.PIPE, text=True
        )
        for name in ("a", "b")
    ]
    outputs = [w.communicate(timeout=120)[0].split() for w in writers]
    assert all(w.returncode == 0 for w in writers)
    assert [int(saved) for saved, _ in outputs] == [40, 40]
    final = store.load(paths)
    assert final is not None and final.policy.profile.display_name in {"a39", "b39"}
    _valid_versions(paths)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_give_our_error_or_a_policy_never_a_crash(data: bytes) -> None:
    try:
        store.parse_bytes(Path("policy.toml"), data)
    except PolicyFileError as error:
        assert "policy.toml" in str(error)


toml_values = st.recursive(
    st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.dates(), st.floats(allow_nan=False)),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
policy_like = st.fixed_dictionaries(
    {"schema_version": st.one_of(st.just(1), st.integers(-2, 5), st.text(max_size=3))},
    optional={
        "profile": st.one_of(
            toml_values,
            st.fixed_dictionaries(
                {}, optional={"display_name": toml_values, "role": st.sampled_from(["nurse", "surgeon", 3])}
            ),
        ),
        "platforms": st.dictionaries(st.sampled_from(["x", "facebook", "???"]), toml_values, max_size=2),
        "global": toml_values,
        "meta": toml_values,
        "short_form": toml_values,
    },
)


@settings(max_examples=300, deadline=None)
@given(policy_like)
def test_generated_toml_documents_give_our_error_or_a_policy(document: dict) -> None:
    import tomli_w

    data = tomli_w.dumps(document).encode("utf-8")
    try:
        policy, _ = store.parse_bytes(Path("policy.toml"), data)
    except PolicyFileError as error:
        assert str(error).startswith("policy.toml")
    else:
        assert isinstance(policy, Policy)


def test_an_unparseable_file_is_never_overwritten(paths: PolicyPaths) -> None:
    paths.policy.parent.mkdir(parents=True)
    paths.policy.write_bytes(b"schema_version = 1\n[profile\n")
    with pytest.raises(PolicyFileError, match="line 2"):
        store.save(Policy(), paths, expected_digest=None, force=True)
    assert paths.policy.read_bytes() == b"schema_version = 1\n[profile\n"


@pytest.mark.parametrize(
    ("code", "said"),
    [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "permission denied"), (errno.EROFS, "read-only")],
)
def test_a_full_or_read_only_disk_says_so_and_keeps_the_old_file(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch, code: int, said: str
) -> None:
    digest = store.save(Policy(profile=Profile(display_name="Kept")), paths, expected_digest=None)
    before = paths.policy.read_bytes()

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(UnsafeLocationError, match=said):
        store.save(Policy(profile=Profile(display_name="New")), paths, expected_digest=digest)
    assert paths.policy.read_bytes() == before
    assert not list(paths.folder.glob(".policy.toml.*.tmp")), "no temp file is left behind"


def test_a_missing_folder_is_created_private(paths: PolicyPaths) -> None:
    store.save(Policy(), paths, expected_digest=None)
    assert paths.folder.stat().st_mode & 0o777 == 0o700
    assert paths.policy.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_a_read_only_folder_gives_a_clear_message(paths: PolicyPaths) -> None:
    paths.folder.mkdir(parents=True)
    paths.folder.chmod(0o500)
    try:
        with pytest.raises(UnsafeLocationError, match="permission denied"):
            store.save(Policy(), paths, expected_digest=None)
    finally:
        paths.folder.chmod(0o700)


def test_an_unwritable_home_gives_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be", encoding="utf-8")
    with pytest.raises(UnsafeLocationError, match="cannot create the folder"):
        store.save(Policy(), PolicyPaths(blocker / "clinician-compass" / "policy.toml"), expected_digest=None)


def test_a_symlinked_policy_stays_a_link_and_the_target_gets_the_save(tmp_path: Path) -> None:
    real = PolicyPaths(tmp_path / "synced" / "policy.toml")
    store.save(Policy(), real, expected_digest=None)
    link = tmp_path / "config" / "policy.toml"
    link.parent.mkdir()
    link.symlink_to(real.policy)
    loaded = store.load(PolicyPaths(link))
    assert loaded
    loaded.policy.profile.display_name = "Through the link"
    store.save(loaded.policy, PolicyPaths(link), expected_digest=loaded.digest)
    assert link.is_symlink()
    assert (
        tomllib.loads(real.policy.read_text(encoding="utf-8"))["profile"]["display_name"]
        == "Through the link"
    )
