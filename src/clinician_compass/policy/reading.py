"""Read a policy file's bytes without trusting what the path turns out to be.

A path can name a named pipe (an open blocks until a writer comes), a device such
as ``/dev/zero`` (endless, with ``st_size`` 0), a socket, a folder, or sit in a
folder we may not search. So the file is opened non-blocking, checked with
``fstat`` on the open descriptor (what we read is what we checked), and read up
to the size limit plus one byte whatever ``stat`` claims.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class UnreadableFile(Exception):
    """The path exists but is not a file we can read as a policy; the message says why, for a clinician."""


def _what(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _kind(mode: int) -> str | None:
    """Why a non-regular file is refused as a policy; None for a regular file."""
    what = _what(mode)
    if what is None:
        return None
    if what == "a folder":
        return "this is a folder, not a policy file"
    return f"this is {what}, not a policy file; it was not read"


def special_kind(path: Path) -> str | None:
    """``a device``, ``a folder`` and so on if ``path`` is there and is not a regular file, else None.

    For writers: replacing ``/dev/stdout`` or a pipe with a regular file is never what was meant.
    """
    try:
        return _what(os.stat(path).st_mode)
    except OSError:
        return None  # missing, or not ours to look at: the write itself will say so


_MISSING = {errno.ENOENT, errno.ENOTDIR}
"""Errors that mean "there is no file here" (a missing file, or a file where a folder should be)."""


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied: the file or a folder above it cannot be read"
    if error.errno == errno.ELOOP:
        return "the path is a loop of symbolic links"
    return f"the file cannot be read: {error.strerror or error}"


def exists(path: Path) -> bool:
    """Whether ``path`` exists, as ``Path.exists`` but never a traceback.

    Raises ``UnreadableFile`` when we may not know (a folder above it cannot be searched).
    """
    try:
        os.stat(path)
    except OSError as error:
        if error.errno in _MISSING:
            return False
        raise UnreadableFile(
            "permission denied" if isinstance(error, PermissionError) else _why(error)
        ) from None
    return True


def _too_big(size: int | None, limit: int) -> UnreadableFile:
    said = f"{size:,} bytes" if size is not None else f"more than {limit:,} bytes"
    return UnreadableFile(f"the file is {said}; a policy is a few kilobytes, so this is not one")


def read_limited(path: Path, limit: int) -> bytes | None:
    """The file's bytes, None if it does not exist.

    Raises ``UnreadableFile`` for anything that is not a regular file we may read,
    or holds more than ``limit`` bytes (at most one byte past it is ever read).
    """
    try:
        kind = _kind(os.stat(path).st_mode)  # a socket cannot be opened at all, so say what it is first
        if kind:
            raise UnreadableFile(kind)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except UnreadableFile:
        raise
    except OSError as error:
        if error.errno in _MISSING:
            return None
        raise UnreadableFile(_why(error)) from None
    try:
        found = os.fstat(fd)
        kind = _kind(found.st_mode)  # swapped for a pipe between the stat and the open: still refused
        if kind:
            raise UnreadableFile(kind)
        if found.st_size > limit:
            raise _too_big(found.st_size, limit)
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise _too_big(None, limit)  # it grew, or its size was not what stat said
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFile(_why(error)) from None
    finally:
        os.close(fd)
