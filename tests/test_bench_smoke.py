"""The benchmark still runs from a clean checkout: one iteration of every measure, figures not asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_runs_once_through_and_reports_every_measure_with_a_baseline(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| measure" in done.stdout
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    names = " ".join(row["name"] for row in rows)
    for measure in (
        "start-up",
        "welcome painted",
        "home painted",
        "cli floor",
        "cli: path",
        "cli: --version",
        "cli: show",
        "cli: ref",
        "cli: check-post",
        "keystroke",
        "search",
        "save",
        "memory",
        "unknown tables",
        "look-alike",
        "post check",
    ):
        assert measure in names, f"{measure} is missing from the benchmark"
    for row in rows:
        assert row["ours"] > 0 and row["baseline"] > 0, row["name"]
    assert "direct recall" in "\n".join(json.loads(out.read_text(encoding="utf-8"))["post_check_quality"])
