"""Composing one platform's snippet from a post's parts: plain strings in, text out.

The snippet reads as a person writes to people: the hook (the post's summary, else
its title), the question to readers when the post has one, the link, then a few
CamelCase hashtags ("1968 Camaro" -> #1968Camaro, which screen readers read as
words). When it is too long, hashtags go first (from the last), then the hook is
shortened at a word boundary with an ellipsis, then the question goes; a URL or a
hashtag is never cut. The same parts always give the same text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

import regex

from planner.snippets.length import graphemes
from planner.snippets.platforms import Platform

ELLIPSIS = "…"
SHORTEN_WINDOW = 30_000
"""A shortened hook is a start of at most this many characters: more than any limit
holds even with a dozen long links counted as 23, and it bounds the work on a huge
summary."""
MAX_HASHTAG_GRAPHEMES = 64
"""Bluesky's limit for a tag (app.bsky.richtext.facet#tag maxGraphemes); longer tags
read badly anywhere, so none is used."""


@dataclass(frozen=True)
class Parts:
    """What a snippet is made of, already chosen for one platform."""

    title: str
    """For `{title}` in an override."""
    hook: str
    """The opening: the post's summary, else its title."""
    url: str
    """The post's link, with the channel's UTM parameters."""
    hashtags: tuple[str, ...] = ()
    """Candidates with their '#', most wanted first."""
    ask: str = ""
    """The question to readers, or nothing."""


@dataclass(frozen=True)
class Snippet:
    """One platform's text, its counted length, and whether it fits."""

    platform: str
    text: str
    length: int
    limit: int
    fits: bool
    counted: str
    url: str
    hashtags: tuple[str, ...]
    """The hashtags the text carries."""
    override: bool = False


_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_ATOM = regex.compile(r"\S+\s*")
_TRAILING_PUNCTUATION = " \t\n,;:\u2013\u2014"
"""Stripped before the ellipsis; no URL or hashtag ends in one of them."""
_LETTERS = regex.compile(r"[\p{L}\p{M}]*")
_PLACEHOLDER = re.compile(r"\{(url|title|tags)\}")


@functools.lru_cache(maxsize=8192)
def hashtag(tag: str) -> str | None:
    """`tag` as a CamelCase hashtag ("mono-leaf springs" -> "#MonoLeafSprings").

    Words keep their own capitals ("M21", "ZL2"); None when the tag has no letter
    (platforms do not link "#1968") or is too long to read.
    """
    words = _WORD.findall(tag.replace("'", "").replace("\u2019", ""))
    body = "".join(w if any(c.isupper() for c in w) else w[:1].upper() + w[1:] for w in words)
    if not regex.search(r"\p{L}", body) or len(graphemes(body)) > MAX_HASHTAG_GRAPHEMES:
        return None
    return "#" + body


def hashtags(tags: Sequence[str]) -> tuple[str, ...]:
    """The hashtags of `tags`, in order, without unusable ones or case-blind repeats."""
    return distinct(made for tag in tags if (made := hashtag(tag)) is not None)


def distinct(tags: Iterable[str]) -> tuple[str, ...]:
    """`tags` without case-blind repeats, the first of each kept: hashtags(a + b) is
    distinct(hashtags(a) + hashtags(b))."""
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def with_utm(url: str, parameters: Mapping[str, str]) -> str:
    """`url` with UTM (or any) query parameters added, in the order given."""
    if not parameters:
        return url
    return url + ("&" if "?" in url else "?") + urlencode(list(parameters.items()))


def layout(hook: str, ask: str, url: str, tags: Sequence[str]) -> str:
    """The snippet's paragraphs: hook, question, link, hashtags (empty ones left out)."""
    return "\n\n".join([p for p in (hook, ask, url, " ".join(tags)) if p])


def compose(parts: Parts, platform: Platform) -> Snippet:
    """The snippet for `platform`: everything that fits, shortened as the module says."""
    tags = parts.hashtags[: platform.hashtags]
    whole = len(parts.hook) <= SHORTEN_WINDOW  # a longer hook never fits: shorten at once
    for kept in range(len(tags), -1, -1) if whole else ():
        text = layout(parts.hook, parts.ask, parts.url, tags[:kept])
        counted = platform.count(text)
        if platform.fits(text, counted):
            return _snippet(platform, text, parts.url, tags[:kept], counted=counted)
    for ask in dict.fromkeys((parts.ask, "")):
        text = layout(parts.hook, ask, parts.url, ())
        if whole and ask != parts.ask and platform.fits(text):  # with the ask: tried above
            return _snippet(platform, text, parts.url, ())
        hook = shorten(parts.hook, lambda h, a=ask: platform.fits(layout(h, a, parts.url, ())))
        if hook is not None:
            return _snippet(platform, layout(hook, ask, parts.url, ()), parts.url, ())
    return _snippet(platform, parts.url, parts.url, ())


def from_override(template: str, parts: Parts, platform: Platform) -> Snippet:
    """The writer's own text, with `{url}`, `{title}` and `{tags}` filled in, uncut."""
    tags = parts.hashtags[: platform.hashtags]
    values = {"url": parts.url, "title": parts.title, "tags": " ".join(tags)}
    text = _PLACEHOLDER.sub(lambda m: values[m.group(1)], template).strip()
    used = tuple(t for t in tags if "{tags}" in template)
    return _snippet(platform, text, parts.url, used, override=True)


def shorten(text: str, fits: Callable[[str], bool]) -> str | None:
    """The longest start of `text` that `fits` with an ellipsis after it, cut between
    words (between characters in a first word too long on its own, as in Chinese or
    Japanese text), never inside a URL or a hashtag; None when nothing fits."""
    atoms = _ATOM.findall(text[: SHORTEN_WINDOW + 1])  # the last atom may be cut: never used
    words = _longest(len(atoms) - 1, lambda n: fits(_cut("".join(atoms[:n]))))
    if words:
        return _cut("".join(atoms[:words]))
    if not atoms:
        return None
    letters = _LETTERS.match(atoms[0])
    clusters = graphemes(letters.group() if letters else "")  # never into a URL or hashtag
    size = _longest(len(clusters) - 1, lambda n: fits(_cut("".join(clusters[:n]))))
    return _cut("".join(clusters[:size])) if size else None


def _longest(most: int, ok: Callable[[int], bool]) -> int:
    """The largest n in 1..`most` with `ok(n)` (longer never fits when shorter does
    not: a start of a text counts no more than the text), or 0 when there is none."""
    low, high = 0, most
    while low < high:
        middle = (low + high + 1) // 2
        if ok(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _cut(start: str) -> str:
    return start.rstrip(_TRAILING_PUNCTUATION) + ELLIPSIS


def _snippet(
    platform: Platform,
    text: str,
    url: str,
    tags: Sequence[str],
    *,
    override: bool = False,
    counted: int | None = None,
) -> Snippet:
    """`text` as `platform`'s snippet; `counted` is its count when already known."""
    counted = platform.count(text) if counted is None else counted
    return Snippet(
        platform=platform.name,
        text=text,
        length=counted,
        limit=platform.limit,
        fits=platform.fits(text, counted),
        counted=platform.counted,
        url=url,
        hashtags=tuple(tags),
        override=override,
    )
