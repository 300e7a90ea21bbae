"""Load and validate the catalog files under ``guidance/data``.

This is the one place that knows the file layout. It reports every problem at
once, each naming the file and the key, so a content editor fixes them in one
pass rather than one per run.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from clinician_compass.guidance.model import (
    FACT_TOPICS,
    PLACEHOLDERS,
    PLATFORM_TRAITS,
    PROFESSIONS,
    SCRIPT_CHANNELS,
    SOURCE_KINDS,
    Catalog,
    Confidence,
    Decision,
    Fact,
    Jurisdiction,
    Option,
    Platform,
    Script,
    Situation,
    Source,
    Statement,
    Verification,
)

T = TypeVar("T")


class CatalogError(Exception):
    """The catalog files are invalid; ``problems`` lists every one."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid guidance catalog:\n  " + "\n  ".join(problems))


class _Table:
    """Typed access to one TOML table that records problems instead of raising."""

    def __init__(self, data: Any, file: str, path: str, problems: list[str]) -> None:
        self.data = data if isinstance(data, dict) else {}
        self.file, self.path, self.problems = file, path, problems
        if not isinstance(data, dict):
            self.fail("", "expected a table")

    def fail(self, key: str, message: str) -> None:
        where = ".".join(p for p in (self.path, key) if p)
        self.problems.append(f"{self.file}: {where or '(top)'}: {message}")

    def child(self, key: str) -> _Table:
        return _Table(self.data.get(key, {}), self.file, f"{self.path}.{key}".lstrip("."), self.problems)

    def _get(self, key: str, kind: type, kind_name: str, default: Any, required: bool) -> Any:
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
        if required and isinstance(value, str) and not value.strip():
            self.fail(key, "must not be empty")
        return value

    def integer(self, key: str, *, required: bool = True) -> int | None:
        return self._get(key, int, "an integer", None, required)

    def day(self, key: str) -> date:
        value = self._get(key, date, "a TOML date (2026-11-22)", date.min, True)
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


def _read_toml(path: Path, label: str, problems: list[str]) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        problems.append(f"{label}: {error}")
        return {}


def _source(key: str, t: _Table) -> Source:
    professions = t.strings("professions")
    for profession in professions:
        if profession not in PROFESSIONS:
            t.fail("professions", f"{profession!r} is not one of {', '.join(sorted(PROFESSIONS))}")
    return Source(
        id=key,
        publisher=t.text("publisher"),
        short=t.text("short"),
        title=t.text("title"),
        year=t.integer("year") or 0,
        jurisdiction=t.enum("jurisdiction", Jurisdiction, [j.value for j in Jurisdiction]),
        professions=professions,
        kind=t.choice("kind", SOURCE_KINDS),
        url=t.text("url", required=False),
        note=t.text("note", required=False),
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
    )


def _option(t: _Table) -> Option:
    return Option(
        id=t.text("id"),
        label=t.text("label"),
        maxim=t.text("maxim"),
        policy=t.text("policy"),
        patient_text=t.text("patient_text"),
        pros=t.strings("pros"),
        cons=t.strings("cons"),
        sources=t.strings("sources", required=False),
        requires=frozenset(_traits(t, "requires")),
        bio=t.text("bio", required=False),
        bio_short=t.text("bio_short", required=False),
    )


def _traits(t: _Table, key: str) -> tuple[str, ...]:
    traits = t.strings(key, required=False)
    for trait in traits:
        if trait not in PLATFORM_TRAITS:
            t.fail(key, f"unknown trait {trait!r}")
    return traits


def _decision(key: str, t: _Table) -> Decision:
    raw_options = t.data.get("options", [])
    raw_guidance = t.data.get("guidance", [])
    if not isinstance(raw_options, list) or not isinstance(raw_guidance, list):
        t.fail("options", "expected arrays of tables [[options]] and [[guidance]]")
        raw_options, raw_guidance = [], []
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
            )
        )
    requires = _traits(t, "requires")
    return Decision(
        id=key,
        title=t.text("title"),
        question=t.text("question"),
        situation=t.text("situation"),
        scope=t.choice("scope", frozenset({"platform", "global"})),
        requires=frozenset(requires),
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
    )


def _script(key: str, t: _Table) -> Script:
    return Script(
        id=key,
        title=t.text("title"),
        kind=t.choice(
            "kind", frozenset({"dm-redirect", "friend-request-decline", "public-redirect", "review-reply"})
        ),
        channel=t.choice("channel", SCRIPT_CHANNELS),
        text=t.text("text"),
        short_text=t.text("short_text", required=False),
    )


def _keyed(
    data: dict[str, Any], table: str, file: str, build: Callable[[str, _Table], T], problems: list[str]
) -> dict[str, T]:
    section = data.get(table, {})
    if not isinstance(section, dict):
        problems.append(f"{file}: {table}: expected a table of tables")
        return {}
    return {
        key: build(key, _Table(value, file, f"{table}.{key}", problems)) for key, value in section.items()
    }


def _per_file(
    folder: Path, label: str, build: Callable[[str, _Table], T], problems: list[str]
) -> dict[str, T]:
    built = {}
    for path in sorted(folder.glob("*.toml")):
        file = f"{label}/{path.name}"
        built[path.stem] = build(path.stem, _Table(_read_toml(path, file, problems), file, "", problems))
    return built


def _check_links(catalog: Catalog, problems: list[str]) -> None:
    """Every id that points somewhere must point at something."""

    def need(ids: tuple[str, ...], known: dict[str, Any] | Any, where: str, what: str) -> None:
        for ref in ids:
            if ref not in known:
                problems.append(f"{where}: unknown {what} {ref!r}")

    for d in catalog.decisions.values():
        file = f"decisions/{d.id}.toml"
        if not 2 <= len(d.options) <= 5:
            problems.append(f"{file}: options: expected 2 to 5 options, found {len(d.options)}")
        ids = [o.id for o in d.options]
        if len(set(ids)) != len(ids):
            problems.append(f"{file}: options: option ids repeat")
        need(tuple(s.source for s in d.guidance), catalog.sources, f"{file}: guidance", "source")
        need((d.case_source,), catalog.sources, f"{file}: case_source", "source")
        for i, option in enumerate(d.options):
            need(option.sources, catalog.sources, f"{file}: options[{i}].sources", "source")
    for s in catalog.situations.values():
        where = f"situations.toml: situations.{s.id}"
        need(s.decisions, catalog.decisions, f"{where}.decisions", "decision")
        need(s.sources, catalog.sources, f"{where}.sources", "source")
        if s.script:
            need((s.script,), catalog.scripts, f"{where}.script", "script")
    for script in catalog.scripts.values():
        for text in (script.text, script.short_text):
            for placeholder in _placeholders(text):
                if placeholder not in PLACEHOLDERS:
                    problems.append(
                        f"scripts.toml: scripts.{script.id}.text: unknown placeholder {{{placeholder}}}"
                    )


def _placeholders(text: str) -> list[str]:
    import re

    return re.findall(r"\{([a-z_]+)\}", text)


def _ordered(items: dict[str, T]) -> dict[str, T]:
    return dict(sorted(items.items(), key=lambda kv: (getattr(kv[1], "order", 0), kv[0])))


def load_catalog_from(folder: Path) -> Catalog:
    """Load and validate a catalog folder; raise ``CatalogError`` listing every problem."""
    problems: list[str] = []
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
    catalog = Catalog(
        sources=sources,
        platforms=_ordered(_per_file(folder / "platforms", "platforms", _platform, problems)),
        decisions=_ordered(_per_file(folder / "decisions", "decisions", _decision, problems)),
        situations=situations,
        scripts=scripts,
    )
    _check_links(catalog, problems)
    if problems:
        raise CatalogError(problems)
    return catalog


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """The packaged catalog, loaded and validated once per process."""
    folder = resources.files("clinician_compass.guidance") / "data"
    return load_catalog_from(Path(str(folder)))
