"""Feeds and machine-read files: Atom, RSS 2.0, JSON Feed 1.1, sitemap.xml, robots.txt.

The XML files are built as text: every value goes through `escape`, which writes text
and attribute values byte for byte as xml.etree.ElementTree does, without building an
element tree per feed (a site writes one feed per tag, hundreds of them). JSON through
json. Feeds carry the newest FEED_ENTRIES published posts; the sitemap lists every
published page. Entry ids are the posts' URLs, which stay the same as long as a post
keeps its slug.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from planner import urls
from planner.publish.pages import Page, PostView
from planner.urls import Links

FEED_ENTRIES = 20
ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class FeedInfo:
    """What every feed says about the site."""

    title: str
    description: str
    author: str
    language: str
    links: Links
    updated: datetime


def atom(info: FeedInfo, posts: Sequence[PostView], path: str, title: str = "") -> bytes:
    """An Atom 1.0 feed (RFC 4287) of `posts`, served at `path` under the site."""
    home = info.links.url(urls.HOME)
    parts = [_leaf("title", title or info.title)]
    if info.description:
        parts.append(_leaf("subtitle", info.description))
    parts += [
        _leaf("id", home),
        _leaf("updated", _newest(posts, info.updated).isoformat()),
        _leaf("link", "", _attribute("rel", "self") + _attribute("href", info.links.url(path))),
        _leaf("link", "", _attribute("rel", "alternate") + _attribute("href", home)),
        _parent("author", [_leaf("name", info.author or info.title)]),
    ]
    for post in posts[:FEED_ENTRIES]:
        when = (post.date or info.updated).isoformat()
        entry = [
            _leaf("title", post.title),
            _leaf("id", post.url),
            _leaf("link", "", _attribute("rel", "alternate") + _attribute("href", post.url)),
            _leaf("published", when),
            _leaf("updated", when),
        ]
        entry += [_leaf("category", "", _attribute("term", tag.name)) for tag in post.tags]
        if post.summary:
            entry.append(_leaf("summary", post.summary))
        if post.html:  # per-tag feeds carry summaries only
            entry.append(_leaf("content", post.html, _attribute("type", "html")))
        parts.append(_parent("entry", entry))
    return _document(_parent("feed", parts, _attribute("xmlns", ATOM)))


def rss(info: FeedInfo, posts: Sequence[PostView]) -> bytes:
    """An RSS 2.0 feed of `posts`."""
    parts = [
        _leaf("title", info.title),
        _leaf("link", info.links.url(urls.HOME)),
        _leaf("description", info.description or info.title),
        _leaf("language", info.language),
        _leaf("lastBuildDate", format_datetime(_newest(posts, info.updated))),
    ]
    for post in posts[:FEED_ENTRIES]:
        item = [
            _leaf("title", post.title),
            _leaf("link", post.url),
            _leaf("guid", post.url, _attribute("isPermaLink", "true")),
        ]
        if post.date is not None:
            item.append(_leaf("pubDate", format_datetime(post.date)))
        item += [_leaf("category", tag.name) for tag in post.tags]
        item.append(_leaf("description", post.html))
        parts.append(_parent("item", item))
    channel = _parent("channel", parts)
    return _document(_parent("rss", [channel], _attribute("version", "2.0")))


def json_feed(info: FeedInfo, posts: Sequence[PostView]) -> bytes:
    """A JSON Feed 1.1 of `posts`."""
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": info.title,
        "home_page_url": info.links.url(urls.HOME),
        "feed_url": info.links.url(urls.JSON_FEED),
        "language": info.language,
        "items": [
            {
                "id": post.url,
                "url": post.url,
                "title": post.title,
                "content_html": post.html,
                "summary": post.summary,
                "date_published": (post.date or info.updated).isoformat(),
                "tags": [tag.name for tag in post.tags],
            }
            for post in posts[:FEED_ENTRIES]
        ],
    }
    if info.description:
        document["description"] = info.description
    if info.author:
        document["authors"] = [{"name": info.author}]
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def sitemap_entries(pages: Sequence[Page]) -> list[tuple[str, datetime | None]]:
    """(path, last modified) of every public page, as the sitemap lists them."""
    return [(page.url_path, page.modified) for page in pages if page.public]


def sitemap(links: Links, entries: Sequence[tuple[str, datetime | None]]) -> bytes:
    """sitemap.xml from `sitemap_entries`."""
    urlset = []
    for path, modified in entries:
        url = [_leaf("loc", links.url(path))]
        if modified is not None:
            url.append(_leaf("lastmod", modified.date().isoformat()))
        urlset.append(_parent("url", url))
    return _document(_parent("urlset", urlset, _attribute("xmlns", SITEMAP)))


def robots(links: Links) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {links.url(urls.SITEMAP)}\n".encode()


def escape(value: str, attribute: bool = False) -> str:
    """`value` as XML character data, or as an attribute value between double quotes,
    written exactly as ElementTree writes it (so feeds stay byte for byte the same):
    `&`, `<`, `>` always; in attributes also `"`, and CR, LF and tab as character
    references, which keeps them through a parser's attribute-value normalisation."""
    for char, reference in _IN_ATTRIBUTES if attribute else _IN_TEXT:
        if char in value:
            value = value.replace(char, reference)
    return value


_IN_TEXT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_IN_ATTRIBUTES = (*_IN_TEXT, ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"))
"""What `escape` replaces, `&` first (the others bring their own)."""


def _leaf(name: str, text: str, attributes: str = "") -> str:
    """The element `name` holding `text`; with no text, an empty-element tag
    (`<name />`), as ElementTree writes it. `attributes` as `_attribute` writes them."""
    if text:
        return f"<{name}{attributes}>{escape(text)}</{name}>"
    return f"<{name}{attributes} />"


def _parent(name: str, children: list[str], attributes: str = "") -> str:
    """The element `name` around `children` (elements, already written)."""
    if children:
        return f"<{name}{attributes}>{''.join(children)}</{name}>"
    return f"<{name}{attributes} />"


def _attribute(name: str, value: str) -> str:
    return f' {name}="{escape(value, attribute=True)}"'


def _newest(posts: Sequence[PostView], default: datetime) -> datetime:
    return max((p.date for p in posts if p.date is not None), default=default)


_NOT_XML = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
"""Control characters XML 1.0 cannot hold at all, as UTF-8 bytes (they are ASCII):
written as they are, a feed reader would reject the whole feed. A post may have them
(a stray control character pasted in a title). U+FFFE and U+FFFF cannot be held either."""


def _document(root: str) -> bytes:
    """An XML file of `root`, as ElementTree writes one: the declaration, UTF-8 (a lone
    surrogate as a character reference); then without the characters XML forbids."""
    text = "<?xml version='1.0' encoding='utf-8'?>\n" + root
    if "\ufffe" in text or "\uffff" in text:
        text = text.replace("\ufffe", "").replace("\uffff", "")
    return text.encode("utf-8", "xmlcharrefreplace").translate(None, _NOT_XML) + b"\n"
