"""Turn a TOML file into frozen dataclasses, reporting problems with `file:line`.

`planner.toml` and `audience.toml` are both declared as dataclasses; this module
checks a parsed table against those declarations. Unknown keys become warnings with a
"did you mean" suggestion, wrong types become errors naming the key and its line, and
the default is used instead, so one typo never stops the whole site from loading.

Written by hand because the validation libraries (pydantic, msgspec) report a key path
but not the TOML line it came from, and turn unknown keys into hard errors.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from planner.findings import Finding, Severity

KeyPath = tuple[str | int, ...]
Check = Callable[[Any], str | None]
"""A value check: returns an error message, or None when the value is fine."""


def checked(default: Any, check: Check) -> Any:
    """A dataclass field with a default and a value check run after type conversion."""
    return dataclasses.field(default=default, metadata={"check": check})


def empty_mapping() -> types.MappingProxyType[str, Any]:
    """A new empty read-only mapping: the default of a dataclass field holding a table."""
    return types.MappingProxyType({})


@dataclasses.dataclass
class TomlFile:
    """A parsed TOML file with a map from key paths to the lines they are on."""

    path: Path
    data: dict[str, Any]
    lines: dict[KeyPath, int]

    def line_of(self, key: KeyPath) -> int:
        """The line that defines `key`, or of its nearest enclosing table (1 if none)."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return 1


def read_toml(path: Path, problems: list[Finding]) -> TomlFile | None:
    """Parse `path`; on a syntax error, add a finding and return None."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as err:
        problems.append(_finding(path, 1, 1, "config-syntax", f"not UTF-8 text ({err.reason})"))
        return None
    except OSError as err:
        problems.append(_finding(path, 1, 1, "config-syntax", f"cannot read: {err.strerror}"))
        return None
    return parse_toml(path, text, problems)


def parse_toml(path: Path, text: str, problems: list[Finding]) -> TomlFile | None:
    """Parse TOML `text` read from `path`; on a syntax error, add a finding and return None."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        line, col = _error_position(str(err), text)
        message = re.sub(r"\s*\(at line \d+, column \d+\)|\s*\(at end of document\)", "", str(err))
        problems.append(_finding(path, line, col, "config-syntax", f"invalid TOML: {message}"))
        return None
    except (ValueError, RecursionError) as err:  # tomllib's own limits: digits, nesting
        digits = re.search(r"\d{4000,}", text) if "digits" in str(err) else None
        reason = "a number with too many digits" if digits else "nesting too deep"
        line = text.count("\n", 0, digits.start()) + 1 if digits else 1
        problems.append(_finding(path, line, 1, "config-syntax", f"invalid TOML: {reason}"))
        return None
    return TomlFile(path, data, key_lines(text))


def _error_position(message: str, text: str) -> tuple[int, int]:
    """Where tomllib's message says the error is; "at end of document" is the last line."""
    match = re.search(r"line (\d+), column (\d+)", message)
    if match:
        return int(match[1]), int(match[2])
    if "end of document" in message:
        lines = text.splitlines() or [""]
        return len(lines), len(lines[-1]) + 1
    return 1, 1


_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?")
_KEY = re.compile(rf"^\s*({_DOTTED})\s*=")


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map every table header and key in TOML `text` to its 1-based line number.

    A line scanner, not a parser: `tomllib` keeps no positions. It follows `[table]`
    and `[[array.of.tables]]` headers (array entries get their index in the path) and
    skips the inside of multi-line strings. Only used to point messages at a line.
    """
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    array_counts: dict[KeyPath, int] = {}
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_multiline:
            in_multiline = quotes % 2 == 0
            continue
        if header := _HEADER.match(line):
            name = _split_dotted(header[2])
            if header[1] == "[[":
                index = array_counts.get(name, 0)
                array_counts[name] = index + 1
                lines.setdefault(name, number)
                table = (*name, index)
            else:
                table = name
            lines.setdefault(table, number)
        elif key := _KEY.match(line):
            lines.setdefault((*table, *_split_dotted(key[1])), number)
        in_multiline = quotes % 2 == 1
    return lines


def _split_dotted(dotted: str) -> tuple[str, ...]:
    parts = re.findall(_BARE_OR_QUOTED, dotted)
    return tuple(p[1:-1] if p[0] in "\"'" else p for p in parts)


class Converter:
    """Converts the tables of one TOML file into dataclasses, collecting findings."""

    def __init__(self, source: TomlFile, problems: list[Finding], rule_prefix: str = "config"):
        self.source = source
        self.problems = problems
        self.rule_prefix = rule_prefix

    def build(self, cls: type, table: Any, where: KeyPath) -> Any:
        """An instance of dataclass `cls` from `table`; defaults replace what is wrong."""
        if not isinstance(table, dict):
            self._error(where, f"{_dotted(where)} must be a table, not {_kind(table)}")
            return cls()
        hints = typing.get_type_hints(cls)
        fields = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        for key, raw in table.items():
            if key not in fields:
                self._unknown(where, key, list(fields))
                continue
            value = self.value(hints[key], raw, (*where, key))
            if value is _INVALID:
                continue
            check = fields[key].metadata.get("check")
            message = check(value) if check else None
            if message:
                self._error((*where, key), f"{_dotted((*where, key))}: {message}")
                continue
            values[key] = value
        return cls(**values)

    def value(self, hint: Any, raw: Any, where: KeyPath) -> Any:
        """`raw` converted to type `hint`, or `_INVALID` after reporting why not."""
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if dataclasses.is_dataclass(hint):
            return self.build(hint, raw, where)
        if origin in (types.UnionType, typing.Union):
            return self._union(args, raw, where)
        if origin is typing.Literal:
            if raw in args:
                return raw
            choices = ", ".join(repr(a) for a in args)
            return self._invalid(where, f"must be one of {choices}, not {raw!r}")
        if origin is tuple:
            if not isinstance(raw, list):
                return self._invalid(where, f"must be a list, not {_kind(raw)}")
            items = [self.value(args[0], item, (*where, i)) for i, item in enumerate(raw)]
            return tuple(item for item in items if item is not _INVALID)
        if origin in (dict, Mapping, types.MappingProxyType):
            if not isinstance(raw, dict):
                return self._invalid(where, f"must be a table, not {_kind(raw)}")
            items = {k: self.value(args[1], v, (*where, k)) for k, v in raw.items()}
            return types.MappingProxyType({k: v for k, v in items.items() if v is not _INVALID})
        return self._scalar(hint, raw, where)

    def _union(self, args: tuple[Any, ...], raw: Any, where: KeyPath) -> Any:
        if raw is None and type(None) in args:
            return None
        for arg in args:
            if arg is not type(None) and _matches_scalar(arg, raw):
                return raw
        names = " or ".join(_TYPE_NAMES.get(a, getattr(a, "__name__", str(a))) for a in args)
        return self._invalid(where, f"must be {names}, not {_kind(raw)}")

    def _scalar(self, hint: Any, raw: Any, where: KeyPath) -> Any:
        if _matches_scalar(hint, raw):
            return float(raw) if hint is float else raw
        return self._invalid(where, f"must be {_TYPE_NAMES.get(hint, hint)}, not {_kind(raw)}")

    def _invalid(self, where: KeyPath, message: str) -> Any:
        self._error(where, f"{_dotted(where)} {message}")
        return _INVALID

    def _error(self, where: KeyPath, message: str) -> None:
        line = self.source.line_of(where)
        self.problems.append(
            _finding(self.source.path, line, 1, f"{self.rule_prefix}-invalid", message)
        )

    def _unknown(self, where: KeyPath, key: str, known: list[str]) -> None:
        close = difflib.get_close_matches(key.replace("-", "_"), known, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        if not close and known:
            hint = f" (known keys: {', '.join(sorted(known))})"
        line = self.source.line_of((*where, key))
        self.problems.append(
            _finding(
                self.source.path,
                line,
                1,
                f"{self.rule_prefix}-unknown-key",
                f"unknown key '{_dotted((*where, key))}'{hint}",
                Severity.WARNING,
            )
        )


_INVALID = object()
_TYPE_NAMES = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
}


def _matches_scalar(hint: Any, raw: Any) -> bool:
    if hint is bool:
        return isinstance(raw, bool)
    if hint is int:
        return isinstance(raw, int) and not isinstance(raw, bool)
    if hint is float:
        return isinstance(raw, (int, float)) and not isinstance(raw, bool)
    if hint is Any:
        return True
    return isinstance(hint, type) and isinstance(raw, hint)


def _kind(raw: Any) -> str:
    if isinstance(raw, bool):
        return "a boolean"
    if isinstance(raw, int):
        return "an integer"
    if isinstance(raw, float):
        return "a number"
    if isinstance(raw, str):
        return f"a string ({raw!r})" if len(raw) < 40 else "a string"
    if isinstance(raw, list):
        return "a list"
    if isinstance(raw, dict):
        return "a table"
    return type(raw).__name__


def _dotted(where: KeyPath) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(top level)"


def _finding(
    path: Path,
    line: int,
    col: int,
    rule: str,
    message: str,
    severity: Severity = Severity.ERROR,
) -> Finding:
    return Finding(path, line, col, rule, severity, message)
