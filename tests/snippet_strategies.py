# ruff: noqa: RUF001 (look-alike punctuation is the test data)
"""Hypothesis strategies for snippet texts: prose with the pieces the counters treat
specially (URLs with and without a scheme, mentions, hashtags, CR LF, every kind of
white space, emoji, combining marks, CJK), in ASCII and in any script."""

from __future__ import annotations

from hypothesis import strategies as st

ASCII_PIECES = [
    "https://example.com/a_(b)",
    "http://t.co/x?y=1&z=2.",
    "example.com",
    "www.example.org/path",
    "sub.example.co.uk/a.",
    "localhost.test",
    "192.168.0.1",
    "https://10.0.0.1:8080/x",
    "a.tv",
    "t.co",
    "foo@bar.com",
    "@user@mastodon.social",
    "@user",
    "#tag",
    "#tag.",
    "##2",
    "#123",
    "$cash.tag",
    "(see example.com/a)",
    "end.",
    "...",
    ".",
    "#",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    " ",
    "\x0b\x0c",
    "\x1c",
    "\x1f",
    "Muncie M21",
]
OTHER_PIECES = [
    "👍🏽",
    "🏳️\u200d🌈",
    "1️⃣",
    "©",
    "©️",
    "🇯🇵",
    "e\u0301",
    "é",
    "日本語",
    "كامارو",
    "\u0600",
    "\u00a0",
    "\u2003",
    "\u2028",
    "\u3000",
    "\u0085",
    "\u200d",
    "\ufe0f",
    "＃タグ",
    "#\ufe0ftag",
    "https://例え.jp/パス",
    "bücher.de",
    "\U0001d4b3",
    "…",
    "\u2014",
    "“quoted”",
    "‼",
    "〽",
    "\xad",
    "\u0915",
    "\u1cf5",
    "\u0915\u094d\u0937",
    "\u1100\u1161\u11a8",
    "한",
    "\u302a",
    "\u3099",
    "ｶﾞ",
    "\uff9e",
    "ﬁ",
    "Å",
]
ASCII_TEXTS = st.lists(
    st.one_of(st.sampled_from(ASCII_PIECES), st.text(st.characters(max_codepoint=127))),
    max_size=30,
).map("".join)
"""ASCII text (CR LF, control characters and information separators included)."""
TEXTS = st.one_of(
    ASCII_TEXTS,
    st.lists(
        st.one_of(
            st.sampled_from(ASCII_PIECES + OTHER_PIECES),
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=8),
        ),
        max_size=30,
    ).map("".join),
)
"""Any text, ASCII half the time (the counters' fast path), else with emoji, marks,
other scripts and every kind of white space."""
