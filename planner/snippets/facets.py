"""Bluesky rich-text facets for a snippet: its links and hashtags, with UTF-8 byte offsets.

A Bluesky post's text is plain; links and hashtags are made clickable by facets
(lexicon app.bsky.richtext.facet: `index` is a byteSlice with `byteStart` inclusive and
`byteEnd` exclusive, counted in UTF-8 bytes; features `#link` with a full `uri` and
`#tag` with the tag without its '#', at most 64 graphemes). The JSON output carries
them so a script can post the record as it is.
"""

from __future__ import annotations

from typing import Any

import regex

from planner.snippets.autolink import find_urls
from planner.snippets.length import graphemes

LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"
MAX_TAG_GRAPHEMES = 64
# As the Bluesky app detects tags (atproto packages/api/src/rich-text/util.ts): '#' at
# the start or after white space, not all digits, trailing punctuation not included.
_TAG = regex.compile(r"(?:^|(?<=\s))[#\uFF03](?!\ufe0f)(\S+)")
_TRAILING = regex.compile(r"\p{P}+$")
_SCHEME = regex.compile(r"https?://", regex.IGNORECASE)


def facets(text: str) -> list[dict[str, Any]]:
    """The link and tag facets of `text`, in text order."""
    found: list[tuple[int, int, dict[str, str]]] = []
    for span in find_urls(text):
        uri = span.url if _SCHEME.match(span.url) else "https://" + span.url
        found.append((span.start, span.end, {"$type": LINK, "uri": uri}))
    for match in _TAG.finditer(text):
        tag = _TRAILING.sub("", match.group(1))
        if not tag or tag.isdigit() or len(graphemes(tag)) > MAX_TAG_GRAPHEMES:
            continue
        start = match.start()
        found.append((start, start + 1 + len(tag), {"$type": TAG, "tag": tag}))
    return [
        {
            "index": {"byteStart": _bytes(text, start), "byteEnd": _bytes(text, end)},
            "features": [feature],
        }
        for start, end, feature in sorted(found, key=lambda item: item[0])
    ]


def _bytes(text: str, offset: int) -> int:
    """The UTF-8 byte offset of code-point offset `offset` in `text`."""
    return len(text[:offset].encode("utf-8"))
