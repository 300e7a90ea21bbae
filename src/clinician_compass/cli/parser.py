"""The command line's grammar: every command, option and help text.

Kept apart from ``main`` so that ``clinician-compass`` with no arguments, which
opens the app, never loads ``argparse`` or builds the parser.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from clinician_compass import __version__
from clinician_compass.cli.exit_codes import EXIT_USAGE
from clinician_compass.documents.choices import FORMATS, PARTS
from clinician_compass.documents.safe_text import escaped


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)  # the message repeats words it did not expect: spell out their controls
        self.exit(EXIT_USAGE, f"{self.prog}: error: {escaped(message)}\n")


def build_parser() -> argparse.ArgumentParser:
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

    commands.add_parser("show", parents=[policy_option], help="print your policy's short form and a summary")

    export = commands.add_parser("export", parents=[policy_option], help="write your policy in another form")
    export.add_argument("--format", choices=FORMATS, default="md", help="output format (default: md)")
    export.add_argument(
        "--part",
        choices=PARTS,
        default="full",
        help="which part: full (the policy, the default), short (the short form), patients (the statement "
        "for patients), bios (a profile line per platform), scripts (reply scripts) or checklist (the settings "
        "each account needs)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the screen")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")

    check = commands.add_parser("check", parents=[policy_option], help="validate a policy file")
    check.add_argument("file", nargs="?", help="the file to check (default: your policy)")
    check.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when choices contradict each other or an answer is impossible on its platform",
    )

    commands.add_parser(
        "path", parents=[policy_option], help="where your policy, its history and the draft live"
    )

    ref = commands.add_parser("ref", parents=[policy_option], help="quick reference: find a situation")
    ref.add_argument("query", nargs="+", help='what happened, e.g. "patient sent me a friend request"')
    ref.add_argument("--platform", metavar="ID", help="the platform it happened on, e.g. x or instagram")
    ref.add_argument("--limit", type=int, default=3, metavar="N", help="how many matches (default: 3)")
    ref.add_argument("--json", action="store_true", help="print JSON for scripts")

    post = commands.add_parser(
        "check-post",
        parents=[policy_option],
        help="before you post: check a draft for anything that could identify a patient",
        description="Check a draft post for names, numbers, dates, ages, places and other details that could "
        "identify a patient. It never says a post is safe. Exit 0: none or low risk; 1: medium or high; "
        "2: usage error. The draft is read, never kept.",
    )
    post.add_argument("file", nargs="?", metavar="FILE", help="the draft; - or nothing reads standard input")
    post.add_argument("--platform", metavar="ID", help="where you mean to post, e.g. x or instagram")
    post.add_argument("--image", metavar="PATH", help="an image you mean to attach: its location and date are read")
    post.add_argument("--json", action="store_true", help="print JSON for scripts")

    history = commands.add_parser(
        "history", parents=[policy_option], help="list the saved versions with what changed; restore one"
    )
    history.add_argument("--restore", type=int, metavar="N", help="make version N (as listed) your policy again")
    return parser
