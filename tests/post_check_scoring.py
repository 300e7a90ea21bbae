"""Score the "Before you post" detectors against the labelled corpus: recall and precision per kind, risk confusion.

Shared by tests/test_post_check_quality.py (which fails below the thresholds) and bench/run.py (which
prints the figures).
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from clinician_compass.guidance import load_catalog
from clinician_compass.postcheck import DIRECT, KINDS, QUASI, check_post

CORPUS = Path(__file__).parent / "data" / "post_check_corpus.toml"
LEVELS = ("none", "low", "medium", "high")


@dataclass(frozen=True)
class Expected:
    kind: str
    text: str
    places: tuple[tuple[int, int], ...]
    """Every (start, end) where the text occurs: a town named twice is one detail, found at either place."""

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self.places)


@dataclass(frozen=True)
class Post:
    text: str
    about_patient: bool
    risk: str
    expected: tuple[Expected, ...]
    held_out: bool = False
    """Written after the detectors were tuned, and not tuned on: the honest figures."""


def load_corpus(path: Path = CORPUS) -> list[Post]:
    posts = []
    for raw in tomllib.loads(path.read_text(encoding="utf-8"))["post"]:
        expected = []
        for line in raw["expect"]:
            kind, _, span = line.partition(": ")
            raw["text"].index(span)  # the span must be in the text: a typo fails loudly
            places, at = [], raw["text"].find(span)
            while at >= 0:
                places.append((at, at + len(span)))
                at = raw["text"].find(span, at + 1)
            expected.append(Expected(kind, span, tuple(places)))
        posts.append(
            Post(
                raw["text"], raw["about_patient"], raw["risk"], tuple(expected), raw.get("set") == "held-out"
            )
        )
    return posts


@dataclass
class Score:
    found: Counter[str] = field(default_factory=Counter)
    """Expected findings matched, per kind."""
    expected: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    """Predicted findings that match an expected one, per kind."""
    predicted: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(expected risk, predicted risk) → posts."""
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    alarmed_without_patient: list[str] = field(default_factory=list)
    """Posts about no patient rated medium or high: the test allows none."""

    def recall(self, kinds: frozenset[str] | tuple[str, ...]) -> float:
        expected = sum(self.expected[k] for k in kinds)
        return sum(self.found[k] for k in kinds) / expected if expected else 1.0

    def precision(self, kinds: frozenset[str] | tuple[str, ...]) -> float:
        predicted = sum(self.predicted[k] for k in kinds)
        return sum(self.right[k] for k in kinds) / predicted if predicted else 1.0


def score(posts: list[Post]) -> Score:
    rare = load_catalog().rare_conditions
    result = Score()
    for post in posts:
        check = check_post(post.text, rare_conditions=rare)
        for e in post.expected:
            result.expected[e.kind] += 1
            if any(f.kind == e.kind and e.overlaps(f.start, f.end) for f in check.findings):
                result.found[e.kind] += 1
            else:
                result.misses.append(f"{e.kind}: {e.text!r} in {post.text!r}")
        for f in check.findings:
            result.predicted[f.kind] += 1
            # "patient" says what the post is about, not where: any cue in a post about a patient is right.
            if any(
                f.kind == e.kind and (f.kind == "patient" or e.overlaps(f.start, f.end))
                for e in post.expected
            ):
                result.right[f.kind] += 1
            else:
                result.false_alarms.append(f"{f.kind}: {f.text!r} in {post.text!r}")
        result.confusion[(post.risk, check.risk.value)] += 1
        if not post.about_patient and check.risk.blocks:
            result.alarmed_without_patient.append(f"{check.risk.value}: {post.text!r}")
    return result


def report_lines(s: Score) -> list[str]:
    """The figures as a small table, for the benchmark and for a failing test's message."""
    lines = [f"{'kind':<14} {'recall':>8} {'precision':>10} {'expected':>9} {'found':>6}"]
    for kind in KINDS:
        lines.append(
            f"{kind:<14} {s.recall((kind,)):>8.1%} {s.precision((kind,)):>10.1%} {s.expected[kind]:>9} {s.predicted[kind]:>6}"
        )
    lines.append(
        f"direct recall {s.recall(DIRECT):.1%} · quasi recall {s.recall(QUASI):.1%} · "
        f"overall precision {s.precision(KINDS):.1%}"
    )
    lines.append("risk confusion (rows: expected, columns: rated)")
    lines.append(" " * 8 + "".join(f"{level:>8}" for level in LEVELS))
    for want in LEVELS:
        lines.append(f"{want:<8}" + "".join(f"{s.confusion[(want, got)]:>8}" for got in LEVELS))
    return lines
