"""The static build: published posts to HTML pages, feeds and a calendar, fast.

`build_site(site, BuildOptions())` first asks whether the last build's output is still
right (planner.publish.unchanged: nothing it read has changed, and the clock has not
passed a moment its pages turn at); when it is not, planner.publish.phases builds. Both
`planner build` and `planner serve` call it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from planner.cache import Store
from planner.findings import Finding
from planner.publish import output, unchanged
from planner.publish.theme import theme_dirs
from planner.site import Site


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
    untouched: bool = False
    """Nothing to do: the inputs and the clock were those of the last build."""


class BuildError(Exception):
    """The build stopped; the previous output is untouched."""

    def __init__(self, message: str, findings: tuple[Finding, ...] = ()) -> None:
        super().__init__(message)
        self.findings = findings


def build_site(site: Site, options: BuildOptions = BuildOptions()) -> BuildReport:
    """Build the site into `options.out` (default `[paths] output`)."""
    started = time.perf_counter()
    out = (options.out or site.config.output_dir).resolve()
    try:
        output.check_owned(out)
    except output.ForeignOutput as err:
        raise BuildError(str(err)) from None
    now = options.now or site.now()
    theme = theme_dirs(site.root, site.config.paths.theme)
    inputs: unchanged.Inputs | None = None
    if options.cache:
        store = site.cache
        inputs = unchanged.inputs_of(site, options, theme)
        last = unchanged.recall(store, out)
        if last is not None and unchanged.still_good(last, inputs, now, out):
            seconds = time.perf_counter() - started
            files = len(last.files)
            return BuildReport(
                out, last.posts, 0, files, 0, last.posts, last.checked, seconds, untouched=True
            )
        unchanged.forget(store, out)  # before the output changes
    else:
        store = Store(None)
        site.cache.drop_output(out)  # what it says of `out` will no longer be true

    # Imported here: a build with nothing to do needs none of it (Markdown, Jinja2...).
    from planner.publish.phases import Run, build
    from planner.urls import Links

    links = Links.of(options.base_url or site.config.site.base_url)
    report, posts, files = build(Run(site, options, now, links, out, theme, store, started))
    if inputs is not None and inputs.settled and not report.problems:
        until = unchanged.good_until(site, posts, now)
        record = unchanged.Record(inputs.digest, now, until, report.posts, report.checked, files)
        unchanged.remember(store, out, record)
    return report
