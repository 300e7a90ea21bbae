"""Errors a clinician may see about their policy file, each saying where and what."""

from __future__ import annotations

from pathlib import Path

from clinician_compass.documents.safe_text import escaped
from clinician_compass.record import record


@record(frozen=True)
class Problem:
    """One thing wrong (or odd) in a policy, located by key path and, when known, line."""

    key: str
    """Dotted key path, e.g. ``platforms.x.decisions.visibility.choice``."""
    message: str
    line: int | None = None
    warning: bool = False

    def describe(self, file: Path | str | None = None) -> str:
        """``file:line: key: message`` on one line: the file name and key come from outside, so are ``escaped``."""
        where = ":".join(str(p) for p in (file, self.line) if p is not None)
        key = f"{self.key}: " if self.key else ""
        kind = "warning: " if self.warning else ""
        return escaped(f"{where + ': ' if where else ''}{kind}{key}{self.message}")


class PolicyError(Exception):
    """Base class: something about the policy file needs the clinician's attention."""


class PolicyFileError(PolicyError):
    """The file cannot be used as it is: unreadable, not TOML, or not a valid policy.

    The app never overwrites such a file; ``problems`` lists everything found.
    """

    def __init__(self, path: Path, problems: list[Problem], hint: str = "") -> None:
        self.path = path
        self.problems = problems
        self.hint = hint
        lines = [p.describe(path) for p in problems]
        if hint:
            lines.append(hint)
        super().__init__("\n".join(lines))


class ConflictError(PolicyError):
    """The file changed on disk since it was loaded; saving now would lose those changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{escaped(path)}: the file changed on disk since it was opened (another window, a sync, or a hand edit). "
            "Reload it to see those changes, or save anyway to replace them (the other version is kept in history/)."
        )


class UnsafeLocationError(PolicyError):
    """The file or its folder cannot be written: read-only, full, or not ours to write."""
