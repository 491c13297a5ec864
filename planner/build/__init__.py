"""The static build: published posts to HTML pages, feeds and a calendar, fast.

`build_site(site, BuildOptions())` renders into a staging directory beside the output
and swaps it in when complete (planner.build.output); Markdown and templates run on
every core for large sites (planner.build.parallel); unchanged posts and pages come
from the cache (planner.build.cache). `planner build` and `planner serve` call it.
"""

from __future__ import annotations

import calendar
import functools
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from planner import __version__
from planner.audience import covered_interests
from planner.build import output
from planner.build.cache import CACHE_DIR, Cache, digest, tree_digest
from planner.build.feeds import FEED_ENTRIES, FeedInfo, atom, json_feed, robots, rss, sitemap
from planner.build.gate import checker_installed, findings_for
from planner.build.pages import Links, Page, PostView, TagLink, site_pages, tag_slug
from planner.build.parallel import RenderFailed, TemplateFailed, render_pages, with_body
from planner.build.render import (
    RENDERER_VERSION,
    WORDS_PER_MINUTE,
    Renderer,
    first_paragraph,
    pygments_css,
    word_count,
)
from planner.build.theme import static_files, theme_dirs
from planner.calendar import agenda as calendar_agenda
from planner.calendar import entries as calendar_entries
from planner.calendar import post_url, to_ics
from planner.content import Post, State
from planner.findings import Finding, Severity
from planner.post_cache import load_posts_cached
from planner.schedule import dated_warnings
from planner.site import Site

ICS_HISTORY = timedelta(days=365)
"""calendar.ics holds the last year of posts and everything upcoming: what a calendar
subscription is for, and icalendar takes seconds to write thousands of events."""


@dataclass(frozen=True)
class BuildOptions:
    out: Path | None = None
    """Where the site goes; default: `[paths] output`."""
    drafts: bool = False
    """Include drafts (marked, never in feeds or the sitemap)."""
    future: bool = False
    """Include ready posts that are not published yet (marked, never in feeds)."""
    base_url: str | None = None
    now: datetime | None = None
    check: bool = True
    """The pre-publish gate: stop on error-level check findings."""
    progress: bool = False
    live_reload: bool = False
    """Serve mode: pages load the live-reload script; marked posts list their findings."""
    cache: bool = True
    keep_going: bool = False
    """Leave broken posts out and build the rest (serve mode), instead of stopping."""


@dataclass(frozen=True)
class BuildReport:
    out: Path
    posts: int
    pages_written: int
    pages_unchanged: int
    rendered: int
    cached: int
    checked: int
    seconds: float
    problems: tuple[Finding, ...] = ()
    """With `keep_going`: the errors of the posts that were left out."""


class BuildError(Exception):
    """The build stopped; the previous output is untouched."""

    def __init__(self, message: str, findings: tuple[Finding, ...] = ()) -> None:
        super().__init__(message)
        self.findings = findings


def build_site(site: Site, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the site into `options.out` (default `[paths] output`)."""
    started = time.perf_counter()
    now = options.now or site.now()
    base_url = options.base_url or site.config.site.base_url
    links = Links(base_url if base_url.endswith("/") else base_url + "/")
    out = (options.out or site.config.output_dir).resolve()
    try:
        output.check_owned(out)
    except output.ForeignOutput as err:
        raise BuildError(str(err)) from None
    if options.cache:
        loaded = load_posts_cached(site.post_files(), site.tz, site.root / CACHE_DIR)
    else:
        loaded = site.load_posts()
    # Every broken post is found before the build stops: load, check gate, render.
    broken = [f for f in loaded.problems if f.severity is Severity.ERROR]
    chosen = [p for p in loaded.posts if _included(p, now, options)]
    public = [p for p in chosen if p.state(now) is State.PUBLISHED]
    cache_dir = site.root / CACHE_DIR if options.cache else None
    horizon = now + timedelta(weeks=site.config.schedule.horizon_weeks)
    coming = [p for p in loaded.posts if p.state(now) is State.SCHEDULED and p.date <= horizon]
    gate, gate_errors, upcoming = _gate(
        site, public, coming if site.config.site.show_upcoming else [], options, cache_dir
    )
    notes = _marked_notes(site, chosen, now, options, cache_dir)

    cache = Cache(site.root, options.cache)
    post_keys = {post.path: _post_key(post) for post in loaded.posts}
    views = [_view(post, post_keys[post.path], links, now, notes, cache) for post in chosen]
    audience_key = digest(__version__, repr(site.audience.terms_by_interest))

    def interests_of(post: Post) -> tuple[str, ...]:
        key = digest("interests", audience_key, post_keys[post.path])
        covered = cache.fact(
            key, lambda: covered_interests(site.audience, post.tags, post.title, post.body)
        )
        return tuple(covered)

    entries = calendar_entries(
        [p for p in loaded.posts if p.status == "ready"],
        now=now,
        audience=site.audience,
        base_url=links.base_url,
        interests_of=interests_of,
        channels=site.config.channels,
    )
    pages = site_pages(
        views,
        links,
        per_page=site.config.site.posts_per_page,
        entries=entries,
        coverage_source=site.audience,
        today=now.date(),
        show_upcoming=site.config.site.show_upcoming,
        agenda=calendar_agenda(
            entries,
            today=now.date(),
            weeks=site.config.schedule.horizon_weeks,
            warnings=dated_warnings(
                site, loaded.posts, now, {e.path: e.interests for e in entries}
            ),
            findings=upcoming,
        ),
    )
    dirs = theme_dirs(site.root, site.config.paths.theme)
    settings = digest(
        tree_digest(dirs), repr(site.config.site), links.base_url, repr(options.live_reload)
    )
    keys = {page.path: digest(settings, _fingerprint(page)) for page in pages}
    fresh = [
        p for p in pages if cache.pages.get(p.path) != keys[p.path] or not (out / p.path).is_file()
    ]
    context = {
        "month_names": list(calendar.month_name),
        "site": site.config.site,
        "links": links,
        "live_reload": options.live_reload,
        "feeds": {"atom": links.href("feed.xml"), "rss": links.href("rss.xml")},
    }

    staging = output.start(out)
    try:
        try:
            written, converted, unrendered = render_pages(
                fresh, dirs, context, staging, out, cache, options.progress
            )
        except (TemplateFailed, output.UnsafePath) as err:
            raise BuildError(str(err)) from None
        if (broken or gate_errors or unrendered) and not options.keep_going:
            raise _stopped(broken, gate_errors, unrendered)
        public_views = sorted((v for v in views if not v.marked), key=_by_date, reverse=True)
        info = FeedInfo(
            site.config.site.title,
            site.config.site.description,
            site.config.site.author,
            site.config.site.language,
            links,
            now,
        )
        machine = _machine_files(info, public_views, entries, site, cache)
        for path, (key, produce) in machine.items():
            keys[path] = digest(settings, key)
            if cache.pages.get(path) != keys[path] or not (out / path).is_file():
                written += output.write(staging, out, path, produce())
        files = {path: source.read_bytes() for path, source in static_files(dirs).items()}
        files["static/pygments.css"] = pygments_css()
        files[output.MARKER] = f"niche-planner {__version__}\n".encode()
        written += sum(output.write(staging, out, path, data) for path, data in files.items())
        expected = {p.path for p in pages} | set(machine) | set(files)
        previous = cache.pages.get(FILES)
        output.apply(staging, out, expected, set(previous) if isinstance(previous, list) else None)
    except BaseException:
        output.abort(staging)
        raise
    cache.store_pages({**keys, FILES: sorted(expected)})
    cache.store_facts()
    return BuildReport(
        out,
        len(chosen),
        written,
        len(expected) - written,
        converted,
        len(chosen) - converted,
        gate,
        time.perf_counter() - started,
        (*broken, *gate_errors, *unrendered),
    )


def _stopped(
    broken: list[Finding], gate_errors: list[Finding], unrendered: list[Finding]
) -> BuildError:
    """Why the build stops, naming every broken post at once."""
    found = (*broken, *gate_errors, *unrendered)
    posts = len({f.path for f in found})
    if gate_errors and not (broken or unrendered):
        return BuildError(
            f"{len(gate_errors)} error-level finding(s) in {posts} post(s) about to be "
            "published; fix them, or build with --no-check",
            found,
        )
    extra = "; or build with --no-check to skip the check findings" if gate_errors else ""
    return BuildError(
        f"{len(found)} problem(s) in {posts} post(s); fix them to build{extra}", found
    )


FILES = "#files"
"""The manifest entry listing every file of the last build: what may go stale."""


def _included(post: Post, now: datetime, options: BuildOptions) -> bool:
    state = post.state(now)
    if state is State.DRAFT:
        return options.drafts
    if state is State.PUBLISHED:
        return True
    return options.future


def _gate(
    site: Site,
    public: list[Post],
    upcoming: list[Post],
    options: BuildOptions,
    cache_dir: Path | None,
) -> tuple[int, list[Finding], list[Finding]]:
    """Check the posts about to be published: (posts checked, their error-level findings,
    and the findings of the scheduled posts the calendar's agenda lists, checked in the
    same pass)."""
    if not options.check or not checker_installed():
        return 0, [], []
    found = findings_for(site, [*public, *upcoming], cache_dir)
    published = {p.path for p in public}
    errors = [f for f in found if f.severity is Severity.ERROR and f.path in published]
    return len(public) + len(upcoming), errors, [f for f in found if f.path not in published]


def _marked_notes(
    site: Site, posts: list[Post], now: datetime, options: BuildOptions, cache_dir: Path | None
) -> dict[Path, tuple[str, ...]]:
    """In serve mode, the check findings shown on the banner of drafts and future posts."""
    marked = [p for p in posts if p.state(now) is not State.PUBLISHED]
    if not options.live_reload or not marked or not checker_installed():
        return {}
    notes: dict[Path, list[str]] = {}
    for finding in findings_for(site, marked, cache_dir):
        notes.setdefault(finding.path, []).append(
            f"line {finding.line}: {finding.severity} {finding.rule}: {finding.message}"
        )
    return {path: tuple(lines) for path, lines in notes.items()}


def _post_key(post: Post) -> str:
    """A digest of everything the post's file says: front matter and body."""
    return digest(repr(sorted(post.meta.items(), key=lambda kv: str(kv[0]))), post.body)


def _view(
    post: Post,
    key: str,
    links: Links,
    now: datetime,
    notes: dict[Path, tuple[str, ...]],
    cache: Cache,
) -> PostView:
    """A post for the templates; its HTML is filled in when its page is drawn."""
    state = post.state(now)
    words, first = cache.fact(
        digest("view", __version__, RENDERER_VERSION, key),
        lambda: [word_count(post.body), first_paragraph(post.body)],
    )
    return PostView(
        slug=post.slug,
        title=post.title,
        href=links.href(f"posts/{post.slug}/"),
        url=post_url(links.base_url, post.slug),
        date=post.date,
        tags=tuple(
            TagLink(tag, tag_slug(tag), links.href(f"tags/{tag_slug(tag)}/")) for tag in post.tags
        ),
        summary=post.summary or first,
        html="",
        reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
        draft=state is State.DRAFT,
        future=state in (State.SCHEDULED, State.UNSCHEDULED),
        findings=notes.get(post.path, ()),
        key=key,
        source=post,
    )


def _by_date(view: PostView) -> float:
    return view.date.timestamp() if view.date else 0.0


def _machine_files(
    info: FeedInfo, public: list[PostView], entries: list, site: Site, cache: Cache
) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """Feeds, per-tag feeds, sitemap, robots.txt and calendar.ics: for each, what it
    depends on (as text, for its cache key) and how to make it."""
    links = info.links
    renderer = Renderer()
    newest_views = public[:FEED_ENTRIES]

    @functools.cache
    def newest() -> list[PostView]:  # with their HTML: the main feeds carry full posts
        views = []
        for view in newest_views:
            try:
                views.append(with_body(view, cache, renderer)[0])
            except RenderFailed:  # serve mode, where a broken post is left out
                continue
        return views

    shown = [
        e
        for e in entries
        if e.when >= info.updated - ICS_HISTORY
        and (e.status == "published" or site.config.site.show_upcoming)
    ]
    by_tag: dict[str, list[PostView]] = {}
    names: dict[str, str] = {}
    for view in public:
        for tag in view.tags:
            by_tag.setdefault(tag.slug, []).append(view)
            names[tag.slug] = tag.name
    listed = [("", max((v.date for v in public if v.date), default=None))]
    listed += [(f"posts/{v.slug}/", v.date) for v in public]
    listed += [(f"tags/{slug}/", None) for slug in by_tag]
    listed += [("tags/", None), ("archive/", None), ("calendar/", None)]
    newest_key = _fingerprint(newest_views)
    files: dict[str, tuple[str, Callable[[], bytes]]] = {
        "feed.xml": (newest_key, lambda: atom(info, newest(), "feed.xml")),
        "rss.xml": (newest_key, lambda: rss(info, newest())),
        "feed.json": (newest_key, lambda: json_feed(info, newest())),
        "robots.txt": ("", lambda: robots(links)),
        "calendar.ics": (
            repr(shown),
            lambda: to_ics(shown, calendar_name=info.title, tz=site.tz),
        ),
        "sitemap.xml": (repr(listed), lambda: sitemap(links, listed)),
    }
    for slug, views in by_tag.items():
        path = f"tags/{slug}/feed.xml"
        title = f"{info.title}: {names[slug]}"
        files[path] = (
            _fingerprint(views[:FEED_ENTRIES]),
            functools.partial(atom, info, views, path, title),
        )
    return files


def _fingerprint(value) -> str:
    """What a page's output depends on, as text; posts by their source, not their HTML."""
    if isinstance(value, PostView):
        return f"<post {value.key} {value.href} {value.marked} {value.findings}>"
    if isinstance(value, Page):
        return f"{value.path}|{value.template}|{_fingerprint(value.context)}"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k}:{_fingerprint(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ",".join(_fingerprint(v) for v in value) + "]"
    return repr(value)
