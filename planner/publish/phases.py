"""The phases of a build: load the posts, gate them through the checker, make their
views, list the pages, then write the outputs (`build`).

Everything is gathered before anything is written; the output goes to a staging
directory beside the output and is swapped in when complete (planner.publish.output);
Markdown and templates run on every core for large sites (planner.publish.parallel);
unchanged posts and pages come from the site's cache store (planner.cache).
"""

from __future__ import annotations

import calendar
import functools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from planner import __version__, urls
from planner.audience import COVERS_VERSION, covered_interests
from planner.cache import SHARDS, Store, Table, digest
from planner.calendar import ICS_HISTORY, Entry, to_ics
from planner.calendar import agenda as calendar_agenda
from planner.calendar import entries as calendar_entries
from planner.codec import decoder
from planner.content import Post, State
from planner.findings import Finding, Severity
from planner.packs import Packs
from planner.publish import BuildError, BuildOptions, BuildReport, output
from planner.publish.feeds import (
    FEED_ENTRIES,
    FeedInfo,
    atom,
    json_feed,
    robots,
    rss,
    sitemap,
    sitemap_entries,
)
from planner.publish.gate import findings_for
from planner.publish.pages import Page, PostView, post_key, post_view, site_pages
from planner.publish.parallel import (
    RenderFailed,
    TemplateFailed,
    body_key,
    render_pages,
    with_body,
)
from planner.publish.render import RENDERER_VERSION, Renderer, pygments_css
from planner.publish.share import judge_tags, shared_posts, with_share_outputs
from planner.publish.theme import static_files, tree_digest
from planner.schedule import dated_warnings
from planner.site import Site
from planner.urls import Links

TEXT_LIST = decoder(tuple[str, ...])
"""Decodes the cached lists of text: the interests a post covers, the files of a build."""


@dataclass
class Run:
    """What every phase of one build shares."""

    site: Site
    options: BuildOptions
    now: datetime
    links: Links
    out: Path
    theme: list[Path]
    """The theme's directories, the site's own first."""
    store: Store
    started: float
    chosen: list[Post] = field(default_factory=list)
    """The posts this build shows (published; drafts and future ones when asked)."""
    keys: dict[Path, str] = field(default_factory=dict)
    """Each post's source digest."""
    entries: list[Entry] = field(default_factory=list)
    """The calendar: every dated ready post."""
    upcoming: list[Finding] = field(default_factory=list)
    """Check findings of the scheduled posts the calendar's agenda lists."""
    broken: list[Finding] = field(default_factory=list)
    """Errors of the post files that could not be loaded."""
    gate_errors: list[Finding] = field(default_factory=list)
    """Error-level check findings of the posts about to be published."""
    unrendered: list[Finding] = field(default_factory=list)
    """A finding for each post whose body could not be converted (its page is left out)."""


def build(run: Run) -> tuple[BuildReport, list[Post], tuple[str, ...]]:
    """Build the site as `run` says: the report, every post loaded, the site's files."""
    # Every broken post is found before the build stops: load, check gate, render.
    posts = _load(run)  # every post, so the calendar shows what is coming
    checked = _gate(run, posts)
    views = _views(run, posts)
    pages = _pages(run, posts, views)  # all pages as plain data, before any is drawn
    try:
        written, converted, files = _outputs(run, pages, views)
    except BuildError:
        # The manifest is recorded only once the build goes ahead, so what the checker
        # found and the bodies converted stay known for the next build.
        run.store.save()
        raise
    run.store.save()  # only once the output is in place: the manifest describes it
    report = BuildReport(
        run.out,
        len(views),
        written,
        len(files) - written,
        converted,
        len(views) - converted,
        checked,
        time.perf_counter() - run.started,
        (*run.broken, *run.gate_errors, *run.unrendered),
    )
    return report, posts, files


def _load(run: Run) -> list[Post]:
    """Every post of the site that loads; the errors of the files that do not are kept
    for the report (the build stops on them once rendering has found the rest)."""
    loaded = run.site.load_posts(cached=run.options.cache)
    run.broken = [f for f in loaded.problems if f.severity is Severity.ERROR]
    run.chosen = [p for p in loaded.posts if _included(p, run.now, run.options)]
    run.keys = {post.path: post_key(post) for post in loaded.posts}
    return list(loaded.posts)


def _gate(run: Run, posts: list[Post]) -> int:
    """Check the posts about to be published and keep their error-level findings; in the
    same pass, check the scheduled posts the calendar's agenda lists and keep their
    findings. Returns how many posts were checked."""
    public = [p for p in run.chosen if p.state(run.now) is State.PUBLISHED]
    if not run.options.check:
        return 0
    horizon = run.now + timedelta(weeks=run.site.config.schedule.horizon_weeks)
    coming = [
        p for p in posts if p.state(run.now) is State.SCHEDULED and p.date and p.date <= horizon
    ]
    coming = coming if run.site.config.site.show_upcoming else []
    found = findings_for(run.site, [*public, *coming], run.store)
    published = {p.path for p in public}
    run.upcoming = [f for f in found if f.path not in published]
    run.gate_errors = [f for f in found if f.severity is Severity.ERROR and f.path in published]
    return len(public) + len(coming)


def _views(run: Run, posts: list[Post]) -> list[PostView]:
    """The chosen posts as templates see them (their HTML comes when pages are drawn)."""
    notes = _marked_notes(run)
    facts = run.store.table("facts", shards=SHARDS)
    views = [
        post_view(post, run.keys[post.path], run.links, run.now, notes, facts)
        for post in run.chosen
    ]
    audience_key = digest(repr(run.site.audience.terms_by_interest))

    def interests_of(post: Post) -> tuple[str, ...]:
        key = facts.key("interests", COVERS_VERSION, audience_key, run.keys[post.path])
        audience = run.site.audience
        return facts.fetch(
            key,
            lambda: tuple(covered_interests(audience, post)),
            list,
            TEXT_LIST,
        )

    run.entries = calendar_entries(
        [p for p in posts if p.status == "ready"],
        now=run.now,
        audience=run.site.audience,
        base_url=run.links.base_url,
        interests_of=interests_of,
        channels=run.site.config.channels,
    )
    return views


def _marked_notes(run: Run) -> dict[Path, tuple[str, ...]]:
    """In serve mode, the check findings shown on the banner of drafts and future posts."""
    marked = [p for p in run.chosen if p.state(run.now) is not State.PUBLISHED]
    if not run.options.live_reload or not marked:
        return {}
    notes: dict[Path, list[str]] = {}
    for finding in findings_for(run.site, marked, run.store):
        notes.setdefault(finding.path, []).append(
            f"line {finding.line}: {finding.severity} {finding.rule}: {finding.message}"
        )
    return {path: tuple(lines) for path, lines in notes.items()}


def _pages(run: Run, posts: list[Post], views: list[PostView]) -> list[Page]:
    """Every HTML page of the site, as plain data."""
    site, today = run.site, run.now.date()
    interests = {e.path: e.interests for e in run.entries}
    agenda = calendar_agenda(
        run.entries,
        today=today,
        weeks=site.config.schedule.horizon_weeks,
        warnings=dated_warnings(site, posts, run.now, interests),
        findings=run.upcoming,
    )
    pages = site_pages(
        views,
        run.links,
        per_page=site.config.site.posts_per_page,
        entries=run.entries,
        coverage_source=site.audience,
        today=today,
        show_upcoming=site.config.site.show_upcoming,
        agenda=agenda,
    )
    shared = shared_posts(posts, run.chosen, run.now)
    serving = run.options.live_reload
    return with_share_outputs(pages, site, shared, run.links, run.keys, run.store, serving)


def _outputs(
    run: Run, pages: list[Page], views: list[PostView]
) -> tuple[int, int, tuple[str, ...]]:
    """Draw the pages and machine files that changed, add the static files, and swap the
    result in: (files written, post bodies converted, the files of the site)."""
    dirs = run.theme
    settings = digest(
        tree_digest(dirs),
        repr(run.site.config.site),
        run.links.base_url,
        repr(run.options.live_reload),
    )
    manifest = run.store.manifest(run.out, settings)
    bodies = run.store.packs("bodies", settings=RENDERER_VERSION)
    for view in views:
        bodies.keep(body_key(view, bodies))
    made_from = {p.path: manifest.key(_fingerprint(p)) for p in pages}
    fresh = [p for p in pages if _stale(manifest, run.out, p.path, made_from[p.path])]
    judge_tags(fresh)
    staging = output.start(run.out)
    try:
        try:
            written, converted, run.unrendered = render_pages(
                fresh, dirs, _template_context(run), staging, run.out, bodies, run.options.progress
            )
        except (TemplateFailed, output.UnsafePath) as err:
            raise BuildError(str(err)) from None
        if (run.broken or run.gate_errors or run.unrendered) and not run.options.keep_going:
            raise _stopped(run.broken, run.gate_errors, run.unrendered)
        for path, key in made_from.items():
            _record(manifest, path, key)
        machine = _machine_files(run, views, pages, bodies)
        for path, (inputs, produce) in machine.items():
            key = manifest.key(inputs)
            if _stale(manifest, run.out, path, key):
                written += output.write(staging, run.out, path, produce())
            _record(manifest, path, key)
        files = {path: source.read_bytes() for path, source in static_files(dirs).items()}
        files["static/pygments.css"] = pygments_css()
        files[output.MARKER] = f"niche-planner {__version__}\n".encode()
        written += sum(output.write(staging, run.out, path, data) for path, data in files.items())
        expected = {p.path for p in pages} | set(machine) | set(files)
        output.apply(staging, run.out, expected, _previous_files(manifest))
    except BaseException:
        output.abort(staging)
        raise
    manifest.put(FILES, sorted(expected))
    return written, converted, tuple(sorted(expected))


FILES = "#files"
"""The manifest entry listing every file of the last build: what may go stale."""


def _previous_files(manifest: Table) -> set[str] | None:
    """Every file of the last build into this output directory, when known."""
    try:
        return set(TEXT_LIST(manifest.get(FILES)))
    except (TypeError, ValueError):
        return None


def _stale(manifest: Table, out: Path, path: str, key: str) -> bool:
    """Whether the file at `path` must be made again: the key of its inputs
    (`manifest.key`) changed since the last build into `out`, or it is missing."""
    return manifest.get(path) != key or not os.path.isfile(f"{out}/{path}")


def _record(manifest: Table, path: str, key: str) -> None:
    """Note in the manifest that the file at `path` is made from the inputs of `key`;
    only once the build goes ahead, so a stopped build leaves the manifest describing
    the old output."""
    manifest.put(path, key)


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


def _template_context(run: Run) -> dict:
    """What every template is given besides its page's own context."""
    return {
        "month_names": list(calendar.month_name),
        "site": run.site.config.site,
        "links": run.links,
        "live_reload": run.options.live_reload,
        "feeds": {"atom": run.links.href(urls.ATOM_FEED), "rss": run.links.href(urls.RSS_FEED)},
    }


def _included(post: Post, now: datetime, options: BuildOptions) -> bool:
    state = post.state(now)
    if state is State.DRAFT:
        return options.drafts
    if state is State.PUBLISHED:
        return True
    return options.future


def _by_date(view: PostView) -> float:
    return view.date.timestamp() if view.date else 0.0


def _machine_files(
    run: Run, views: list[PostView], pages: list[Page], bodies: Packs
) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """Feeds, per-tag feeds, sitemap, robots.txt and calendar.ics: for each, what it
    depends on (as text, for its cache key) and how to make it."""
    site, links = run.site, run.links
    config = site.config.site
    info = FeedInfo(
        config.title, config.description, config.author, config.language, links, run.now
    )
    public = sorted((v for v in views if not v.marked), key=_by_date, reverse=True)
    newest_views = public[:FEED_ENTRIES]

    @functools.cache
    def newest() -> list[PostView]:  # with their HTML: the main feeds carry full posts
        renderer = Renderer()
        views = []
        for view in newest_views:
            try:
                views.append(with_body(view, bodies, renderer)[0])
            except RenderFailed:  # serve mode, where a broken post is left out
                continue
        return views

    shown = [
        e
        for e in run.entries
        if e.when >= info.updated - ICS_HISTORY
        and (e.status == "published" or site.config.site.show_upcoming)
    ]
    by_tag: dict[str, list[PostView]] = {}
    names: dict[str, str] = {}
    for view in public:
        for tag in view.tags:
            by_tag.setdefault(tag.slug, []).append(view)
            names[tag.slug] = tag.name
    listed = sitemap_entries(pages)
    newest_key = _fingerprint(newest_views)
    files: dict[str, tuple[str, Callable[[], bytes]]] = {
        urls.ATOM_FEED: (newest_key, lambda: atom(info, newest(), urls.ATOM_FEED)),
        urls.RSS_FEED: (newest_key, lambda: rss(info, newest())),
        urls.JSON_FEED: (newest_key, lambda: json_feed(info, newest())),
        urls.ROBOTS: ("", lambda: robots(links)),
        urls.ICS: (repr(shown), lambda: to_ics(shown, calendar_name=info.title, tz=site.tz)),
        urls.SITEMAP: (repr(listed), lambda: sitemap(links, listed)),
    }
    for slug, tagged in by_tag.items():
        path = urls.tag_feed_path(slug)
        title = f"{info.title}: {names[slug]}"
        files[path] = (
            _fingerprint(tagged[:FEED_ENTRIES]),
            functools.partial(atom, info, tagged, path, title),
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
