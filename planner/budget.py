"""A time budget for one post's check or render: past it, the work is stopped and the
post is reported instead of waited on.

Uses a real-time interval timer (SIGALRM), which interrupts Python code between two
bytecodes, so it works in the forked workers and in the main process alike. Where no
timer can be set (no SIGALRM on the platform, or not the main thread, as in a server's
request thread) the work runs unbounded; the input limits of `planner.limits` still
bound it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from planner.findings import Finding, error_at


class OverBudget(Exception):
    """The work took longer than its budget and was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise `OverBudget` inside the `with` block once `seconds` have passed."""
    if seconds <= 0 or not _can_time() or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield  # no timer here, or an outer budget is running: it stays in charge
        return

    def expire(_signum: int, _frame: object) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def over_budget(path: Path, line: int, doing: str, err: OverBudget) -> Finding:
    """The finding for a post whose check or render ran past its time budget."""
    return error_at(
        path,
        line,
        "over-budget",
        f"{doing} this post {err} and was stopped; split it or simplify its Markdown",
    )
