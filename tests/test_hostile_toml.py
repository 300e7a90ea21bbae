"""Hostile TOML of our own making: whatever a file holds, loading it ends in a policy or our own error, fast.

The generators below build text the way a broken sync, a bad merge or a
mischievous hand edit could: lists, inline tables and headers nested hundreds
deep, lines tens of thousands of characters long, thousands of tables, form
feeds and carriage returns between tokens, control and bidi characters, and
strings that look like headers. Every example must end, within its deadline, in
a policy that then saves and exports as TOML, or in a ``PolicyFileError`` naming
the file; never a traceback, a hang or a changed file.
"""

from __future__ import annotations

import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clinician_compass.policy import store
from clinician_compass.policy.codec import policy_to_document
from clinician_compass.policy.errors import PolicyFileError
from clinician_compass.policy.paths import PolicyPaths

HANG_GUARD = 20
"""Seconds after which an example counts as hung: far past its deadline, only there to end a real hang."""


@contextmanager
def hang_guard(seconds: int = HANG_GUARD) -> Iterator[None]:
    def hung(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- pieces of hostile TOML ------------------------------------------------------------------------

SPECIAL = [
    "\x1b[31m",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x9b31m",
    "\u202e",
    "\u2066",
    "\x00",
    "\\",
    '"',
    "'",
    "é",
    "👩🏽‍⚕️",
]
"""Characters that break terminals, quoting or naive code: escaped where TOML needs it, raw where it is not."""
special_text = st.lists(st.one_of(st.sampled_from(SPECIAL), st.text(max_size=5)), max_size=6).map("".join)


def basic_string(text: str) -> str:
    """``text`` as a TOML basic string, every control character escaped as TOML requires."""
    body = "".join(
        "\\" + c if c in '"\\' else f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else c for c in text
    )
    return f'"{body}"'


def nested_lists(n: int) -> str:
    return "[" * n + "1" + "]" * n


def nested_inline(n: int) -> str:
    return "{ a = " * n + "1" + " }" * n


def mixed(n: int) -> str:
    return "[{ a = " * n + "1" + " }]" * n


depth = st.one_of(st.integers(0, 40), st.integers(0, 600))
"""Either side of our limit of 32 and of the parser's and writer's own limits (about 495 and 248)."""
long_run = st.builds(
    lambda c, n: c * n, st.sampled_from(["w", " ", "[", "#", "é", "]", "="]), st.integers(1_000, 60_000)
)
looks_like_header = st.builds(
    lambda spaces, tail: '"""\n[' + " " * spaces + "]" + tail + '\n[platforms.x]\nrole = "surgeon"\n"""',
    st.integers(0, 40_000),
    st.sampled_from(["x", "", "]", " # c", "\\\\"]),
)
scalar = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["true", "false", "inf", "-nan", "1979-05-27", "1979-05-27 07:32:00Z", "07:32:00"]),
    st.just("0x" + "f" * 4000),  # reads as an integer Python will not turn back into text
    special_text.map(basic_string),
    long_run.map(lambda run: f"'{run}'"),
    looks_like_header,
)
value = st.one_of(
    scalar,
    st.builds(lambda f, n: f(n), st.sampled_from([nested_lists, nested_inline, mixed]), depth),
    st.builds(lambda n, v: "[" + ", ".join([v] * n) + "]", st.integers(0, 3_000), scalar),  # wide
)
bare_key = st.text("abcxyz_-0123456789", min_size=1, max_size=6)
key = st.one_of(
    bare_key, special_text.map(basic_string), st.sampled_from(["role", "choice", "note", "decisions"])
)
table = st.one_of(
    st.sampled_from(["profile", "meta", "short_form", "global", "global.decisions.identity", "platforms.x"]),
    st.sampled_from(["platforms.x.decisions.visibility", "platforms.linkedin", 'platforms."x".decisions']),
    st.lists(key, min_size=1, max_size=4).map(".".join),
    st.integers(1, 3_000).map(lambda n: ".".join(["a"] * n)),  # a header thousands of levels deep
)


@st.composite
def well_formed_statement(draw: st.DrawFn, n: int) -> str:
    """One statement TOML allows, hostile in what it holds; ``n`` keeps its own keys unique."""
    kind = draw(st.sampled_from(["key", "key", "header", "array-header", "tables", "comment"]))
    if kind == "key":
        dotted = draw(st.lists(key, max_size=2))
        return ".".join([*dotted, f"k{n}"]) + draw(st.sampled_from([" = ", "=", "\t=  "])) + draw(value)
    if kind in ("header", "array-header"):
        name = draw(table)
        return f"[[{name}.t{n}]]" if kind == "array-header" else f"[{name}]"
    if kind == "tables":
        count, body = (
            draw(st.integers(1, 3_000)),
            draw(st.sampled_from(['professional_handle = ""', "x = 1", ""])),
        )
        return "".join(f"[platforms.p{n}_{i}]\n{body}\n" for i in range(count))
    return "# " + draw(
        st.one_of(long_run, special_text.map(lambda t: t.replace("\n", " ").replace("\r", " ")))
    )


BREAKERS = ["\f", "\r", "\v", "\u00a0", "\u3000", "\u2028", "\x00", "\x1b[31m", "\u202e", "'" * 3, '"', "\n["]
"""What a bad edit or sync drops into the middle of a file: odd whitespace, controls, stray quotes."""


@st.composite
def hostile_toml(draw: st.DrawFn) -> str:
    """A document that starts like a policy and goes on hostile: half the time well formed, else also broken."""
    lines = ["schema_version = 1"] if draw(st.integers(0, 4)) else []
    lines += [draw(well_formed_statement(n)) for n in range(draw(st.integers(0, 6)))]
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    text = "".join(line + ending for line in lines)
    if draw(st.booleans()):
        return text
    for _ in range(draw(st.integers(1, 3))):  # then break it somewhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(BREAKERS)) + text[at:]
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # cut short, as by a sync that stopped halfway
    return text


# --- the property ----------------------------------------------------------------------------------


def comparable(policy) -> str:  # noqa: ANN001 - a Policy
    document = policy_to_document(policy)
    document["meta"].pop("updated", None)  # a save stamps the time; everything else comes back as it was
    return tomli_w.dumps(document)  # as text, since a NaN is not equal to itself but prints the same


@settings(
    max_examples=60,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_toml())
def test_hostile_toml_ends_in_a_policy_that_saves_or_in_our_own_error_with_the_file_untouched(
    text: str,
) -> None:
    from clinician_compass.documents import render
    from clinician_compass.guidance import load_catalog

    with tempfile.TemporaryDirectory() as folder, hang_guard():
        paths = PolicyPaths(Path(folder) / "policy.toml")
        data = text.encode("utf-8")
        paths.policy.write_bytes(data)
        try:
            loaded = store.load(paths)
        except PolicyFileError as error:
            assert str(error).startswith(str(paths.policy))
            assert paths.policy.read_bytes() == data
            return
        assert loaded is not None
        assert paths.policy.read_bytes() == data
        render(loaded.policy, load_catalog(), format="toml", part="full")  # what check accepts, export writes
        store.save(loaded.policy, paths, expected_digest=loaded.digest)  # ... and save writes
        again = store.load(paths)
        assert again is not None and comparable(again.policy) == comparable(loaded.policy)
