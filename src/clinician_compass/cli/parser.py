"""The command line's grammar: every command, option and help text.

Kept apart from ``main`` so that ``clinician-compass`` with no arguments, which
opens the app, never loads ``argparse`` or builds the parser.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from clinician_compass import __version__
from clinician_compass.cli.exit_codes import EXIT_USAGE
from clinician_compass.documents.choices import FORMATS, PARTS
from clinician_compass.documents.safe_text import escaped


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` reports it: $COLUMNS, the terminal, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # None: caught
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, given the width rather than asking ``shutil``: argparse builds a formatter
    for every argument it adds, help or not, and ``shutil`` brings ``bz2`` and ``lzma`` with it."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)  # the message repeats words it did not expect: spell out their controls
        self.exit(EXIT_USAGE, f"{self.prog}: error: {escaped(message)}\n")


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    """show and path take only --policy, which every command has."""


def _export(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="md", help="output format (default: md)")
    parser.add_argument(
        "--part",
        choices=PARTS,
        default="full",
        help="which part: full (the policy, the default), short (the short form), patients (the statement "
        "for patients), bios (a profile line per platform), scripts (reply scripts) or checklist (the settings "
        "each account needs)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the screen")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def _check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="the file to check (default: your policy)")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when choices contradict each other or an answer is impossible on its platform",
    )


def _ref(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", help='what happened, e.g. "patient sent me a friend request"')
    parser.add_argument("--platform", metavar="ID", help="the platform it happened on, e.g. x or instagram")
    parser.add_argument("--limit", type=int, default=3, metavar="N", help="how many matches (default: 3)")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def _check_post(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="the draft; - or nothing reads standard input")
    parser.add_argument("--platform", metavar="ID", help="where you mean to post, e.g. x or instagram")
    parser.add_argument("--image", metavar="PATH", help="an image you mean to attach: its location and date are read")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")


def _history(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--restore", type=int, metavar="N", help="make version N (as listed) your policy again")


COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], str, str | None]] = {
    "show": (_no_arguments, "print your policy's short form and a summary", None),
    "export": (_export, "write your policy in another form", None),
    "check": (_check, "validate a policy file", None),
    "path": (_no_arguments, "where your policy, its history and the draft live", None),
    "ref": (_ref, "quick reference: find a situation", None),
    "check-post": (
        _check_post,
        "before you post: check a draft for anything that could identify a patient",
        "Check a draft post for names, numbers, dates, ages, places and other details that could identify "
        "a patient. It never says a post is safe. Exit 0: none or low risk; 1: medium or high; 2: usage "
        "error. The draft is read, never kept.",
    ),
    "history": (_history, "list the saved versions with what changed; restore one", None),
}
"""Each command: what adds its arguments, its line in ``--help``, its own description; in ``--help`` order."""


def command_in(arguments: Sequence[str]) -> str | None:
    """The command ``arguments`` run, read the way argparse will read them; None when it takes the
    whole parser to tell (``--help``, a mistyped command, nothing but options)."""
    words = iter(arguments)
    for word in words:
        if word in COMMANDS:
            return word
        if word.startswith("--") and len(word) >= 4 and "--policy".startswith(word):
            next(words, None)  # --policy PATH (or an abbreviation argparse accepts): PATH is no command
        elif not word.startswith("-") or word in ("-h", "--help", "--"):
            return None
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole grammar, or with ``only`` just that command's: a command's start builds one parser, not
    nine (each costs argparse's formatter and gettext look-ups). ``command_in`` says which to pass."""
    policy_option = _Parser(add_help=False)
    policy_option.add_argument(
        "--policy",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="policy file to use (default: $CLINICIAN_COMPASS_POLICY, then your config folder)",
    )
    parser = _Parser(
        prog="clinician-compass",
        description="Decide how you use social media as a clinician, keep your policy, find it fast.",
        parents=[policy_option],
        epilog="With no command, opens the app. Nothing you enter ever leaves this computer.",
    )
    parser.add_argument("--version", action="version", version=f"clinician-compass {__version__}")
    parser.add_argument(
        "--plain",
        action="store_true",
        help="the app as numbered questions in plain text, for screen readers and scripts (also chosen "
        "when output is not a terminal, when TERM=dumb, or with CLINICIAN_COMPASS_PLAIN=1)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (add_arguments, summary, description) in COMMANDS.items():
        if only is None or name == only:
            add_arguments(
                commands.add_parser(name, parents=[policy_option], help=summary, description=description)
            )
    return parser
