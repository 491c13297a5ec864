"""Checking a whole site: loading and checking the posts on every core.

Checking is pure Python and CPU-bound, so threads would not help; a site of thousands
of posts is split into contiguous chunks, one per core, and this process checks the
first chunk while worker processes check the others. Small sites stay in one process,
where starting a worker (and loading its word data) would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from planner.check.checker import Checker, PostReport
from planner.findings import Finding
from planner.site import Site, open_site

PARALLEL_MIN_POSTS = 400
"""Below this many files, one process is faster than starting workers."""


def check_files(
    site: Site, files: Sequence[Path], workers: int | None = None
) -> tuple[list[PostReport], list[Finding]]:
    """Load and check `files`, in order; the findings are the files that did not load."""
    workers = min(workers or os.cpu_count() or 1, max(1, len(files) // (PARALLEL_MIN_POSTS // 2)))
    if workers <= 1 or len(files) < PARALLEL_MIN_POSTS:
        return _check_chunk(site, files)
    size = -(-len(files) // workers)
    chunks = [list(files[i : i + size]) for i in range(0, len(files), size)]
    _load_word_data()  # before forking, so the workers share these pages
    with ProcessPoolExecutor(len(chunks) - 1, mp_context=_fork_context()) as pool:
        futures = [
            pool.submit(_check_in_worker, site.config.path, site.root, chunk)
            for chunk in chunks[1:]
        ]
        reports, problems = _check_chunk(site, chunks[0])
        for future in futures:
            more_reports, more_problems = future.result()
            reports += more_reports
            problems += more_problems
    return reports, problems


def _check_chunk(site: Site, files: Sequence[Path]) -> tuple[list[PostReport], list[Finding]]:
    loaded = site.load_posts(files)
    checker = Checker(site)
    return [checker.check(post) for post in loaded.posts], list(loaded.problems)


def _check_in_worker(
    config_path: Path | None, root: Path, files: list[Path]
) -> tuple[list[PostReport], list[Finding]]:
    return _check_chunk(open_site(config_path, start=root), files)


def _load_word_data() -> None:
    from planner.specificity import score_term, score_text

    score_term("warm up")
    score_text("Warm up.")


def _fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where the platform has it: workers start at once, sharing loaded data."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None
