from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.text import (
    TermMatcher,
    normalize_term,
    paragraph_lines,
    paragraph_text,
    prose_lines,
    tokens,
)


def kinds(text):
    return [(t.text, t.kind) for t in tokens(text)]


def test_words_numbers_codes_and_symbols():
    assert kinds("The Muncie M21 has a 2.20 first gear, $450 and 3/8 in.") == [
        ("The", "word"),
        ("Muncie", "word"),
        ("M21", "code"),
        ("has", "word"),
        ("a", "word"),
        ("2.20", "num"),
        ("first", "word"),
        ("gear", "word"),
        ("$", "sym"),
        ("450", "num"),
        ("and", "word"),
        ("3/8", "num"),
        ("in", "word"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hydra-Matic", [("Hydra-Matic", "word")]),
        ("owner's", [("owner's", "word")]),
        ("12-bolt", [("12-bolt", "code")]),
        ("tag-029", [("tag-029", "code")]),
        ("Hydra-Matic-400", [("Hydra-Matic-400", "code")]),
        ("1960s", [("1960s", "code")]),
        ("1968-69", [("1968", "num"), ("69", "num")]),
        ("Z/28", [("Z", "word"), ("28", "num")]),
    ],
)
def test_letters_and_digits_joined_by_hyphens_are_one_code(text, expected):
    assert kinds(text) == expected


def test_a_capital_after_a_sentence_break_opens_a_sentence():
    opens = [(t.text, t.opens) for t in tokens('Done. "Then the Muncie')]
    assert opens == [("Done", True), ("Then", True), ("the", False), ("Muncie", False)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ1-'./ _$%\n\u2019é", max_size=40))
def test_tokens_are_substrings_in_order(text):
    at = 0
    for token in tokens(text):
        found = text.find(token.sep + token.text, at)
        assert found >= 0
        at = found + len(token.sep + token.text)


def test_normalize_term_ignores_case_hyphens_and_plural():
    assert normalize_term("Rally-Wheels") == normalize_term("rally wheel")
    assert normalize_term("  Cowl   Tags ") == "cowl tag"
    assert normalize_term("glass") == "glass"
    assert normalize_term("Z/28") == "z/28"


def test_matcher_counts_whole_words_leniently():
    matcher = TermMatcher(["Muncie M21", "rally wheels", "M2", "Z/28"])
    text = (
        "The Muncie M21 (a close-ratio Muncie-M21) is not an M210. Rally-wheels; one rally wheel."
    )
    counts = matcher.count(tokens(text))
    assert counts["Muncie M21"] == 2
    assert counts["rally wheels"] == 2
    assert counts["M2"] == 0
    assert matcher.count(tokens("Our Z/28 and a Z28"))["Z/28"] == 1


def test_matcher_counts_every_spelling_of_one_term():
    counts = TermMatcher(["SS 396", "ss-396"]).count(tokens("An SS 396 car"))
    assert counts == {"SS 396": 1, "ss-396": 1}


TEXT_PARTS = ["Muncie", "muncie", "M21", "m21s", "-", "_", " ", "x", "/", "İ", "ß", "rally"]
TEXT_PARTS += ["Rally", "wheel", "wheels", ".", "\n", "`"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(TEXT_PARTS),
        max_size=30,
    ),
    st.sampled_from(["Muncie M21", "M21", "rally wheels", "Rally-Wheel", "ß", "x"]),
)
def test_the_prefilter_never_hides_a_mention(parts, term):
    text = "".join(parts)
    matcher = TermMatcher([term])
    assert matcher.count_text(text) == matcher.count(tokens(text))


def test_prose_lines_blank_code_links_and_comments_in_place():
    body = "A [link](https://x.example/m21) and `M21`.\n```\nM21\n```\n<!-- M21 -->"
    lines = prose_lines(body, 10)
    assert [line.number for line in lines] == [10, 11, 12, 13, 14]
    assert lines[0].text == "A [link]" + " " * 23 + " and " + " " * 5 + "."
    assert "M21" not in "".join(line.text for line in lines)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*TEXT_PARTS, "Muncie M21", "Rally Wheels"]), max_size=40),
    st.sampled_from(["Muncie M21", "M21", "rally wheels", "Rally-Wheel", "ß", "x"]),
)
def test_prose_is_counted_as_its_paragraphs_are(parts, term):
    body = "".join(parts)
    matcher = TermMatcher([term])
    expected = Counter()
    for lines in paragraph_lines(prose_lines(body, 1)):
        expected.update(matcher.count(tokens(paragraph_text(lines))))
    assert matcher.count_prose(body) == expected


# Hostile text: scanning stays linear.
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
