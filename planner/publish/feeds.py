"""Feeds and machine-read files: Atom, RSS 2.0, JSON Feed 1.1, sitemap.xml, robots.txt.

Written with xml.etree (escaping guaranteed, no template to get wrong) and json. Feeds
carry the newest FEED_ENTRIES published posts; the sitemap lists every published page.
Entry ids are the posts' URLs, which stay the same as long as a post keeps its slug.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime

from planner import urls
from planner.publish.pages import Page, PostView
from planner.urls import Links

FEED_ENTRIES = 20
ATOM = "http://www.w3.org/2005/Atom"


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
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "title", title or info.title)
    if info.description:
        _sub(feed, "subtitle", info.description)
    _sub(feed, "id", info.links.url(urls.HOME))
    _sub(feed, "updated", _newest(posts, info.updated).isoformat())
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=info.links.url(path))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=info.links.url(urls.HOME))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _sub(author, "name", info.author or info.title)
    for post in posts[:FEED_ENTRIES]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _sub(entry, "title", post.title)
        _sub(entry, "id", post.url)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=post.url)
        when = (post.date or info.updated).isoformat()
        _sub(entry, "published", when)
        _sub(entry, "updated", when)
        for tag in post.tags:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=tag.name)
        if post.summary:
            _sub(entry, "summary", post.summary)
        if post.html:  # per-tag feeds carry summaries only
            content = _sub(entry, "content", post.html)
            content.set("type", "html")
    return _xml(feed)


def rss(info: FeedInfo, posts: Sequence[PostView]) -> bytes:
    """An RSS 2.0 feed of `posts`."""
    root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = info.title
    ET.SubElement(channel, "link").text = info.links.url(urls.HOME)
    ET.SubElement(channel, "description").text = info.description or info.title
    ET.SubElement(channel, "language").text = info.language
    ET.SubElement(channel, "lastBuildDate").text = format_datetime(_newest(posts, info.updated))
    for post in posts[:FEED_ENTRIES]:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = post.title
        ET.SubElement(item, "link").text = post.url
        ET.SubElement(item, "guid", isPermaLink="true").text = post.url
        if post.date is not None:
            ET.SubElement(item, "pubDate").text = format_datetime(post.date)
        for tag in post.tags:
            ET.SubElement(item, "category").text = tag.name
        ET.SubElement(item, "description").text = post.html
    return _xml(root)


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
    namespace = "http://www.sitemaps.org/schemas/sitemap/0.9"
    ET.register_namespace("", namespace)
    root = ET.Element(f"{{{namespace}}}urlset")
    for path, modified in entries:
        url = ET.SubElement(root, f"{{{namespace}}}url")
        ET.SubElement(url, f"{{{namespace}}}loc").text = links.url(path)
        if modified is not None:
            ET.SubElement(url, f"{{{namespace}}}lastmod").text = modified.date().isoformat()
    return _xml(root)


def robots(links: Links) -> bytes:
    return f"User-agent: *\nAllow: /\nSitemap: {links.url(urls.SITEMAP)}\n".encode()


def _sub(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = text
    return element


def _newest(posts: Sequence[PostView], default: datetime) -> datetime:
    return max((p.date for p in posts if p.date is not None), default=default)


_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
"""Characters XML 1.0 cannot hold at all (control characters, U+FFFE, U+FFFF), as
UTF-8 bytes: ElementTree writes them as they are, and a feed reader then rejects the
whole feed. A post may have them (a stray control character pasted in a title)."""


def _xml(root: ET.Element) -> bytes:
    return _NOT_XML.sub(b"", ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"
