"""A clinician who uses a screen reader, or a script, walks through in plain mode: numbered prompts, plain lines.

Each story pipes her answers into a fresh ``clinician-compass`` process (its
standard output is not a terminal, so plain mode is chosen by itself) and
checks what she would notice: the policy she saves, the draft she can come
back to, what is said when she types something wrong. The policy plain mode
saves is compared with the one the same answers give through the session the
TUI drives. Transcripts are golden files under ``tests/golden/plain/``; rewrite
them with ``UPDATE_GOLDENS=1 .venv/bin/pytest tests/test_plain.py`` and read
the diff before committing it.
"""

from __future__ import annotations

import difflib
import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pytest

from clinician_compass.policy import store
from clinician_compass.policy.draft import load_draft
from clinician_compass.policy.model import Policy
from clinician_compass.policy.paths import ENV_VAR, PolicyPaths
from clinician_compass.walkthrough.plan import PLATFORMS, REVIEW
from clinician_compass.walkthrough.session import Session

GOLDEN = Path(__file__).parent / "golden" / "plain"
POLICIES = Path(__file__).parent / "data" / "policies"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
LATER = "later"
KEEP_NOTE = "I only look up a patient's public profile when a colleague asks me to"


@dataclass
class Story:
    """What she answers: her profile, her platforms (by number), and for each step an option id or LATER."""

    name: str = "Dr Jane Smith"
    role: str = "1"  # Physician
    country: str = "1"  # United Kingdom
    contact: str = "the surgery on 020 7946 0000"
    platforms: tuple[str, ...] = ("x",)
    typed_platforms: str = "1"
    handles: dict[str, str] = field(default_factory=dict)
    """Account key → the handle she types (Enter when absent)."""
    answers: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Position → (option id, note), or (LATER, "")."""
    before: dict[str, list[str]] = field(default_factory=dict)
    """Position → lines typed there before the answer (going back and coming again, say)."""


FIRST = Story(
    handles={"professional": "@DrJaneSmithGP", "personal": "@jane_s"},
    answers={
        "x/account-purpose": ("separate", ""),
        "x/professional/visibility": ("public", ""),
        "x/professional/patient-connects": ("accept", ""),
        "x/professional/following-patients": ("never-initiate", ""),
        "x/professional/blocking": ("abuse-only", ""),
        "x/professional/care-by-dm": ("redirect", "I answer within a working day"),
        "x/professional/care-in-public": ("public-redirect", ""),
        "x/professional/profile-disclaimer": ("views-own-no-advice", ""),
        "x/personal/visibility": ("protected", ""),
        "x/personal/patient-connects": ("decline-explain", ""),
        "x/personal/following-patients": ("never", ""),
        "x/personal/blocking": ("abuse-only", ""),
        "x/personal/care-by-dm": ("redirect", ""),
        "x/personal/care-in-public": ("no-reply", ""),
        "x/personal/profile-disclaimer": ("none", ""),
        "global/looking-up-patients": ("never", ""),
        "global/posting-about-patients": ("deidentified-consent", ""),
        "global/online-reviews": ("generic-reply", ""),
        "global/identity": ("named", ""),
        "global/industry-work": ("no-paid-work", ""),
    },
)


def plain(home: Path, policy: Path, typed: list[str], *args: str) -> subprocess.CompletedProcess[bytes]:
    """``clinician-compass`` with ``typed`` piped in, one line each; the output kept as bytes."""
    env = {k: v for k, v in os.environ.items() if k not in {ENV_VAR, "XDG_CONFIG_HOME", "NO_COLOR"}}
    env.update(
        HOME=str(home), PYTHONIOENCODING="utf-8", TERM="xterm-256color", XDG_CACHE_HOME=str(home / "c")
    )
    env[ENV_VAR] = str(policy)
    stdin = "".join(line + "\n" for line in typed).encode("utf-8")
    return subprocess.run(
        [sys.executable, "-m", "clinician_compass", *args],
        input=stdin, capture_output=True, env=env, cwd=home, timeout=120, check=False,
    )  # fmt: skip


def through_session(paths: PolicyPaths, story: Story) -> list[tuple[str, list[str]]]:
    """Give ``story``'s answers through the session, as the TUI does, and save them; return what she types
    in plain mode for the same answers, step by step: (position, lines)."""
    session = Session(paths)
    session.open()
    session.begin()
    profile = session.working.profile
    profile.display_name, profile.role, profile.jurisdiction = story.name, "physician", "UK"
    profile.practice_contact = story.contact
    steps = [("profile", [story.name, story.role, story.country, story.contact])]
    session.set_platforms(story.platforms)
    steps.append((PLATFORMS, [story.typed_platforms]))
    position = session.next_position(PLATFORMS)
    while position != REVIEW:
        plan = session.plan
        step = plan.steps[plan.index_of(position)]
        typed = list(story.before.get(position, []))
        if step.is_handles:
            accounts = list(session.working.platforms[step.platform].accounts)
            typed += [story.handles.get(key, "") for key in accounts]
            session.set_handles(step.platform, {key: story.handles.get(key, "") for key in accounts})
        else:
            choice, note = story.answers[position]
            if choice == LATER:
                typed.append("l")
                session.decide_later(step)
            else:
                ids = [o.id for o in plan.options(step)]
                typed.append(f"{ids.index(choice) + 1} {note}".strip())
                found = session.conflicts_if(step, choice)
                keeps: tuple[str, ...] = ()
                if found:  # she keeps both, and says why
                    typed += ["2", KEEP_NOTE]
                    note, keeps = KEEP_NOTE, tuple(dict.fromkeys(f.conflict.id for f in found))
                session.answer(step, choice, note, keeps=keeps)
        steps.append((position, typed))
        position = session.next_position(position)
    session.save()
    steps.append((REVIEW, ["1"]))  # 1. Save my policy
    return steps


def typed_lines(steps: list[tuple[str, list[str]]]) -> list[str]:
    return [line for _, lines in steps for line in lines]


def comparable(policy: Policy) -> tuple[object, ...]:
    """What she decided, without the timestamps of when the file was written."""
    return (policy.profile, policy.platforms, policy.global_decisions, policy.short_form)


def loaded(path: Path) -> Policy:
    result = store.load(PolicyPaths(path))
    assert result is not None, f"no policy was saved at {path}"
    return result.policy


def text_of(result: subprocess.CompletedProcess[bytes]) -> str:
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    return result.stdout.decode("utf-8")


def normalised(text: str, home: Path) -> str:
    """The transcript without what changes from run to run: the folder and today's date."""
    today = date.today()
    text = text.replace(str(home), "HOME")
    for day, name in ((today, "TODAY"), (today + timedelta(days=365), "NEXT-YEAR")):
        text = text.replace(day.isoformat(), name)
    return text


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDENS=1 pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "plain mode"
            )
        )
        pytest.fail(f"{name} differs (UPDATE_GOLDENS=1 rewrites it):\n{diff}")


# --- stories ---------------------------------------------------------------------------------------


def test_a_first_walkthrough_saves_the_policy_the_same_answers_give_through_the_session(
    tmp_path: Path,
) -> None:
    expected_at = tmp_path / "by-session" / "policy.toml"
    steps = through_session(PolicyPaths(expected_at), FIRST)
    ours = tmp_path / "plain" / "policy.toml"

    shown = text_of(plain(tmp_path, ours, typed_lines(steps)))

    assert comparable(loaded(ours)) == comparable(loaded(expected_at))
    kept = loaded(ours).global_decisions["looking-up-patients"]
    assert kept.note == KEEP_NOTE and kept.keeps, "the conflict she chose to keep is kept, with her reason"
    assert f"Saved your policy to {ours}." in shown
    assert not PolicyPaths(ours).draft.exists(), "a saved walkthrough leaves no draft behind"
    assert "Question 2 of 20. X, professional account @DrJaneSmithGP. " in shown
    assert "Question 20 of 20. Every platform. " in shown
    check_golden("first-walkthrough.txt", normalised(shown, tmp_path))


def test_when_input_ends_half_way_the_draft_keeps_her_answers_and_she_carries_on_later(
    tmp_path: Path,
) -> None:
    expected_at = tmp_path / "by-session" / "policy.toml"
    steps = through_session(PolicyPaths(expected_at), FIRST)
    half = next(i for i, (position, _) in enumerate(steps) if position == "x/personal/visibility")
    ours = tmp_path / "plain" / "policy.toml"

    first = plain(tmp_path, ours, typed_lines(steps[:half]))

    shown = text_of(first)
    assert shown.rstrip().endswith(
        "Your answers so far are kept in the draft: run clinician-compass again to carry on."
    )
    assert not ours.exists(), "nothing is saved as her policy until she says so"
    draft = load_draft(PolicyPaths(ours))
    assert draft is not None and draft.position == "x/personal/visibility"
    assert draft.policy.answer("x", "blocking", "professional").choice == "abuse-only"

    again = text_of(
        plain(tmp_path, ours, ["1", *typed_lines(steps[half:])])
    )  # 1. Carry on where you left off

    assert "You have an unfinished walkthrough." in again
    assert "About you." not in again, "she carries on at the question she left, not from the start"
    assert comparable(loaded(ours)) == comparable(loaded(expected_at))


def test_she_goes_back_to_add_a_note_and_leaves_one_decision_for_later(tmp_path: Path) -> None:
    story = Story(
        handles={"professional": "@DrJaneSmithGP", "personal": "@jane_s"},
        answers={**FIRST.answers, "x/personal/patient-connects": (LATER, "")},
        # At the personal account's first question she goes back (to the last professional one) to add a note.
        before={"x/personal/visibility": ["b", "1 Only in a personal capacity"]},
    )
    story.answers["x/professional/profile-disclaimer"] = ("none", "")
    expected_at = tmp_path / "by-session" / "policy.toml"
    steps = through_session(PolicyPaths(expected_at), story)
    ours = tmp_path / "plain" / "policy.toml"

    shown = text_of(plain(tmp_path, ours, typed_lines(steps)))

    saved = loaded(ours)
    assert saved.answer("x", "profile-disclaimer", "professional").note == "Only in a personal capacity"
    assert saved.answer("x", "patient-connects", "personal") is None
    assert "Left undecided." in shown
    assert "Not decided yet: 1.\n  X, personal account @jane_s: " in shown
    assert "No disclaimer (current)" in shown, "going back shows the answer she gave"
    expected = loaded(expected_at)
    expected.platforms["x"].accounts["professional"].decisions[
        "profile-disclaimer"
    ].note = "Only in a personal capacity"
    assert comparable(saved) == comparable(expected)


def test_a_wrong_answer_is_explained_and_asked_again(tmp_path: Path) -> None:
    ours = tmp_path / "policy.toml"
    typed = [
        "",
        "Dr Jane Smith",
        "12",
        "doctor",
        "",
        "2",
        "1",
        "",
        "1, 99",
        "1",
        "4",
        "@this handle is too long",
        "@DrJane",
    ]

    shown = text_of(plain(tmp_path, ours, typed))

    assert "This one needs an answer: type it and press Enter." in shown
    assert "There is no option 12. Type a number from 1 to 10." in shown
    assert '"doctor" is not one of the options. Type a number from 1 to 10.' in shown
    assert "Type a number from 1 to 10, or h for the keys." in shown, "Enter with nothing chosen asks again"
    assert "99: not a number from 1 to 12." in shown
    assert "X handles look like this: up to 15 letters" in shown
    draft = load_draft(PolicyPaths(ours))
    assert draft is not None
    assert draft.policy.profile.role == "nurse", "only the answer she corrected to is kept"
    assert draft.policy.platforms["x"].accounts["professional"].handle == "@DrJane"


def test_the_keys_are_listed_and_details_read_out_on_request(tmp_path: Path) -> None:
    typed = ["Dr Jane Smith", "1", "1", "", "1", "2", "", "h", "?2"]

    shown = text_of(plain(tmp_path, tmp_path / "policy.toml", typed))

    keys = shown[shown.index("Keys:") :]
    for key in ("b  go back", "l  decide later", "s  save your answers so far", "? and a number"):
        assert key in keys
    details = shown[shown.rindex("> ?2") :]
    assert "Your policy would say: " in details and "For:\n  + " in details and "Against:\n  - " in details
    assert "What the guidance says:\n  " in details
    assert "How X (formerly Twitter) works:" in details and "(checked 20" in details


def test_save_and_quit_keeps_the_draft_and_says_how_to_carry_on(tmp_path: Path) -> None:
    ours = tmp_path / "policy.toml"
    shown = text_of(plain(tmp_path, ours, ["Dr Jane Smith", "1", "1", "", "1", "2", "", "s", "1"]))

    assert "Your answers are kept as a draft. Run clinician-compass again to carry on." in shown
    assert shown.rstrip().endswith("carry on."), "nothing more is read after s"
    draft = load_draft(PolicyPaths(ours))
    assert draft is not None and draft.position == "x/professional/visibility"


def test_a_quick_reference_lookup_from_home(tmp_path: Path) -> None:
    ours = tmp_path / "policy.toml"
    ours.write_bytes((POLICIES / "uk-nurse.toml").read_bytes())
    # 4. Quick reference; her question; Enter goes back home; input ends.
    shown = text_of(plain(tmp_path, ours, ["4", "patient sent me a friend request on facebook", ""]))

    assert "What would you like to do?" in shown
    assert "A reply you can copy:" in shown
    check_golden("quick-reference.txt", normalised(shown, tmp_path))


# --- what reaches the terminal ---------------------------------------------------------------------

HOSTILE_NAME = "Dr \x1b[31mRed\x1b[0m \x9b31m \x1b]52;c;aGVsbG8=\x07 \u202eevil\u202c"
HOSTILE_NOTE = "ok\x1b[2J\x1b[H cleared? \x85 next\x07"


def test_no_byte_of_plain_output_is_an_escape_code_even_for_hostile_words(tmp_path: Path) -> None:
    story = Story(name=HOSTILE_NAME, handles=FIRST.handles, answers=dict(FIRST.answers))
    story.answers["x/professional/care-by-dm"] = ("redirect", HOSTILE_NOTE)
    steps = through_session(PolicyPaths(tmp_path / "by-session" / "policy.toml"), story)
    ours = tmp_path / "plain" / "policy.toml"

    result = plain(tmp_path, ours, typed_lines(steps))

    raw = result.stdout
    assert b"\x1b" not in raw and b"\r" not in raw and b"\x07" not in raw
    text = raw.decode("utf-8")  # every byte is part of a UTF-8 character: no raw 8-bit C1 either
    assert not [c for c in text if 0x80 <= ord(c) <= 0x9F], "no C1 control (U+0080 to U+009F)"
    assert not [c for c in text if c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    assert "␛[31mRed␛[0m" in text, "her name is shown as typed, its escapes as visible pictures"
    assert loaded(ours).profile.display_name == HOSTILE_NAME, "and kept exactly as typed"
    assert loaded(ours).answer("x", "care-by-dm", "professional").note == HOSTILE_NOTE


def test_from_review_she_changes_one_answer_and_comes_back_to_review_to_save(tmp_path: Path) -> None:
    steps = through_session(PolicyPaths(tmp_path / "by-session" / "policy.toml"), FIRST)
    assert steps[-1] == (REVIEW, ["1"])
    # 2. Change an answer; 5. X, professional account: who can see your posts (after About you, Your
    # platforms, what X's accounts are for and their handles); 2. Protected; then 1. Save my policy.
    steps[-1] = (REVIEW, ["2", "5", "2", "1"])
    ours = tmp_path / "plain" / "policy.toml"

    shown = text_of(plain(tmp_path, ours, typed_lines(steps)))

    assert shown.count("Review your answers.") == 2, "the changed answer leads straight back to review"
    assert loaded(ours).answer("x", "visibility", "professional").choice == "protected"
    assert loaded(ours).answer("x", "visibility", "personal").choice == "protected"


def test_she_exports_her_policy_from_home_with_the_same_writer_as_the_export_command(tmp_path: Path) -> None:
    ours = tmp_path / "policy.toml"
    ours.write_bytes((POLICIES / "uk-nurse.toml").read_bytes())
    target = tmp_path / "my-policy.md"
    # 3. Export; 1. full policy; 1. Markdown; the file name.
    shown = text_of(plain(tmp_path, ours, ["3", "1", "1", str(target)]))

    assert f"Wrote {target}." in shown
    exported = plain(tmp_path, ours, [], "export", "--format", "md")
    assert target.read_bytes() == exported.stdout


def test_a_walkthrough_begun_in_the_tui_is_finished_in_plain_mode(tmp_path: Path) -> None:
    """The TUI's screens call the session like this: the profile, the platforms, an answer, the next step."""
    paths = PolicyPaths(tmp_path / "policy.toml")
    session = Session(paths)
    session.open()
    session.begin()
    session.working.profile.display_name = "Dr Jane Smith"
    session.set_platforms(("x",))
    session.answer(session.plan.steps[0], "professional")
    session.move_to("x/handles")

    # 1. Carry on; the handle; then Enter for a question with no current answer asks again; input ends.
    shown = text_of(plain(tmp_path, paths.policy, ["1", "@DrJaneSmithGP", ""]))

    assert "You have an unfinished walkthrough." in shown
    assert "About you." not in shown
    assert "Your handle for your professional account on X" in shown
    assert "Question 2 of 13. X, professional account @DrJaneSmithGP." in shown
    draft = load_draft(paths)
    assert (
        draft is not None and draft.policy.platforms["x"].accounts["professional"].handle == "@DrJaneSmithGP"
    )


def test_ctrl_c_mid_walkthrough_keeps_the_draft_and_says_so(tmp_path: Path) -> None:
    ours = tmp_path / "policy.toml"
    env = {k: v for k, v in os.environ.items() if k not in {ENV_VAR, "XDG_CONFIG_HOME"}}
    env.update(HOME=str(tmp_path), PYTHONIOENCODING="utf-8", XDG_CACHE_HOME=str(tmp_path / "c"))
    env[ENV_VAR] = str(ours)
    process = subprocess.Popen(
        [sys.executable, "-m", "clinician_compass"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert process.stdin and process.stdout
    process.stdin.write(b"Dr Jane Smith\n")
    process.stdin.flush()
    seen = b""
    while b"Your role" not in seen:  # the name is in: she is on the next question
        line = process.stdout.readline()
        assert line, "plain mode ended before asking her role"
        seen += line
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)

    assert process.returncode == 130, err.decode("utf-8", "replace")
    assert b"Traceback" not in err
    assert (
        out.decode("utf-8")
        .rstrip()
        .endswith(
            "Stopped. Your answers so far are kept in the draft: run clinician-compass again to carry on."
        )
    )
    draft = load_draft(PolicyPaths(ours))
    assert draft is not None and draft.policy.profile.display_name == "Dr Jane Smith"


def test_a_damaged_policy_file_is_explained_and_left_alone(tmp_path: Path) -> None:
    ours = tmp_path / "policy.toml"
    ours.write_bytes(b"schema_version = 2\n[profile\n")

    result = plain(tmp_path, ours, ["1"])

    assert result.returncode == 1
    said = result.stderr.decode("utf-8")
    assert str(ours) in said and "Traceback" not in said
    assert said.count("The file was not changed.") == 1
    assert ours.read_bytes() == b"schema_version = 2\n[profile\n"


def test_from_home_she_changes_a_handle_reviews_and_saves(tmp_path: Path) -> None:
    ours = tmp_path / "policy.toml"
    ours.write_bytes((POLICIES / "uk-nurse.toml").read_bytes())
    before = loaded(ours)
    # 7. Change your handles: a new one on X, Enter keeps Facebook's and Instagram's; 1. Save my policy.
    shown = text_of(plain(tmp_path, ours, ["7", "@priya_shah", "", "", "1"]))

    assert "Your handle for your personal account on X [@priya_s]" in shown
    after = loaded(ours)
    assert after.platforms["x"].accounts["personal"].handle == "@priya_shah"
    for platform in ("facebook", "instagram"):
        assert after.platforms[platform].accounts == before.platforms[platform].accounts
    assert after.global_decisions == before.global_decisions
