"""Columns in the client's units: UTF-16 by default, UTF-8 and UTF-32 when agreed."""

from __future__ import annotations

from planner.lsp.positions import UTF8, UTF16, UTF32, Lines, Span

TEXT = "tags: [😀 x, cars]\nplain ascii line\ncafé cars"


def test_ascii_columns_are_unchanged():
    assert Lines(TEXT).to_client(1, 6) == 6


def test_a_character_beyond_the_bmp_counts_two_utf16_units():
    lines = Lines(TEXT, UTF16)
    assert lines.to_client(0, 13) == 14  # 'cars' starts at code point 13


def test_utf8_columns_count_bytes():
    assert Lines(TEXT, UTF8).to_client(0, 13) == 16
    assert Lines(TEXT, UTF8).to_client(2, 5) == 6  # 'é' is two bytes


def test_utf32_columns_are_code_points():
    assert Lines(TEXT, UTF32).to_client(0, 13) == 13


def test_client_columns_convert_back_to_code_points():
    for encoding in (UTF8, UTF16, UTF32):
        lines = Lines(TEXT, encoding)
        for line in range(3):
            for col in range(len(lines.text(line)) + 1):
                assert lines.from_client(line, lines.to_client(line, col)) == col


def test_columns_past_the_end_of_a_line_are_clamped():
    assert Lines("ab\ncd").to_client(0, 99) == 2


def test_a_crlf_line_ending_is_not_part_of_the_line():
    assert Lines("abc\r\ndef").text(0) == "abc"


def test_rest_of_line_spans_from_the_column_to_the_last_non_blank():
    assert Lines("  some words  ").rest_of_line(0, 7) == Span(0, 7, 0, 12)


def test_rest_of_line_at_the_end_spans_the_whole_line():
    assert Lines("  some words").rest_of_line(0, 12) == Span(0, 2, 0, 12)


def test_span_contains_its_ends_and_not_beyond():
    span = Span(1, 4, 1, 8)
    assert span.contains(1, 4) and span.contains(1, 8)
    assert not span.contains(1, 9) and not span.contains(0, 5)


def test_spans_overlap_when_they_share_a_point():
    assert Span(1, 4, 1, 8).overlaps(Span(1, 8, 1, 8))
    assert not Span(1, 4, 1, 8).overlaps(Span(2, 0, 2, 1))
