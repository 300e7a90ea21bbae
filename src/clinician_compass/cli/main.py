"""The ``clinician-compass`` command: the TUI by default, fast text commands otherwise.

Only the default command imports Textual; ``show``, ``check``, ``path``,
``export`` and ``ref`` start in the time it takes to read a few TOML files.
Where Textual cannot draw (a pipe, ``TERM=dumb``) or is not wanted (``--plain``,
``CLINICIAN_COMPASS_PLAIN=1``), the default command is plain mode instead.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from clinician_compass.cli.exit_codes import EXIT_INTERRUPTED, EXIT_OK

if TYPE_CHECKING:
    import argparse  # only for the type: the app's own start never loads argparse

PLAIN_ENV = "CLINICIAN_COMPASS_PLAIN"


def wants_plain(asked: bool = False) -> bool:
    """Whether the app should be plain prompts rather than the TUI: asked for, or no terminal to draw on.

    Cheap on purpose (two ``isatty`` calls, two variables): it runs on every start of the app.
    """
    if asked or os.environ.get(PLAIN_ENV, "") not in ("", "0") or os.environ.get("TERM") == "dumb":
        return True
    return not (_isatty(sys.stdout) and _isatty(sys.stdin))


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]  # any object: the AttributeError is caught
    except (AttributeError, ValueError):  # closed, or replaced by something that is not a file
        return False


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments:
        from clinician_compass.cli.parser import build_parser, command_in

        args = build_parser(command_in(arguments)).parse_args(arguments)
        if argv is None and args.command is not None:
            # A text command, run as the program: it lasts a fraction of a second and frees almost
            # nothing it builds (modules, the catalog, the policy), so the cyclic collector's passes
            # would find no garbage; about 3 ms a command. The app and plain mode keep the collector,
            # and so does a caller's own process (the tests call main with their arguments).
            gc.disable()
    else:
        # Just the app, the common case: argparse is not even loaded. Only .command (and getattr) is read.
        args = cast("argparse.Namespace", SimpleNamespace(command=None))
    from clinician_compass.cli import commands  # after parsing, so --help and --version stay instant
    from clinician_compass.cli.errors import UserError, terminal_safe

    try:
        if args.command is None and wants_plain(getattr(args, "plain", False)):
            from clinician_compass.plain import run_plain  # no Textual: it runs where Textual cannot draw
            from clinician_compass.policy.paths import resolve

            return run_plain(resolve(getattr(args, "policy", None)))
        return commands.run(args)
    except UserError as error:
        print(terminal_safe(f"clinician-compass: {error}"), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
