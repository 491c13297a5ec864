"""Prose scanning stays linear on hostile text and gives the same tokens on normal text."""

from __future__ import annotations

from planner.check.prose import prose_lines, tokens


def test_tokens_keep_what_stands_before_each_word():
    found = [(t.sep, t.text, t.kind) for t in tokens("Hello, M21 -- 1968. $5")]
    assert found == [
        ("", "Hello", "word"),
        (", ", "M21", "code"),
        (" -- ", "1968", "num"),
        (". ", "$", "sym"),
        ("", "5", "num"),
    ]


def test_a_long_run_of_punctuation_without_a_token_gives_none():
    assert tokens(" ." * 50_000 + "_") == []
    assert [t.text for t in tokens("a" + "|" * 50_000 + "b")] == ["a", "b"]


def test_masking_unclosed_tags_links_and_comments_keeps_the_line_length():
    for text in ("<" * 50_000, "](" * 50_000, "x <!-- a --> " + "<!--" * 20_000):
        [line] = prose_lines(text, 1)
        assert len(line.text) == len(text)


def test_an_unclosed_comment_after_a_closed_one_is_masked_to_the_end_of_the_line():
    [line] = prose_lines("a <!-- b --> c <!-- d", 1)
    assert line.text.split() == ["a", "c"]
