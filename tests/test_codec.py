"""Dataclasses to JSON and back: every field of `Post` and `Finding` survives the cache.

The strategies are built from the dataclasses' own fields and type hints, so a field
added to `Post` is generated (and must round-trip) with no edit here.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import types
import typing
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.codec import Codec
from planner.content import Post
from planner.findings import Finding

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)
"""What YAML front matter can hold and JSON can store exactly."""


def strategy(hint: Any) -> st.SearchStrategy:
    """Values of the type `hint`, as a dataclass field of that type holds them."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return JSON_VALUES
    if hint is type(None):
        return st.none()
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(strategy(arg) for arg in args))
    if origin is tuple:
        return st.lists(strategy(args[0]), max_size=4).map(tuple)
    if origin is Mapping:
        values = st.dictionaries(st.text(), strategy(args[1]), max_size=4)
        return values.map(types.MappingProxyType)
    if hint is datetime:
        return st.datetimes(
            min_value=datetime(1900, 1, 1),
            max_value=datetime(2200, 1, 1),
            timezones=st.timezones(),
            allow_imaginary=False,
        )
    if hint is Path:
        return st.text(min_size=1).map(Path)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint))
    return st.from_type(hint)


def instances(cls: type) -> st.SearchStrategy:
    hints = typing.get_type_hints(cls)
    fields = {f.name: strategy(hints[f.name]) for f in dataclasses.fields(cls)}
    return st.builds(cls, **fields)


def through_json(codec: Codec, value: Any) -> Any:
    text = json.dumps(codec.encode(value))
    return codec.decode(json.loads(text), path=value.path)


POSTS = Codec(Post, given=("path",))
FINDINGS = Codec(Finding, given=("path",))


@given(instances(Post))
def test_every_post_field_round_trips(post: Post) -> None:
    assert through_json(POSTS, post) == post


@given(instances(Finding))
def test_every_finding_field_round_trips(finding: Finding) -> None:
    assert through_json(FINDINGS, finding) == finding


@given(instances(Post))
def test_a_restored_date_keeps_its_zone(post: Post) -> None:
    restored = through_json(POSTS, post)
    assert restored.date == post.date
    assert getattr(restored.date, "tzinfo", None) == getattr(post.date, "tzinfo", None)


def test_a_field_added_to_post_round_trips_with_no_codec_change() -> None:
    extended = dataclasses.make_dataclass(
        "ExtendedPost",
        [("series", tuple[str, ...], dataclasses.field(default=()))],
        bases=(Post,),
        frozen=True,
    )
    post = extended(path=Path("a.md"), title="T", slug="t", body="B", series=("one", "two"))
    assert through_json(Codec(extended, given=("path",)), post) == post


@pytest.mark.parametrize("value", [{1: "one"}, datetime(2026, 1, 1), ("a", "b"), b"x"])
def test_front_matter_json_cannot_hold_exactly_is_refused(value: Any) -> None:
    post = Post(Path("a.md"), "T", "t", "", meta=types.MappingProxyType({"x": value}))
    with pytest.raises(ValueError):
        POSTS.encode(post)
