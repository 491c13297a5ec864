"""The checker process: checks in it, and one that overruns its budget is replaced."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_site

from planner.lsp.worker import CheckWorker

POST = "---\ntitle: Rebuilding the Muncie M21\ntags: [cars]\n---\nThe Muncie M21 in 1968.\n"
SLOW = "---\ntitle: T\ntags: [cars]\n---\n" + "The Muncie M21 gearbox, 1968. " * 60_000
"""Within every input limit (1.8 MB, no nesting) but seconds to check: past a 0.5 s budget."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("worker") / "site", audience='too_broad = ["cars"]\n')


@pytest.fixture(scope="module")
def worker() -> Iterator[CheckWorker]:
    worker = CheckWorker(budget=0.5)
    yield worker
    worker.close()


def check(worker: CheckWorker, site: Path, text: str) -> list[str]:
    path = site / "content" / "posts" / "post.md"
    return [d.rule for d in worker.check(site / "planner.toml", path, text).diagnostics]


def test_a_post_is_checked_in_the_worker(worker: CheckWorker, site: Path):
    assert "tag-too-broad" in check(worker, site, POST)


def test_a_check_over_budget_is_one_diagnostic_in_time(worker: CheckWorker, site: Path):
    check(worker, site, POST)  # the site is loaded: only the check is timed
    started = time.monotonic()
    assert check(worker, site, SLOW) == ["check-timeout"]
    assert time.monotonic() - started < 0.5 + 5


def test_the_process_is_replaced_after_an_overrun(worker: CheckWorker, site: Path):
    check(worker, site, POST)
    before = worker.pid
    check(worker, site, SLOW)
    assert worker.pid != before
    assert "tag-too-broad" in check(worker, site, POST)


def test_a_warmed_worker_answers_its_first_check(tmp_path: Path):
    site = write_site(tmp_path / "site", audience='too_broad = ["cars"]\n')
    worker = CheckWorker(budget=5)
    try:
        worker.warm(site / "planner.toml")
        assert worker.pid is not None
        assert "tag-too-broad" in check(worker, site, POST)
    finally:
        worker.close()
