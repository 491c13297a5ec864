"""The site's URL scheme, written once: where each kind of page lives, and its links.

Paths are relative to the site root and end in "/" for a page served from a directory
("posts/<slug>/" is the file "posts/<slug>/index.html"). Everything that links to a
page or writes one (post views, the calendar, the pages, the sitemap, the feeds) asks
`Links` instead of spelling the path itself, so a page type's URL changes in one place.
`href`s are root-relative under the base URL's path, so a site served from a
sub-directory (https://example.com/blog/) links correctly; `url`s are absolute, for
canonical links, feeds and calendars.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from slugify import slugify

from planner.limits import short_name

HOME = ""
TAGS = "tags/"
ARCHIVE = "archive/"
CALENDAR = "calendar/"
NOT_FOUND = "404.html"
ATOM_FEED = "feed.xml"
RSS_FEED = "rss.xml"
JSON_FEED = "feed.json"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
ICS = "calendar.ics"


@functools.lru_cache(maxsize=4096)
def tag_slug(tag: str) -> str:
    """The slug of a tag's page ("Muncie M21" -> "muncie-m21"), short enough for any
    file system (see `planner.limits.short_name`)."""
    return short_name(slugify(tag) or "tag")


def post_path(slug: str) -> str:
    return f"posts/{slug}/"


def tag_path(slug: str) -> str:
    return f"{TAGS}{slug}/"


def tag_feed_path(slug: str) -> str:
    return tag_path(slug) + ATOM_FEED


def share_path(slug: str) -> str:
    """The writer's share page of a post (never in the sitemap or feeds)."""
    return f"share/{slug}/"


def snippets_path(slug: str) -> str:
    """A post's snippets as JSON, for scripts."""
    return f"snippets/{slug}.json"


def home_path(number: int) -> str:
    """Page `number` (from 1) of the post list."""
    return HOME if number == 1 else f"page/{number}/"


def file_of(path: str) -> str:
    """The file under the output directory that serves `path`."""
    return path + "index.html" if path == HOME or path.endswith("/") else path


def path_of(file: str) -> str:
    """The path a file under the output directory is served at (`file_of` reversed)."""
    return file.removesuffix("index.html")


@dataclass(frozen=True)
class Links:
    """Links to the site's paths, for templates (`href`) and feeds (absolute `url`)."""

    base_url: str

    @classmethod
    def of(cls, base_url: str) -> Links:
        """Links under `base_url`, with or without its trailing slash."""
        return cls(base_url if base_url.endswith("/") else base_url + "/")

    @property
    def root(self) -> str:
        return urlsplit(self.base_url).path or "/"

    def href(self, path: str) -> str:
        return self.root + path

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path

    # The scheme, for templates: {{ links.href(links.post(slug)) }}.
    post = staticmethod(post_path)
    tag = staticmethod(tag_path)
    tag_feed = staticmethod(tag_feed_path)
    home = staticmethod(home_path)
    share = staticmethod(share_path)
    tags = TAGS
    archive = ARCHIVE
    calendar = CALENDAR

    def post_url(self, slug: str) -> str:
        """The public URL of a post."""
        return self.url(post_path(slug))
