"""The body pre-scan and the shortening of long names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.limits import (
    MAX_INDENT,
    MAX_MARKER_RUN,
    MAX_NAME_CHARS,
    MAX_NESTING,
    MAX_PARAGRAPH_MARKERS,
    first_nesting_problem,
    nesting_problem,
    short_name,
    surely_within_limits,
)

PIECES = ("[", "(", "<", ">", "> ", "](x)", " ", "\t", "*", "_", "*a", "\n", "\n\n", "```\n", "x")
PIECES += ("[\n", "<a\n", "(\n\n", "(\r\n\r\n", "[\n \t\n", "[\n\x0c\n", "\n> ")
LIMITS = (MAX_NESTING, MAX_INDENT, MAX_INDENT // 4, MAX_MARKER_RUN, MAX_PARAGRAPH_MARKERS)
NEAR = sorted({n + d for n in LIMITS for d in (-1, 0, 1, 2)})
NEAR_LIMITS = st.lists(
    st.tuples(st.sampled_from(PIECES), st.integers(0, 3) | st.sampled_from(NEAR)), max_size=8
).map(lambda runs: "".join(piece * times for piece, times in runs))
"""Bodies made of runs of the characters the limits count, often near a limit."""


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


@settings(max_examples=200, deadline=None)
@given(NEAR_LIMITS)
def test_nesting_problem_agrees_with_the_full_scan(body):
    assert nesting_problem(body) == first_nesting_problem(body)


def test_nesting_problem_agrees_with_the_full_scan_at_every_limit():
    for piece in PIECES:
        for times in NEAR:
            body = "Intro.\n" + piece * times + "x"
            assert nesting_problem(body) == first_nesting_problem(body), (piece, times)


@pytest.mark.parametrize(
    "body",
    [
        "A plain paragraph with [a link](https://example.com) and *emphasis*.\n\n> a quote\n",
        "[" * MAX_NESTING + "(" * MAX_NESTING + "<" * MAX_NESTING + ">" * MAX_NESTING,
        "\n" + "\t" * (MAX_INDENT // 4) + "code",
        "\n\n".join(["Text with [a link](https://example.com) and <em>a tag</em>."] * 200),
        "\r\n\r\n".join(["Text with [a link](https://example.com) and <em>a tag</em>."] * 200),
    ],
)
def test_the_quick_check_clears_bodies_within_every_count(body):
    assert surely_within_limits(body)


@pytest.mark.parametrize(
    "body",
    [
        "[" * (MAX_NESTING + 1),
        "> " * (MAX_NESTING + 1),
        "*" * (MAX_MARKER_RUN + 1),
        "\n" + "\t" * (MAX_INDENT // 4 + 1) + "code",
        "*a" * (MAX_PARAGRAPH_MARKERS + 1),
        "[\n" * (MAX_NESTING + 1),
        "[" * MAX_NESTING + "\n```\n\n```\n[",  # fenced code does not end the paragraph
        "[" * MAX_NESTING + "\n~~~\n\n~~~\n[",
    ],
)
def test_the_quick_check_leaves_bodies_past_a_count_to_the_full_scan(body):
    assert not surely_within_limits(body)


def test_short_names_are_kept_as_they_are():
    assert short_name("muncie-m21") == "muncie-m21"


def test_long_names_are_cut_with_a_hash_stable_and_unique():
    first, second = "a" * 300 + "-one", "a" * 300 + "-two"
    assert len(short_name(first)) == MAX_NAME_CHARS
    assert short_name(first) == short_name(first)
    assert short_name(first) != short_name(second)
