"""A ready-made copy of the validated catalog, so each start does not parse 70 kB of TOML again.

``tomllib`` is pure Python: reading and checking the packaged catalog takes
tens of milliseconds, most of a CLI command's budget and a good part of the
app's start-up. The first load after an install or an upgrade keeps the
validated ``Catalog`` in the user's cache folder; later loads read it back in
a few milliseconds.

The copy is keyed on every catalog file and on the code that turns them into
objects, by path, size and modification time, as Python keys its own compiled
bytecode: any edit, install or upgrade misses the cache and the TOML is read
and validated again. (Hashing the 400 kB of TOML on every start instead cost
each command 2 ms and loading OpenSSL for ``hashlib``.) The full key is kept
inside the copy and compared, so a short file name can never mix two catalogs up. A cache file that cannot be
read, or a folder that cannot be written, is ignored: the catalog is then
simply loaded from TOML. The file sits in the user's own cache folder, which is
as trusted as their own Python packages, so reading it back with ``pickle`` is
no new exposure; nothing in it comes from the network or from the clinician.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from clinician_compass import __version__

if TYPE_CHECKING:
    from clinician_compass.guidance.model import Catalog

try:  # the C unpickler alone: the pickle module around it adds 1.5 ms of imports to every start
    from _pickle import load as _unpickle
except ImportError:  # a Python without the accelerator
    from pickle import load as _unpickle

T = TypeVar("T")

ENV_DISABLE = "CLINICIAN_COMPASS_NO_CACHE"
"""Set (to anything) to always load the catalog from TOML, as the catalog tests and benchmarks do."""

_CODE = (
    *(Path(__file__).with_name(name) for name in ("model.py", "loader.py", "commitments.py")),
    Path(__file__).parent.parent / "record.py",  # how the model's classes are built, and so pickled
)


def cache_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("clinician-compass", appauthor=False))


def catalog_key(folder: Path) -> str:
    """This exact catalog: each data file's path, size and modification time, the same of the code that
    builds its objects, and the versions that decide how it is pickled (Python's fixes the protocol)."""
    parts = [f"{__version__} {sys.version}"]
    parts.append(code_key(*map(Path, sorted(_toml_files(os.fspath(folder)))), *_CODE))
    return "\n".join(parts)


def _toml_files(folder: str) -> list[str]:
    """Every ``*.toml`` under ``folder``, by ``os.scandir``: a fraction of what ``Path.rglob`` costs."""
    found: list[str] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir():
                found += _toml_files(entry.path)
            elif entry.name.endswith(".toml"):
                found.append(entry.path)
    return found


def _file_name(name: str, key: str) -> str:
    data = key.encode("utf-8", "surrogateescape")
    return f"{name}-{zlib.crc32(data):08x}{zlib.adler32(data):08x}.pickle"


def load_cached(folder: Path, load: Callable[[Path], Catalog]) -> Catalog:
    """``load(folder)``, or the copy of its result kept from an earlier run with the same files."""
    if os.environ.get(ENV_DISABLE):
        return load(folder)
    try:
        key = catalog_key(folder)
    except OSError:
        return load(folder)
    from clinician_compass.guidance.model import (
        Catalog,  # here: a kept list of rare conditions needs no model
    )

    return load_kept("catalog", key, lambda: load(folder), Catalog)


def load_kept(name: str, key: str, build: Callable[[], T], kind: type[T]) -> T:
    """``build()``, or its result as kept by an earlier run under the same ``key`` (a ``catalog_key``,
    plus the code of whatever ``build`` runs). Anything ``build`` raises propagates, and nothing is kept."""
    try:
        where = cache_folder()
    except OSError:
        return build()
    path = where / _file_name(name, key)
    try:
        with path.open("rb") as handle:
            if _ours(handle.fileno()):
                kept_key, value = _unpickle(handle)
                if kept_key == key and isinstance(value, kind):
                    os.utime(handle.fileno())  # in use: the newest-first pruning keeps it
                    return value
    except Exception:  # noqa: BLE001 - a missing, stale or damaged copy only means building it again
        pass
    value = build()
    _keep((key, value), where, path, name)
    return value


def code_key(*files: Path) -> str:
    """The size and modification time of each file: what a kept copy built by that code depends on."""
    parts = []
    for path in files:
        info = os.stat(path)  # once: its size and its time
        parts.append(f"{path} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(parts)


KEEP = 4
"""Copies kept: two installs side by side (a Python upgrade, a second virtualenv) must not keep
deleting each other's copy, but old versions should not pile up either."""


def _ours(fd: int) -> bool:
    """Only a file this user owns and nobody else can write is unpickled (POSIX; elsewhere, trusted)."""
    if not hasattr(os, "getuid"):
        return True
    info = os.fstat(fd)
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _keep(kept: tuple[str, object], where: Path, path: Path, name: str) -> None:
    """Write atomically and drop all but the newest few copies; never fail the caller."""
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        import pickle  # only when a copy is written

        fd, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=where)
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        copies = sorted(where.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in copies[KEEP:]:
            old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - keeping a copy is an optimisation; the catalog is already loaded
        pass
