"""Bluesky rich-text facets for a snippet: its links and hashtags, with UTF-8 byte offsets.

A Bluesky post's text is plain; links and hashtags are made clickable by facets
(lexicon app.bsky.richtext.facet: `index` is a byteSlice with `byteStart` inclusive and
`byteEnd` exclusive, counted in UTF-8 bytes; features `#link` with a full `uri` and
`#tag` with the tag without its '#', at most 64 graphemes). The JSON output carries
them so a script can post the record as it is.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

import regex

from planner.snippets.autolink import url_spans
from planner.snippets.length import graphemes
from planner.snippets.runs import runs_holding

LINK = "app.bsky.richtext.facet#link"
TAG = "app.bsky.richtext.facet#tag"
MAX_TAG_GRAPHEMES = 64
# As the Bluesky app detects tags (atproto packages/api/src/rich-text/util.ts): '#' at
# the start or after white space, not all digits, trailing punctuation not included.
_TAG = regex.compile(r"(?:^|(?<=\s))[#\uFF03](?!\ufe0f)(\S+)")
_TRAILING = regex.compile(r"\p{P}+$")
_SCHEME = regex.compile(r"https?://", regex.IGNORECASE)
_start = itemgetter(0)


def facets(text: str) -> list[dict[str, Any]]:
    """The link and tag facets of `text`, in text order."""
    found: list[tuple[int, int, dict[str, str]]] = []
    for start, end, url in url_spans(text):
        uri = url if _SCHEME.match(url) else "https://" + url
        found.append((start, end, {"$type": LINK, "uri": uri}))
    for start, tag in tag_spans(text):
        found.append((start, start + 1 + len(tag), {"$type": TAG, "tag": tag}))
    found.sort(key=_start)
    if not text.isascii():  # else a code point is a byte
        at = _byte_offsets(text, [offset for start, end, _ in found for offset in (start, end)])
        found = [(at[start], at[end], feature) for start, end, feature in found]
    return [
        {"index": {"byteStart": start, "byteEnd": end}, "features": [feature]}
        for start, end, feature in found
    ]


def tag_spans(text: str) -> list[tuple[int, str]]:
    """The hashtags of `text` as the Bluesky app detects them: (offset of the '#', tag
    without it), in order. A run of non-space starting with '#' or U+FF03 (not followed by
    an emoji variation selector), its trailing punctuation dropped, not all digits, at
    most 64 graphemes."""
    found = []
    for mark in "#\uff03":
        for start, run in runs_holding(text, mark):
            if len(run) < 2 or run[0] != mark or run[1] == "\ufe0f":
                continue
            tag = run[1:]
            if not (tag[-1].isascii() and tag[-1].isalnum()):  # else it may end in punctuation
                tag = _TRAILING.sub("", tag)
            if not tag or tag.isdigit():
                continue
            if len(tag) > MAX_TAG_GRAPHEMES and len(graphemes(tag)) > MAX_TAG_GRAPHEMES:
                continue
            found.append((start, tag))
    return sorted(found)


def tag_spans_general(text: str) -> list[tuple[int, str]]:
    """`tag_spans` by the Bluesky app's regular expression, for any text."""
    found = []
    for match in _TAG.finditer(text):
        tag = _TRAILING.sub("", match.group(1))
        if not tag or tag.isdigit() or len(graphemes(tag)) > MAX_TAG_GRAPHEMES:
            continue
        found.append((match.start(), tag))
    return found


def _byte_offsets(text: str, offsets: list[int]) -> dict[int, int]:
    """The UTF-8 byte offset of each code-point offset in `offsets`, in one pass over
    `text` (a text with thousands of tags is not encoded once for each)."""
    found, done, size = {}, 0, 0
    for offset in sorted(set(offsets)):
        size += len(text[done:offset].encode("utf-8"))
        found[offset] = size
        done = offset
    return found
