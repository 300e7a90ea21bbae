"""Lines in, lines out: the only place plain mode touches standard input and output.

Everything written goes through ``printable``, so nothing the clinician typed
(or anything else) can reach the terminal as an escape code, a carriage return
or a C1 control: a screen reader hears text, a script reads text.
"""

from __future__ import annotations

from typing import TextIO

from clinician_compass.documents.safe_text import printable

PROMPT = "> "


class EndOfInput(Exception):
    """Standard input ended: whatever was answered is in the draft, and the program stops there."""


class Console:
    """Plain lines on ``output``, answers from ``input``, one line at a time."""

    def __init__(self, input: TextIO, output: TextIO, *, echo: bool | None = None) -> None:
        self.input = input
        self.output = output
        self.echo = (not _isatty(input)) if echo is None else echo
        """Repeat each answer after the prompt when it came from a pipe, so a transcript reads as a dialogue."""

    def say(self, text: str = "") -> None:
        """Write ``text`` (any number of lines), made printable."""
        self.output.write(printable(text) + "\n")
        self.output.flush()

    def lines(self, lines: list[str]) -> None:
        for line in lines:
            self.say(line)

    def ask(self, prompt: str = "") -> str:
        """Show ``prompt``, then read one line (without its line end); raises ``EndOfInput`` at the end."""
        if prompt:
            self.say(prompt)
        self.output.write(PROMPT)
        self.output.flush()
        line = self.input.readline()
        if not line:
            self.output.write("\n")
            self.output.flush()
            raise EndOfInput
        answer = line.rstrip("\r\n")
        if self.echo:
            self.output.write(printable(answer) + "\n")
        self.output.flush()
        return answer.strip()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
