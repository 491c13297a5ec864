"""Share links: each platform's composer, opened with the snippet already written in it.

The text is percent-encoded whole (`quote` with nothing left safe: spaces, line
breaks, '#', '&' and every non-ASCII byte), so the link decodes to exactly the
snippet.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from planner.snippets.platforms import Platform

DEFAULT_MASTODON_HOST = "mastodon.social"
_UNRESERVED = re.compile(rb"[^A-Za-z0-9_.~-]")


def quote(text: str) -> str:
    """`text` percent-encoded as UTF-8, every byte but letters, digits and `_.~-`: what
    `urllib.parse.quote(text, safe="")` gives, several times faster on prose."""
    return _UNRESERVED.sub(lambda m: b"%%%02X" % m[0][0], text.encode("utf-8")).decode("ascii")


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
