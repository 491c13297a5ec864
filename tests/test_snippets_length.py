# ruff: noqa: RUF001, RUF003 (look-alike punctuation and letters are the test data)
"""Counting as each platform counts: X against twitter-text's conformance data, the others
against their documented rules, and hand-checked edge cases."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from snippet_strategies import TEXTS

from planner.snippets.length import (
    SINGLE_CLUSTERS,
    grapheme_length,
    graphemes,
    is_emoji,
    mastodon_length,
    mastodon_length_general,
    threads_length,
    utf8_length,
    utf16_length,
    x_length,
    x_length_general,
)

ZWJ = "\u200d"
FAMILY = ZWJ.join("👨👩👧👦")  # man, woman, girl, boy joined: one emoji
SINGER = "👨" + ZWJ + "🎤"
ENGLAND = "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
POEM = (
    "故人西辞黄鹤楼，烟花三月下扬州。孤帆远影碧空尽，唯见长江天际流。朱雀桥边野草花，乌衣巷口夕阳斜。"
    "旧时王谢堂前燕，飞入寻常百姓家。朝辞白帝彩云间，千里江陵一日还。两岸猿声啼不住，轻舟已过万重山。"
    "泪湿罗巾梦不成，夜深前殿按歌声。红颜未老恩先断，斜倚薰笼坐到明。独在异乡为异客，每逢佳节倍思亲。"
    "遥知兄弟登高处，遍插茱萸少一人。"
)
DASHES = "xxxxxxxxxx-" * 24
KANA = "あいうえおかきくけこ" * 12
LONG_LABEL = "somesuperlongurl" * 249

# twitter/twitter-text conformance/tests/validate.yml, WeightedTweetsWithDiscountedEmojiCounterTest
# (the v3 counter: config/v3.json), and the ASCII cases of its `lengths` section (counted there
# with the v1 configuration, where every character weighs 1; for ASCII v3 agrees):
# (description, text, weightedLength).
# The file writes ZWJ sequences and tag sequences invisibly; they are spelled out here. Its
# 12,076-character URL case is three URLs whose first label is "somesuperlongurl" repeated
# (747 repeats in all), too long for DNS, so they count as text.
CONFORMANCE = [
    ("Regular Tweet with url", "Hi http://test.co", 26),
    ("Just url", "http://test.co", 23),
    ("Long tweet, overflow at char index 280", "285 chars-" + DASHES + "x" * 10 + "-", 285),
    (
        "Long tweet with url in the middle",
        "285 chars- http://www.twitter.com/jack " + "xxxxxxxxxx-" * 24,
        299,
    ),
    ("Long tweet with url at the end", DASHES + " http://www.twitter.com/jack ", 289),
    ("10 url string, no overflow", "https://www.twitter.com/aloha " * 10, 240),
    ("160 CJK char, overflow at char index 140", POEM, 320),
    ("160 emoji char, overflow at char index 140", "😷" * 160, 320),
    ("3 latin char + 160 CJK char", "the" + POEM, 323),
    ("'Á' is normalized into 1 char", "A\u0301B", 2),
    ("שּׁ is normalized into 3 chars", "A\ufb2c", 4),
    (
        "282 chars with a normalized character within valid range but outside 280",
        "282 chars-" + DASHES + "xxxxxA\u0301x",
        281,
    ),
    (
        "Count a mix of single byte single word, and double word unicode characters",
        "H🐱☺" + FAMILY,
        7,
    ),
    ("Count unicode emoji chars inside the basic multilingual plane", "😷👾😡🔥💩", 10),
    ("Count unicode emoji chars outside the BMP with skin tone modifiers", "🙋🏽" + SINGER, 4),
    (
        "Handle General Punctuation Characters with visible spaces(u2000-200A), no ZWJ/ZWNJ",
        "This is a tweet with general punctuation characters: "
        "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b "
        "‐ ‑ ‒ – — ― ‖  ‗ ‘ ’ ‚ ‛ “ ” „ ‟ ′ ″ ‴ ‵ ‶ ‷",
        110,
    ),
    (
        "Handle long url with invalid domain labels and short url",
        "Long url with invalid domain labels and a short url: "
        + " ".join([f"https://{LONG_LABEL}.com/foo"] * 3)
        + " https://validurl.com",
        12079,
    ),
    (
        "Handle a 64 character domain without protocol",
        "randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com",
        68,
    ),
    (
        "Do not allow > 140 CJK characters by virtue of CJK chars greater than 63 punycode "
        "encoded chars in the host",
        KANA + " http://" + "あいうえおかきくけこ" * 5 + "あいう.com",
        358,
    ),
    (
        "Allow > 140 CJK characters by virtue of CJK chars less than 63 punycode encoded "
        "chars in the host",
        KANA + " http://" + "あいうえおかきくけこ" * 5 + "あい.com",
        264,
    ),
    ("140 family emoji", FAMILY * 140, 280),
    ("Unicode 10.0 emoji", f"Unicode 10.0 emoji: 🤪; 🧕; 🧕🏾; {ENGLAND}", 34),
    ("Unicode 9.0 emoji", "Unicode 9.0 emoji: 🤠; 💃; 💃🏾", 29),
    ("Handle invalid characters", "ABC\u202a\uffffABC\ufffe", 12),
    (
        "Tweet text containing directional characters should be considered valid",
        "\u2066\u202ahttp://foobar.پاکستان/\u202c\u2069",
        31,
    ),
    ("Count the number of characters", "This is a test.", 15),
    ("Count a URL starting with http:// as 23 characters", "http://test.com", 23),
    ("Count a URL starting with https:// as 23 characters", "https://test.com", 23),
    ("Count a URL without protocol as 23 characters", "test.com", 23),
    (
        "Count multiple URLs correctly",
        "Test https://test.com test https://test.com test.com test",
        86,
    ),
]


def test_the_long_url_case_has_the_conformance_files_length():
    text = next(t for d, t, _ in CONFORMANCE if d.startswith("Handle long url"))
    assert len(text) == 12076  # displayRangeEnd 12075 in validate.yml


@pytest.mark.parametrize(
    ("description", "text", "expected"), CONFORMANCE, ids=lambda v: str(v)[:40]
)
def test_x_length_matches_twitter_text_conformance(description, text, expected):
    assert x_length(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👍🏿", 2),  # skin tone: one emoji
        ("👩🏽" + ZWJ + "🚒", 2),  # skin tone inside a ZWJ sequence
        ("🏳️" + ZWJ + "🌈", 2),  # rainbow flag: VS16 and ZWJ
        ("🇯🇵🇫🇷", 4),  # two regional-indicator flags
        ("1️⃣", 2),  # keycap
        ("©", 1),  # text-style pictograph in the Latin range
        ("©️", 2),  # the same with emoji presentation
        ("e\u0301", 1),  # decomposed é: NFC makes one character
        ("q\u0307\u0323", 3),  # combining marks with no precomposed form weigh 1 each
        ("カマロ", 6),  # katakana: 2 each
        ("저찀쯿쿿", 8),  # Hangul: 2 each in v3 (validate.yml's v1 `lengths` case says 4)
        ("Camaro 1968", 11),
        ("كامارو ١٩٦٨", 11),  # Arabic letters and digits are in U+0000–10FF
        ("עמוד \u200f", 7),  # Hebrew and a right-to-left mark (U+200F weighs 2)
        ("…", 2),  # U+2026 is outside the light ranges
        ("“quoted”", 8),
    ],
)
def test_x_length_of_hand_checked_text(text, expected):
    assert x_length(text) == expected


def test_x_counts_a_url_with_parentheses_as_23():
    text = "(see https://en.wikipedia.org/wiki/Camaro_(first_generation))"
    assert x_length(text) == len("(see ") + 23 + len(")")


def test_x_counts_a_url_without_a_scheme_with_a_path_as_23():
    assert x_length("norwood-road.example.com/posts/m21/") == 23


def test_x_does_not_count_a_country_domain_without_path_as_a_url():
    assert x_length("norwood.jp") == 10


def test_mastodon_counts_graphemes_with_urls_as_23():
    text = "Our M21 👍🏿 " + "https://norwood-road.example.com/posts/a-very-long-slug-indeed/"
    assert mastodon_length(text) == len("Our M21 ") + 2 + 23


def test_mastodon_counts_a_zwj_family_as_one():
    assert mastodon_length(FAMILY) == 1


def test_mastodon_does_not_shorten_a_url_without_a_scheme():
    assert mastodon_length("example.com/a/b") == 15


def test_mastodon_counts_a_remote_mention_by_its_local_part():
    assert mastodon_length("@ray@norwood.example.social hi") == len("@ray hi")


def test_bluesky_counts_graphemes_and_bytes():
    text = "🇯🇵 カマロ é"
    assert grapheme_length(text) == 7
    assert utf8_length(text) == 8 + 1 + 9 + 1 + 2


def test_threads_counts_an_emoji_as_its_utf8_bytes():
    assert threads_length("M21 👍🏿") == 4 + 8
    assert threads_length(FAMILY) == 25


def test_threads_counts_an_empty_text_as_nothing():
    assert threads_length("") == 0


def test_utf16_length_counts_astral_characters_twice():
    assert utf16_length("a😷𝐁") == 5


@pytest.mark.parametrize(
    ("cluster", "expected"),
    [
        *((c, True) for c in ["😷", "🇯🇵", "👍🏿", FAMILY, "1️⃣", "©️", ENGLAND]),
        *((c, False) for c in ["a", "©", "é", "カ", "1", "#"]),
    ],
)
def test_is_emoji(cluster, expected):
    assert is_emoji(cluster) is expected


@given(TEXTS)
def test_x_length_is_the_general_count_cluster_by_cluster(text):
    assert x_length(text) == x_length_general(text)


@given(TEXTS)
def test_mastodon_length_is_the_general_count(text):
    assert mastodon_length(text) == mastodon_length_general(text)


@given(TEXTS.filter(bool))
def test_threads_length_counts_each_cluster_as_the_rule_says(text):
    expected = sum(utf8_length(c) if is_emoji(c) else len(c) for c in graphemes(text))
    assert threads_length(text) == expected


@given(TEXTS)
def test_utf8_length_is_the_encoded_length(text):
    assert utf8_length(text) == len(text.encode("utf-8"))


@given(TEXTS)
def test_utf16_length_is_the_number_of_code_units(text):
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2


@given(TEXTS)
def test_grapheme_length_is_the_number_of_clusters(text):
    assert grapheme_length(text) == len(graphemes(text))


def test_every_character_counted_alone_is_a_grapheme_cluster_next_to_the_others():
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    lone = [c for c in everything if SINGLE_CLUSTERS.fullmatch(c)]
    shuffled = random.Random(1).sample(lone, len(lone))
    texts = [*(r.join(lone) for r in ("a", "\r", "\n", "…", "あ", "一")), "".join(shuffled)]
    for text in (*texts, "".join(reversed(lone))):
        assert len(graphemes(text)) == len(text) - text.count("\r\n")
