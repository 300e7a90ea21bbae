"""Load and save the policy file so that nothing is ever lost.

- Saving is atomic: a temporary file in the same folder is written, flushed and
  fsynced, then renamed over the old one, and the folder is fsynced. A crash
  leaves either the old file or the new one, never half of each.
- Every saved version goes to ``history/``, the one just saved included, so a
  damaged file can be recovered up to its last save (the newest 20 are kept).
  A file on disk that history does not hold yet (edited by hand) is kept first.
- A file that changed on disk since we loaded it is not overwritten unless the
  clinician says so; a file we cannot parse is never overwritten.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import field
from datetime import UTC, datetime
from pathlib import Path

from clinician_compass.documents.safe_text import escaped
from clinician_compass.policy import reading
from clinician_compass.policy.codec import FutureSchema, InvalidPolicy, dump_policy, parse_policy
from clinician_compass.policy.errors import ConflictError, PolicyFileError, Problem, UnsafeLocationError
from clinician_compass.policy.locate import line_of
from clinician_compass.policy.model import Policy, now
from clinician_compass.policy.paths import PolicyPaths, real_target
from clinician_compass.record import record

HISTORY_KEEP = 20
"""How many earlier versions ``history/`` keeps."""

MAX_FILE_BYTES = 5 * 1024 * 1024
"""A policy is a few kilobytes; anything past this is not one, and we will not read it into memory."""


@record
class Loaded:
    """A policy as read from disk, with what we need to save it back safely."""

    policy: Policy
    data: bytes
    """The bytes we read."""
    warnings: list[Problem] = field(default_factory=list)
    text: str = ""
    """The text as read, for placing further problems (``toml_positions.key_lines``) without reading again."""

    @property
    def digest(self) -> str:
        """Hash of the bytes we read: a save checks the file still has them. Worked out only when a
        save needs it, so the commands that only read never load ``hashlib`` (and OpenSSL)."""
        return digest_of(self.data)


def digest_of(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None if there is no file; a pipe, device, folder or oversized file is refused."""
    try:
        return reading.read_limited(path, MAX_FILE_BYTES)
    except reading.UnreadableFile as error:
        raise PolicyFileError(path, [Problem("", str(error))], hint=_history_hint(path)) from None


def parse_bytes(path: Path, data: bytes) -> tuple[Policy, list[Problem]]:
    """Parse file contents, turning every failure into a ``PolicyFileError`` naming the file."""
    try:
        text = data.decode("utf-8-sig")  # -sig: a byte-order mark (some Windows editors add one) is skipped
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return _raise(path, [Problem("", "the file is not UTF-8 text (is it a binary file?)", line)])
    if not text:
        return _raise(path, [Problem("", "the file is empty")])
    if not text.strip():
        return _raise(path, [Problem("", f"the file holds only whitespace ({_whitespace(text)}), no policy")])
    try:
        return parse_policy(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        # The message ends "(at line L, column C)"; keep it, it names the column.
        lineno = getattr(error, "lineno", None) or _line_in_toml_error(message, text)
        return _raise(path, [Problem("", f"not valid TOML: {message}", lineno)])
    except InvalidPolicy as invalid:
        return _raise(path, invalid.problems)
    except FutureSchema as future:
        return _raise(path, [Problem("schema_version", str(future), line_of(text, "schema_version"))])


_WHITESPACE_NAMES = {
    " ": "spaces",
    "\t": "tabs",
    "\n": "line breaks",
    "\r": "carriage returns",
    "\f": "a form feed",
}


def _whitespace(text: str) -> str:
    """Which whitespace a blank file holds, in words: a lone form feed looks empty in most editors."""
    names = [_WHITESPACE_NAMES.get(c, f"U+{ord(c):04X}") for c in sorted(set(text))]
    return ", ".join(names)


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)$")


def _line_in_toml_error(message: str, text: str) -> int | None:
    """Before Python 3.14, tomllib gives the position only in its message."""
    found = _AT_LINE.search(message)
    if found:
        return int(found.group(1))
    if message.endswith("(at end of document)"):
        return max(1, len(text.splitlines()))
    return None


def _raise(path: Path, problems: list[Problem]) -> tuple[Policy, list[Problem]]:
    raise PolicyFileError(path, problems, hint=_history_hint(path))


def _history_hint(path: Path) -> str:
    # A linked policy's history is beside the file the link points to.
    good = newest_good_version(PolicyPaths(real_target(path)))
    if good:
        return f"The file was not changed. The newest version that can be read is {escaped(good)}."
    return "The file was not changed."


def load(paths: PolicyPaths) -> Loaded | None:
    """The saved policy, or None when there is none yet. Raises ``PolicyFileError``."""
    data = _read_bytes(paths.policy)
    if data is None:
        return None
    policy, warnings = parse_bytes(paths.policy, data)
    return Loaded(policy, data, warnings, data.decode("utf-8-sig"))


_STAMP = re.compile(r"-\d{8}T\d{12}Z")


def history(paths: PolicyPaths) -> list[Path]:
    """Earlier versions, newest first; none if the folder cannot be looked into."""
    stem = paths.policy.stem  # only our own stamps: policy-old.toml's history is not policy.toml's
    try:
        if not paths.history.is_dir():
            return []
        mine = [p for p in paths.history.glob(f"{stem}-*.toml") if _STAMP.fullmatch(p.stem[len(stem) :])]
    except OSError:
        return []
    return sorted(mine, reverse=True)


def newest_good_version(paths: PolicyPaths) -> Path | None:
    for candidate in history(paths):
        try:
            data = reading.read_limited(
                candidate, MAX_FILE_BYTES
            )  # a pipe planted in history/ cannot block us
            if data is None:
                continue
            parse_policy(data.decode("utf-8"))
        except Exception:  # noqa: BLE001 - any failure means "not a good version"
            continue
        return candidate
    return None


def save(policy: Policy, paths: PolicyPaths, *, expected_digest: str | None, force: bool = False) -> str:
    """Write ``policy`` atomically and return the new file's digest.

    ``expected_digest`` is the digest from ``load`` (None if there was no file).
    Raises ``ConflictError`` if the file changed since, unless ``force``;
    ``PolicyFileError`` if the file on disk cannot be parsed (it is never replaced);
    ``UnsafeLocationError`` if the folder cannot be written.
    """
    target = real_target(paths.policy)
    kind = reading.special_kind(target)  # before the lock: nothing is created beside /dev/zero or a pipe
    if kind:
        problem = Problem("", f"this is {kind}, not a policy file; nothing was written")
        raise PolicyFileError(target, [problem], hint="The file was not changed.")
    _ensure_folder(target.parent)
    with _locked(target):  # another copy of the app cannot slip in between our check and our write
        _remove_stale_temp_files(target)
        current = _read_bytes(target)
        if current is not None:
            parse_bytes(target, current)  # refuses to replace a file we cannot read
            if digest_of(current) != expected_digest and not force:
                raise ConflictError(target)
        elif expected_digest is not None and not force:
            raise ConflictError(target)

        policy.meta.updated = now()
        data = _dumped(target, policy)
        if current != data:
            if current is not None and _newest_kept(PolicyPaths(target)) != current:
                _keep_in_history(PolicyPaths(target), current)  # saved by an older app, or edited by hand
            atomic_write(target, data)
            _keep_in_history(PolicyPaths(target), data)  # the version just saved is in history too
    return digest_of(data)


def _newest_kept(paths: PolicyPaths) -> bytes | None:
    """The newest version in history, as bytes; None if there is none or it cannot be read."""
    for candidate in history(paths)[:1]:
        try:
            return reading.read_limited(candidate, MAX_FILE_BYTES)
        except (reading.UnreadableFile, OSError):
            return None
    return None


def read_version(path: Path) -> Policy:
    """One saved version from history, parsed; raises ``PolicyFileError`` if it cannot be read."""
    data = reading.read_limited(path, MAX_FILE_BYTES)
    if data is None:
        raise PolicyFileError(path, [Problem("", "this version is no longer in history")], hint="")
    policy, _ = parse_bytes(path, data)
    return policy


def replace_damaged(paths: PolicyPaths, good: Path) -> None:
    """Put a good version from history back over a policy file that cannot be read.

    The one write allowed over a damaged file, and only because she asked: the damaged
    bytes go into history first (a hand edit may be worth rescuing), so nothing is lost.
    """
    target = real_target(paths.policy)
    data = reading.read_limited(good, MAX_FILE_BYTES)
    if data is None:
        raise PolicyFileError(good, [Problem("", "this version is no longer in history")], hint="")
    parse_bytes(good, data)  # never put back something that cannot be read either
    with _locked(target):
        current = _read_bytes(target)
        if current is not None and current != data:
            _keep_in_history(PolicyPaths(target), current)
        atomic_write(target, data)
        _keep_in_history(PolicyPaths(target), data)


def _dumped(target: Path, policy: Policy) -> bytes:
    """The bytes to write; a policy the TOML writer cannot handle is our error, and nothing is written."""
    try:
        return dump_policy(policy).encode("utf-8")
    except (RecursionError, MemoryError, ValueError):
        problem = Problem("", "this policy cannot be written: it nests too deeply or holds too large a value")
        raise PolicyFileError(target, [problem], hint="The file was not changed.") from None


@contextmanager
def _locked(target: Path) -> Iterator[None]:
    """An advisory lock on a file beside the policy, held for one save."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; the digest check still catches most conflicts
        yield
        return
    try:
        fd = os.open(target.parent / f".{target.name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as error:
        raise UnsafeLocationError(_why(target.parent, error)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _remove_stale_temp_files(target: Path) -> None:
    """Temp files left by a save that was killed mid-write: never the policy, safe to remove."""
    history_folder = PolicyPaths(target).history
    leftovers = [
        *target.parent.glob(f".{target.name}.*.tmp"),
        *history_folder.glob(f".{target.stem}-*.toml.*.tmp"),
    ]
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise UnsafeLocationError(f"{escaped(folder)}: cannot create the folder: {error.strerror}") from None


def _keep_in_history(paths: PolicyPaths, data: bytes) -> None:
    _ensure_folder(paths.history)
    # Prune first: a save killed between the two steps then never leaves more than HISTORY_KEEP.
    for old in history(paths)[HISTORY_KEEP - 1 :]:
        old.unlink(missing_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    atomic_write(paths.history / f"{paths.policy.stem}-{stamp}.toml", data)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, mode 0600; the old file survives any failure."""
    try:
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise UnsafeLocationError(_why(path.parent, error)) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise UnsafeLocationError(_why(path, error)) from None
    except BaseException:  # Ctrl+C mid-save: the old file stands; do not leave the temp file behind
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open folders; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _why(path: Path, error: OSError) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the disk is read-only",
    }
    reason = reasons.get(error.errno or 0, error.strerror or str(error))
    return f"{escaped(path)}: cannot save: {reason}. Nothing was changed."
