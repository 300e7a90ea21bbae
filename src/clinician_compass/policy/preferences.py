"""Small things the app remembers between runs (the last export folder), beside the policy.

Never in the way: an unreadable or damaged file is treated as empty, and a failure to write it
is ignored, so an export never fails because of a preference.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from clinician_compass.policy.paths import PolicyPaths


def preferences_path(paths: PolicyPaths) -> Path:
    return paths.folder / "preferences.toml"


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in escaped)
    return f'"{escaped}"'


def load(paths: PolicyPaths) -> dict[str, str]:
    try:
        data = tomllib.loads(preferences_path(paths).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def last_export_folder(paths: PolicyPaths) -> Path | None:
    folder = load(paths).get("export_folder")
    return Path(folder) if folder else None


def remember_export_folder(paths: PolicyPaths, folder: Path) -> bool:
    """Keep ``folder`` for next time; False (and nothing else) if it could not be written."""
    from clinician_compass.policy.store import UnsafeLocationError, atomic_write

    prefs = load(paths)
    prefs["export_folder"] = str(folder)
    text = "".join(f"{key} = {_quoted(value)}\n" for key, value in sorted(prefs.items()))
    try:
        paths.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(preferences_path(paths), text.encode("utf-8"))
    except (OSError, UnsafeLocationError):
        return False
    return True
