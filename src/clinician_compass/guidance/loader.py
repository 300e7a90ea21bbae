"""Load and validate the catalog files under ``guidance/data``.

This is the one place that knows the file layout. It reports every problem at
once, each naming the file, the line where it can and the key, so a content
editor fixes them in one pass rather than one per run. A key the loader does not
know is a problem too: a misspelt optional key would otherwise drop its text
without a word.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from clinician_compass.guidance.commitments import ACCOUNT_LEVEL, POLICY_LEVEL, REPLIES, VOCABULARY
from clinician_compass.guidance.model import (
    FACT_TOPICS,
    PLACEHOLDERS,
    PLATFORM_TRAITS,
    SCOPES,
    SCRIPT_CHANNELS,
    SOURCE_KINDS,
    SOURCE_ROLES,
    Catalog,
    Condition,
    Confidence,
    Conflict,
    Decision,
    EmergencyLine,
    Fact,
    Jurisdiction,
    Option,
    Platform,
    Script,
    SetupStep,
    Situation,
    Source,
    Statement,
    Strength,
    Verification,
)

T = TypeVar("T")


class CatalogError(Exception):
    """The catalog files are invalid; ``problems`` lists every one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid guidance catalog:\n  " + "\n  ".join(problems))


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"))*)\s*=""")


def _dotted(raw: str) -> str:
    return ".".join(part.strip('"') for part in re.findall(r'[A-Za-z0-9_-]+|"[^"]*"', raw))


class _Lines:
    """Where each table and key starts in one TOML file, so a problem can say "line 14".

    tomllib gives positions only for syntax errors. This scans for ``[table]``,
    ``[[array]]`` (numbered as the loader numbers them, ``options[1]``) and
    ``key =`` lines: a best effort that fits the layout the catalog files use.
    """

    def __init__(self, text: str) -> None:
        self.at: dict[str, int] = {}
        table = ""
        arrays: dict[str, int] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if header := _HEADER.match(line):
                table = _dotted(header.group(2))
                if header.group(1) == "[[":
                    arrays[table] = arrays.get(table, -1) + 1
                    table = f"{table}[{arrays[table]}]"
                self.at.setdefault(table, number)
            elif key := _KEY.match(line):
                self.at.setdefault(".".join(p for p in (table, _dotted(key.group(1))) if p), number)

    def line(self, where: str) -> int | None:
        """The line of ``where``, else of the nearest table around it."""
        while where:
            if where in self.at:
                return self.at[where]
            where = where.rpartition(".")[0]
        return None


class _Problems(list[str]):
    """Every problem found so far, each as "file:line: key: message"."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: dict[str, str] = {}
        """Each file's text, indexed into ``_Lines`` only if a problem needs a line number."""
        self.lines: dict[str, _Lines] = {}
        self.tables: list[_Table] = []
        """Every table read, checked at the end for keys the loader never asked for."""
        self.unreadable: set[str] = set()
        """Files that could not be read or parsed: that one problem says all there is about them."""

    def add(self, file: str, where: str, message: str) -> None:
        if file in self.unreadable:
            return
        if file in self.texts and file not in self.lines:
            self.lines[file] = _Lines(self.texts[file])
        found = self.lines[file].line(where) if file in self.lines else None
        self.append(f"{file}{f':{found}' if found else ''}: {where or '(top)'}: {message}")

    def unknown_keys(self) -> None:
        for table in self.tables:
            for key in table.data:
                if key not in table.known:
                    table.fail(key, f"unknown key; expected one of {', '.join(sorted(table.known))}")


class _Table:
    """Typed access to one TOML table that records problems instead of raising."""

    def __init__(self, data: Any, file: str, path: str, problems: _Problems) -> None:
        self.data = data if isinstance(data, dict) else {}
        self.file, self.path, self.problems = file, path, problems
        self.known: set[str] = set()
        """The keys read so far; whatever else the table holds is unknown."""
        problems.tables.append(self)
        if not isinstance(data, dict):
            self.fail("", "expected a table")

    def fail(self, key: str, message: str) -> None:
        self.problems.add(self.file, ".".join(p for p in (self.path, key) if p), message)

    def raw(self, key: str, default: Any) -> Any:
        """The value of ``key`` as it is, for a caller that checks it."""
        self.known.add(key)
        return self.data.get(key, default)

    def child(self, key: str) -> _Table:
        self.known.add(key)
        return _Table(self.data.get(key, {}), self.file, f"{self.path}.{key}".lstrip("."), self.problems)

    def _get(self, key: str, kind: type, kind_name: str, default: Any, required: bool) -> Any:
        self.known.add(key)
        if key not in self.data:
            if required:
                self.fail(key, f"missing ({kind_name} expected)")
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(key, f"expected {kind_name}, found {type(value).__name__}")
            return default
        return value

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, str, "a string", default, required)
        if required and key in self.data and isinstance(self.data[key], str) and not value.strip():
            self.fail(key, "must not be empty")
        return value

    def integer(self, key: str, *, required: bool = True) -> int | None:
        return self._get(key, int, "an integer", None, required)

    def day(self, key: str) -> date:
        value = self._get(key, date, "a TOML date (2026-11-22)", date.min, True)
        if isinstance(value, datetime):  # a TOML date-time is a datetime, itself a kind of date
            self.fail(key, "expected a date without a time (2026-11-22)")
            return value.date()
        return value

    def strings(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        value = self._get(key, list, "a list of strings", [], required)
        if not all(isinstance(v, str) for v in value):
            self.fail(key, "expected a list of strings")
            return ()
        return tuple(value)

    def choice(
        self, key: str, allowed: frozenset[str] | tuple[str, ...], *, default: str | None = None
    ) -> str:
        value = self.text(key, required=default is None, default=default or "")
        if value and value not in allowed:
            self.fail(key, f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return value

    def enum(
        self, key: str, enum: Callable[[str], T], allowed: list[str], *, default: str | None = None
    ) -> T:
        value = self.choice(key, tuple(allowed), default=default)
        try:
            return enum(value)
        except ValueError:
            return enum(allowed[0])


def _read_toml(path: Path, label: str, problems: _Problems) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        problems.append(f"{label}: {error}")
        problems.unreadable.add(label)
        return {}
    problems.texts[label] = text
    return data


def _roles(t: _Table, *, required: bool) -> tuple[str, ...]:
    roles = t.strings("roles", required=required)
    for role in roles:
        if role not in SOURCE_ROLES:
            t.fail("roles", f"{role!r} is not one of {', '.join(sorted(SOURCE_ROLES))}")
    if required and "roles" in t.data and not roles:
        t.fail("roles", "must name at least one role")
    return roles


def _source(key: str, t: _Table) -> Source:
    roles = _roles(t, required=True)
    return Source(
        id=key,
        publisher=t.text("publisher"),
        short=t.text("short"),
        title=t.text("title"),
        year=t.integer("year") or 0,
        jurisdiction=t.enum("jurisdiction", Jurisdiction, [j.value for j in Jurisdiction]),
        roles=roles,
        kind=t.choice("kind", SOURCE_KINDS),
        url=t.text("url", required=False),
        note=t.text("note", required=False),
        body=t.text("body", required=False),
        region=t.text("region", required=False),
        superseded=_flag(t, "superseded"),
    )


def _platform(key: str, t: _Table) -> Platform:
    traits = _traits(t, "traits")
    facts_table = t.child("facts")
    facts: dict[str, Fact] = {}
    for topic in FACT_TOPICS:
        if topic not in facts_table.data:
            continue
        f = facts_table.child(topic)
        facts[topic] = Fact(
            text=f.text("text"),
            checked=f.day("checked"),
            confidence=f.enum("confidence", Confidence, [c.value for c in Confidence]),
            source=f.text("source", required=False),
        )
    for topic in facts_table.data:
        if topic not in FACT_TOPICS:
            facts_table.known.add(topic)  # reported here, with the topics that are known
            facts_table.fail(topic, f"unknown fact topic; expected one of {', '.join(FACT_TOPICS)}")
    return Platform(
        id=key,
        name=t.text("name"),
        blurb=t.text("blurb"),
        traits=frozenset(traits),
        facts=facts,
        bio_limit=t.integer("bio_limit", required=False),
        bio_counts=t.choice("bio_counts", frozenset({"characters", "graphemes"}), default="characters"),
        post_limit=t.integer("post_limit", required=False),
        dm_limit=t.integer("dm_limit", required=False),
        private_setting=t.text("private_setting", required=False),
        order=t.integer("order", required=False) or 0,
        nicknames=tuple(n.lower() for n in t.strings("nicknames", required=False)),
        handle_pattern=_pattern(t, "handle_pattern"),
        handle_rule=t.text("handle_rule", required=bool(t.data.get("handle_pattern"))),
        setup=_setup(t),
    )


def _setup(t: _Table) -> tuple[SetupStep, ...]:
    """The platform's ``[[setup]]`` steps; each must say which commitments it serves."""
    raw = t.raw("setup", [])
    if not isinstance(raw, list):
        t.fail("setup", "expected an array of tables [[setup]]")
        return ()
    steps: list[SetupStep] = []
    for i, data in enumerate(raw):
        s = _Table(data, t.file, f"setup[{i}]", t.problems)
        when = _conditions(s, "when")
        if "when" not in s.data:
            s.fail("when", "missing: the commitments this step serves (no choice calls for a step without)")
        if "two" in when.get("use", ()):
            s.fail("when.use", "'two' is what a platform keeps, never what one account is for")
        for key in when.keys() & POLICY_LEVEL.keys():
            s.fail(f"when.{key}", "this commitment holds everywhere; a step is set up per account")
        step = SetupStep(
            id=s.text("id"),
            title=s.text("title"),
            path=s.text("path", required=False),
            when=when,
            checked=s.day("checked"),
            confidence=s.enum("confidence", Confidence, [c.value for c in Confidence]),
            source=s.text("source"),
        )
        if step.id and any(step.id == other.id for other in steps):
            s.fail("id", f"{step.id!r} is used by an earlier step")
        steps.append(step)
    return tuple(steps)


def _check_setup(catalog: Catalog, problems: _Problems) -> None:
    """A step whose ``when`` no account on its platform can meet would never be shown: say so."""
    for platform in catalog.platforms.values():
        reachable: dict[str, set[str]] = {}
        for decision in catalog.account_decisions(platform.id):
            for option in decision.options_for(platform):
                for key, value in option.commits.items():
                    reachable.setdefault(key, set()).add(value)
        for i, step in enumerate(platform.setup):
            for key, values in step.when.items():
                if key in ACCOUNT_LEVEL and key != "use" and not values & reachable.get(key, set()):
                    problems.add(
                        f"platforms/{platform.id}.toml",
                        f"setup[{i}].when.{key}",
                        f"{', '.join(sorted(values))} can never hold for an account on {platform.short_name}: "
                        "no decision asked there commits to it",
                    )


def _pattern(t: _Table, key: str) -> str:
    pattern = t.text(key, required=False)
    try:
        re.compile(pattern)
    except re.error as error:
        t.fail(key, f"not a valid regular expression: {error}")
        return ""
    return pattern


def _commits(t: _Table) -> dict[str, str]:
    table = t.child("commits")
    commits: dict[str, str] = {}
    for key, value in table.data.items():
        table.known.add(key)
        if key not in VOCABULARY:
            table.fail(key, f"not a commitment; expected one of {', '.join(sorted(VOCABULARY))}")
        elif not isinstance(value, str) or value not in VOCABULARY[key]:
            table.fail(key, f"{value!r} is not one of {', '.join(sorted(VOCABULARY[key]))}")
        else:
            commits[key] = value
    return commits


def _conditions(t: _Table, key: str) -> dict[str, frozenset[str]]:
    table = t.child(key)
    conditions: dict[str, frozenset[str]] = {}
    for name, values in table.data.items():
        table.known.add(name)
        allowed = VOCABULARY.get(name)
        if allowed is None:
            table.fail(name, f"not a commitment; expected one of {', '.join(sorted(VOCABULARY))}")
        elif not isinstance(values, list) or not values or not all(v in allowed for v in values):
            table.fail(name, f"expected a list of {', '.join(sorted(allowed))}")
        else:
            conditions[name] = frozenset(values)
    return conditions


def _replies(t: _Table) -> tuple[str, ...]:
    replies = t.strings("replies", required=False)
    for reply in replies:
        if reply not in REPLIES:
            t.fail("replies", f"unknown reply kind {reply!r}; expected one of {', '.join(REPLIES)}")
    return replies


def _option(t: _Table) -> Option:
    return Option(
        id=t.text("id"),
        label=t.text("label"),
        maxim=t.text("maxim"),
        policy=t.text("policy"),
        patient_text=t.text("patient_text", required=False),
        pros=t.strings("pros"),
        cons=t.strings("cons"),
        sources=t.strings("sources", required=False),
        requires=frozenset(_traits(t, "requires")),
        bio=t.text("bio", required=False),
        bio_short=t.text("bio_short", required=False),
        commits=_commits(t),
        replies=_replies(t),
        gloss=t.text("gloss"),
        why=t.text("why"),
        only_if=_conditions(t, "only_if"),
    )


def _traits(t: _Table, key: str) -> tuple[str, ...]:
    traits = t.strings(key, required=False)
    for trait in traits:
        if trait not in PLATFORM_TRAITS:
            t.fail(key, f"unknown trait {trait!r}")
    return traits


def _decision(key: str, t: _Table) -> Decision:
    raw_options = t.raw("options", [])
    raw_guidance = t.raw("guidance", [])
    if not isinstance(raw_options, list):
        t.fail("options", "expected an array of tables [[options]]")
        raw_options = []
    if not isinstance(raw_guidance, list):
        t.fail("guidance", "expected an array of tables [[guidance]]")
        raw_guidance = []
    options = tuple(
        _option(_Table(o, t.file, f"options[{i}]", t.problems)) for i, o in enumerate(raw_options)
    )
    guidance = []
    for i, raw in enumerate(raw_guidance):
        g = _Table(raw, t.file, f"guidance[{i}]", t.problems)
        guidance.append(
            Statement(
                source=g.text("source"),
                says=g.text("says"),
                verification=g.enum(
                    "verification", Verification, [v.value for v in Verification], default="verified"
                ),
                strength=g.enum("strength", Strength, [v.value for v in Strength]),
                roles=_roles(g, required=False),
            )
        )
    requires = _traits(t, "requires")
    return Decision(
        id=key,
        title=t.text("title"),
        question=t.text("question"),
        situation=t.text("situation"),
        scope=t.choice("scope", SCOPES),
        requires=frozenset(requires),
        requires_any=frozenset(_traits(t, "requires_any")),
        options=options,
        guidance=tuple(guidance),
        case=t.text("case"),
        case_source=t.text("case_source"),
        reviewed=t.day("reviewed"),
        disagreement=t.text("disagreement", required=False),
        silence=t.text("silence", required=False),
        keywords=t.strings("keywords", required=False),
        facts=_fact_topics(t),
        order=t.integer("order", required=False) or 0,
        varied_maxim=t.text("varied_maxim", required=False),
        varied_gloss=t.text("varied_gloss", required=False),
    )


def _fact_topics(t: _Table) -> tuple[str, ...]:
    topics = t.strings("facts", required=False)
    for topic in topics:
        if topic not in FACT_TOPICS:
            t.fail("facts", f"unknown fact topic {topic!r}; expected one of {', '.join(FACT_TOPICS)}")
    return topics


def _situation(key: str, t: _Table) -> Situation:
    return Situation(
        id=key,
        title=t.text("title"),
        keywords=t.strings("keywords"),
        decisions=t.strings("decisions"),
        guidance=t.text("guidance"),
        sources=t.strings("sources"),
        script=t.text("script", required=False),
        own_suggestion=_flag(t, "own_suggestion"),
    )


def _flag(t: _Table, key: str) -> bool:
    t.known.add(key)
    value = t.data.get(key, False)
    if not isinstance(value, bool):
        t.fail(key, f"expected true or false, found {type(value).__name__}")
        return False
    return value


def _script(key: str, t: _Table) -> Script:
    return Script(
        id=key,
        title=t.text("title"),
        kind=t.choice("kind", tuple(REPLIES)),
        channel=t.choice("channel", SCRIPT_CHANNELS),
        text=t.text("text"),
        short_text=t.text("short_text", required=False),
        requires=frozenset(_traits(t, "requires")),
        only_if=_conditions(t, "only_if"),
    )


def _emergency(key: str, t: _Table) -> EmergencyLine:
    return EmergencyLine(
        jurisdiction=key,
        emergency=t.text("emergency"),
        crisis=t.text("crisis"),
        crisis_short=t.text("crisis_short"),
        checked=t.day("checked"),
        verification=t.enum("verification", Verification, [v.value for v in Verification]),
        source=t.text("source"),
    )


def _condition(t: _Table, key: str) -> Condition:
    side = t.child(key)
    name = side.choice("commitment", tuple(VOCABULARY))
    values = side.strings("values")
    for value in values:
        if name in VOCABULARY and value not in VOCABULARY[name]:
            side.fail("values", f"{value!r} is not one of {', '.join(sorted(VOCABULARY[name]))}")
    return Condition(name, frozenset(values))


def _conflict(key: str, t: _Table) -> Conflict:
    return Conflict(
        id=key,
        title=t.text("title"),
        first=_condition(t, "first"),
        second=_condition(t, "second"),
        scope=t.choice("scope", ("account", "policy")),
        explain=t.text("explain"),
        leans=t.text("leans"),
        sources=t.strings("sources", required=False),
        unless_platform=frozenset(_traits(t, "unless_platform")),
    )


def _keyed(
    data: dict[str, Any], table: str, file: str, build: Callable[[str, _Table], T], problems: _Problems
) -> dict[str, T]:
    section = data.get(table, {})
    if not isinstance(section, dict):
        problems.add(file, table, "expected a table of tables")
        return {}
    for key in data:
        if key != table:
            problems.add(file, key, f"unknown key; expected only [{table}.<id>] tables")
    return {
        key: build(key, _Table(value, file, f"{table}.{key}", problems)) for key, value in section.items()
    }


def _per_file(
    folder: Path, label: str, build: Callable[[str, _Table], T], problems: _Problems
) -> dict[str, T]:
    built = {}
    if not folder.is_dir():
        problems.append(f"{label}/: the folder is missing")
    for path in sorted(folder.glob("*.toml")):
        file = f"{label}/{path.name}"
        built[path.stem] = build(path.stem, _Table(_read_toml(path, file, problems), file, "", problems))
    return built


_HOMES = {"source": "sources.toml", "script": "scripts.toml"}
"""The file each kind of linked id lives in."""


def _check_links(catalog: Catalog, problems: _Problems) -> None:
    """Every id that points somewhere must point at something."""

    def need(ids: tuple[str, ...], known: Mapping[str, Any], file: str, where: str, what: str) -> None:
        if _HOMES.get(what) in problems.unreadable:
            return  # every link into an unreadable file would fail; its own problem says why
        for ref in ids:
            if ref not in known:
                problems.add(file, where, f"unknown {what} {ref!r}")

    for d in catalog.decisions.values():
        file = f"decisions/{d.id}.toml"
        if not 2 <= len(d.options) <= 5:
            problems.add(file, "options", f"expected 2 to 5 options, found {len(d.options)}")
        ids = [o.id for o in d.options]
        if len(set(ids)) != len(ids):
            problems.add(file, "options", "option ids repeat")
        for i, statement in enumerate(d.guidance):
            need((statement.source,), catalog.sources, file, f"guidance[{i}].source", "source")
        need((d.case_source,), catalog.sources, file, "case_source", "source")
        for i, option in enumerate(d.options):
            need(option.sources, catalog.sources, file, f"options[{i}].sources", "source")
        for i, statement in enumerate(d.guidance):
            _check_strength(statement, catalog, problems, file, f"guidance[{i}]")
        _check_commitments(d, file, problems)
    for s in catalog.situations.values():
        where = f"situations.{s.id}"
        if s.own_suggestion and not _SAYS_NONE.search(s.guidance):
            problems.add(
                "situations.toml",
                f"{where}.guidance",
                "an own suggestion must say that no body we checked addresses this (\"we found no ...\")",
            )
        need(s.decisions, catalog.decisions, "situations.toml", f"{where}.decisions", "decision")
        need(s.sources, catalog.sources, "situations.toml", f"{where}.sources", "source")
        if s.script:
            need((s.script,), catalog.scripts, "situations.toml", f"{where}.script", "script")
    kinds_covered = {s.kind for s in catalog.scripts.values() if not s.requires and not s.only_if}
    for kind in REPLIES:
        if kind not in kinds_covered and "scripts.toml" not in problems.unreadable:
            problems.add("scripts.toml", "scripts", f"no script of kind {kind!r} without conditions to fall back on")
    for script in catalog.scripts.values():
        for key, text in (("text", script.text), ("short_text", script.short_text)):
            for placeholder in _placeholders(text):
                if placeholder not in PLACEHOLDERS:
                    problems.add(
                        "scripts.toml", f"scripts.{script.id}.{key}", f"unknown placeholder {{{placeholder}}}"
                    )


_SAYS_NONE = re.compile(r"\b(we found no|no body we checked|none of the bodies we checked)\b", re.IGNORECASE)
"""How an own-suggestion situation tells the reader that no guidance stands behind it."""

_BINDING = {Strength.MUST, Strength.EXPECTS}


def _check_strength(statement: Statement, catalog: Catalog, problems: _Problems, file: str, where: str) -> None:
    """Only a regulator or the law can oblige: an association's "must" is still advice (section D)."""
    source = catalog.sources.get(statement.source)
    if source is None:
        return
    if statement.strength in _BINDING and source.kind not in ("regulator", "law"):
        problems.add(
            file,
            f"{where}.strength",
            f"{statement.strength.value!r} needs a regulator or the law; {source.id} is a {source.kind}",
        )
    if statement.strength is Strength.EXPECTS and source.kind == "law":
        problems.add(file, f"{where}.strength", "the law obliges (\"must\"); \"expects\" is a regulator's word")
    if statement.strength in _BINDING and statement.verification is Verification.NOT_VERIFIED:
        problems.add(file, f"{where}.strength", "an unverified statement cannot be shown as binding")


def _check_commitments(d: Decision, file: str, problems: _Problems) -> None:
    """Every option commits to something, in the decision's own terms and at the decision's own level."""
    level = POLICY_LEVEL if d.scope == "global" else ACCOUNT_LEVEL
    keys = [frozenset(o.commits) for o in d.options]
    for i, option in enumerate(d.options):
        if not option.commits:
            problems.add(file, f"options[{i}].commits", "missing: what choosing this option commits her to")
        for key in option.commits:
            if key in VOCABULARY and key not in level:
                where = "everywhere (a global decision)" if d.scope != "global" else "per account"
                problems.add(file, f"options[{i}].commits.{key}", f"this commitment holds {where}, not here")
        if keys and keys[i] != keys[0]:
            problems.add(file, f"options[{i}].commits", "every option must commit to the same keys as the first")


def _check_conflicts(catalog: Catalog, problems: _Problems) -> None:
    for conflict in catalog.conflicts.values():
        where = f"conflicts.{conflict.id}"
        for side in (conflict.first, conflict.second):
            if conflict.scope == "account" and side.key in POLICY_LEVEL:
                problems.add("conflicts.toml", where, f"{side.key} holds everywhere: use scope = \"policy\"")
        for source in conflict.sources:
            if source not in catalog.sources and "sources.toml" not in problems.unreadable:
                problems.add("conflicts.toml", f"{where}.sources", f"unknown source {source!r}")
def _rare_conditions(data: dict[str, Any], problems: _Problems) -> tuple[str, ...]:
    """The rare-condition list: non-empty, each entry once, whatever its case."""
    table = _Table(data, "identifying.toml", "", problems)
    names = table.strings("rare_conditions")
    if "identifying.toml" in problems.unreadable:
        return ()
    if not names and "rare_conditions" in table.data:
        table.fail("rare_conditions", "must not be empty")
    seen: set[str] = set()
    for name in names:
        if not name.strip():
            table.fail("rare_conditions", "an entry is empty")
        elif name.casefold() in seen:
            table.fail("rare_conditions", f"{name!r} is listed twice")
        seen.add(name.casefold())
    return names


def _placeholders(text: str) -> list[str]:
    # Any word in braces, so "{Name}" or "{contact}" is caught rather than printed as it is.
    return re.findall(r"\{(\w+)\}", text)


def _ordered(items: dict[str, T]) -> dict[str, T]:
    return dict(sorted(items.items(), key=lambda kv: (getattr(kv[1], "order", 0), kv[0])))


EMERGENCY_JURISDICTIONS = (*(j.value for j in Jurisdiction if j is not Jurisdiction.INTERNATIONAL), "other")
"""Where a clinician can practise, as her profile spells it: each needs an emergency line."""


def load_catalog_from(folder: Path) -> Catalog:
    """Load and validate a catalog folder; raise ``CatalogError`` listing every problem."""
    problems = _Problems()
    sources = _keyed(
        _read_toml(folder / "sources.toml", "sources.toml", problems),
        "sources",
        "sources.toml",
        _source,
        problems,
    )
    situations = _keyed(
        _read_toml(folder / "situations.toml", "situations.toml", problems),
        "situations",
        "situations.toml",
        _situation,
        problems,
    )
    scripts = _keyed(
        _read_toml(folder / "scripts.toml", "scripts.toml", problems),
        "scripts",
        "scripts.toml",
        _script,
        problems,
    )
    conflicts = _keyed(
        _read_toml(folder / "conflicts.toml", "conflicts.toml", problems),
        "conflicts",
        "conflicts.toml",
        _conflict,
        problems,
    )
    emergency = _keyed(
        _read_toml(folder / "emergency.toml", "emergency.toml", problems),
        "emergency",
        "emergency.toml",
        _emergency,
        problems,
    )
    for jurisdiction in EMERGENCY_JURISDICTIONS:
        if jurisdiction not in emergency and "emergency.toml" not in problems.unreadable:
            problems.add("emergency.toml", f"emergency.{jurisdiction}", "missing: every jurisdiction needs a line")
    catalog = Catalog(
        emergency=emergency,
        conflicts=conflicts,
        sources=sources,
        platforms=_ordered(_per_file(folder / "platforms", "platforms", _platform, problems)),
        decisions=_ordered(_per_file(folder / "decisions", "decisions", _decision, problems)),
        situations=situations,
        scripts=scripts,
        rare_conditions=_rare_conditions(
            _read_toml(folder / "identifying.toml", "identifying.toml", problems), problems
        ),
    )
    _check_links(catalog, problems)
    _check_conflicts(catalog, problems)
    _check_setup(catalog, problems)
    problems.unknown_keys()
    if problems:
        raise CatalogError(list(problems))
    return catalog
