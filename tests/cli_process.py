"""Run the command line as a clinician would: a fresh process, in a home folder of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from clinician_compass.policy.paths import ENV_VAR


def run_program(
    home: Path,
    command: list[str],
    *,
    policy: Path | None = None,
    stdin: str | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """``command`` with ``$HOME`` at ``home``, and ``$CLINICIAN_COMPASS_POLICY`` set only when ``policy`` is.

    ``stdin`` is piped in when given (as a clinician pipes a draft into ``check-post``); ``timeout``
    only turns a hang into a failure, it measures nothing.
    """
    env = {k: v for k, v in os.environ.items() if k not in {ENV_VAR, "XDG_CONFIG_HOME"}}
    env.update(HOME=str(home), PYTHONIOENCODING="utf-8")
    if policy is not None:
        env[ENV_VAR] = str(policy)
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=home,
        timeout=timeout,
        check=False,
    )


def clinician_compass(
    home: Path, *args: str, policy: Path | None = None, stdin: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``clinician-compass ARGS``."""
    return run_program(
        home, [sys.executable, "-m", "clinician_compass", *args], policy=policy, stdin=stdin, timeout=timeout
    )
