"""Lay a document out once, write it as Markdown or as plain text.

Each part (full policy, patient statement...) describes its content with the
same few calls (title, heading, paragraph, bullets); a ``MarkdownWriter`` or a
``TextWriter`` turns them into text (and the app's own writer into styled text on screen). Any ``str`` handed to a writer is treated
as untrusted: Markdown escapes it so a name like ``*[b]*`` stays literal, and
both writers neutralise control characters. Markup of our own goes in as an
``Inline``.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence

from clinician_compass.documents.graphemes import display_width
from clinician_compass.documents.safe_text import lines_of, one_line
from clinician_compass.record import record


@record(frozen=True)
class Inline:
    """A piece of our own markup: how it reads in Markdown and in plain text."""

    md: str
    txt: str
    strong: bool = False
    """Shown in bold where the face can (a label such as "Why:"), plain where it cannot."""


Piece = str | Inline


def strong(text: str) -> Inline:
    """Bold in Markdown, plain in text: labels such as "In my words:"."""
    return Inline(f"**{escape_markdown(text)}**", one_line(text), strong=True)


def code(text: str) -> Inline:
    """A command to type, such as ``clinician-compass``; our own text only (no backticks)."""
    return Inline(f"`{text}`", text)


def raw(text: str) -> Inline:
    """Text of our own that needs no escaping, such as the citation "[1, 2]"."""
    return Inline(text, text)


def link(url: str) -> Inline:
    """A web address: an autolink in Markdown when it is a plain http(s) URL, text otherwise."""
    if re.fullmatch(r"https?://[^\s<>`\\]+", url):
        return Inline(f"<{url}>", url)
    return Inline(escape_markdown(url), one_line(url))


# Backslash-escaping any ASCII punctuation is always allowed in CommonMark, so we escape
# every character that can start markup anywhere in a line ($ for GitHub's maths, ~ for
# strikethrough, | for tables, & for entities), and at the start of a line also those that
# open lists, headings, quotes or setext underlines.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>#|~&$])")
_LINE_START = re.compile(r"^([-+=>]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """One line of untrusted text, made literal in Markdown."""
    line = _ANYWHERE.sub(r"\\\1", one_line(text))
    match = _LINE_START.match(line)
    if match and match.group(1)[0].isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return _LINE_START.sub(r"\\\1", line)


class Writer(ABC):
    """The calls every part uses to lay itself out."""

    @abstractmethod
    def title(self, text: str) -> None: ...

    @abstractmethod
    def heading(self, text: str) -> None: ...

    @abstractmethod
    def subsection(self, text: str) -> None:
        """A part of a section, such as one of two accounts on a platform; its items go ``deeper``."""

    @abstractmethod
    def subheading(self, text: str, *, deeper: bool = False) -> None: ...

    @abstractmethod
    def paragraph(self, *pieces: Piece) -> None:
        """A block of running text; a ``str`` piece may hold line breaks (a clinician's note)."""

    @abstractmethod
    def bullets(self, items: Iterable[Piece | Sequence[Piece]]) -> None: ...

    @abstractmethod
    def quote(self, text: str) -> None:
        """Text to copy as it is: a reply script or a profile line."""

    @abstractmethod
    def text(self) -> str:
        """Everything written so far, ending in exactly one newline."""


def _pieces(item: Piece | Sequence[Piece]) -> Sequence[Piece]:
    return (item,) if isinstance(item, (str, Inline)) else item


def spaced(piece: str, body: str) -> str:
    """``body`` with the single space the caller put before or after ``piece`` kept."""
    lead = " " if piece[:1].isspace() else ""
    tail = " " if piece[-1:].isspace() and (body or not lead) else ""
    return lead + body + tail


class MarkdownWriter(Writer):
    """CommonMark with nothing a renderer could mistake for markup in the clinician's text."""

    def __init__(self) -> None:
        self._blocks: list[str] = []

    def _join(self, pieces: Sequence[Piece], continuation: str = "") -> str:
        out = []
        for piece in pieces:
            if isinstance(piece, Inline):
                out.append(piece.md)
            else:
                # A backslash before the newline is CommonMark's hard line break.
                body = ("\\\n" + continuation).join(escape_markdown(line) for line in lines_of(piece))
                out.append(spaced(piece, body))
        return "".join(out)

    def title(self, text: str) -> None:
        self._blocks.append("# " + escape_markdown(text))

    def heading(self, text: str) -> None:
        self._blocks.append("## " + escape_markdown(text))

    def subsection(self, text: str) -> None:
        self._blocks.append("### " + escape_markdown(text))

    def subheading(self, text: str, *, deeper: bool = False) -> None:
        self._blocks.append(("#### " if deeper else "### ") + escape_markdown(text))

    def paragraph(self, *pieces: Piece) -> None:
        self._blocks.append(self._join(pieces))

    def bullets(self, items: Iterable[Piece | Sequence[Piece]]) -> None:
        self._blocks.append("\n".join("- " + self._join(_pieces(item), "  ") for item in items))

    def quote(self, text: str) -> None:
        self._blocks.append("\n".join("> " + escape_markdown(line) for line in lines_of(text)))

    def text(self) -> str:
        return "\n\n".join(b for b in self._blocks if b) + "\n"


class TextWriter(Writer):
    """Plain text with no Markdown syntax: underlined headings, indented entries, • bullets."""

    def __init__(self) -> None:
        self._blocks: list[tuple[str, bool]] = []
        """(text, tight): a tight block follows the previous one without a blank line."""
        self._indent = ""

    def _join(self, pieces: Sequence[Piece], continuation: str) -> str:
        out = []
        for piece in pieces:
            if isinstance(piece, Inline):
                out.append(piece.txt)
            else:
                out.append(spaced(piece, ("\n" + continuation).join(lines_of(piece))))
        return "".join(out)

    def _underlined(self, text: str, mark: str) -> None:
        line = one_line(text)
        self._indent = ""
        self._blocks.append((f"{line}\n{mark * display_width(line)}", False))

    def title(self, text: str) -> None:
        self._underlined(text, "=")

    def heading(self, text: str) -> None:
        self._underlined(text, "-")

    def subsection(self, text: str) -> None:
        self._underlined(text, "~")

    def subheading(self, text: str, *, deeper: bool = False) -> None:
        self._blocks.append((one_line(text), False))
        self._indent = "  "

    def paragraph(self, *pieces: Piece) -> None:
        self._blocks.append((self._indent + self._join(pieces, self._indent), bool(self._indent)))

    def bullets(self, items: Iterable[Piece | Sequence[Piece]]) -> None:
        lead, rest = self._indent + "• ", self._indent + "  "
        lines = [lead + self._join(_pieces(item), rest) for item in items]
        self._blocks.append(("\n".join(lines), bool(self._indent)))

    def quote(self, text: str) -> None:
        self._blocks.append(("\n".join(self._indent + line for line in lines_of(text)), bool(self._indent)))

    def text(self) -> str:
        out = ""
        for text, tight in self._blocks:
            if not text.strip():
                continue
            out += ("\n" if tight else "\n\n") + text if out else text
        return out + "\n"


def writer_for(format: str) -> Writer:
    if format == "md":
        return MarkdownWriter()
    if format == "txt":
        return TextWriter()
    raise ValueError(f"no text writer for {format!r}")
