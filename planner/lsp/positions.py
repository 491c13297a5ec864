"""Columns as the client counts them.

Python indexes strings by code point; LSP positions count UTF-16 code units unless the
client and server agree on UTF-8 or UTF-32. A character outside the Basic Multilingual
Plane (most emoji) is one code point, two UTF-16 units and four UTF-8 bytes, so a
column after it differs between the three. Conversions are per line and cheap on the
common ASCII line, and stay linear on a 2 MB one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Span:
    """A range of the document: 0-based lines, columns in the client's units."""

    start_line: int
    start_char: int
    end_line: int
    end_char: int

    def contains(self, line: int, char: int) -> bool:
        """True when (line, char) falls inside the span or on either of its ends."""
        return (self.start_line, self.start_char) <= (line, char) <= (self.end_line, self.end_char)

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least a point."""
        return (self.start_line, self.start_char) <= (other.end_line, other.end_char) and (
            other.start_line,
            other.start_char,
        ) <= (self.end_line, self.end_char)


class Lines:
    """A document's lines, converting code-point columns to the client's units and back."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.lines = text.split("\n")
        self.encoding = encoding
        self._astral: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def text(self, line: int) -> str:
        """Line `line` (0-based) without its line break; "" past the end."""
        if 0 <= line < len(self.lines):
            return self.lines[line].removesuffix("\r")
        return ""

    def to_client(self, line: int, col: int) -> int:
        """Code-point column `col` of `line` in the client's units."""
        text = self.text(line)
        col = max(0, min(col, len(text)))
        if self.encoding == UTF32 or text.isascii():
            return col
        if self.encoding == UTF8:
            return len(text[:col].encode("utf-8"))
        return col + bisect.bisect_left(self._astral_at(line), col)

    def from_client(self, line: int, units: int) -> int:
        """The code-point column of client column `units` on `line`."""
        text = self.text(line)
        if self.encoding == UTF32 or text.isascii():
            return max(0, min(units, len(text)))
        if self.encoding == UTF8:
            prefix = text.encode("utf-8")[: max(0, units)]
            return len(prefix.decode("utf-8", errors="ignore"))
        col = units
        for astral in self._astral_at(line):  # each one before the column took two units
            if astral < col:
                col -= 1
        return max(0, min(col, len(text)))

    def span(self, line: int, start: int, end: int, end_line: int | None = None) -> Span:
        """The span from code-point column `start` of `line` to `end` of `end_line`."""
        end_line = line if end_line is None else end_line
        return Span(line, self.to_client(line, start), end_line, self.to_client(end_line, end))

    def rest_of_line(self, line: int, col: int) -> Span:
        """From `col` to the end of `line`'s text; the whole line when nothing is there."""
        text = self.text(line)
        end = len(text.rstrip())
        if col >= end:
            col = len(text) - len(text.lstrip())
        return self.span(line, col, max(end, col))

    def _astral_at(self, line: int) -> list[int]:
        found = self._astral.get(line)
        if found is None:
            found = [m.start() for m in ASTRAL_RE.finditer(self.text(line))]
            self._astral[line] = found
        return found
