"""Where things are in a post's front matter: the title's and each tag's exact place.

The YAML parser keeps no positions in the values it returns, but its node graph
(`yaml.compose`) does: every scalar knows where it starts and ends, whether it is an
item of a block list (`- cars`), of a flow list (`[cars, trucks]`) or a piece of a
comma-separated string (`tags: cars, trucks`). Composing builds no values, so a
YAML alias bomb costs nothing here. Places are 0-based lines and code-point columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import yaml
from frontmatter.default_handlers import YAMLHandler

Place = tuple[int, int, int, int]
"""(start line, start column, end line, end column): 0-based, code points."""

_Loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
PLAIN_SAFE_RE = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^,\[\]{}#:]*")
"""A term that YAML reads back as the same plain string in any list form."""
NULL_TAG = "tag:yaml.org,2002:null"
RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "~"})


class Tag(NamedTuple):
    """One tag as written: its text, where the text is, and where it and its quotes are."""

    text: str
    place: Place
    outer: Place


@dataclass(frozen=True)
class Layout:
    """The front matter of one post, as far as the editor features need it.

    `form` is how the tags are written: "block" (`- item` lines), "flow" (`[a, b]`),
    "comma" (`a, b`), "empty" (`tags:` with nothing), "none" (no tags key) or "other"
    (`tags: ~`, a mapping: nothing the editor should rewrite).
    `insert_at` is where a new tag goes, and `indent` the block items' indent.
    """

    start: int
    end: int
    title: Place | None
    tags_key: Place | None
    tags: tuple[Tag, ...]
    form: str
    insert_at: tuple[int, int]
    indent: str = "- "

    def tag(self, text: str) -> Tag | None:
        """The tag written as `text` (after stripping, as the loader reads it)."""
        return next((t for t in self.tags if t.text == text), None)

    def in_front_matter(self, line: int) -> bool:
        """True for the lines between the two `---` delimiters."""
        return self.start <= line < self.end


def front_matter_lines(lines: list[str]) -> tuple[int, int] | None:
    """(first line inside, closing delimiter line) of the front matter, 0-based."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not YAMLHandler.FM_BOUNDARY.fullmatch(lines[first].rstrip("\r")):
        return None
    for number in range(first + 1, len(lines)):
        if YAMLHandler.FM_BOUNDARY.fullmatch(lines[number].rstrip("\r")):
            return first + 1, number
    return None


def layout(lines: list[str]) -> Layout | None:
    """The layout of the front matter in `lines`, or None when it is missing or not YAML."""
    bounds = front_matter_lines(lines)
    if bounds is None:
        return None
    start, end = bounds
    try:
        root = yaml.compose("\n".join(lines[start:end]), Loader=_Loader)
    except yaml.YAMLError:
        return None
    pairs = root.value if isinstance(root, yaml.MappingNode) else []
    nodes = {k.value: (k, v) for k, v in pairs if isinstance(k, yaml.ScalarNode)}
    title = _place(nodes["title"][1], start) if "title" in nodes else None
    if "tags" not in nodes:
        return Layout(start, end, title, None, (), "none", (end, 0))
    key, value = nodes["tags"]
    key_place = _place(key, start)
    if isinstance(value, yaml.SequenceNode):
        tags = tuple(
            _tag(item, start, lines) for item in value.value if isinstance(item, yaml.ScalarNode)
        )
        if value.flow_style:
            close = _place(value, start)
            return Layout(start, end, title, key_place, tags, "flow", (close[2], close[3] - 1))
        last = value.value[-1] if value.value else value
        indent = " " * value.start_mark.column + "- "
        return Layout(
            start, end, title, key_place, tags, "block", (start + last.end_mark.line + 1, 0), indent
        )
    if not isinstance(value, yaml.ScalarNode) or (value.tag == NULL_TAG and value.value):
        return Layout(start, end, title, key_place, (), "other", key_place[2:])
    if value.value.strip():
        place = _place(value, start)
        return Layout(
            start, end, title, key_place, _comma_tags(value, place, lines), "comma", place[2:]
        )
    line = key_place[2]
    colon = lines[line].find(":", key_place[3])
    return Layout(start, end, title, key_place, (), "empty", (line, colon + 1))


def _place(node: yaml.Node, offset: int) -> Place:
    return (
        offset + node.start_mark.line,
        node.start_mark.column,
        offset + node.end_mark.line,
        node.end_mark.column,
    )


def _tag(node: yaml.ScalarNode, offset: int, lines: list[str]) -> Tag:
    outer = _place(node, offset)
    text = node.value.strip()
    place = outer
    if outer[0] == outer[2]:  # find the text itself, inside any quotes and spaces
        written = lines[outer[0]][outer[1] : outer[3]]
        at = written.find(text) if text else -1
        if at >= 0:
            place = (outer[0], outer[1] + at, outer[0], outer[1] + at + len(text))
    return Tag(text, place, outer)


def _comma_tags(node: yaml.ScalarNode, place: Place, lines: list[str]) -> tuple[Tag, ...]:
    """The pieces of `tags: a, b, c`, each at its own place on the line."""
    if place[0] != place[2] or node.style:
        return tuple(Tag(t.strip(), place, place) for t in node.value.split(",") if t.strip())
    line, col = place[0], place[1]
    found = []
    for match in re.finditer(r"[^,]+", lines[line][col : place[3]]):
        piece = match.group()
        text = piece.strip()
        if text:
            at = col + match.start() + piece.find(text)
            where = (line, at, line, at + len(text))
            found.append(Tag(text, where, where))
    return tuple(found)


def yaml_term(term: str) -> str:
    """`term` as a YAML list item or comma-list piece that reads back as the same text."""
    plain = PLAIN_SAFE_RE.fullmatch(term) and term == term.strip()
    number = re.fullmatch(r"[-+.\d][\d.eE+_:-]*", term)  # would read back as a number
    if plain and not number and term.lower() not in RESERVED:
        return term
    return '"' + term.replace("\\", "\\\\").replace('"', '\\"') + '"'
