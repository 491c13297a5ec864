"""Template and feed speed: each page kind drawn from a loaded site, and each feed written.

Usage:
    python benchmarks/bench_templates.py SITE [--pages 100] [--runs 15] [--now DATETIME]
    python benchmarks/bench_templates.py SITE --against DIR   # DIR: another checkout

The site is loaded and its pages listed as `planner build` does (no check gate; its
cache store is read, so snippets already worked out are not worked out again). Post
bodies are converted before any timing, so a post page's figure is its template alone.
A pass draws --pages pages of one kind (all there are, if fewer) with the site's theme,
or writes one kind of feed over and over for about 0.1 s: per-tag Atom feeds
(summaries), the site's Atom, RSS and JSON feeds (full posts) and sitemap.xml. Each
figure is the median of --runs passes, in ms per page or per feed.

With --against, a second worker process loads the planner package of another checkout
(say `git archive main | tar -x -C /tmp/main`) and the two take turns pass by pass,
the first to go swapped every round: the machine is shared and its load changes from
second to second, more than the difference between two processes run one after the
other would show.
"""

from __future__ import annotations

import argparse
import gc
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
PASS_SECONDS = 0.1
"""A feed pass writes its feed this long (about), so short feeds are timed over many."""


def passes(site_dir: Path, pages_per_kind: int, now: str | None) -> dict[str, Callable[[], float]]:
    """For each page and feed kind, a pass: it returns the seconds per page or feed."""
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

    found: dict[str, Callable[[], float]] = {}
    for kind in KINDS:
        sample = [p for p in pages if p.template == kind][:pages_per_kind]
        if not sample:
            continue
        template = env.get_template(kind)
        contexts = [{**shared, **with_html(page.context)} for page in sample]
        for context in contexts:  # snippets and anything else loaded on first use
            template.render(**context)

        def draw(template=template, contexts=contexts) -> float:
            started = time.perf_counter()
            for context in contexts:
                template.render(**context)
            return (time.perf_counter() - started) / len(contexts)

        found[kind] = draw

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

    feeds: dict[str, tuple[Callable[[], object], int]] = {
        "tag feed": (tag_feeds, max(1, len(by_tag))),
        "atom": (lambda: atom(info, newest, urls.ATOM_FEED), 1),
        "rss": (lambda: rss(info, newest), 1),
        "json": (lambda: json_feed(info, newest), 1),
        "sitemap": (lambda: sitemap(run.links, listed), 1),
    }
    for name, (make, count) in feeds.items():
        started = time.perf_counter()
        make()
        times = max(1, round(PASS_SECONDS / max(time.perf_counter() - started, 1e-6)))

        def write(make=make, times=times, count=count) -> float:
            started = time.perf_counter()
            for _ in range(times):
                make()
            return (time.perf_counter() - started) / (times * count)

        found[name] = write
    # The loaded site is millions of objects that live to the end: without this, a pass
    # that happens to set off a full collection counts the collector walking them all.
    gc.collect()
    gc.freeze()
    return found


def serve(args: argparse.Namespace) -> None:
    """Worker: load the site, say which kinds it has, then run a pass per kind asked."""
    found = passes(args.site.resolve(), args.pages, args.now)
    print(json.dumps(sorted(found)), flush=True)
    for line in sys.stdin:
        print(json.dumps(found[line.strip()]()), flush=True)


class Worker:
    """A `serve` process whose `planner` package comes from `source`."""

    def __init__(self, source: Path, args: argparse.Namespace) -> None:
        command = [sys.executable, __file__, str(args.site), "--worker", "--pages", str(args.pages)]
        if args.now:
            command += ["--now", args.now]
        env = {**os.environ, "PYTHONPATH": str(source)}
        self.process = subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self.kinds: list[str] = json.loads(self._line())

    def run(self, kind: str) -> float:
        self.process.stdin.write(kind + "\n")
        self.process.stdin.flush()
        return json.loads(self._line())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()

    def _line(self) -> str:
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"a worker stopped (exit code {self.process.wait()})")
        return line


def table(figures: dict[str, dict[str, list[float]]]) -> str:
    """A row per page and feed kind: the median of each source, and the change."""
    names = list(figures)
    header = f"{'':<15}" + "".join(f"{n:>12}" for n in names)
    lines = [header + (f"{'change':>9}" if len(names) == 2 else "")]
    for kind in (*KINDS, *FEEDS):
        if not all(kind in runs for runs in figures.values()):
            continue
        medians = [statistics.median(runs[kind]) * 1000 for runs in figures.values()]
        row = f"{kind:<15}" + "".join(f"{m:>12.3f}" for m in medians)
        if len(medians) == 2:
            row += f"{(medians[1] / medians[0] - 1) * 100:>+8.0f}%"
        lines.append(row)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the site directory (with planner.toml)")
    parser.add_argument("--pages", type=int, default=100, help="pages drawn per pass")
    parser.add_argument("--runs", type=int, default=15, help="passes per kind and source")
    parser.add_argument("--now", help="what counts as published (default: the clock)")
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        serve(args)
        return
    sources = {"this": REPO}
    if args.against:
        sources = {args.against.name or "against": args.against.resolve(), "this": REPO}
    workers = {name: Worker(source, args) for name, source in sources.items()}
    figures: dict[str, dict[str, list[float]]] = {name: {} for name in workers}
    try:
        kinds = [k for k in (*KINDS, *FEEDS) if all(k in w.kinds for w in workers.values())]
        for round_number in range(args.runs):
            order = list(workers.items())
            if round_number % 2:
                order.reverse()
            for kind in kinds:
                for name, worker in order:
                    figures[name].setdefault(kind, []).append(worker.run(kind))
    finally:
        for worker in workers.values():
            worker.close()
    print(f"{args.site}: ms per page drawn (up to {args.pages} of each kind) or per feed")
    turns = ", the sources taking turns" if args.against else ""
    print(f"written, median of {args.runs} passes{turns}")
    print(table(figures))


if __name__ == "__main__":
    main()
