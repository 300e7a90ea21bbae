"""Where each key of a TOML document is, found in one pass, so messages can say "line 14".

tomllib reports positions only for syntax errors. This scanner walks the text
once, token by token, following strings (all four kinds, multi-line included),
comments, table and array-of-tables headers, dotted keys, arrays and inline
tables, and records the line of every key path. It also measures how deeply
the document nests, so a depth bomb is refused before any parser recurses into it.

It serves messages only. Where it meets something it cannot follow it stops, and
from then on answers only what it saw for certain: no line rather than a wrong one.
Every pattern is possessive or a plain run, so the time is linear in the text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import field

from clinician_compass.record import record

_SPACE = re.compile(r"[ \t]++")
_COMMENT = re.compile(r"#[^\n]*+")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]++")
_BASIC = re.compile(r'"(?:[^"\\\n]++|\\[^\n])*+"')
_LITERAL = re.compile(r"'[^'\n]*+'")
_ML_BASIC = re.compile(r'"""(?:[^"\\]++|\\.|"{1,2}+(?!"))*+"{3,5}', re.S)
_ML_LITERAL = re.compile(r"'''(?:[^']++|'{1,2}+(?!'))*+'{3,5}", re.S)
_SCALAR = re.compile(r"\d{4}-\d\d-\d\d \d\d:[^\s,\[\]{}#=\"']*+|[^\s,\[\]{}#=\"']++")
"""Numbers, booleans, dates and times (``1979-05-27 07:32:00`` has a space): skipped, never looked into."""

FOLLOWED_DEPTH = 64
"""Past this depth the scanner stops (having recorded it): it recurses too, and such a file is refused anyway."""
_SIMPLE_LINE = re.compile(
    r"""[ \t]*+
    (?: \[ [ \t]*+ (?P<header> [A-Za-z0-9_-]++ (?:[ \t]*+ \. [ \t]*+ [A-Za-z0-9_-]++)*+ ) [ \t]*+ \]
      | (?P<key> [A-Za-z0-9_-]++ (?:[ \t]*+ \. [ \t]*+ [A-Za-z0-9_-]++)*+ ) [ \t]*+ = [ \t]*+
        (?: "[^"\\\n]*+"(?!") | '[^'\n]*+'(?!') | [A-Za-z0-9_+.:-]++ )
    )?
    [ \t]*+ (?:\#[^\n]*+)? (?:\r?\n|\Z)""",
    re.X,
)
"""A whole line in the shapes nearly every line of a policy has (a plain header, ``key = "text"``, a blank
or a comment), matched in one go; anything else takes the token-by-token path."""
_BACKSLASH_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\", "e": "\x1b"}


class _Lost(Exception):
    """The scanner met something it does not follow; what it recorded so far still holds."""


@record
class KeyLines:
    """The line of every key path in one TOML text, and how deeply it nests."""

    explicit: dict[str, int] = field(default_factory=dict)
    """Dotted key path → the line where that key or table header is written."""
    implicit: dict[str, int] = field(default_factory=dict)
    """Tables only named on the way to another (``a`` in ``[a.b]``) → the first line that names them."""
    depth: int = 0
    """The most containers (tables, arrays, inline tables) around any value, the document itself not counted."""
    depth_line: int | None = None
    """Where that depth is first reached."""
    complete: bool = True
    """False when the scanner stopped early: then only keys it saw are answered."""

    def line(self, key_path: str) -> int | None:
        """The line where ``key_path`` is set, or else where the nearest table holding it starts."""
        if not key_path:
            return None
        if key_path in self.explicit:
            return self.explicit[key_path]
        if not self.complete:
            return None  # the key may be in the part not scanned, so any table we name could be wrong
        parts = key_path.split(".")
        for end in range(len(parts), 0, -1):  # itself, named only on the way to another, then its tables
            prefix = ".".join(parts[:end])
            found = self.explicit.get(prefix) or self.implicit.get(prefix)
            if found:
                return found
        return None


@functools.lru_cache(maxsize=1)
def key_lines(text: str) -> KeyLines:
    """Scan ``text`` once; see the module docstring.

    The last answer is kept: reading a policy and then checking it against the guidance ask about the
    same text. ``KeyLines`` is never changed after the scan, so sharing it is safe.
    """
    scanner = _Scanner(text)
    try:
        scanner.document()
    except _Lost:
        scanner.found.complete = False
    return scanner.found


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1
        self.found = KeyLines()

    # --- small steps --------------------------------------------------------------------------

    def peek(self, ahead: int = 0) -> str:
        at = self.pos + ahead
        return self.text[at] if at < len(self.text) else ""

    def take(self, pattern: re.Pattern[str]) -> str | None:
        match = pattern.match(self.text, self.pos)
        if not match:
            return None
        self.line += match.group().count("\n")
        self.pos = match.end()
        return match.group()

    def blank(self, newlines: bool) -> None:
        """Skip spaces and comments, and line breaks too where the grammar allows them."""
        while True:
            self.take(_SPACE)
            if self.peek() == "#":
                self.take(_COMMENT)
            elif newlines and self.newline():
                continue
            else:
                return

    def newline(self) -> bool:
        if self.peek() == "\n":
            self.pos += 1
        elif self.peek() == "\r" and self.peek(1) == "\n":
            self.pos += 2
        else:
            return False
        self.line += 1
        return True

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise _Lost
        self.pos += 1

    def deeper(self, depth: int) -> None:
        if depth > self.found.depth:
            self.found.depth, self.found.depth_line = depth, self.line
            if depth > FOLLOWED_DEPTH:
                raise _Lost

    def record(self, path: list[str], explicit: bool) -> None:
        book = self.found.explicit if explicit else self.found.implicit
        book.setdefault(".".join(path), self.line)

    # --- grammar ------------------------------------------------------------------------------

    def document(self) -> None:
        table: list[str] = []
        base = 0  # containers around the current table's keys
        prefix = ""  # the table's path as a key prefix, "a.b." ("" at the top)
        while self.pos < len(self.text):
            simple = _SIMPLE_LINE.match(self.text, self.pos)
            if simple:
                key = simple["key"]
                if key is not None and "." not in key:  # nearly every line: one bare key in the current table
                    self.found.explicit.setdefault(prefix + key, self.line)
                elif key is not None or simple["header"] is not None:
                    table, base = self.simple_line(simple, table, base)
                self.line += simple.group().endswith("\n")
                self.pos = simple.end()
            else:
                self.take(_SPACE)
                if self.peek() == "[":
                    table, base = self.header()
                else:
                    self.key_value(table, base)
                self.blank(newlines=False)
                if self.pos < len(self.text) and not self.newline():
                    raise _Lost
            prefix = ".".join(table) + "." if table else ""

    def simple_line(self, line: re.Match[str], table: list[str], base: int) -> tuple[list[str], int]:
        """The fast path for a plain header or dotted key: what ``header`` or ``key_value`` would record."""
        if line["header"] is not None:
            table = [part.strip(" \t") for part in line["header"].split(".")]
            for end in range(1, len(table)):
                self.record(table[:end], explicit=False)
            self.record(table, explicit=True)
            base = len(table)
            self.deeper(base)
        else:
            parts = [part.strip(" \t") for part in line["key"].split(".")]
            path = table + parts
            for end in range(len(table) + 1, len(path)):
                self.record(path[:end], explicit=False)
            self.record(path, explicit=True)
            self.deeper(base + len(parts) - 1)
        return table, base

    def header(self) -> tuple[list[str], int]:
        self.pos += 1
        array = self.peek() == "["
        if array:
            self.pos += 1
        self.take(_SPACE)
        parts = self.key()
        self.take(_SPACE)
        self.expect("]")
        if array:
            self.expect("]")
        for end in range(1, len(parts)):
            self.record(parts[:end], explicit=False)
        self.record(parts, explicit=True)
        depth = len(parts) + (1 if array else 0)
        self.deeper(depth)
        return parts, depth

    def key_value(self, table: list[str] | None, base: int) -> None:
        """``key = value``; ``table`` is where it sits, None inside a list, where keys have no plain path."""
        parts = self.key()
        path = None if table is None else table + parts
        if path is not None:
            for end in range(len(table or []) + 1, len(path)):
                self.record(path[:end], explicit=False)
            self.record(path, explicit=True)
        self.take(_SPACE)
        self.expect("=")
        self.take(_SPACE)
        depth = base + len(parts) - 1
        self.deeper(depth)
        self.value(path, depth)

    def key(self) -> list[str]:
        parts = [self.simple_key()]
        while True:
            self.take(_SPACE)
            if self.peek() != ".":
                return parts
            self.pos += 1
            self.take(_SPACE)
            parts.append(self.simple_key())

    def simple_key(self) -> str:
        start = self.peek()
        if start == '"':
            found = self.take(_BASIC)
            if found is None:
                raise _Lost
            return _unescape(found[1:-1])
        if start == "'":
            found = self.take(_LITERAL)
            if found is None:
                raise _Lost
            return found[1:-1]
        found = self.take(_BARE_KEY)
        if found is None:
            raise _Lost
        return found

    def value(self, path: list[str] | None, depth: int) -> None:
        """One value; ``path`` is where it sits (None inside an array), ``depth`` the containers around it."""
        start = self.peek()
        if start == "[":
            self.array(depth + 1)
        elif start == "{":
            self.inline_table(path, depth + 1)
        elif start in "\"'":
            if self.text.startswith(('"""', "'''"), self.pos):
                pattern = _ML_BASIC if start == '"' else _ML_LITERAL
            else:
                pattern = _BASIC if start == '"' else _LITERAL
            if self.take(pattern) is None:
                raise _Lost
        elif self.take(_SCALAR) is None:
            raise _Lost

    def array(self, depth: int) -> None:
        self.pos += 1
        self.deeper(depth)
        while True:
            self.blank(newlines=True)
            if self.peek() == "]":
                self.pos += 1
                return
            self.value(None, depth)
            self.blank(newlines=True)
            if self.peek() == ",":
                self.pos += 1
            elif self.peek() != "]":
                raise _Lost

    def inline_table(self, path: list[str] | None, depth: int) -> None:
        self.pos += 1
        self.deeper(depth)
        self.take(_SPACE)
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            self.take(_SPACE)
            self.key_value(path, depth)
            self.take(_SPACE)
            if self.peek() == "}":
                self.pos += 1
                return
            self.expect(",")


def _unescape(body: str) -> str:
    """A basic string's text with its escapes read, so ``"a\\u0062"`` is the key ``ab`` as tomllib has it."""

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if len(code) > 1:
            return chr(int(code[1:], 16))
        return _ESCAPES.get(code, code)

    return _BACKSLASH_ESCAPE.sub(one, body) if "\\" in body else body
