"""Template and feed speed: each page kind drawn from a loaded site, and each feed written.

Usage:
    python benchmarks/bench_templates.py SITE [--pages 200] [--runs 5] [--now DATETIME]
    python benchmarks/bench_templates.py SITE --against DIR   # DIR: another checkout

The site is loaded and its pages listed as `planner build` does (no check gate; its
cache store is used and kept up to date, so snippets are worked out once). Post bodies
are converted before any timing, so a post page's figure is its template alone. For
each page kind, --pages pages of that kind (all there are, if fewer) are drawn with the
default theme and the time per page is the median of --runs passes; each feed kind is
written over and over for the same time per feed: per-tag Atom feeds (summaries), the
site's Atom, RSS and JSON feeds (full posts) and sitemap.xml.

With --against, the same figures come from the planner package of another checkout
(say `git archive main | tar -x -C /tmp/main`) and from this one, each run in its own
process, the two alternating --runs times, because the machine is shared and noisy;
the table gives the median of each and the change.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = (
    "post.html",
    "share.html",
    "tag.html",
    "index.html",
    "tags.html",
    "archive.html",
    "calendar.html",
)
FEEDS = ("tag feed", "atom", "rss", "json", "sitemap")
REPEATS = 5
"""Passes over the sampled pages in one process; its figure is their median."""


def measure(site_dir: Path, pages_per_kind: int, now: str | None) -> dict[str, float]:
    """Seconds per page (per page kind) and per feed (per feed kind), in this process."""
    from planner import urls
    from planner.cli.common import resolve_now
    from planner.publish import (
        BuildOptions,
        _load,
        _pages,
        _start,
        _template_context,
        _views,
    )
    from planner.publish.feeds import (
        FEED_ENTRIES,
        FeedInfo,
        atom,
        json_feed,
        rss,
        sitemap,
        sitemap_entries,
    )
    from planner.publish.render import Renderer
    from planner.publish.theme import environment, theme_dirs
    from planner.site import open_site

    site = open_site(start=site_dir)
    with tempfile.TemporaryDirectory() as out:
        options = BuildOptions(out=Path(out), now=resolve_now(site, now), check=False)
        run = _start(site, options)
        posts = _load(run)
        views = _views(run, posts)
        pages = _pages(run, posts, views)
        shared = _template_context(run)
    env = environment(theme_dirs(site.root, site.config.paths.theme))
    renderer = Renderer()

    def with_html(context: dict) -> dict:
        post = context.get("post")
        if post is None:
            return context
        return {**context, "post": replace(post, html=renderer.render(post.source.body))}

    figures: dict[str, float] = {}
    for kind in KINDS:
        sample = [p for p in pages if p.template == kind][:pages_per_kind]
        if not sample:
            continue
        template = env.get_template(kind)
        contexts = [{**shared, **with_html(page.context)} for page in sample]
        for context in contexts:  # snippets and anything else loaded on first use
            template.render(**context)

        def draw(template=template, contexts=contexts) -> None:
            for context in contexts:
                template.render(**context)

        figures[kind] = _median_time(draw, REPEATS) / len(contexts)

    config = site.config.site
    info = FeedInfo(
        config.title, config.description, config.author, config.language, run.links, run.now
    )
    public = sorted(
        (v for v in views if not v.marked),
        key=lambda v: v.date.timestamp() if v.date else 0.0,
        reverse=True,
    )
    newest = [replace(v, html=renderer.render(v.source.body)) for v in public[:FEED_ENTRIES]]
    by_tag: dict[str, list] = {}
    for view in public:
        for tag in view.tags:
            by_tag.setdefault(tag.slug, []).append(view)
    listed = sitemap_entries(pages)

    def tag_feeds() -> None:
        for slug, tagged in by_tag.items():
            atom(info, tagged, urls.tag_feed_path(slug), slug)

    makers: dict[str, tuple[Callable[[], object], int]] = {
        "tag feed": (tag_feeds, max(1, len(by_tag))),
        "atom": (lambda: atom(info, newest, urls.ATOM_FEED), 1),
        "rss": (lambda: rss(info, newest), 1),
        "json": (lambda: json_feed(info, newest), 1),
        "sitemap": (lambda: sitemap(run.links, listed), 1),
    }
    for name, (make, count) in makers.items():
        rounds = max(1, round(0.2 / max(_median_time(make, 1), 1e-6)))  # ~0.2 s a pass
        figures[name] = _median_time(lambda m=make, n=rounds: _repeat(m, n), REPEATS) / (
            rounds * count
        )
    figures["#pages"] = {k: len([p for p in pages if p.template == k]) for k in KINDS}
    return figures


def _repeat(make: Callable[[], object], times: int) -> None:
    for _ in range(times):
        make()


def _median_time(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def in_process(source: Path, args: argparse.Namespace) -> dict:
    """`measure` in a fresh Python whose `planner` package comes from `source`."""
    command = [sys.executable, __file__, str(args.site), "--json", "--pages", str(args.pages)]
    if args.now:
        command += ["--now", args.now]
    env = {**os.environ, "PYTHONPATH": str(source)}
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def table(columns: dict[str, list[dict]], pages_per_kind: int) -> str:
    """Rows of page and feed kinds; a column of medians per source, and the change."""
    names = list(columns)
    first = next(iter(columns.values()))[0]
    lines = [f"{'':<16}{'pages':>7}" + "".join(f"{n:>14}" for n in names)]
    if len(names) == 2:
        lines[0] += f"{'change':>10}"
    for kind in (*KINDS, *FEEDS):
        if kind not in first:
            continue
        medians = [statistics.median(run[kind] for run in runs) for runs in columns.values()]
        drawn = min(first["#pages"][kind], pages_per_kind) if kind in KINDS else ""
        row = f"{kind:<16}{drawn:>7}" + "".join(f"{m * 1000:>14.3f}" for m in medians)
        if len(medians) == 2:
            row += f"{(medians[1] / medians[0] - 1) * 100:>+9.0f}%"
        lines.append(row)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the site directory (with planner.toml)")
    parser.add_argument("--pages", type=int, default=200, help="pages drawn per page kind")
    parser.add_argument("--runs", type=int, default=5, help="processes per source")
    parser.add_argument("--now", help="what counts as published (default: the clock)")
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--json", action="store_true", help="one run's figures as JSON")
    args = parser.parse_args()
    if args.json:
        print(json.dumps(measure(args.site.resolve(), args.pages, args.now)))
        return
    sources = {"this": REPO}
    if args.against:
        sources = {args.against.name or "against": args.against.resolve(), "this": REPO}
    columns: dict[str, list[dict]] = {name: [] for name in sources}
    for _ in range(args.runs):
        for name, source in sources.items():
            columns[name].append(in_process(source, args))
    print(f"{args.site}: median of {args.runs} process(es) per column, each the median")
    print(f"of {REPEATS} passes; page kinds in ms per page drawn, feeds in ms per feed")
    print(table(columns, args.pages))


if __name__ == "__main__":
    main()
