"""Work spread over every core, in forked processes.

Loading posts and drawing pages are pure Python and CPU-bound, so they run in worker
processes: forked (where the platform can) after the work list is built, so each
worker reads it from inherited memory by index instead of receiving it pickled. Small
jobs stay in this process, where starting workers costs more than they save.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any, TypeVar

PARALLEL_MIN = 200
"""Fewer items than this are done in this process."""
CHUNKS_PER_WORKER = 8
"""Several chunks per core even out the load."""

T = TypeVar("T")


def fork_context() -> multiprocessing.context.BaseContext | None:
    """Fork where the platform has it: workers start at once, sharing loaded data."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def in_chunks(work: Callable[[int, int], T], count: int, progress: str = "") -> list[T]:
    """`work(start, stop)` over `count` items: in chunks on every core, or here when the
    job is small or the platform cannot fork. The results come in no particular order.

    With `progress`, a line on stderr counts the items done under that label.
    """
    workers = os.cpu_count() or 1
    context = fork_context()
    if count < PARALLEL_MIN or workers == 1 or context is None:
        return [work(0, count)]
    size = max(1, -(-count // (workers * CHUNKS_PER_WORKER)))
    bounds = [(i, min(i + size, count)) for i in range(0, count, size)]
    results = []
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = {pool.submit(work, start, stop): stop - start for start, stop in bounds}
        done = 0
        for future in as_completed(futures):
            results.append(future.result())
            done += futures[future]
            if progress:
                sys.stderr.write(f"\r  {progress}: {done}/{count}")
                sys.stderr.flush()
    if progress:
        sys.stderr.write("\r" + " " * 40 + "\r")
    return results


_task: list[Callable[[], Any]] = []
"""The function `in_child` runs, set before forking; the child finds it here."""


def in_child(task: Callable[[], T]) -> T:
    """`task()` run in a forked child process, its result handed back (it must pickle):
    for work that loads large data this process should not keep (and pass on to the
    workers it forks later). Here, where the platform cannot fork."""
    context = fork_context()
    if context is None:
        return task()
    _task[:] = [task]
    try:
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            return pool.submit(_run_task).result()
    finally:
        _task.clear()


def _run_task() -> Any:
    return _task[0]()
