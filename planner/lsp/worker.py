"""Checks under a time budget, in a persistent process that can be killed.

A Python thread cannot be stopped, so a check that runs away (thousands of nested
links, a 2 MB line) would hold a thread, and the CPU, for as long as it likes. Checks
run instead in one worker process that keeps its sites and checkers loaded between
checks (a re-check costs milliseconds); when a check overruns its budget the process
is killed, the document gets one diagnostic saying so, and a fresh process takes the
next check. Loading a site (reading word data, the profile) is not part of a check's
budget: the worker says when it starts checking, and only then does the clock run.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from planner.check.checker import Checker
from planner.lsp.analysis import Analysis, analyse, failed, timed_out
from planner.lsp.positions import UTF16
from planner.lsp.sites import Sites

DEFAULT_BUDGET = 2.0
"""Seconds one document's check may take before it is abandoned."""
LOAD_TIMEOUT = 60.0
"""Seconds loading a site may take (a cold start on a busy machine is slow, not stuck)."""

WARM_UP = "---\ntitle: Warming up the 1968 gearbox\ntags: [warm up]\n---\nA few things?\n"
"""A post that makes a new checker load the data its first real check would wait for."""


class _Overrun(Exception):
    """The worker did not answer in time."""


class CheckWorker:
    """A checker process with a per-check time budget; thread-safe, one check at a time."""

    def __init__(self, budget: float = DEFAULT_BUDGET, load_timeout: float = LOAD_TIMEOUT):
        self.budget = budget
        self.load_timeout = load_timeout
        self._warming = False
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def check(self, config: Path, path: Path, text: str, encoding: str = UTF16) -> Analysis:
        """The analysis of buffer `text` of post `path` in the site of `config`."""
        with self._lock:
            try:
                conn = self._connection()
                if self._warming:  # the answer to the warm-up of a restarted process
                    self._receive(conn, self.load_timeout)
                    self._warming = False
                conn.send(("check", config, path, text, encoding))
                kind, value = self._receive(conn, self.load_timeout)
                if kind == "started":
                    kind, value = self._receive(conn, self.budget)
            except _Overrun:
                self._stop()
                self._warm(config)  # the next process loads the site while the writer reads
                return timed_out(text, self.budget, encoding)
            except (EOFError, OSError):
                self._stop()
                return failed(text, "the checker process stopped unexpectedly", encoding)
        if kind == "error":
            return failed(text, value, encoding)
        return value

    def warm(self, config: Path) -> None:
        """Start the process and load the site of `config` now, before the first check."""
        with self._lock:
            if not self._warming:
                self._warm(config)

    def _warm(self, config: Path) -> None:
        try:
            self._connection().send(("warm", config))
            self._warming = True
        except OSError:
            self._stop()

    @property
    def pid(self) -> int | None:
        """The checker process's id, None before the first check."""
        return self._process.pid if self._process is not None else None

    def close(self) -> None:
        """Stop the worker process."""
        with self._lock:
            self._stop()

    def _connection(self) -> Connection:
        if self._conn is None or self._process is None or not self._process.is_alive():
            self._stop()
            context = multiprocessing.get_context("spawn")  # never fork a threaded server
            ours, theirs = context.Pipe()
            process = context.Process(target=serve, args=(theirs,), daemon=True)
            process.start()
            theirs.close()
            self._process, self._conn = process, ours
        return self._conn

    @staticmethod
    def _receive(conn: Connection, timeout: float) -> tuple[str, Any]:
        if not conn.poll(timeout):
            raise _Overrun
        return conn.recv()

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None
        self._warming = False


def serve(conn: Connection) -> None:
    """The worker process: answer check requests until the server goes away."""
    os.dup2(2, 1)  # stdout carries the language server's protocol: never write to it
    sys.stdout = sys.stderr
    sites = Sites()
    frozen: Checker | None = None
    while True:
        try:
            kind, config, *request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            checker = sites.get(config).checker
            if checker is not frozen:
                analyse(checker, config.parent / "warm-up.md", WARM_UP)  # loads word data
                gc.freeze()  # word data and profile are never garbage: spare the collector
                frozen = checker
            if kind == "warm":
                conn.send(("warm", None))
                continue
            conn.send(("started", None))
            conn.send(("done", analyse(checker, *request)))
        except Exception as err:  # a bug in a check must not take the worker down
            conn.send(("error", f"{type(err).__name__}: {err}"))
