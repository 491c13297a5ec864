"""Which pages a site has and what each template is given: plain data, no rendering.

Every page is a `Page`: where it goes under the output directory, which template draws
it, and its context. URLs are absolute for canonical links and feeds; `href`s inside
pages are root-relative under the base URL's path, so a site served from a
sub-directory (https://example.com/blog/) links correctly.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from slugify import slugify

from planner.calendar import (
    LEGEND,
    MARKS,
    WARNING_MARK,
    Agenda,
    Entry,
    coverage,
    monday,
    shown_months,
)
from planner.content import Post
from planner.limits import short_name

RELATED_POSTS = 3


@dataclass(frozen=True)
class TagLink:
    name: str
    slug: str
    href: str


@dataclass(frozen=True)
class PostView:
    """A post as templates see it."""

    slug: str
    title: str
    href: str
    url: str
    date: datetime | None
    tags: tuple[TagLink, ...]
    summary: str
    html: str
    reading_minutes: int
    draft: bool
    future: bool
    findings: tuple[str, ...]
    """Check findings, shown on the banner of a marked post in serve mode."""
    key: str
    """A hash of the post's source, for the page cache."""
    source: Post = field(repr=False, compare=False)

    @property
    def marked(self) -> bool:
        """Not public yet: shown only with --drafts or --future, never in feeds."""
        return self.draft or self.future


@dataclass(frozen=True)
class Page:
    """One HTML file: its path under the output directory, template and context."""

    path: str
    template: str
    context: dict[str, Any]


@dataclass(frozen=True)
class Links:
    """Where things are, for the templates (`href`) and for feeds (absolute `url`)."""

    base_url: str

    @property
    def root(self) -> str:
        return urlsplit(self.base_url).path or "/"

    def href(self, path: str) -> str:
        return self.root + path

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path


@functools.lru_cache(maxsize=4096)
def tag_slug(tag: str) -> str:
    """The tag's name in URLs and file names: short enough for any file system."""
    return short_name(slugify(tag) or "tag")


def related(posts: Sequence[PostView], limit: int = RELATED_POSTS) -> dict[str, list[PostView]]:
    """For each post, the posts sharing its most specific tags (rare tags weigh more)."""
    by_tag: dict[str, list[PostView]] = defaultdict(list)
    for view in posts:
        for tag in view.tags:
            by_tag[tag.slug].append(view)
    weight = {slug: math.log(1 + len(posts) / len(views)) for slug, views in by_tag.items()}
    order = {v.slug: v for v in posts}
    found: dict[str, list[PostView]] = {}
    for view in posts:
        scores: Counter[str] = Counter()
        for tag in view.tags:
            if len(by_tag[tag.slug]) > 50:  # a tag on everything relates nothing
                continue
            for other in by_tag[tag.slug]:
                if other.slug != view.slug:
                    scores[other.slug] += weight[tag.slug]
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
        found[view.slug] = [order[slug] for slug, _ in ranked]
    return found


def site_pages(
    views: Sequence[PostView],
    links: Links,
    *,
    per_page: int,
    entries: Sequence[Entry],
    coverage_source: Any,
    today: date,
    show_upcoming: bool,
    agenda: Agenda | None = None,
) -> list[Page]:
    """Every HTML page: home pages, posts, tags, tag index, archive, calendar, 404."""
    pages: list[Page] = []
    listed = sorted(views, key=_newest_first)
    pages += _home_pages(listed, links, per_page)
    relations = related([v for v in listed if not v.marked])
    for view in listed:
        pages.append(
            Page(
                f"posts/{view.slug}/index.html",
                "post.html",
                {"post": view, "related": relations.get(view.slug, []), "canonical": view.url},
            )
        )
    tags: dict[str, list[PostView]] = defaultdict(list)
    names: dict[str, str] = {}
    for view in listed:
        for tag in view.tags:
            tags[tag.slug].append(view)
            names.setdefault(tag.slug, tag.name)
    for slug, tagged in tags.items():
        pages.append(
            Page(
                f"tags/{slug}/index.html",
                "tag.html",
                {
                    "tag": TagLink(names[slug], slug, links.href(f"tags/{slug}/")),
                    "posts": tagged,
                    "feed": links.href(f"tags/{slug}/feed.xml"),
                    "canonical": links.url(f"tags/{slug}/"),
                },
            )
        )
    index = sorted(
        ((TagLink(names[s], s, links.href(f"tags/{s}/")), len(v)) for s, v in tags.items()),
        key=lambda item: item[0].name.casefold(),
    )
    pages.append(
        Page("tags/index.html", "tags.html", {"tags": index, "canonical": links.url("tags/")})
    )
    pages.append(
        Page(
            "archive/index.html",
            "archive.html",
            {"months": _by_month(listed), "canonical": links.url("archive/")},
        )
    )
    pages.append(
        _calendar_page(
            entries,
            coverage_source,
            links,
            today,
            show_upcoming=show_upcoming,
            agenda=agenda,
        )
    )
    pages.append(Page("404.html", "404.html", {"canonical": links.url("404.html")}))
    return pages


def _newest_first(view: PostView) -> tuple[float, str]:
    return (-(view.date.timestamp() if view.date else math.inf), view.slug)


def _home_pages(listed: list[PostView], links: Links, per_page: int) -> list[Page]:
    chunks = [listed[i : i + per_page] for i in range(0, len(listed), per_page)] or [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = "index.html" if number == 1 else f"page/{number}/index.html"
        newer = None if number == 1 else links.href("" if number == 2 else f"page/{number - 1}/")
        older = links.href(f"page/{number + 1}/") if number < len(chunks) else None
        pages.append(
            Page(
                path,
                "index.html",
                {
                    "posts": chunk,
                    "page_number": number,
                    "pages": len(chunks),
                    "newer": newer,
                    "older": older,
                    "canonical": links.url(path.removesuffix("index.html")),
                },
            )
        )
    return pages


def _by_month(listed: list[PostView]) -> list[tuple[str, str, list[PostView]]]:
    """(anchor, "July 2026", posts) for every month with a dated post, newest first."""
    groups: dict[tuple[int, int], list[PostView]] = defaultdict(list)
    for view in listed:
        if view.date is not None:
            groups[(view.date.year, view.date.month)].append(view)
    return [
        (f"{year}-{month:02d}", date(year, month, 1).strftime("%B %Y"), groups[(year, month)])
        for year, month in sorted(groups, reverse=True)
    ]


COVERAGE_WEEKS_BACK = 8
COVERAGE_WEEKS_AHEAD = 4
CALENDAR_MONTHS_BACK = 2
CALENDAR_MONTHS_AHEAD = 3


def _calendar_page(
    entries: Sequence[Entry],
    audience: Any,
    links: Links,
    today: date,
    *,
    show_upcoming: bool,
    agenda: Agenda | None = None,
) -> Page:
    """The agenda of the coming weeks (shown with `show_upcoming`), the interests x weeks
    heat map, and the months around today that hold posts."""
    shown = [e for e in entries if e.status == "published" or show_upcoming]
    start = date(today.year, today.month, 1) - timedelta(days=31 * CALENDAR_MONTHS_BACK)
    end = today + timedelta(days=31 * CALENDAR_MONTHS_AHEAD)
    grids = shown_months(shown, start, end, today)
    weeks = COVERAGE_WEEKS_BACK + COVERAGE_WEEKS_AHEAD
    first_week = monday(today) - timedelta(weeks=COVERAGE_WEEKS_BACK)
    grid = coverage(shown, audience, first_week, weeks)
    peak = max((n for _, counts in grid.rows for n in counts), default=0)
    return Page(
        "calendar/index.html",
        "calendar.html",
        {
            "agenda": agenda if show_upcoming else None,
            "months": grids,
            "coverage": grid,
            "peak": max(peak, 1),
            "this_week": monday(today),
            "today": today,
            "legend": [k for k in LEGEND if k.status in {e.status for e in shown} | {"published"}],
            "marks": {**MARKS, "warning": WARNING_MARK},
            "filters": {
                name: sorted({v for e in shown for v in getattr(e, name)}, key=str.casefold)
                for name in ("interests", "tags", "channels")
            },
            "ics": links.href("calendar.ics"),
            "webcal": "webcal://" + links.url("calendar.ics").split("://", 1)[1],
            "canonical": links.url("calendar/"),
        },
    )
