"""What every command prints when something goes wrong: one line she can act on, never a traceback."""

from __future__ import annotations

from clinician_compass.cli.exit_codes import EXIT_PROBLEM
from clinician_compass.documents.safe_text import UNSAFE, printable


def terminal_safe(text: str) -> str:
    """``text`` with nothing a terminal would act on: a note's escape sequence is shown, never obeyed.

    The documents' ``printable`` does the work; the common case costs one regex scan. For a file name
    or other text quoted inside a message, use ``escaped`` instead: it keeps the message on one line.
    """
    return printable(text) if UNSAFE.search(text) else text


class UserError(Exception):
    """Something the clinician can fix; printed as one line, never a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_PROBLEM) -> None:
        super().__init__(message)
        self.exit_code = exit_code
