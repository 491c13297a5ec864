"""Which pages a site has and what each template is given: plain data, no rendering.

Every page is a `Page`: where it goes under the output directory, which template draws
it, its context, and whether the sitemap lists it; every post is a `PostView`. Paths
and links come from `planner.urls`; this module only decides which pages there are.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from planner import urls
from planner.cache import Table, digest, stable_repr
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
from planner.codec import Codec
from planner.content import Post, State
from planner.publish.render import RENDERER_VERSION, WORDS_PER_MINUTE, first_paragraph, word_count
from planner.urls import Links

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

    @functools.cached_property
    def date_iso(self) -> str:
        """`date` in ISO 8601, for `<time datetime>` ("" without a date). Worked out once
        per post, not on each of the pages that list it."""
        return self.date.isoformat() if self.date else ""

    @functools.cached_property
    def date_text(self) -> str:
        """`date` as the default theme writes it: "2 November 2026" ("" without a date)."""
        return self.date.strftime("%-d %B %Y") if self.date else ""


@dataclass(frozen=True)
class Page:
    """One file: its path under the output directory, template and context.

    `public` pages are listed in the sitemap, with `modified` as their last change. A
    page with `draw` is made by that function from its context instead of by a template
    (the snippet JSON files, drawn beside their share pages); `template` then names it."""

    path: str
    template: str
    context: dict[str, Any]
    public: bool = False
    modified: datetime | None = None
    draw: Callable[[dict[str, Any]], bytes] | None = field(default=None, compare=False)

    @property
    def url_path(self) -> str:
        """The path the page is served at."""
        return urls.path_of(self.path)


@dataclass(frozen=True)
class TextFacts:
    """What listings show about a post's body, kept in the cache's `facts` table."""

    words: int
    first_paragraph: str


TEXT_FACTS = Codec(TextFacts)


def post_key(post: Post) -> str:
    """A digest of everything the post's file says: front matter and body."""
    return digest(stable_repr(sorted(post.meta.items(), key=lambda kv: str(kv[0]))), post.body)


def post_view(
    post: Post,
    key: str,
    links: Links,
    now: datetime,
    notes: dict[Path, tuple[str, ...]],
    facts: Table,
) -> PostView:
    """A post for the templates; its HTML is filled in when its page is drawn."""
    state = post.state(now)
    text = facts.fetch(
        facts.key("view", RENDERER_VERSION, key),
        lambda: TextFacts(word_count(post.body), first_paragraph(post.body)),
        TEXT_FACTS.encode,
        TEXT_FACTS.decode,
    )
    return PostView(
        slug=post.slug,
        title=post.title,
        href=links.href(urls.post_path(post.slug)),
        url=links.post_url(post.slug),
        date=post.date,
        tags=tuple(
            TagLink(tag, urls.tag_slug(tag), links.href(urls.tag_path(urls.tag_slug(tag))))
            for tag in post.tags
        ),
        summary=post.summary or text.first_paragraph,
        html="",
        reading_minutes=max(1, math.ceil(text.words / WORDS_PER_MINUTE)),
        draft=state is State.DRAFT,
        future=state in (State.SCHEDULED, State.UNSCHEDULED),
        findings=notes.get(post.path, ()),
        key=key,
        source=post,
    )


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
    listed = sorted(views, key=_newest_first)
    pages = _home_pages(listed, links, per_page)
    relations = related([v for v in listed if not v.marked])
    for view in listed:
        context = {"post": view, "related": relations.get(view.slug, []), "canonical": view.url}
        page = _page(urls.post_path(view.slug), "post.html", context, links)
        pages.append(replace(page, public=not view.marked, modified=view.date))
    tags: dict[str, list[PostView]] = defaultdict(list)
    names: dict[str, str] = {}
    for view in listed:
        for tag in view.tags:
            tags[tag.slug].append(view)
            names.setdefault(tag.slug, tag.name)
    # tag pages in the order their tags first appear on public posts, then on marked ones
    public_first = [v for v in listed if not v.marked] + [v for v in listed if v.marked]
    for slug in dict.fromkeys(tag.slug for view in public_first for tag in view.tags):
        tagged = tags[slug]
        context = {
            "tag": TagLink(names[slug], slug, links.href(urls.tag_path(slug))),
            "posts": tagged,
            "feed": links.href(urls.tag_feed_path(slug)),
        }
        page = _page(urls.tag_path(slug), "tag.html", context, links)
        pages.append(replace(page, public=any(not v.marked for v in tagged)))
    index = sorted(
        ((TagLink(names[s], s, links.href(urls.tag_path(s))), len(v)) for s, v in tags.items()),
        key=lambda item: item[0].name.casefold(),
    )
    pages.append(_page(urls.TAGS, "tags.html", {"tags": index}, links, public=True))
    months = {"months": _by_month(listed)}
    pages.append(_page(urls.ARCHIVE, "archive.html", months, links, public=True))
    calendar = _calendar_context(
        entries, coverage_source, links, today, show_upcoming=show_upcoming, agenda=agenda
    )
    pages.append(_page(urls.CALENDAR, "calendar.html", calendar, links, public=True))
    pages.append(_page(urls.NOT_FOUND, "404.html", {}, links))
    return pages


def _page(
    path: str, template: str, context: dict[str, Any], links: Links, public: bool = False
) -> Page:
    """The page served at `path`, with its canonical URL in the context."""
    context = {**context, "canonical": context.get("canonical") or links.url(path)}
    return Page(urls.file_of(path), template, context, public=public)


def _newest_first(view: PostView) -> tuple[float, str]:
    return (-(view.date.timestamp() if view.date else math.inf), view.slug)


def _home_pages(listed: list[PostView], links: Links, per_page: int) -> list[Page]:
    chunks = [listed[i : i + per_page] for i in range(0, len(listed), per_page)] or [[]]
    newest = max((v.date for v in listed if v.date and not v.marked), default=None)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        context = {
            "posts": chunk,
            "page_number": number,
            "pages": len(chunks),
            "newer": None if number == 1 else links.href(urls.home_path(number - 1)),
            "older": links.href(urls.home_path(number + 1)) if number < len(chunks) else None,
        }
        page = _page(urls.home_path(number), "index.html", context, links)
        pages.append(replace(page, public=number == 1, modified=newest if number == 1 else None))
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


def _calendar_context(
    entries: Sequence[Entry],
    audience: Any,
    links: Links,
    today: date,
    *,
    show_upcoming: bool,
    agenda: Agenda | None = None,
) -> dict[str, Any]:
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
    return {
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
        "ics": links.href(urls.ICS),
        "webcal": "webcal://" + links.url(urls.ICS).split("://", 1)[1],
    }
