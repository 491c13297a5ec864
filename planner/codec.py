"""Dataclasses to JSON data and back, field by field from their type hints.

The cache stores `Post`s and `Finding`s this way, so a field added to either is stored
and restored with no edit here. Aware datetimes keep their zone by name
(`2026-07-14T09:00:00-04:00[America/New_York]`, as RFC 9557 writes it), so a restored
post is equal to the parsed one, not just at the same instant. A value JSON cannot hold
exactly (a mapping with non-text keys, a date YAML was told to make, bytes, a set) fails
to encode with `ValueError`, and is simply not cached.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

T = TypeVar("T")


class Codec(Generic[T]):
    """JSON data for instances of the dataclass `cls`; the fields named in `given` are
    left out and supplied again when decoding (a post's path is its cache key)."""

    def __init__(self, cls: type[T], given: tuple[str, ...] = ()) -> None:
        hints = typing.get_type_hints(cls)
        fields = [f.name for f in dataclasses.fields(cls) if f.name not in given]
        self.cls = cls
        self.encoders = [(name, encoder(hints[name])) for name in fields]
        self.decoders = [(name, decoder(hints[name])) for name in fields]

    def encode(self, value: T) -> dict[str, Any]:
        """JSON data for `value`; TypeError or ValueError when JSON cannot hold it exactly."""
        return {name: encode(getattr(value, name)) for name, encode in self.encoders}

    def decode(self, data: dict[str, Any], **given: Any) -> T:
        """The instance `data` encodes; KeyError, TypeError or ValueError when it does not."""
        values = {name: decode(data[name]) for name, decode in self.decoders}
        return self.cls(**given, **values)


@functools.cache
def encoder(hint: Any) -> Callable[[Any], Any]:
    """A function from a value of type `hint` to JSON data (worked out once per type)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return _plain
    if origin in (typing.Union, types.UnionType):
        (inner,) = [encoder(arg) for arg in args if arg is not type(None)]
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        item = encoder(args[0])
        return lambda value: [item(x) for x in value]
    if origin in (Mapping, dict):
        entry = encoder(args[1]) if args else _plain
        return lambda value: {_text_key(k): entry(v) for k, v in value.items()}
    if hint is datetime:
        return _iso_datetime
    if hint in (date, Path):
        return lambda value: value.isoformat() if hint is date else str(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return lambda value: value.value
    return lambda value: _typed(value, hint)


def _plain(value: Any) -> Any:
    """`value` itself when it is made only of what JSON holds exactly (what YAML front
    matter gives: text, numbers, booleans, null, lists and text-keyed mappings)."""
    if value is None or type(value) in (str, int, float, bool):
        return value
    if type(value) is list:
        for item in value:
            _plain(item)
        return value
    if type(value) is dict:
        for key, item in value.items():
            _plain(_text_key(key))
            _plain(item)
        return value
    raise ValueError(f"JSON cannot hold a {type(value).__name__} exactly")


def _text_key(key: Any) -> str:
    if type(key) is not str:
        raise ValueError("mapping keys must be text")
    return key


def _iso_datetime(value: datetime) -> str:
    zone = value.tzinfo.key if isinstance(value.tzinfo, ZoneInfo) else ""
    return value.isoformat() + (f"[{zone}]" if zone else "")


@functools.cache
def decoder(hint: Any) -> Callable[[Any], Any]:
    """A function from JSON data to a value of type `hint` (worked out once per type:
    a cache of thousands of posts decodes each field with it)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint is Any:
        return _same
    if origin in (typing.Union, types.UnionType):
        (inner,) = [decoder(arg) for arg in args if arg is not type(None)]
        return lambda data: None if data is None else inner(data)
    if origin is tuple:
        item = decoder(args[0])
        return lambda data: tuple(map(item, _typed(data, list)))
    if origin in (Mapping, dict):
        value = decoder(args[1]) if args else _same
        wrap = dict if origin is dict else types.MappingProxyType
        if value is _same:
            return lambda data: wrap(_typed(data, dict))
        return lambda data: wrap({k: value(v) for k, v in _typed(data, dict).items()})
    if hint is datetime:
        return _datetime
    if hint is date:
        return lambda data: date.fromisoformat(_typed(data, str))
    if hint is Path:
        return lambda data: Path(_typed(data, str))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint is float:
        return lambda data: float(_typed(data, int | float))
    if hint is str:
        return _str
    return lambda data: _typed(data, hint)


def _str(data: Any) -> str:
    if type(data) is not str:
        raise TypeError(f"expected text, found {type(data).__name__}")
    return data


def _same(data: Any) -> Any:
    return data


def _datetime(data: Any) -> datetime:
    text, _, zone = _typed(data, str).partition("[")
    moment = datetime.fromisoformat(text)
    return moment.astimezone(ZoneInfo(zone.rstrip("]"))) if zone else moment


def _typed(data: Any, kind: Any) -> Any:
    if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
        raise TypeError(f"expected {kind}, found {type(data).__name__}")
    return data
