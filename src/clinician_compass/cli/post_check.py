"""``clinician-compass check-post``: read a draft, check it, print what was found and why.

The draft is read from a file or standard input and never written anywhere.
Everything printed that came from the draft or a file name goes through
``terminal_safe``, one character at a time where the markers must line up.
"""

from __future__ import annotations

import os
import sys
import textwrap
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from clinician_compass.cli.errors import UserError, terminal_safe
from clinician_compass.cli.exit_codes import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from clinician_compass.cli.loading import policy_if_readable
from clinician_compass.documents.safe_text import printable
from clinician_compass.policy.paths import PolicyPaths

if TYPE_CHECKING:
    import argparse

    from clinician_compass.postcheck import Report

WIDTH = 76
"""Columns for the marked draft: fits an 80-column terminal with the indent."""


def read_draft(file: str | None) -> str:
    if file in (None, "-"):
        if file is None and sys.stdin.isatty():
            raise UserError(
                "give the draft as FILE, or pipe it in: cat draft.txt | clinician-compass check-post -",
                EXIT_USAGE,
            )
        data = sys.stdin.buffer.read()
        label = "standard input"
    else:
        path = Path(file)
        label = str(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise UserError(f"{file}: no such file", EXIT_USAGE) from None
        except IsADirectoryError:
            raise UserError(f"{file}: is a folder; give the draft's file", EXIT_USAGE) from None
        except PermissionError:
            raise UserError(f"{file}: permission denied", EXIT_USAGE) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{label}: not UTF-8 text", EXIT_USAGE) from None


def run(args: argparse.Namespace, paths: PolicyPaths) -> int:
    from clinician_compass.guidance.packaged import load_catalog, rare_conditions
    from clinician_compass.postcheck import check_post, report

    platform = None
    if args.platform:  # only then the whole catalog: the check itself needs just its rare conditions
        catalog = load_catalog()
        platform = catalog.platforms.get(args.platform)
        if platform is None:
            raise UserError(
                f"unknown platform {args.platform!r}; choose one of {', '.join(catalog.platforms)}",
                EXIT_USAGE,
            )
    image = None
    if args.image:
        from clinician_compass.postcheck.image import ImageError, read_image

        try:
            image = read_image(Path(args.image))
        except ImageError as error:
            raise UserError(str(error), EXIT_USAGE) from None
    text = read_draft(args.file)
    policy = policy_if_readable(paths, "it is not quoted")
    practice = policy.profile.practice_contact if policy else ""
    checked = check_post(
        text, rare_conditions=rare_conditions(), practice_contact=practice, image=image
    )
    result = report(checked, policy, platform)
    if args.json:
        import json

        from clinician_compass.policy.codec import escape_invisible

        print(escape_invisible(json.dumps(result.as_json(), indent=2, ensure_ascii=False)))
    else:
        shown = terminal_safe(format_report(result))
        if _colour():  # after terminal_safe, which would show our own escapes as ␛
            shown = _coloured(shown, checked.risk.value)
        print(shown, end="")
    return EXIT_PROBLEM if checked.risk.blocks else EXIT_OK


def _colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _coloured(shown: str, risk: str) -> str:
    code = {"high": "1;31", "medium": "1;33"}.get(risk, "1;32")
    label = f"{risk.upper()} risk"
    return shown.replace(label, f"\x1b[{code}m{label}\x1b[0m", 1)


def _cells(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def marked_lines(text: str, marked: set[int], width: int = WIDTH) -> list[str]:
    """The draft wrapped at ``width`` columns, each line followed by ^ under the marked characters."""
    out: list[str] = []
    for start, line in _lines_with_offsets(text):
        row: list[str] = []
        marks: list[str] = []
        used, last_space = 0, -1
        for i, char in enumerate(line):
            if " " <= char <= "~":  # printable ASCII, most of a draft: itself, one column
                shown, cells = char, 1
            else:
                shown = printable(char)
                cells = sum(_cells(c) for c in shown)
            if used + cells > width and row:
                cut = last_space + 1 if last_space >= 0 else len(row)
                out += ["  " + "".join(row[:cut]).rstrip(), "  " + "".join(marks[:cut]).rstrip()]
                row, marks = row[cut:], marks[cut:]
                used = sum(len(m) for m in marks)
                last_space = -1
            row.append(shown)
            marks.append(("^" if start + i in marked else " ") * cells)
            used += cells
            if char == " ":
                last_space = len(row) - 1
        out += ["  " + "".join(row).rstrip(), "  " + "".join(marks).rstrip()]
    return [line for i, line in enumerate(out) if i % 2 == 0 or line.strip()]


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    lines, start = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((start, line.rstrip("\r\n")))
        start += len(line)
    return lines


def _wrapped(text: str, indent: str = "", first: str | None = None) -> list[str]:
    return textwrap.wrap(
        text, width=WIDTH + 2, initial_indent=indent if first is None else first, subsequent_indent=indent
    ) or [indent]


def format_report(result: Report) -> str:
    """The report as plain text; the caller makes it terminal-safe (the marked draft already is)."""
    check = result.check
    parts = [f"Before you post: {check.risk.value.upper()} risk", *_wrapped(check.assessment.reason), ""]
    marked = {i for f in check.findings for i in range(f.start, f.end)}
    if check.text.strip():
        parts += marked_lines(check.text, marked)
        parts.append("")
    if check.findings:
        parts.append("Found:")
        for f in check.findings:
            where = f"\u201c{_one_line(f.text)}\u201d ({f.kind}, chars {f.start}\u2013{f.end}): {f.why}"
            parts += _wrapped(where, "      ", "  ")
        parts.append("")
    if check.image:
        parts.append(f"The image {_one_line(check.image.path)}:")
        for problem in check.image.problems:
            parts += _wrapped(problem, "    ", "  - ")
        parts.append("")
    parts += ["Your policy:", *_wrapped(_one_line(result.policy), "  "), ""]
    if result.platform:
        parts.append(f"On {result.platform}:")
        for fact in result.facts:
            parts += _wrapped(f"{fact.text} (checked {fact.checked}, {fact.confidence})", "    ", "  - ")
        parts.append("")
    if result.advice:
        parts.append("What to do:")
        for line in result.advice:
            parts += _wrapped(line, "    ", "  - ")
        parts.append("")
    parts.append("Why:")
    for line in result.guidance:
        parts += _wrapped(line, "    ", "  - ")
    return "\n".join(parts) + "\n"


def _one_line(text: str) -> str:
    return " ".join(printable(text).split())
