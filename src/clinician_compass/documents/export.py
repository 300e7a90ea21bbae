"""One entry point for every export: pick the part and the format.

Parts: ``full`` (the policy), ``short`` (the short form), ``patients`` (the
statement for patients), ``bios`` (profile lines), ``scripts`` (reply
scripts), ``checklist`` (the settings each account needs). Formats: ``md``
and ``txt`` for reading, ``json`` and ``toml`` for data. The same policy and catalog always give the same text.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clinician_compass.documents.choices import FORMATS, PARTS  # re-exported: callers import them from here
from clinician_compass.documents.writer import Writer, writer_for
from clinician_compass.guidance.model import Catalog
from clinician_compass.policy.model import Policy

# Each part's module is imported when that part is written: ``export`` of the full policy never loads
# the bios, scripts, checklist or JSON and TOML writers, nor they the policy document.


def _write_full(policy: Policy, catalog: Catalog, w: Writer) -> None:
    from clinician_compass.documents import full_policy

    full_policy.write(full_policy.build(policy, catalog), w)


def _write_short(policy: Policy, catalog: Catalog, w: Writer) -> None:
    from clinician_compass.documents import short_form

    short_form.write_short(policy, catalog, w)


def _write_patients(policy: Policy, catalog: Catalog, w: Writer) -> None:
    from clinician_compass.documents import patients

    patients.write(patients.build(policy, catalog), w)


def _write_bios(policy: Policy, catalog: Catalog, w: Writer) -> None:
    from clinician_compass.documents import bios

    bios.write(bios.build(policy, catalog), w)


def _write_scripts(policy: Policy, catalog: Catalog, w: Writer) -> None:
    from clinician_compass.documents import scripts

    scripts.write(scripts.build(policy, catalog), w, policy)


def _write_checklist(policy: Policy, catalog: Catalog, w: Writer) -> None:
    from clinician_compass.documents import checklist

    checklist.write(policy, catalog, w)


WRITERS: dict[str, Callable[[Policy, Catalog, Writer], None]] = {
    "full": _write_full,
    "short": _write_short,
    "patients": _write_patients,
    "bios": _write_bios,
    "scripts": _write_scripts,
    "checklist": _write_checklist,
}


def _short_data(policy: Policy, catalog: Catalog) -> dict[str, Any]:
    from clinician_compass.documents import short_form

    return short_form.short_data(policy, catalog)


def _patients_data(policy: Policy, catalog: Catalog) -> dict[str, Any]:
    from clinician_compass.documents import patients

    return patients.as_data(patients.build(policy, catalog))


def _bios_data(policy: Policy, catalog: Catalog) -> dict[str, Any]:
    from clinician_compass.documents import bios

    return bios.as_data(bios.build(policy, catalog))


def _scripts_data(policy: Policy, catalog: Catalog) -> dict[str, Any]:
    from clinician_compass.documents import scripts

    return scripts.as_data(scripts.build(policy, catalog), policy)


def _checklist_data(policy: Policy, catalog: Catalog) -> dict[str, Any]:
    from clinician_compass.documents import checklist

    return checklist.as_data(policy, catalog)


DATA: dict[str, tuple[Callable[[Policy, Catalog], dict[str, Any]], str]] = {
    "short": (
        _short_data,
        "Short form of a clinician's social media policy, from clinician-compass.",
    ),
    "patients": (
        _patients_data,
        "Statement for patients, from clinician-compass.",
    ),
    "bios": (
        _bios_data,
        "Profile lines, from clinician-compass: platform id = line, each within that platform's bio limit.",
    ),
    "scripts": (
        _scripts_data,
        "Reply scripts, from clinician-compass: [platform id.account] script id = text, sized for that\n"
        "platform; only the replies your choices call for. [everywhere] holds the review reply.",
    ),
    "checklist": (
        _checklist_data,
        "Settings checklist, from clinician-compass: for each account, the settings its decisions call for.\n"
        "checked and confidence say how sure the step's facts are; done_on is the day you ticked it off.",
    ),
}


def render(policy: Policy, catalog: Catalog, *, format: str = "md", part: str = "full") -> str:
    """The text of ``part`` of the policy in ``format`` (md, txt, json or toml)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if part not in PARTS:
        raise ValueError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")
    if format in ("json", "toml"):
        from clinician_compass.documents.structured import dump_json, dump_toml, policy_json, policy_toml

        if part == "full":
            return policy_json(policy) if format == "json" else policy_toml(policy)
        build, header = DATA[part]
        data = build(policy, catalog)
        return dump_json(data) if format == "json" else dump_toml(data, header)
    w = writer_for(format)
    lay_out(policy, catalog, part, w)
    return w.text()


def lay_out(policy: Policy, catalog: Catalog, part: str, writer: Writer) -> None:
    """Write ``part`` of the policy through any ``Writer``: a face can bring its own (the app draws it)."""
    WRITERS[part](policy, catalog, writer)


class ExportError(Exception):
    """Why nothing was written, in words for her (the CLI and the screens show it as it is)."""


class FileExists(ExportError):
    """A file is already there and replacing it was not asked for."""


def write_file(target: Path, text: str, *, replace: bool = False) -> None:
    """Write an export to ``target`` (mode 0600): the one writer the CLI and every screen use.

    A file already there is replaced only when ``replace`` is given, and then all at once (the
    old file survives any failure); without it, O_EXCL means a file another program made since
    the check is still never replaced. A folder, device or pipe is never written over.
    """
    from clinician_compass.documents.safe_text import printable
    from clinician_compass.policy import store
    from clinician_compass.policy.reading import special_kind

    shown = printable(str(target))
    kind = special_kind(target)
    if kind:
        raise ExportError(f"{shown} is {kind}, not a file; give a file name")
    if not replace and target.exists():
        raise FileExists(f"{shown} already exists")
    try:
        if replace:
            store.atomic_write(target, text.encode("utf-8"))
            return
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise FileExists(f"{shown} already exists") from None
    except FileNotFoundError:
        raise ExportError(f"{printable(str(target.parent))}: no such folder") from None
    except NotADirectoryError:
        raise ExportError(f"{printable(str(target.parent))}: not a folder") from None
    except PermissionError:
        raise ExportError(f"{shown}: permission denied") from None
    except store.UnsafeLocationError as error:
        raise ExportError(str(error)) from None
    except OSError as error:
        raise ExportError(f"{shown}: cannot write: {error.strerror or error}") from None


def write_new_file(path: Path, text: str) -> str:
    """Write ``text`` to ``path`` only if no file is there; "" on success, else why not (for screens)."""
    try:
        write_file(path, text)
    except FileExists:
        return f"{printable_path(path)} already exists; nothing was written."
    except ExportError as error:
        return str(error)
    return ""


def printable_path(path: Path) -> str:
    from clinician_compass.documents.safe_text import printable

    return printable(str(path))
