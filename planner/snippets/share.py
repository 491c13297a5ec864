"""Share links: each platform's composer, opened with the snippet already written in it.

The text is percent-encoded whole (`quote` with nothing left safe: spaces, line
breaks, '#', '&' and every non-ASCII byte), so the link decodes to exactly the
snippet.
"""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from planner.snippets.platforms import Platform

DEFAULT_MASTODON_HOST = "mastodon.social"
_UNRESERVED = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.~-"
_ESCAPED = tuple(chr(b) if b in _UNRESERVED else f"%{b:02X}" for b in range(256))
"""Each byte as it appears in a percent-encoded text."""
_ASCII_ESCAPED = _ESCAPED[:128]
"""The same for ASCII characters (one byte each in UTF-8): a `str.translate` table."""


LONGEST_REMEMBERED_TEXT = 4096
"""Texts up to this long are remembered (platforms with as many hashtags share their
text); longer ones, which are rare and could be huge, are encoded each time."""


def quote(text: str) -> str:
    """`text` percent-encoded as UTF-8, every byte but letters, digits and `_.~-`: what
    `urllib.parse.quote(text, safe="")` gives, several times faster (a table look-up a
    character for ASCII text, a byte otherwise)."""
    return _remembered(text) if len(text) <= LONGEST_REMEMBERED_TEXT else _quote(text)


@functools.lru_cache(maxsize=64)
def _remembered(text: str) -> str:
    return _quote(text)


def _quote(text: str) -> str:
    if text.isascii():
        return text.translate(_ASCII_ESCAPED)
    return "".join(map(_ESCAPED.__getitem__, text.encode("utf-8")))


def mastodon_host(instance: str, handle: str) -> str:
    """The Mastodon instance to share on: `instance` (a host or URL), else the host of
    the `@user@host` handle, else mastodon.social."""
    if instance:
        return (urlsplit(instance).hostname if "//" in instance else instance.strip("/")) or ""
    _, _, host = handle.lstrip("@").partition("@")
    return host or DEFAULT_MASTODON_HOST


def share_link(platform: Platform, text: str, url: str, host: str = "") -> str:
    """The link that opens `platform`'s composer with `text` (and `url`, for Facebook)."""
    link = quote(url) if "{url}" in platform.share else ""
    return platform.share.format(text=quote(text), url=link, host=host or DEFAULT_MASTODON_HOST)
