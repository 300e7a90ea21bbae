"""Textual's stylesheet, parsed again only when what it is parsed from has changed.

Textual refreshes the CSS each time a mode shows its first screen (textual#5211, "could be improved
by avoiding a CSS refresh when not strictly required"). A refresh sets the variables and re-parses
every source from scratch, in a fresh stylesheet that has none of the old one's cache: about 15 ms
each time here, twice before the first screen is drawn, and again whenever a mode is rebuilt. The
rules are a function of the sources and the variables alone, so when both are what the last parse
saw, the rules it made are the rules a re-parse would make.
"""

from __future__ import annotations

from textual.css.stylesheet import CssSource, Stylesheet
from textual.css.types import CSSLocation


class KeptStylesheet(Stylesheet):
    """A ``Stylesheet`` that skips a re-parse, and the reset of its caches, when nothing has changed."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._parsed_from: tuple[dict[CSSLocation, CssSource], dict[str, str]] | None = None
        """The sources and variables the current rules were parsed from (None: not parsed yet)."""

    def set_variables(self, variables: dict[str, str]) -> None:
        if variables != self._variables:  # the same values: the parse caches still hold
            super().set_variables(variables)

    def parse(self) -> None:
        super().parse()
        self._parsed_from = (dict(self.source), dict(self._variables))

    def reparse(self) -> None:
        if self._parsed_from == (self.source, self._variables) and not self._require_parse:
            return
        super().reparse()
        self._parsed_from = (dict(self.source), dict(self._variables))
