"""No file, name or size hangs the app, crashes it, or leaves a clinician with a file check passed but save refuses.

Each story gives the app something a clinician could point it at by mistake (or
a sync tool, or someone else) and expects a clear message and exit 1, or the
policy itself where the file is a valid one, with the file left exactly as it
was. Commands run as separate processes with a 10-second guard: the guard only
turns a hang into a failure, it measures nothing.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import tomllib
from pathlib import Path

import pytest

from cli_process import clinician_compass
from clinician_compass.policy import store
from clinician_compass.policy.codec import dump_policy
from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.policy.limits import MAX_DEPTH
from clinician_compass.policy.locate import line_of
from clinician_compass.policy.paths import PolicyPaths
from clinician_compass.policy.toml_positions import FOLLOWED_DEPTH

DATA = Path(__file__).parent / "data"
NURSE = (DATA / "policies" / "uk-nurse.toml").read_text(encoding="utf-8")
GUARD = 10


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return clinician_compass(home, *args, timeout=GUARD)


def said_clearly(result: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 1, our own message with these words, no traceback."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word in result.stderr


def place(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- files that are not files -------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["check", "{f}"], ["--policy", "{f}", "show"], ["--policy", "{f}", "export"]]
)
def test_a_named_pipe_given_as_the_policy_is_refused_instead_of_waiting_for_a_writer_forever(
    tmp_path: Path, command: list[str]
) -> None:
    fifo = tmp_path / "policy.toml"
    os.mkfifo(fifo)
    result = cli(tmp_path, *(part.format(f=fifo) for part in command))
    said_clearly(result, str(fifo), "named pipe (FIFO), not a policy file")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("command", [["check", "/dev/zero"], ["--policy", "/dev/zero", "show"]])
def test_an_endless_device_is_refused_before_a_byte_is_read(tmp_path: Path, command: list[str]) -> None:
    said_clearly(cli(tmp_path, *command), "/dev/zero", "this is a device, not a policy file")


def test_a_socket_where_the_policy_should_be_is_named_for_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    listener = socket.socket(socket.AF_UNIX)
    try:
        listener.bind(str(path))
        said_clearly(cli(tmp_path, "check", str(path)), "this is a socket, not a policy file")
    finally:
        listener.close()


def test_a_file_that_grows_after_its_size_was_checked_is_still_read_no_further_than_the_limit(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths.folder.mkdir(parents=True)
    paths.policy.write_bytes(b"schema_version = 1\n" + b"#" * (store.MAX_FILE_BYTES * 2))
    real_fstat = os.fstat

    def says_empty(fd: int) -> os.stat_result:  # like /dev/zero or a file still being written: size 0
        found = list(real_fstat(fd))
        found[stat.ST_SIZE] = 0
        return os.stat_result(found)

    monkeypatch.setattr(os, "fstat", says_empty)
    with pytest.raises(PolicyFileError, match="more than 5,242,880 bytes"):
        store.load(paths)


def test_saving_where_a_pipe_sits_writes_nothing_at_all_not_even_a_lock_beside_it(tmp_path: Path) -> None:
    from clinician_compass.policy.model import Policy

    fifo = tmp_path / "policy.toml"
    os.mkfifo(fifo)
    with pytest.raises(PolicyFileError, match="named pipe"):
        store.save(Policy(), PolicyPaths(fifo), expected_digest=None, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["policy.toml"]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "force"])
def test_exporting_onto_a_pipe_or_a_folder_is_refused_and_never_replaces_it_with_a_file(
    tmp_path: Path, force: list[str]
) -> None:
    policy = place(tmp_path, "policy.toml", NURSE)
    fifo = tmp_path / "statement.md"
    os.mkfifo(fifo)
    folder = tmp_path / "exports"
    folder.mkdir()
    for target, kind in ((fifo, "a named pipe (FIFO)"), (folder, "a folder")):
        said_clearly(
            cli(tmp_path, "--policy", str(policy), "export", "-o", str(target), *force), f"is {kind}"
        )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and folder.is_dir()


# --- folders we may not look into ---------------------------------------------------------------


@pytest.fixture
def unsearchable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose contents cannot be looked up, as for another user's folder (tests run as root,
    where chmod would not stop anything, so every lookup below it is made to fail the way it would)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "policy.toml").write_text(NURSE, encoding="utf-8")
    real_stat, real_lstat, real_open = os.stat, os.lstat, os.open

    def guarded(real):  # noqa: ANN001, ANN202
        def call(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            if str(path).startswith(f"{folder}{os.sep}"):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(os, "stat", guarded(real_stat))
    monkeypatch.setattr(os, "lstat", guarded(real_lstat))
    monkeypatch.setattr(os, "open", guarded(real_open))
    return folder


def test_a_policy_in_a_folder_that_cannot_be_searched_says_permission_denied(unsearchable: Path) -> None:
    with pytest.raises(PolicyFileError, match="permission denied"):
        store.load(PolicyPaths(unsearchable / "policy.toml"))


@pytest.mark.parametrize(
    "command",
    [
        ["check", "{f}"],
        ["--policy", "{f}", "show"],
        ["--policy", "{f}", "export"],
        ["--policy", "{f}", "path"],
    ],
)
def test_every_command_on_an_unsearchable_folder_answers_without_a_traceback(
    unsearchable: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from clinician_compass.cli.main import main

    code = main([part.format(f=unsearchable / "policy.toml") for part in command])
    out, err = capsys.readouterr()
    if command[-1] == "path":
        assert code == 0 and "cannot be checked: permission denied" in out
    else:
        assert code == 1 and "permission denied" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root searches any folder, so chmod cannot lock it")
def test_a_folder_locked_with_chmod_says_permission_denied_to_check_and_path(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    place(folder, "policy.toml", NURSE)
    folder.chmod(0o000)
    try:
        said_clearly(cli(tmp_path, "check", str(folder / "policy.toml")), "permission denied")
        shown = cli(tmp_path, "--policy", str(folder / "policy.toml"), "path")
        assert shown.returncode == 0 and "cannot be checked: permission denied" in shown.stdout
    finally:
        folder.chmod(0o700)


def test_saving_into_an_unsearchable_folder_says_so_and_writes_nothing(unsearchable: Path) -> None:
    from clinician_compass.policy.errors import PolicyError
    from clinician_compass.policy.model import Policy

    with pytest.raises(PolicyError, match="permission denied"):
        store.save(Policy(), PolicyPaths(unsearchable / "policy.toml"), expected_digest=None, force=True)


# --- nesting -------------------------------------------------------------------------------------


def nested(depth: int) -> str:
    """The nurse's policy with an extra key under [profile] holding lists ``depth - 1`` levels deep."""
    lists = depth - 1  # [profile] itself is the first level
    return NURSE.replace("[profile]\n", f"[profile]\nkept = {'[' * lists}1{']' * lists}\n", 1)


def test_a_policy_nested_as_deep_as_the_limit_is_valid_and_saves_and_exports(tmp_path: Path) -> None:
    path = place(tmp_path, "policy.toml", nested(MAX_DEPTH))
    assert cli(tmp_path, "check", str(path)).returncode == 0
    exported = cli(tmp_path, "--policy", str(path), "export", "--format", "toml")
    assert exported.returncode == 0
    kept = tomllib.loads(path.read_text(encoding="utf-8"))["profile"]["kept"]
    assert tomllib.loads(exported.stdout)["profile"]["kept"] == kept
    loaded = store.load(PolicyPaths(path))
    assert loaded is not None
    store.save(loaded.policy, PolicyPaths(path), expected_digest=loaded.digest)
    assert store.load(PolicyPaths(path)) is not None


@pytest.mark.parametrize("depth", [30, 248, 495, 10_000])
def test_nesting_is_accepted_only_as_deep_as_the_app_can_write_back(tmp_path: Path, depth: int) -> None:
    path = place(tmp_path, "policy.toml", nested(depth))
    before = path.read_bytes()
    checked = cli(tmp_path, "check", str(path))
    exported = cli(tmp_path, "--policy", str(path), "export", "--format", "toml")
    if depth <= MAX_DEPTH:
        assert checked.returncode == 0 and exported.returncode == 0
    else:
        levels = str(depth) if depth <= FOLLOWED_DEPTH else f"more than {FOLLOWED_DEPTH}"
        said_clearly(checked, f"{path}:8: values nested {levels} levels deep", f"at most {MAX_DEPTH}")
        said_clearly(exported, "levels deep")
    assert path.read_bytes() == before


def test_a_header_with_thousands_of_dotted_parts_is_refused_as_too_deep(tmp_path: Path) -> None:
    path = place(tmp_path, "policy.toml", NURSE + "\n[" + ".".join(["a"] * 5000) + "]\nb = 1\n")
    said_clearly(cli(tmp_path, "check", str(path)), "levels deep")


def test_a_writer_that_runs_out_of_stack_is_our_error_not_a_traceback(
    paths: PolicyPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tomli_w

    from clinician_compass.policy.errors import PolicyError
    from clinician_compass.policy.model import Policy

    def overflow(*args: object, **kwargs: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(tomli_w, "dumps", overflow)
    with pytest.raises(PolicyError, match="cannot be written"):
        store.save(Policy(), paths, expected_digest=None)
    assert not paths.policy.exists()


# --- slow lines and many tables ------------------------------------------------------------------


def looks_like_a_header(spaces: int) -> str:
    """A valid policy with a warning, and a note whose second line is ``[``, spaces, ``]x``."""
    return NURSE.replace("[profile]\n", "[profile]\nmystery = 1\n", 1).replace(
        'text = "Don', f'text = """\n[{" " * spaces}]x\n"""\nold_text = "Don', 1
    )


@pytest.mark.parametrize("spaces", [2_000, 4_000, 40_000])
def test_a_line_that_looks_like_a_broken_header_inside_a_string_is_answered_at_once(
    tmp_path: Path, spaces: int
) -> None:
    path = place(tmp_path, "policy.toml", looks_like_a_header(spaces))
    checked = cli(tmp_path, "check", str(path))
    assert checked.returncode == 0, checked.stderr
    assert f"{path}:8: warning: profile.mystery: unknown key" in checked.stderr
    for command in (["show"], ["export"]):
        assert cli(tmp_path, "--policy", str(path), *command).returncode == 0
    loaded = store.load(PolicyPaths(path))
    assert loaded is not None and [w.line for w in loaded.warnings] == [8, 18]  # mystery, old_text
    store.save(loaded.policy, PolicyPaths(path), expected_digest=loaded.digest)


def test_ten_thousand_unknown_platforms_are_each_warned_about_at_their_own_line(tmp_path: Path) -> None:
    tables = "".join(f'\n[platforms.unknown{n}]\nprofessional_handle = ""\n' for n in range(10_000))
    path = place(tmp_path, "policy.toml", NURSE + tables)
    result = cli(tmp_path, "check", str(path))
    assert result.returncode == 0, result.stderr[-500:]
    last_header = NURSE.count("\n") + 3 * 9_999 + 2
    assert (
        f"{path}:{last_header}: warning: platforms.unknown9999: not a platform this app knows"
        in result.stderr
    )
    assert result.stderr.count("not a platform this app knows") == 10_000


# --- the right line, and the right words ---------------------------------------------------------


def test_an_error_names_the_keys_own_line_not_a_look_alike_inside_a_multi_line_string(tmp_path: Path) -> None:
    text = NURSE.replace(
        'display_name = "Priya Shah"\nrole = "nurse"',
        'display_name = """\nrole = "not this line"\n[platforms.x]\n"""\nrole = "surgeon"',
    )
    path = place(tmp_path, "policy.toml", text)
    role_line = text.splitlines().index('role = "surgeon"') + 1
    said_clearly(cli(tmp_path, "check", str(path)), f"{path}:{role_line}: profile.role: expected one of")


TRICKY = """\
schema_version = 1  # [platforms.x]
[profile]
display_name = \"\"\"
role = "in a string"
[platforms.x]
\"\"\"
role = 'nurse' # role = 'x'
practice_contact = '''
[meta]
'''
seen = { deep = [ '[meta]', \"\"\" ] \"\"\" ] }
[meta]
created = 2026-01-01
"""


@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("profile.role", 7),
        ("profile.display_name", 3),
        ("profile.practice_contact", 8),
        ("profile.seen.deep", 11),
        ("meta", 12),
        ("meta.created", 13),
        ("platforms.x", None),  # only ever written inside a string or a comment
    ],
)
def test_text_inside_strings_and_comments_is_never_taken_for_a_key(key: str, line: int | None) -> None:
    assert line_of(TRICKY, key) == line


def test_a_file_holding_only_a_form_feed_is_called_whitespace_not_empty(paths: PolicyPaths) -> None:
    paths.folder.mkdir(parents=True)
    paths.policy.write_bytes(b"\x0c")
    with pytest.raises(PolicyFileError, match="only whitespace") as raised:
        store.load(paths)
    assert "form feed" in str(raised.value) and "empty" not in str(raised.value)
    assert paths.policy.read_bytes() == b"\x0c"


def test_a_truly_empty_file_is_still_called_empty(paths: PolicyPaths) -> None:
    paths.folder.mkdir(parents=True)
    paths.policy.write_bytes(b"")
    with pytest.raises(PolicyFileError, match="the file is empty"):
        store.load(paths)


def test_what_the_app_writes_nests_well_inside_the_limit() -> None:
    from app_states import sample_policy
    from clinician_compass.policy.toml_positions import key_lines

    assert key_lines(dump_policy(sample_policy())).depth <= 6 < MAX_DEPTH
