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

ODD_SPACE = st.sampled_from([" ", "\t", "\f", "\r", "\r\n", "\v", "\u00a0", "\u3000", "\u2028", ""])
SPECIAL = st.sampled_from(["\x1b[31m", "\x1b]52;c;aGVsbG8=\x07", "\x9b", "\u202e", "\x00", "\\", '"', "'", "é", "👩🏽‍⚕️"])
bare_key = st.text("abcxyz_-0123456789", min_size=1, max_size=6)
quoted_key = st.builds(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"', st.text(max_size=6))
key = st.one_of(bare_key, quoted_key, st.sampled_from(["profile", "platforms", "meta", "global", "decisions"]))
depth = st.integers(0, 600)


def nested_lists(n: int) -> str:
    return "[" * n + "1" + "]" * n


def nested_inline(n: int) -> str:
    return "{ a = " * n + "1" + " }" * n


def mixed(n: int) -> str:
    return "[{ a = " * n + "1" + " }]" * n


scalar = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["true", "false", "inf", "nan", "1979-05-27", "1979-05-27 07:32:00Z", "0x_bad", "1__0"]),
    st.text(max_size=30).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
    st.text(alphabet=st.characters(blacklist_characters="'\n\r"), max_size=30).map(lambda s: f"'{s}'"),
)
deep_value = st.builds(lambda f, n: f(n), st.sampled_from([nested_lists, nested_inline, mixed]), depth)
long_text = st.builds(lambda c, n: c * n, st.sampled_from(["w", " ", "[", "#", "é", "\\\\"]), st.integers(1_000, 60_000))
looks_like_header = st.builds(
    lambda spaces, tail: '"""\n[' + " " * spaces + "]" + tail + '\n[platforms.x]\nrole = "surgeon"\n"""',
    st.integers(0, 40_000),
    st.sampled_from(["x", "", "]", "# c"]),
)
wide_list = st.builds(lambda n, v: "[" + ", ".join([v] * n) + "]", st.integers(0, 5_000), scalar)
value = st.one_of(scalar, deep_value, wide_list, looks_like_header, long_text.map(lambda t: f"'''{t}'''"))

key_value = st.builds(lambda k, s1, v, s2: f"{k}{s1}={s2}{v}", key, ODD_SPACE, value, ODD_SPACE)
header = st.builds(
    lambda parts, array: ("[[" if array else "[") + ".".join(parts) + ("]]" if array else "]"),
    st.one_of(st.lists(key, min_size=1, max_size=4), st.integers(1, 3_000).map(lambda n: ["a"] * n)),
    st.booleans(),
)
many_tables = st.builds(
    lambda n, body: "".join(f"\n[platforms.p{i}]\n{body}\n" for i in range(n)),
    st.integers(1, 3_000),
    st.sampled_from(['professional_handle = ""', "x = 1", "decisions.visibility.choice = 'public'", ""]),
)
comment = st.builds(lambda t: f"# {t}", st.one_of(long_text, st.text(max_size=40)))
statement = st.one_of(key_value, header, many_tables, comment, SPECIAL, long_text, st.just("schema_version = 1"))


@st.composite
def hostile_toml(draw: st.DrawFn) -> str:
    """A document that starts like a policy (so many examples are valid) and goes on hostile."""
    lines = ["schema_version = 1"] if draw(st.booleans()) else []
    lines += draw(st.lists(statement, max_size=6))
    separators = [draw(st.sampled_from(["\n", "\n", "\r\n", "\n\n", "\f\n", "\r"])) for _ in lines]
    text = "".join(line + sep for line, sep in zip(lines, separators, strict=True))
    if draw(st.booleans()) and text:
        text = text[: draw(st.integers(0, len(text)))]  # cut short, as by a sync that stopped halfway
    return text


# --- the property ----------------------------------------------------------------------------------


def comparable(policy) -> dict:  # noqa: ANN001 - a Policy
    document = policy_to_document(policy)
    document["meta"].pop("updated", None)  # a save stamps the time; everything else comes back as it was
    return document


@settings(
    max_examples=60,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(hostile_toml())
def test_hostile_toml_ends_in_a_policy_that_saves_or_in_our_own_error_with_the_file_untouched(text: str) -> None:
    from clinician_compass.documents import render
    from clinician_compass.guidance import load_catalog

    with tempfile.TemporaryDirectory() as folder, hang_guard():
        paths = PolicyPaths(Path(folder) / "policy.toml")
        data = text.encode("utf-8", "surrogatepass")
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
