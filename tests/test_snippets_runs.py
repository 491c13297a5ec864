"""Finding the runs of non-space that can hold a URL or a hashtag."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from snippet_strategies import TEXTS

from planner.snippets.runs import runs_holding, runs_holding_general


def test_runs_holding_a_dot_are_whole_runs_with_their_offsets():
    text = "See example.com, a.b\tand\u3000x.y z"
    assert runs_holding(text, ".") == [(4, "example.com,"), (17, "a.b"), (25, "x.y")]


def test_a_run_repeated_earlier_inside_another_run_is_found_at_its_own_place():
    assert runs_holding("xa.b a.b", ".") == [(0, "xa.b"), (5, "a.b")]


def test_an_information_separator_does_not_split_a_run():
    assert runs_holding("a\x1cb.c d", ".") == [(0, "a\x1cb.c")]


@given(TEXTS, st.sampled_from([".", "#", "\uff03", "@"]))
def test_runs_holding_agrees_with_the_regular_expression(text, char):
    assert runs_holding(text, char) == runs_holding_general(text, char)
