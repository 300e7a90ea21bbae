"""The ``clinician-compass`` command: the TUI by default, fast text commands otherwise.

Only the default command imports Textual; ``show``, ``check``, ``path``,
``export`` and ``ref`` start in the time it takes to read a few TOML files.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import SimpleNamespace

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2

FORMATS = ("md", "txt", "json", "toml")
PARTS = ("full", "short", "patients", "bios", "scripts", "checklist")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments:
        from clinician_compass.cli.parser import build_parser

        args = build_parser().parse_args(arguments)
    else:
        args = SimpleNamespace(command=None)  # just the app, the common case: argparse is not even loaded
    from clinician_compass.cli import commands  # after parsing, so --help and --version stay instant

    try:
        return commands.run(args)
    except commands.UserError as error:
        print(commands.terminal_safe(f"clinician-compass: {error}"), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
