"""The YAML of a post's front matter, read into Python values.

`load_front_matter` reads it with PyYAML's safe loader (libyaml's when installed),
set up for posts: dates stay text and a value its tag cannot make is an error at its
line. Most front matter is a few `key: value` lines, though, and for those the
loader's parser costs far more than the reading: `simple_front_matter` reads them
directly. It accepts only lines whose meaning is beyond doubt (a key, then a quoted
string, a plain word or phrase, or a list of those in brackets or as `- item` lines)
and types plain words with the loader's own resolver table, so it returns what the
loader would; anything else (comments, escapes, nesting, anchors, most numbers, odd
characters...) goes to the loader.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml


class FrontMatterLoader(yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML that leaves dates as text, so a bad date is reported at its own line,
    and reports a value its tag cannot make (`!!int` past Python's digit limit, an
    impossible `!!timestamp`) at that value's line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except (ValueError, OverflowError, TypeError, ArithmeticError) as err:
            kind = node.tag.rsplit(":", 1)[-1]
            reason = "too many digits" if "Exceeds the limit" in str(err) else str(err)[:80]
            problem = f"cannot read this {kind} value: {reason}"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_front_matter(text: str) -> Any:
    """The front matter `text` as Python values; raises `yaml.YAMLError` as `yaml.load`."""
    simple = simple_front_matter(text)
    if simple is not None:
        return simple
    return yaml.load(text, Loader=FrontMatterLoader)  # a safe loader: no Python tags


_CONTROLS = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff"
"""Characters left to the loader: control characters, line breaks (YAML also breaks
lines at U+0085, U+2028 and U+2029), lone surrogates and the byte-order mark."""
_QUOTED = rf"\"(?P<dq>[^\"\\{_CONTROLS}]*)\"|'(?P<sq>[^'{_CONTROLS}]*)'"
"""A one-line quoted string without escapes; blanks inside are kept as they are."""
_FIRST = rf"[^ {_CONTROLS}#:,\[\]{{}}?&*!|>'\"%@`\-.~=<\\]"
"""A character that may start a plain scalar anywhere, and is no YAML indicator."""
_BLOCK = rf"[^ {_CONTROLS}#:]"
_BLOCK_PLAIN = rf"{_FIRST}(?:{_BLOCK}|:(?={_BLOCK})| +(?={_BLOCK}))*"
"""A plain scalar after `key: `: no comment, no `: `, no blanks at its end."""
_FLOW = rf"[^ {_CONTROLS}#:,\[\]{{}}?]"
_FLOW_PLAIN = rf"{_FIRST}(?:{_FLOW}| +(?={_FLOW}))*"
"""A plain scalar inside `[...]`, where `,`, `?`, `:` and brackets would end it."""
_ITEM = re.compile(rf"(?:{_QUOTED}|(?P<plain>{_FLOW_PLAIN}))(?:, *(?!$)|$)")
_ENTRY = re.compile(rf"(?P<indent> *)- +(?:{_QUOTED}|(?P<plain>{_BLOCK_PLAIN}))")
_LINE = re.compile(
    rf"(?P<key>[A-Za-z_][A-Za-z0-9_-]*):"
    rf"(?:| +(?:{_QUOTED}|(?P<plain>{_BLOCK_PLAIN})|\[(?P<items>.*)\]))"
)
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_DECIMAL = re.compile(r"0|[1-9][0-9]{0,17}")
"""Whole numbers read as written (others: octal, hexadecimal, `_`, `:`, very long...)."""
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_UNSURE = object()


def simple_front_matter(text: str) -> dict[str, Any] | None:
    """`text` read without the YAML parser when every line is a simple `key: value`
    or an entry of a `- item` list under a bare `key:`, else None (then only the
    loader can say what it means, or what is wrong)."""
    data: dict[str, Any] = {}
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        line = lines[number]
        number += 1
        if not line:
            continue
        match = _LINE.fullmatch(line)
        if match is None:
            return None
        key = _plain(match["key"])
        if not isinstance(key, str) or key in data:
            return None
        value = _value(match)
        entries = []
        bare = line.endswith(":")  # `key:` alone: a `- item` list may follow
        while bare and number < len(lines) and (entry := _ENTRY.fullmatch(lines[number])):
            if entries and entry["indent"] != entries[0]["indent"]:
                return None
            entries.append(entry)
            number += 1
        if entries:
            value = [_value(entry) for entry in entries]
            if _UNSURE in value:
                return None
        if value is _UNSURE:
            return None
        data[key] = value
    return data or None


def _value(match: re.Match[str]) -> Any:
    """The value of a matched line or list item; `_UNSURE` when in doubt."""
    if match["dq"] is not None:
        return match["dq"]
    if match["sq"] is not None:
        return match["sq"]
    if match.re is not _LINE or (items := match["items"]) is None:
        return _plain(match["plain"] or "")
    values: list[Any] = []
    position = 0
    while position < len(items):
        item = _ITEM.match(items, position)
        if item is None or (value := _value(item)) is _UNSURE:
            return _UNSURE
        values.append(value)
        position = item.end()
    return values


def _plain(text: str) -> Any:
    """A plain scalar typed as the loader types it: text, a boolean, null or a short
    decimal whole number, else `_UNSURE` (the rest is left to the loader and its limits)."""
    return _typed(text) if len(text) <= _CACHED_CHARS else _typed.__wrapped__(text)


_CACHED_CHARS = 100
"""Plain scalars up to this length are remembered: keys and tags recur from post to
post, and a bounded cache of short texts stays small."""


@functools.lru_cache(maxsize=4096)
def _typed(text: str) -> Any:
    resolvers = FrontMatterLoader.yaml_implicit_resolvers
    tag = _STR
    for candidate, pattern in (*resolvers.get(text[:1], ()), *resolvers.get(None, ())):
        if pattern.match(text):
            tag = candidate
            break
    if tag == _STR:
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return yaml.constructor.SafeConstructor.bool_values[text.lower()]
    if tag == _INT and _DECIMAL.fullmatch(text):
        return int(text)
    return _UNSURE
