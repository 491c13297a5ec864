"""The bounds on what one post may cost, and the scans that enforce them.

Python-Markdown and the checker recurse or backtrack on deeply nested constructs (a
link inside a link inside a link, a list thousands of levels deep), and a file name
has a length limit. These limits are checked when a post is loaded, so every command
(list, check, build, serve, the language server) gets the same finding for the same
file instead of running away on it or failing half way.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from typing import Any, NamedTuple

MAX_NESTING = 100
"""Most levels of `[` brackets or `(` parentheses in a paragraph, of `>` quote markers
on a line, and most `<` in a paragraph with no `>` after them."""
MAX_INDENT = 200
"""Most columns of leading whitespace on a line (nested lists: 50 to 100 levels)."""
MAX_MARKER_RUN = 500
"""Longest run of emphasis marks (`*` or `_`) Python-Markdown is asked to pair up."""
MAX_PARAGRAPH_MARKERS = 20_000
"""Most emphasis marks (`*` and `_`) in one paragraph: pairing them up takes time that
grows with the square of their number."""
MAX_NAME_CHARS = 100
"""Longest slug or tag slug, in characters; longer ones are shortened with a hash so
the file name stays under every file system's 255-byte limit and stays unique."""
MAX_FRONT_MATTER_VALUES = 10_000
"""Most values the front matter may hold once YAML aliases are expanded: an alias
bomb (a few lines that expand to billions of values) is refused, not expanded."""
CHECK_SECONDS = 10.0
"""Time budget for checking one post; a post that takes longer is reported, not waited on."""
RENDER_SECONDS = 10.0
"""Time budget for turning one post's Markdown into HTML."""
HASH_CHARS = 10
"""Hex digits of the hash that ends a shortened name."""

_FENCE = re.compile(r"(`{3,}|~{3,})")
_QUOTES = re.compile(r"^[ \t]*(?:>[ \t]*)+")
_INDENT = re.compile(r"^[ \t]*")
_MARKER_RUN = re.compile(rf"\*{{{MAX_MARKER_RUN + 1},}}|_{{{MAX_MARKER_RUN + 1},}}")
_LONG_RUNS = ("*" * (MAX_MARKER_RUN + 1), "_" * (MAX_MARKER_RUN + 1))
_LONG_INDENT = re.compile(rf"\n[ \t]{{{MAX_INDENT // 4 + 1}}}")
"""A line starting with enough blanks or tabs to be indented past MAX_INDENT columns."""
_BRACKETS = re.compile(r"[\[\]()<>]")
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
"""A line of nothing but blanks, which ends a paragraph."""
_DEEP_QUOTE = re.compile(rf"\n[ \t]*(?:>[ \t]*){{{MAX_NESTING + 1}}}")
"""A line starting with more quote markers than MAX_NESTING."""


class TooDeep(NamedTuple):
    """Where a body first goes past a nesting limit (a line of the body, 1-based)."""

    line: int
    message: str


def nesting_problem(body: str) -> TooDeep | None:
    """The first place `body` nests deeper than the limits allow, or None.

    Most bodies are settled by `surely_within_limits` at a glance; the others get the
    full scan, `first_nesting_problem`.
    """
    return None if surely_within_limits(body) else first_nesting_problem(body)


def surely_within_limits(body: str) -> bool:
    """True when no limit can be passed, judged from counts and searches over the body.

    Each one bounds what the full scan measures (a bracket depth never exceeds the
    openers in its paragraph, which ends at a blank line outside fenced code; a
    paragraph's marks never exceed the body's; a line's indentation never exceeds four
    columns per blank or tab), so True is always right; False only means the full scan
    must look.
    """
    lines = "\n" + body
    if (
        body.count("*") + body.count("_") > MAX_PARAGRAPH_MARKERS
        or any(run in body for run in _LONG_RUNS)
        or _LONG_INDENT.search(lines)
        or _DEEP_QUOTE.search(lines)
    ):
        return False
    if _few_openers(body):
        return True
    if "```" in body or "~~~" in body:  # the scan skips fenced code, blank lines and all
        return False
    return all(map(_few_openers, _BLANK_LINE.split(body)))


def _few_openers(text: str) -> bool:
    """No more `[`, `(` or `<` in `text` than one paragraph may nest."""
    return (
        text.count("[") <= MAX_NESTING
        and text.count("(") <= MAX_NESTING
        and text.count("<") <= MAX_NESTING
    )


def first_nesting_problem(body: str) -> TooDeep | None:
    """The first place `body` nests deeper than the limits allow, or None.

    One linear pass: bracket depth per paragraph, quote depth and indentation per
    line, the longest run of emphasis marks; fenced code is skipped (Markdown does
    not parse inside it).
    """
    depths = dict.fromkeys("[(<", 0)
    markers = 0
    lines = body.split("\n")
    code = _fenced_lines(lines)
    for number, line in enumerate(lines, start=1):
        if number in code:
            continue
        if not line.strip():
            depths = dict.fromkeys("[(<", 0)
            markers = 0
            continue
        quotes = _QUOTES.match(line)
        if quotes and quotes.group().count(">") > MAX_NESTING:
            return TooDeep(number, f"quotes nested more than {MAX_NESTING} levels deep")
        indent = _INDENT.match(line).group().expandtabs(4)  # type: ignore[union-attr]
        if len(indent) > MAX_INDENT:
            return TooDeep(number, f"a line indented more than {MAX_INDENT} columns")
        if _MARKER_RUN.search(line):
            return TooDeep(number, f"a run of more than {MAX_MARKER_RUN} '*' or '_' marks")
        markers += line.count("*") + line.count("_")
        if markers > MAX_PARAGRAPH_MARKERS:
            return TooDeep(
                number, f"more than {MAX_PARAGRAPH_MARKERS} '*' or '_' marks in one paragraph"
            )
        if ("[" in line or "(" in line or "<" in line) and _too_deep(line, depths):
            return TooDeep(
                number,
                f"links, images or tags nested more than {MAX_NESTING} levels deep "
                "(unclosed '[', '(' or '<')",
            )
    return None


def _fenced_lines(lines: list[str]) -> set[int]:
    """The (1-based) numbers of the lines of closed fenced code blocks, fences included.

    As Python-Markdown's fenced_code reads them: a fence of three or more backticks or
    tildes at the start of a line, closed by the same fence; an unclosed one is text.
    """
    closers: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        if line[:3] in ("```", "~~~") and _FENCE.fullmatch(bare := line.rstrip(" \r")):
            closers.setdefault(bare, []).append(index)
    fenced: set[int] = set()
    index = 0
    while index < len(lines):
        opener = _FENCE.match(lines[index])
        if opener:
            later = closers.get(opener.group(1), [])
            at = bisect.bisect_right(later, index)
            if at < len(later):
                fenced.update(range(index + 1, later[at] + 2))
                index = later[at] + 1
                continue
        index += 1
    return fenced


_CLOSERS = {"]": "[", ")": "(", ">": "<"}


def _too_deep(line: str, depths: dict[str, int]) -> bool:
    """Count the line's brackets into `depths`; True once one goes past MAX_NESTING."""
    for char in _BRACKETS.findall(line):
        if char in depths:
            depths[char] += 1
            if depths[char] > MAX_NESTING:
                return True
        elif char in _CLOSERS:
            opener = _CLOSERS[char]
            depths[opener] = 0 if opener == "<" else max(0, depths[opener] - 1)
    return False


CYCLE = -1


def expanded_size(data: Any, limit: int) -> int:
    """How many values `data` holds with every shared (aliased) part counted each time
    it is used; stops counting past `limit`. `CYCLE` when a value contains itself."""
    sizes: dict[int, int] = {}
    open_ids: set[int] = set()

    def size(value: Any) -> int:
        if not isinstance(value, (list, dict, set)):
            return 1
        if id(value) in open_ids:
            raise RecursionError
        if id(value) not in sizes:
            open_ids.add(id(value))
            children = (*value.keys(), *value.values()) if isinstance(value, dict) else value
            total = 1
            for child in children:
                total += size(child) if isinstance(child, (list, dict, set)) else 1
                if total > limit:
                    break
            open_ids.discard(id(value))
            sizes[id(value)] = total
        return sizes[id(value)]

    try:
        total = size(data)
    except RecursionError:  # a cycle, or nesting deeper than Python's stack
        return CYCLE
    return total if total <= limit else limit + 1


def short_name(name: str, limit: int = MAX_NAME_CHARS) -> str:
    """`name`, or when longer than `limit` its start and a hash of the whole of it.

    Stable (the same name always gives the same result) and unique (two long names
    that share their first characters still differ in the hash).
    """
    if len(name) <= limit:
        return name
    digest = hashlib.blake2b(name.encode("utf-8"), digest_size=HASH_CHARS // 2).hexdigest()
    return f"{name[: limit - HASH_CHARS - 1].rstrip('-._')}-{digest}"
