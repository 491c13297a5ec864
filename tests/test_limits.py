"""The body pre-scan and the shortening of long names."""

from __future__ import annotations

import pytest

from planner.limits import (
    MAX_INDENT,
    MAX_MARKER_RUN,
    MAX_NAME_CHARS,
    MAX_NESTING,
    MAX_PARAGRAPH_MARKERS,
    nesting_problem,
    short_name,
)


@pytest.mark.parametrize(
    "body",
    [
        "![" * (MAX_NESTING + 1) + "x",
        "[x](" * (MAX_NESTING + 1),
        "<a " * (MAX_NESTING + 1),
        "> " * (MAX_NESTING + 1) + "quote",
        " " * (MAX_INDENT + 1) + "- item",
        "*" * (MAX_MARKER_RUN + 1) + "x",
        "*a" * (MAX_PARAGRAPH_MARKERS + 1),
    ],
)
def test_bodies_past_a_limit_are_found(body):
    assert nesting_problem("Intro.\n\n" + body) is not None


@pytest.mark.parametrize(
    "body",
    [
        "![" * MAX_NESTING + "x" + "](y)" * MAX_NESTING,
        "[a](b) " * 10_000,
        "a < b > c " * 1000,
        ("[" * 60 + "\n\n") * 5,  # brackets count per paragraph
        "```\n" + "[" * 1000 + "\n```\n",  # code is not parsed
        "*" * 80,  # a rule
    ],
)
def test_ordinary_and_code_bodies_pass(body):
    assert nesting_problem(body) is None


def test_an_unclosed_fence_is_text_and_is_scanned():
    found = nesting_problem("```\nnot code\n\n" + "[" * 1000)
    assert found is not None and found.line == 4


def test_short_names_are_kept_as_they_are():
    assert short_name("muncie-m21") == "muncie-m21"


def test_long_names_are_cut_with_a_hash_stable_and_unique():
    first, second = "a" * 300 + "-one", "a" * 300 + "-two"
    assert len(short_name(first)) == MAX_NAME_CHARS
    assert short_name(first) == short_name(first)
    assert short_name(first) != short_name(second)
