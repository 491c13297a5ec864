"""How long a text is for each platform, counted the way the platform counts it.

Each counter cites the platform's own rule; docs/snippets.md explains them for users.
The twitter-text ports on PyPI (`twitter-text-python`, `twitter-text`) are
unmaintained and predate the v3 weights and emoji counting, so X's rule is written
here from twitter-text's published configuration and tested against its
conformance data (tests/test_snippets_length.py).
"""

from __future__ import annotations

import re
import unicodedata

import regex

from planner.snippets.autolink import url_spans

URL_LENGTH = 23
"""X and Mastodon count every URL as this many characters (t.co's length)."""

X_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
"""twitter-text config/v3.json `ranges`: code points that weigh 100 (one character);
everything else weighs `defaultWeight` 200 (two characters), scale 100."""

_GRAPHEME = regex.compile(r"\X")
_PRESENTED = regex.compile(r"\p{Emoji_Presentation}|\p{Regional_Indicator}")
_PICTOGRAPHIC = regex.compile(r"\p{Extended_Pictographic}")
_EMOJI_PARTS = regex.compile(r"[\uFE0F\u200D\p{Emoji_Modifier}]")
_KEYCAP = "\u20e3"
_EMOJI_CAPABLE = regex.compile(
    r"[\p{Emoji_Presentation}\p{Regional_Indicator}\p{Extended_Pictographic}\u20e3]"
)
"""What `is_emoji` looks for: in a text without any of these no cluster is an emoji."""
_X_HEAVY = re.compile(
    "[^" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in X_LIGHT_RANGES) + "]"
)
"""A character X weighs 2."""
SINGLE_CLUSTERS = re.compile(
    "[\x00-\u02ff\u2010-\u2027\u2030-\u205e\u3001-\u3029\u3030-\u303f\u3041-\u3096"
    "\u30a0-\u30ff\u4e00-\u9fff\uff01-\uff60]*"
)
"""Text of ASCII, Latin, general punctuation, CJK punctuation, kana, common ideographs and
fullwidth forms: none of these extends, joins, is prepended, is Hangul or a regional
indicator, so each is a grapheme cluster on its own but CR LF (as the regex module's \\X
finds them: tests/test_snippets_length.py checks every one of them)."""
_MASTODON_MENTION = regex.compile(r"(?<![\w/])@(\w+(?:[.-]+\w+)*)@[\w.-]+\w", regex.ASCII)


def graphemes(text: str) -> list[str]:
    """The user-perceived characters (Unicode extended grapheme clusters) of `text`."""
    return _GRAPHEME.findall(text)


def _grapheme_count(text: str) -> int:
    """len(graphemes(text)), quickly for text where only CR LF joins two characters."""
    if text.isascii() or SINGLE_CLUSTERS.fullmatch(text):
        return len(text) - text.count("\r\n")
    return len(graphemes(text))


def is_emoji(cluster: str) -> bool:
    """True for a grapheme cluster that is an emoji or an emoji sequence.

    Emoji-presentation characters and flags; pictographs outside X's one-weight
    ranges, or inside them but dressed as emoji (variation selector 16, a skin tone,
    a joiner: "©️" is an emoji, "©" is text); keycaps ("1️⃣").
    """
    first = cluster[0]
    if _PRESENTED.match(first) or _KEYCAP in cluster:
        return True
    if not _PICTOGRAPHIC.match(first):
        return False
    return not _x_light(first) or _EMOJI_PARTS.search(cluster) is not None


def _x_light(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in X_LIGHT_RANGES)


def _split_urls(text: str, *, schemeless: bool) -> tuple[list[str], int]:
    """The pieces of `text` between its URLs, and how many URLs there were."""
    spans = url_spans(text, schemeless=schemeless)
    pieces, last = [], 0
    for start, end, _url in spans:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    return pieces, len(spans)


def x_length(text: str) -> int:
    """twitter-text v3 weighted length: NFC, URLs 23, emoji sequences 2, CJK 2, Latin 1.

    Source: github.com/twitter/twitter-text config/v3.json (ranges, defaultWeight,
    transformedURLLength, emojiParsingEnabled) and its conformance/validate.yml.
    """
    if text.isascii():  # NFC keeps it as it is; every character weighs 1, none is an emoji
        return len(text) + _url_discount(text, schemeless=True)
    normalized = unicodedata.normalize("NFC", text)
    pieces, urls = _split_urls(normalized, schemeless=True)
    if _EMOJI_CAPABLE.search(normalized) is None:  # no emoji: each character weighs alone
        return urls * URL_LENGTH + sum(len(p) + len(_X_HEAVY.findall(p)) for p in pieces)
    return _weight_by_clusters(pieces, urls)


def x_length_general(text: str) -> int:
    """`x_length` for any text, cluster by cluster."""
    return _weight_by_clusters(*_split_urls(unicodedata.normalize("NFC", text), schemeless=True))


def _weight_by_clusters(pieces: list[str], urls: int) -> int:
    """X's weight of a text: `urls` URLs and, between them, `pieces` (NFC)."""
    weight = urls * URL_LENGTH
    for cluster in (c for piece in pieces for c in _clusters(piece)):
        if cluster.isascii():  # every ASCII character weighs 1, and none is an emoji
            weight += len(cluster)
        elif is_emoji(cluster):
            weight += 2
        else:
            weight += sum(1 if _x_light(char) else 2 for char in cluster)
    return weight


def _clusters(text: str) -> list[str]:
    """An ASCII text whole (it counts as its length), else its grapheme clusters."""
    return [text] if text.isascii() else graphemes(text)


def mastodon_length(text: str) -> int:
    """Mastodon's count: grapheme clusters, each http(s) URL as 23, `@user@host` as `@user`.

    Source: mastodon/mastodon app/validators/status_length_validator.rb
    (`countable_text` replaces URLs with 23 characters and remote mentions with the
    local part; `countable_length` is `each_grapheme_cluster.size`).
    """
    if text.isascii() and "@" not in text:  # clusters: characters, CR LF one (no URL has one)
        return len(text) - text.count("\r\n") + _url_discount(text, schemeless=False)
    return mastodon_length_general(text)


def mastodon_length_general(text: str) -> int:
    """`mastodon_length` for any text, ASCII or not."""
    pieces, urls = _split_urls(text, schemeless=False)
    counted = sum(_grapheme_count(_local_mentions(piece)) for piece in pieces)
    return counted + urls * URL_LENGTH


def _url_discount(text: str, *, schemeless: bool) -> int:
    """What counting each URL in `text` as 23 adds to counting it as written."""
    return sum(
        URL_LENGTH - (end - start) for start, end, _url in url_spans(text, schemeless=schemeless)
    )


def _local_mentions(text: str) -> str:
    """`text` with each remote mention `@user@host` as `@user`."""
    return _MASTODON_MENTION.sub(r"@\1", text) if "@" in text else text


def grapheme_length(text: str) -> int:
    """Grapheme clusters: Bluesky's `maxGraphemes` (app.bsky.feed.post `text`, 300)."""
    return _grapheme_count(text)


def utf8_length(text: str) -> int:
    """UTF-8 bytes: Bluesky's `maxLength` (app.bsky.feed.post `text`, 3,000)."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def threads_length(text: str) -> int:
    """Threads: characters, with each emoji counted as its UTF-8 bytes.

    Source: Meta's Threads API, "Posts" (developers.facebook.com/docs/threads/posts):
    "Text posts are limited to 500 characters. Emojis are counted as the number of
    UTF-8 bytes."
    """
    if text.isascii() or _EMOJI_CAPABLE.search(text) is None:  # no cluster is an emoji
        return len(text)
    return sum(
        utf8_length(cluster) if is_emoji(cluster) else len(cluster) for cluster in _clusters(text)
    )


def utf16_length(text: str) -> int:
    """UTF-16 code units: what LinkedIn's and Facebook's text fields count (an emoji or
    an astral character is two), as Buffer's character-limit guide documents."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2
