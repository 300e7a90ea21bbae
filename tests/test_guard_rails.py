"""The guard rails run with the suite: the types check, and each layer imports only the layers below it.

Both are subprocesses, so pytest-xdist runs them on one worker while the stories run on the other.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def test_the_types_check_everywhere() -> None:
    done = subprocess.run(
        [_tool("mypy"), "src/"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    errors = [line for line in done.stdout.splitlines() if re.match(r"^src/.*: error:", line)]
    assert done.returncode in (0, 1), done.stdout + done.stderr  # 2: mypy itself failed (config, crash)
    assert not errors, "\n".join(errors)


def test_every_layer_imports_only_the_layers_below_it() -> None:
    done = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout, done.stdout
