"""The command line, run the way a clinician runs it: a separate process, its exit code and what it prints.

Each test starts ``python -m clinician_compass`` with HOME pointing at the test's own folder, so no
test reads or writes a real policy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import date, datetime
from pathlib import Path

import pytest

from broken_files import BROKEN, BROKEN_SAYS, DATA
from cli_process import clinician_compass
from clinician_compass import __version__
from clinician_compass.policy import codec, store
from clinician_compass.policy.model import Policy, Profile
from clinician_compass.policy.paths import ENV_VAR, PolicyPaths

DOCS = Path(__file__).parent.parent / "docs" / "policy-file.md"


def cli(home: Path, *args: str, policy: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``clinician-compass ARGS`` as a clinician would, with ``$CLINICIAN_COMPASS_POLICY`` set to ``policy``."""
    return clinician_compass(home, *args, policy=policy)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def a_policy(name: str = "Dr Amira Okafor") -> Policy:
    policy = Policy(profile=Profile(display_name=name, role="physician", jurisdiction="UK"))
    policy.set_answer("x", "visibility", "public", "Everything I post is public anyway.")
    policy.set_answer(None, "identity", "named")
    return policy


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path


@pytest.fixture
def policy_file(tmp_path: Path) -> Path:
    """A saved policy, made with the app's own model and store."""
    paths = PolicyPaths(tmp_path / "compass" / "policy.toml")
    store.save(a_policy(), paths, expected_digest=None)
    return paths.policy


# --- version and help ------------------------------------------------------------------------------


def test_version_prints_the_app_and_its_version(home: Path) -> None:
    result = cli(home, "--version")
    assert result.returncode == 0
    assert result.stdout == f"clinician-compass {__version__}\n"


def test_help_lists_every_command_and_the_policy_option(home: Path) -> None:
    result = cli(home, "--help")
    assert result.returncode == 0 and result.stderr == ""
    for command in ("show", "export", "check", "path", "ref", "--policy", "--version"):
        assert command in result.stdout
    assert "Nothing you enter ever leaves this computer." in result.stdout


@pytest.mark.parametrize("command", ["show", "export", "check", "path"])
def test_each_command_has_its_own_help(home: Path, command: str) -> None:
    result = cli(home, command, "--help")
    assert result.returncode == 0
    assert f"usage: clinician-compass {command}" in result.stdout and "--policy" in result.stdout


def test_with_no_command_and_no_terminal_the_app_runs_as_plain_prompts(home: Path, policy_file: Path) -> None:
    """Textual cannot draw without a terminal: plain mode (tests/test_plain.py) runs instead, to the end of input."""
    result = subprocess.run(
        [sys.executable, "-m", "clinician_compass"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "HOME": str(home), ENV_VAR: str(policy_file), "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "What would you like to do?" in result.stdout
    assert result.stdout.rstrip().endswith("Input ended.")
    no_traceback(result)


# --- path ------------------------------------------------------------------------------------------


def test_path_says_where_everything_will_live_and_creates_nothing(home: Path) -> None:
    policy = home / "compass" / "policy.toml"
    result = cli(home, "path", policy=policy)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        f"policy   {policy}  (not created yet)",
        f"history  {home / 'compass' / 'history'}  (not created yet)",
        f"draft    {home / 'compass' / 'policy.draft.toml'}  (not created yet)",
    ]
    assert not (home / "compass").exists()


def test_path_after_two_saves_shows_the_policy_and_its_history(home: Path, policy_file: Path) -> None:
    paths = PolicyPaths(policy_file)
    store.save(a_policy("Dr B"), paths, expected_digest=store.load(paths).digest)
    lines = cli(home, "path", policy=policy_file).stdout.splitlines()
    assert lines[0] == f"policy   {policy_file}"
    assert lines[1] == f"history  {paths.history}"
    assert lines[2].endswith("(not created yet)")


def test_path_for_a_linked_policy_shows_the_history_beside_the_real_file(home: Path) -> None:
    real = PolicyPaths(home / "Dropbox" / "policy.toml")
    digest = store.save(a_policy(), real, expected_digest=None)
    store.save(a_policy("Dr B"), real, expected_digest=digest)
    link = home / "config" / "policy.toml"
    link.parent.mkdir()
    link.symlink_to(real.policy)
    lines = cli(home, "path", policy=link).stdout.splitlines()
    assert lines[0] == f"policy   {link}"
    assert lines[1] == f"history  {real.history}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux config folder")
def test_without_an_override_the_policy_lives_in_the_users_config_folder(home: Path) -> None:
    result = cli(home, "path")
    assert (
        result.stdout.splitlines()[0]
        == f"policy   {home / '.config' / 'clinician-compass' / 'policy.toml'}  (not created yet)"
    )


# --- check -----------------------------------------------------------------------------------------


def test_check_says_a_valid_policy_is_valid(home: Path, policy_file: Path) -> None:
    result = cli(home, "check", policy=policy_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{policy_file}: valid policy (1 platform, 1 account, 2 answers)\n"
    assert result.stderr == ""


def test_check_accepts_a_file_to_check_instead_of_the_policy(home: Path) -> None:
    result = cli(home, "check", str(DATA / "ok" / "full.toml"))
    assert result.returncode == 0, result.stderr
    assert "valid policy (1 platform, 1 account, 3 answers)" in result.stdout


def test_check_says_the_example_in_the_docs_is_valid(home: Path) -> None:
    text = DOCS.read_text(encoding="utf-8")
    example = text[text.index("```toml\n# clinician-compass policy") + len("```toml\n") :]
    example = example[: example.index("```")]
    (home / "example.toml").write_text(example, encoding="utf-8")
    result = cli(home, "check", "example.toml")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_check_warns_about_keys_it_does_not_know_but_still_passes_the_file(home: Path) -> None:
    file = DATA / "ok" / "unknown-keys.toml"
    result = cli(home, "check", str(file))
    assert result.returncode == 0
    assert f"{file}:10: warning: profile.pronouns: unknown key; kept as it is" in result.stderr.splitlines()
    assert f"{file}:3: warning: favourite_colour: unknown key; kept as it is" in result.stderr.splitlines()
    assert "valid policy" in result.stdout


@pytest.mark.parametrize("broken", BROKEN, ids=lambda p: p.name)
def test_check_on_a_broken_file_names_the_file_and_line_and_exits_1(home: Path, broken: Path) -> None:
    line, says = BROKEN_SAYS[broken.name]
    result = cli(home, "check", str(broken))
    assert result.returncode == 1
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{broken}:{line}: " if line else f"{broken}: ")
    assert says in result.stderr
    assert result.stderr.endswith("The file was not changed.\n")
    no_traceback(result)


def test_check_on_a_broken_policy_given_by_option_exits_1_too(home: Path) -> None:
    broken = DATA / "broken" / "role-surgeon.toml"
    result = cli(home, "check", "--policy", str(broken))
    assert result.returncode == 1
    assert f"{broken}:6: profile.role: expected one of physician" in result.stderr
    no_traceback(result)


def test_check_lists_every_problem_in_a_file_at_once(home: Path) -> None:
    result = cli(home, "check", str(DATA / "broken" / "many-problems.toml"))
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith(str(DATA))]
    assert len(problems) == 4


def test_check_on_an_option_the_guidance_does_not_know_exits_1_and_lists_the_real_options(home: Path) -> None:
    file = DATA / "off-catalog" / "unknown-option.toml"
    result = cli(home, "check", str(file))
    assert result.returncode == 1
    assert result.stderr == (
        f"{file}:29: platforms.x.decisions.visibility.choice: expected one of public, per-post, protected, "
        "friends, found 'shouting'\n"
    )
    assert result.stdout == ""


def test_check_on_a_huge_file_refuses_it_without_a_traceback(home: Path) -> None:
    huge = home / "huge.toml"
    with huge.open("wb") as handle:
        handle.write(b"schema_version = 1\n")
        handle.write(b"# padding\n" * (store.MAX_FILE_BYTES // 10 + 1))
    result = cli(home, "check", str(huge))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{huge}: the file is ")
    assert "a policy is a few kilobytes, so this is not one" in result.stderr
    no_traceback(result)


def test_check_on_a_file_that_does_not_exist_says_so(home: Path) -> None:
    result = cli(home, "check", "nowhere.toml")
    assert result.returncode == 1
    assert result.stderr == "clinician-compass: nowhere.toml: no such file\n"


def test_check_with_no_policy_yet_says_so(home: Path) -> None:
    policy = home / "compass" / "policy.toml"
    result = cli(home, "check", policy=policy)
    assert result.returncode == 1
    assert result.stderr == f"clinician-compass: {policy}: no such file\n"


@pytest.mark.parametrize(
    "args",
    [
        ["check", "a.toml", "b.toml"],
        ["check", "--no-such-check-option"],
        ["--no-such-option"],
        ["export", "--format", "pdf"],
        ["export", "--part", "everything"],
        ["frobnicate"],
    ],
    ids=[
        "two-files",
        "unknown-check-option",
        "unknown-option",
        "unknown-format",
        "unknown-part",
        "unknown-command",
    ],
)
def test_a_mistyped_command_is_a_usage_error_with_exit_2(
    home: Path, policy_file: Path, args: list[str]
) -> None:
    result = cli(home, *args, policy=policy_file)
    assert result.returncode == 2
    assert result.stderr.startswith("usage: clinician-compass")
    assert "error:" in result.stderr
    assert result.stdout == ""
    no_traceback(result)


# --- show ------------------------------------------------------------------------------------------


def test_show_with_no_policy_yet_tells_the_clinician_how_to_make_one(home: Path) -> None:
    policy = home / "compass" / "policy.toml"
    result = cli(home, "show", policy=policy)
    assert result.returncode == 1
    assert result.stdout == ""
    assert (
        result.stderr == f"clinician-compass: no policy yet at {policy}. Run clinician-compass to make one.\n"
    )


def test_show_prints_the_policy_as_text(home: Path) -> None:
    paths = PolicyPaths(home / "compass" / "policy.toml")
    store.save(a_policy("Dr [b]Bea[/b] O'Neil"), paths, expected_digest=None)
    result = cli(home, "show", policy=paths.policy)
    assert result.returncode == 0, result.stderr
    assert "Dr [b]Bea[/b] O'Neil" in result.stdout, "markup-like text is printed as typed"
    assert result.stderr == ""


def test_show_on_a_broken_policy_says_where_and_exits_1(home: Path) -> None:
    broken = DATA / "broken" / "duplicate-key.toml"
    result = cli(home, "show", policy=broken)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"clinician-compass: {broken}:7: not valid TOML: Cannot overwrite a value"
    )
    no_traceback(result)


# --- export ----------------------------------------------------------------------------------------


def test_export_json_is_valid_json_that_holds_the_whole_policy(home: Path, policy_file: Path) -> None:
    result = cli(home, "export", "--format", "json", policy=policy_file)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    meta = document["meta"]
    meta["created"] = date.fromisoformat(meta["created"])
    meta["updated"] = datetime.fromisoformat(meta["updated"])
    answers = [*document["global"]["decisions"].values()]
    for entry in document["platforms"].values():
        answers += [*entry.get("decisions", {}).values()]
        answers += [a for account in entry["accounts"].values() for a in account["decisions"].values()]
    for answer in answers:  # JSON has no dates: each answer's day is an ISO string
        if "decided" in answer:
            answer["decided"] = date.fromisoformat(answer["decided"])
    policy, warnings = codec.policy_from_document(document)
    assert warnings == []
    assert policy == store.load(PolicyPaths(policy_file)).policy


def test_export_toml_is_a_policy_file_that_reads_back_the_same(home: Path, policy_file: Path) -> None:
    result = cli(home, "export", "--format", "toml", policy=policy_file)
    assert result.returncode == 0, result.stderr
    policy, warnings = codec.parse_policy(result.stdout)
    assert warnings == []
    assert policy == store.load(PolicyPaths(policy_file)).policy


def test_export_with_no_policy_yet_says_so(home: Path) -> None:
    policy = home / "compass" / "policy.toml"
    result = cli(home, "export", "--format", "json", policy=policy)
    assert result.returncode == 1
    assert "no policy yet at" in result.stderr and result.stdout == ""


def test_export_to_a_file_writes_it_and_says_so(home: Path, policy_file: Path) -> None:
    result = cli(home, "export", "--format", "json", "-o", "policy.json", policy=policy_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == "wrote policy.json\n"
    assert (
        json.loads((home / "policy.json").read_text(encoding="utf-8"))["profile"]["display_name"]
        == "Dr Amira Okafor"
    )


def test_export_never_replaces_an_existing_file_without_force(home: Path, policy_file: Path) -> None:
    existing = home / "statement.json"
    existing.write_text("my own notes, not an export\n", encoding="utf-8")
    result = cli(home, "export", "--format", "json", "-o", str(existing), policy=policy_file)
    assert result.returncode == 1
    assert result.stderr == f"clinician-compass: {existing} already exists; add --force to replace it\n"
    assert existing.read_text(encoding="utf-8") == "my own notes, not an export\n"

    result = cli(home, "export", "--format", "json", "-o", str(existing), "--force", policy=policy_file)
    assert result.returncode == 0, result.stderr
    assert json.loads(existing.read_text(encoding="utf-8"))["schema_version"] == 2


def test_export_into_a_folder_that_does_not_exist_says_so(home: Path, policy_file: Path) -> None:
    result = cli(home, "export", "--format", "toml", "-o", "missing/policy.toml", policy=policy_file)
    assert result.returncode == 1
    assert result.stderr == "clinician-compass: missing: no such folder\n"
    no_traceback(result)


# --- --policy, before or after the command ---------------------------------------------------------


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("command", [["path"], ["check"], ["show"], ["export", "--format", "toml"]])
def test_the_policy_option_works_before_or_after_the_command_and_beats_the_environment(
    home: Path, policy_file: Path, command: list[str], where: str
) -> None:
    elsewhere = home / "not-this-one.toml"  # the environment points here; --policy must win
    option = ["--policy", str(policy_file)]
    args = option + command if where == "before" else command + option
    result = cli(home, *args, policy=elsewhere)
    assert result.returncode == 0, result.stderr
    if command == ["path"]:
        assert result.stdout.splitlines()[0] == f"policy   {policy_file}"
    elif command == ["check"]:
        assert result.stdout.startswith(str(policy_file))
    else:
        assert "Dr Amira Okafor" in result.stdout


# --- the fast commands never load the terminal UI --------------------------------------------------

IMPORTS = textwrap.dedent(
    """
    import contextlib, io, sys
    from clinician_compass.cli.main import main
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(sys.argv[1:])
    print(code, "textual" in sys.modules, any(m.startswith("textual.") for m in sys.modules))
    """
)


@pytest.mark.parametrize(
    "args",
    [["show"], ["check"], ["path"], ["export", "--format", "json"], ["export", "--format", "toml"]],
    ids=["show", "check", "path", "export-json", "export-toml"],
)
def test_the_text_commands_never_import_textual(home: Path, policy_file: Path, args: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    env.update(HOME=str(home), **{ENV_VAR: str(policy_file)})
    result = subprocess.run(
        [sys.executable, "-c", IMPORTS, *args], capture_output=True, text=True, env=env, cwd=home, timeout=60
    )
    assert result.stdout.split() == ["0", "False", "False"], result.stderr
