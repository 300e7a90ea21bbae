"""The policy file format: TOML text ↔ ``Policy``, with validation and migration.

The layout is documented in ``docs/policy-file.md``. Reading collects every
problem before giving up, so a hand-edited file is fixed in one pass; keys we do
not know are warnings, kept in ``extra`` and written back on save.
"""

from __future__ import annotations

import gc
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from clinician_compass import __version__
from clinician_compass.policy.errors import Problem
from clinician_compass.policy.limits import beyond_limits, text_too_deep
from clinician_compass.policy.migrate import MIGRATIONS, key_in_file
from clinician_compass.policy.model import (
    ACCOUNT_PURPOSE,
    JURISDICTIONS,
    ROLE_ALIASES,
    ROLES,
    SCHEMA_VERSION,
    Account,
    Answer,
    Meta,
    PlatformEntry,
    Policy,
    Profile,
    ShortForm,
    account_keys_for,
)

if TYPE_CHECKING:
    from clinician_compass.policy.toml_positions import KeyLines

HEADER = """\
# clinician-compass policy: your personal social media policy as a clinician.
# Written by clinician-compass {version}. It is yours: read it, edit it by hand,
# back it up. `clinician-compass check` tells you if an edit broke anything.
# Earlier versions are kept in the history/ folder beside this file.
# Layout: docs/policy-file.md in the clinician-compass repository.

"""

class InvalidPolicy(Exception):
    """The document is TOML but not a valid policy; ``problems`` says where."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.describe() for p in problems))


class FutureSchema(Exception):
    """Written by a newer app: we refuse rather than silently downgrade it."""

    def __init__(self, version: int) -> None:
        self.version = version
        super().__init__(
            f"this file uses schema_version {version}, newer than this app understands ({SCHEMA_VERSION}); "
            "update clinician-compass to open it."
        )


# --- reading -----------------------------------------------------------------------------------------


class _Reader:
    """Pulls typed values out of one table, recording problems with their key paths."""

    def __init__(self, table: dict[str, Any], path: str, problems: list[Problem]) -> None:
        self.table, self.path, self.problems = table, path, problems
        self.seen: set[str] = set()

    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def problem(self, name: str, message: str, warning: bool = False) -> None:
        self.problems.append(Problem(self.key(name), message, warning=warning))

    def get(self, name: str, kind: type | tuple[type, ...], expected: str, default: Any) -> Any:
        self.seen.add(name)
        if name not in self.table:
            return default
        value = self.table[name]
        bad_bool = isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,))
        if not isinstance(value, kind) or bad_bool:
            self.problem(name, f"expected {expected}, found {_describe(value)}")
            return default
        return value

    def text(self, name: str, default: str = "") -> str:
        return self.get(name, str, "text in quotes", default)

    def one_of(
        self, name: str, allowed: dict[str, str], default: str, aliases: dict[str, str] | None = None
    ) -> str:
        value = self.text(name, default)
        value = (aliases or {}).get(value, value)
        if value not in allowed:
            self.problem(name, f"expected one of {', '.join(allowed)}, found {value!r}")
            return default
        return value

    def table_of(self, name: str) -> dict[str, Any]:
        return self.get(name, dict, "a table", {})

    def extra(self) -> dict[str, Any]:
        unknown = {k: v for k, v in self.table.items() if k not in self.seen}
        for name in unknown:
            self.problem(name, "unknown key; kept as it is", warning=True)
        return unknown


def _describe(value: Any) -> str:
    names = {
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    return names.get(type(value), type(value).__name__)


def _answers(table: dict[str, Any], path: str, problems: list[Problem]) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for decision_id, raw in table.items():
        key = f"{path}.{decision_id}"
        if not isinstance(raw, dict):
            problems.append(Problem(key, f"expected a table with choice and note, found {_describe(raw)}"))
            continue
        r = _Reader(raw, key, problems)
        choice = r.text("choice")
        if "choice" not in raw:
            r.problem("choice", "missing: the id of the chosen option")
        elif isinstance(raw["choice"], str) and not choice.strip():
            r.problem("choice", "must not be empty")
        note = r.text("note")
        decided = r.get("decided", date, "a date such as 2026-11-22", None)
        if isinstance(decided, datetime):
            decided = decided.date()
        review = r.get("review", bool, "true or false", False)
        keeps = r.get("keeps", list, "a list of conflict ids", [])
        if not all(isinstance(k, str) for k in keeps):
            r.problem("keeps", "expected a list of conflict ids in quotes")
            keeps = []
        answers[decision_id] = Answer(choice, note, decided, review, tuple(keeps), r.extra())
    return answers


def _checklist(table: dict[str, Any], path: str, problems: list[Problem]) -> dict[str, date]:
    ticks: dict[str, date] = {}
    for step_id, when in table.items():
        if isinstance(when, datetime):
            when = when.date()
        if not isinstance(when, date):
            problems.append(Problem(f"{path}.{step_id}", f"expected the date it was done, found {_describe(when)}"))
            continue
        ticks[step_id] = when
    return ticks


def _accounts(table: dict[str, Any], path: str, use: str | None, problems: list[Problem]) -> dict[str, Account]:
    accounts: dict[str, Account] = {}
    allowed = account_keys_for(use)
    for key, raw in table.items():
        where = f"{path}.{key}"
        if key not in allowed:
            purpose = "not decided yet" if use is None else repr(use)
            problems.append(
                Problem(where, f"the account purpose here is {purpose}, so the accounts are {', '.join(allowed)}")
            )
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(where, f"expected a table, found {_describe(raw)}"))
            continue
        r = _Reader(raw, where, problems)
        accounts[key] = Account(
            handle=r.text("handle"),
            decisions=_answers(r.table_of("decisions"), f"{where}.decisions", problems),
            checklist=_checklist(r.table_of("checklist"), f"{where}.checklist", problems),
            extra=r.extra(),
        )
    return {key: accounts.get(key) or Account() for key in allowed}


def _profile(r: _Reader) -> Profile:
    return Profile(
        display_name=r.text("display_name"),
        role=r.one_of("role", ROLES, "other", aliases=ROLE_ALIASES),
        jurisdiction=r.one_of("jurisdiction", JURISDICTIONS, "other"),
        practice_contact=r.text("practice_contact"),
        extra=r.extra(),
    )


def _platforms(table: dict[str, Any], problems: list[Problem]) -> dict[str, PlatformEntry]:
    entries: dict[str, PlatformEntry] = {}
    for platform_id, raw in table.items():
        key = f"platforms.{platform_id}"
        if not isinstance(raw, dict):
            problems.append(Problem(key, f"expected a table, found {_describe(raw)}"))
            continue
        r = _Reader(raw, key, problems)
        decisions = _answers(r.table_of("decisions"), f"{key}.decisions", problems)
        for decision_id in [d for d in decisions if d != ACCOUNT_PURPOSE]:
            problems.append(
                Problem(
                    f"{key}.decisions.{decision_id}",
                    "only the account purpose is answered for the platform; "
                    f"this belongs under [{key}.accounts.<account>.decisions]",
                )
            )
        purpose = decisions.get(ACCOUNT_PURPOSE)
        entries[platform_id] = PlatformEntry(
            decisions=decisions,
            accounts=_accounts(r.table_of("accounts"), f"{key}.accounts", purpose.choice if purpose else None, problems),
            extra=r.extra(),
        )
    return entries


def _meta(r: _Reader) -> Meta:
    created = r.get("created", date, "a date such as 2026-11-22", None)
    if isinstance(created, datetime):
        created = created.date()
    updated = r.get("updated", (datetime, date), "a date and time such as 2026-11-22T09:30:00Z", None)
    if isinstance(updated, date) and not isinstance(updated, datetime):
        updated = datetime(updated.year, updated.month, updated.day, tzinfo=UTC)
    reviewed = r.get("last_reviewed", date, "a date such as 2026-11-22", None)
    meta = Meta(app_version=r.text("app_version"), extra=r.extra())
    meta.created = created or meta.created
    meta.updated = updated or meta.updated
    meta.last_reviewed = reviewed.date() if isinstance(reviewed, datetime) else reviewed
    return meta


def policy_from_document(document: dict[str, Any]) -> tuple[Policy, list[Problem]]:
    """Build a policy from a parsed TOML document.

    Returns the policy and the warnings; raises ``InvalidPolicy`` listing every
    error, or ``FutureSchema`` for a file from a newer app.
    """
    problems: list[Problem] = []
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InvalidPolicy(
            [
                Problem(
                    "schema_version",
                    f"expected a whole number such as {SCHEMA_VERSION}, found {_describe(version) if version is not None else 'nothing'}",
                )
            ]
        )
    if version > SCHEMA_VERSION:
        raise FutureSchema(version)
    for step in range(version, SCHEMA_VERSION):
        document = MIGRATIONS[step](document)

    top = _Reader(document, "", problems)
    top.seen.add("schema_version")
    global_table = _Reader(top.table_of("global"), "global", problems)
    policy = Policy(
        profile=_profile(_Reader(top.table_of("profile"), "profile", problems)),
        platforms=_platforms(top.table_of("platforms"), problems),
        global_decisions=_answers(global_table.table_of("decisions"), "global.decisions", problems),
        meta=_meta(_Reader(top.table_of("meta"), "meta", problems)),
    )
    global_extra = global_table.extra()
    if global_extra:
        policy.extra["global"] = global_extra
    short = _Reader(top.table_of("short_form"), "short_form", problems)
    policy.short_form = ShortForm(
        text=short.text("text"), edited=short.get("edited", bool, "true or false", False), extra=short.extra()
    )
    policy.extra.update(top.extra())
    errors = [p for p in problems if not p.warning]
    if errors:
        raise InvalidPolicy(problems)
    return policy, problems


def parse_policy(text: str) -> tuple[Policy, list[Problem]]:
    """Parse policy TOML text; problems carry line numbers where they can be found.

    Problems in a file of an older schema name its keys as they are written there, not as they read
    after migration. Raises ``tomllib.TOMLDecodeError``, ``InvalidPolicy`` or ``FutureSchema``. A file
    that reads cleanly is never scanned for lines: only one with something to report is, to place it.
    """
    with _collector_paused():
        return _parse_policy(text)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading builds objects and frees almost none, so each pass of Python's cyclic collector would
    only rescan a growing heap: a file of 10,000 tables read in 1.2 times the time per table of one of
    1,000. Paused, the time grows with the file; the collector runs again as soon as the file is read."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _parse_policy(text: str) -> tuple[Policy, list[Problem]]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:  # a depth bomb: the scanner, which does not recurse past its limit, says where
        raise InvalidPolicy([text_too_deep(_lines(text)) or Problem("", _beyond_the_reader())]) from None
    except (MemoryError, ValueError) as error:  # ValueError: an integer too long to read
        raise InvalidPolicy([Problem("", _beyond_the_reader(error))]) from None
    refused = beyond_limits(document)
    if refused is not None:
        raise InvalidPolicy([text_too_deep(_lines(text)) or refused])
    version = document.get("schema_version")
    try:
        policy, warnings = policy_from_document(document)
    except InvalidPolicy as invalid:
        raise InvalidPolicy(_in_file(invalid.problems, _lines(text), version)) from None
    return policy, _in_file(warnings, _lines(text), version) if warnings else []


def _lines(text: str) -> KeyLines:
    from clinician_compass.policy.toml_positions import key_lines  # only when there is something to place

    return key_lines(text)


def _beyond_the_reader(error: Exception | None = None) -> str:
    if isinstance(error, ValueError):
        return "a number thousands of digits long; no policy holds one"
    return "the file nests too deeply or is too large for the TOML reader"


_VERSION_LINE = re.compile(r"^[ \t]*schema_version[ \t]*=[ \t]*([0-9]+)", re.MULTILINE)


def locate(problems: list[Problem], text: str) -> list[Problem]:
    """Problems found after reading (``check``'s catalog checks) placed at the file's own keys and lines.

    The text is scanned for lines only when there is a problem to place, and once however often this is
    asked about the same text (``key_lines`` keeps its last answer)."""
    if not problems:
        return []
    found = _VERSION_LINE.search(text)
    return _in_file(problems, _lines(text), int(found.group(1)) if found else None)


def _in_file(problems: list[Problem], lines: KeyLines, version: object) -> list[Problem]:
    """Problems at the keys and lines of the file as written; one answer copied to two accounts
    by a migration is one mistake in the file, so it is reported once."""
    located: dict[tuple[str, str, bool], Problem] = {}
    for problem in problems:
        key = key_in_file(problem.key, version)
        located.setdefault(
            (key, problem.message, problem.warning), Problem(key, problem.message, lines.line(key), problem.warning)
        )
    return list(located.values())


# --- writing -----------------------------------------------------------------------------------------


def _answer_table(answers: dict[str, Answer]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for decision_id, a in answers.items():
        row: dict[str, Any] = {"choice": a.choice, "note": a.note}
        if a.decided:
            row["decided"] = a.decided
        if a.review:
            row["review"] = True
        if a.keeps:
            row["keeps"] = list(a.keeps)
        table[decision_id] = {**row, **a.extra}
    return table


def _account_table(account: Account) -> dict[str, Any]:
    table: dict[str, Any] = {"handle": account.handle, **account.extra, "decisions": _answer_table(account.decisions)}
    if account.checklist:
        table["checklist"] = dict(account.checklist)
    return table


def policy_to_document(policy: Policy) -> dict[str, Any]:
    """The TOML document for ``policy``, keys in the order a reader expects."""
    meta = policy.meta
    meta_table: dict[str, Any] = {"created": meta.created, "updated": meta.updated}
    if meta.last_reviewed:
        meta_table["last_reviewed"] = meta.last_reviewed
    meta_table["app_version"] = meta.app_version or __version__
    profile = policy.profile
    extra = dict(policy.extra)
    global_extra = extra.pop("global", {})
    return {
        "schema_version": SCHEMA_VERSION,
        **extra,
        "profile": {
            "display_name": profile.display_name,
            "role": profile.role,
            "jurisdiction": profile.jurisdiction,
            "practice_contact": profile.practice_contact,
            **profile.extra,
        },
        "short_form": {
            "text": policy.short_form.text,
            "edited": policy.short_form.edited,
            **policy.short_form.extra,
        },
        "meta": {**meta_table, **meta.extra},
        "global": {**global_extra, "decisions": _answer_table(policy.global_decisions)},
        "platforms": {
            pid: {
                **e.extra,
                **({"decisions": _answer_table(e.decisions)} if e.decisions else {}),
                "accounts": {key: _account_table(a) for key, a in e.accounts.items()},
            }
            for pid, e in policy.platforms.items()
        },
    }


_INVISIBLE = "[\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
"""Compiled on first use (by ``re``'s own cache): only writing a file or JSON needs it, and its
ranges cost a reading command about a millisecond to compile."""


def escape_invisible(serialized: str) -> str:
    """JSON or TOML text with DEL, the C1 controls and the bidi overrides written as ``\\uXXXX`` escapes.

    Both formats already escape ESC and the other C0 controls, but let these
    through raw: U+009B is an 8-bit CSI some terminals obey like ESC [, and a
    right-to-left override reorders what ``cat`` or an editor shows around it.
    In our JSON and TOML they can only sit inside a quoted string (a basic
    string in TOML), where the escape stands for exactly the same character,
    so the data is unchanged.
    """
    return re.sub(_INVISIBLE, lambda m: f"\\u{ord(m.group()):04x}", serialized)


def dump_policy(policy: Policy) -> str:
    """The policy as the TOML text we write to disk, header comment first.

    Text is kept exactly; characters a terminal or editor would act on are escaped (see ``escape_invisible``).
    """
    import tomli_w  # only a save writes TOML: the commands that read never load the writer

    body = tomli_w.dumps(policy_to_document(policy), multiline_strings=False)
    return HEADER.format(version=__version__) + escape_invisible(body)
