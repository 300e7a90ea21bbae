"""A part of the policy drawn as styled text, through the same ``Writer`` calls the exports use.

The Full policy tab used to hand the Markdown export to Textual's ``Markdown`` widget, which
builds a widget for every block: about a second to open her policy. Writing the document
straight into one ``Content`` gives the same words, headings bold, in a single ``Static``;
and her text is never parsed as markup on the way, only made printable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content

from clinician_compass.documents.safe_text import lines_of, one_line, printable
from clinician_compass.documents.writer import Inline, Piece, Writer, spaced
from clinician_compass.tui.text import HEADING, MUTED

INDENT = "\u00a0\u00a0"
"""No-break spaces: a wrapped Static keeps them, where it folds ordinary leading spaces away."""


class ContentWriter(Writer):
    """The plain-text layout (indented entries, • bullets), with headings and labels styled."""

    def __init__(self) -> None:
        self._blocks: list[tuple[Content, bool]] = []
        """(block, tight): a tight block follows the previous one without a blank line."""
        self._indent = ""

    def _join(self, pieces: Sequence[Piece], continuation: str) -> Content:
        out: list[Content] = []
        for piece in pieces:
            if isinstance(piece, Inline):
                ours = printable(piece.txt)  # our own markup, but a link's address came from outside
                out.append(Content.styled(ours, "bold") if piece.strong else Content(ours))
            else:
                out.append(Content(spaced(piece, ("\n" + continuation).join(lines_of(piece)))))
        return Content("").join(out)

    def title(self, text: str) -> None:
        self._indent = ""
        self._blocks.append((Content.styled(one_line(text), f"{HEADING} underline"), False))

    def heading(self, text: str) -> None:
        self._indent = ""
        self._blocks.append((Content.styled(one_line(text), HEADING), False))

    def subsection(self, text: str) -> None:
        self._indent = ""
        self._blocks.append((Content.styled(one_line(text), "bold italic"), False))

    def subheading(self, text: str, *, deeper: bool = False) -> None:
        self._blocks.append((Content.styled(one_line(text), "bold"), False))
        self._indent = INDENT

    def paragraph(self, *pieces: Piece) -> None:
        body = Content(self._indent) + self._join(pieces, self._indent)
        self._blocks.append((body, bool(self._indent)))

    def bullets(self, items: Iterable[Piece | Sequence[Piece]]) -> None:
        rest = self._indent + INDENT
        rows = [
            Content(self._indent + "• ") + self._join((item,) if isinstance(item, (str, Inline)) else item, rest)
            for item in items
        ]
        self._blocks.append((Content("\n").join(rows), bool(self._indent)))

    def quote(self, text: str) -> None:
        rows = [Content.styled(self._indent + line, MUTED) for line in lines_of(text)]
        self._blocks.append((Content("\n").join(rows), bool(self._indent)))

    def content(self) -> Content:
        """Everything written so far, blocks apart by a blank line unless tight (joined once: adding
        to a growing ``Content`` would copy it every time)."""
        pieces: list[Content] = []
        for block, tight in self._blocks:
            if not block.plain.strip():
                continue
            if pieces:
                pieces.append(Content("\n" if tight else "\n\n"))
            pieces.append(block)
        return Content("").join(pieces)

    def text(self) -> str:
        return self.content().plain + "\n"
