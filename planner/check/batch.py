"""Checking a whole site: loading and checking the posts on every core.

Checking is pure Python and CPU-bound, so threads would not help; a site of thousands
of posts is cut into chunks that a pool of worker processes (one per core) loads and
checks, while this process takes each chunk's reports in file order as they come, so
a caller can print the first posts while the last are still being checked. Small
sites stay in one process, where starting workers (and loading their word data)
would cost more than it saves. Posts are read with `Site.read_posts`, and a post whose
slug an earlier file already has is reported as `duplicate-slug` instead of checked, by
the same `SlugOwners` rule as `Site.load_posts`. A post that cannot be checked within
its time budget, or whose check fails, costs only that post: it becomes a finding.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from planner.budget import OverBudget, over_budget, time_budget
from planner.check.checker import Checker, PostReport
from planner.check.vocabulary import SiteVocabulary, sample, site_vocabulary
from planner.content import slug_line
from planner.findings import Finding, failure
from planner.limits import CHECK_SECONDS
from planner.site import Site, SlugOwners, in_path_order, open_site
from planner.workers import fork_context

PARALLEL_MIN_POSTS = 400
"""Below this many files, one process is faster than starting workers."""
CHUNKS_PER_WORKER = 8
"""Enough chunks that the workers finish together and the first reports come early."""

Chunk = tuple[list[PostReport], list[Finding]]
"""Reports of the posts that loaded, and findings for the files that did not."""
Claim = tuple[str, int]
"""A checked post's slug and the line that sets it, to find duplicates across chunks."""


def check_files(
    site: Site, files: Sequence[Path], workers: int | None = None
) -> tuple[list[PostReport], list[Finding]]:
    """Load and check `files`, in path order; the findings are the files that did not load."""
    reports: list[PostReport] = []
    problems: list[Finding] = []
    for chunk_reports, chunk_problems in iter_checks(site, files, workers):
        reports += chunk_reports
        problems += chunk_problems
    return reports, problems


def iter_checks(site: Site, files: Sequence[Path], workers: int | None = None) -> Iterator[Chunk]:
    """Load and check `files` chunk by chunk, yielding each chunk in path order."""
    owners = SlugOwners()
    for reports, claims, problems in _checked_chunks(site, in_path_order(files), workers):
        kept = []
        for report, (slug, line) in zip(reports, claims, strict=True):
            clash = owners.claim(report.path, slug, line)
            if clash is None:
                kept.append(report)
            else:
                problems.append(clash)
        yield kept, problems


def _checked_chunks(
    site: Site, files: Sequence[Path], workers: int | None
) -> Iterator[tuple[list[PostReport], list[Claim], list[Finding]]]:
    workers = min(workers or os.cpu_count() or 1, max(1, len(files) // (PARALLEL_MIN_POSTS // 2)))
    vocabulary = read_vocabulary(site)
    if workers <= 1 or len(files) < PARALLEL_MIN_POSTS:
        yield _check_chunk(Checker(site, vocabulary=vocabulary), files)
        return
    size = -(-len(files) // (workers * CHUNKS_PER_WORKER))
    chunks = [list(files[i : i + size]) for i in range(0, len(files), size)]
    _load_word_data()  # before forking, so the workers share these pages
    pool = ProcessPoolExecutor(
        workers,
        mp_context=fork_context(),
        initializer=_start_worker,
        initargs=(site.config.path, site.root, vocabulary),
    )
    try:
        for future in [pool.submit(_check_in_worker, chunk) for chunk in chunks]:
            yield future.result()
    finally:  # also when the caller stops early or Ctrl-C: drop the chunks not started
        pool.shutdown(cancel_futures=True)


def read_vocabulary(site: Site) -> SiteVocabulary:
    """The site's vocabulary from all its posts (a sample of a large site), whichever
    files are checked: a tag's share of the site does not depend on what is checked."""
    posts, _ = site.read_posts(sample(site.post_files()))
    return site_vocabulary(posts)


def _check_chunk(
    checker: Checker, files: Sequence[Path]
) -> tuple[list[PostReport], list[Claim], list[Finding]]:
    posts, problems = checker.site.read_posts(files)
    reports: list[PostReport] = []
    claims: list[Claim] = []
    for post in posts:
        try:
            with time_budget(CHECK_SECONDS):
                report = checker.check(post)
        except OverBudget as err:
            problems.append(over_budget(post.path, post.body_line, "checking", err))
            continue
        except Exception as err:  # a bug must cost one post, not the whole run
            problems.append(failure(post.path, post.line_of("title"), "check", err))
            continue
        reports.append(report)
        claims.append((post.slug, slug_line(post)))
    return reports, claims, problems


_worker_checker: Checker | None = None
"""The checker of this worker process, made once by `_start_worker`."""


def _start_worker(config_path: Path | None, root: Path, vocabulary: SiteVocabulary) -> None:
    global _worker_checker
    _worker_checker = Checker(open_site(config_path, start=root), vocabulary=vocabulary)


def _check_in_worker(files: list[Path]) -> tuple[list[PostReport], list[Claim], list[Finding]]:
    assert _worker_checker is not None, "the pool starts every worker with _start_worker"
    return _check_chunk(_worker_checker, files)


def _load_word_data() -> None:
    from planner.specificity import score_term, score_text

    score_term("warm up")
    score_text("Warm up.")
