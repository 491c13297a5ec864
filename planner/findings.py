"""Findings: one problem at one place in one file, from loading or from checking.

Every stage that can complain about the user's files returns `Finding`s instead of
raising, so a bad file is reported with `path:line:col` and the rest keeps working.
"""

from __future__ import annotations

import enum
import functools
import os
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.IntEnum):
    """How much a finding matters; ordered so that `severity >= fail_level` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        """The severity called `name` ("error", "warning" or "info")."""
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Finding:
    """A problem in a file. `line` and `col` are 1-based; 0 means "the whole file"."""

    path: Path
    line: int
    col: int
    rule: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()

    def location(self, relative_to: Path | None = None) -> str:
        """`path:line:col`, with the path relative to `relative_to` when it is inside it."""
        return f"{display_path(self.path, relative_to)}:{max(self.line, 1)}:{max(self.col, 1)}"

    def format(self, relative_to: Path | None = None) -> str:
        """The one-line form linters use: `path:line:col: severity rule message`."""
        return f"{self.location(relative_to)}: {self.severity} {self.rule} {self.message}"


def display_path(path: Path, relative_to: Path | None = None) -> str:
    """`path` as the user would type it: relative to `relative_to` (default: cwd) if inside."""
    return _display(path, relative_to if relative_to is not None else Path.cwd())


@functools.lru_cache(maxsize=16384)
def _display(path: Path, base: Path) -> str:
    """Cached: reports print the same few paths for thousands of findings."""
    if not path.is_absolute() or not path.resolve().is_relative_to(base.resolve()):
        return str(path)
    try:
        return os.path.relpath(path, base)
    except ValueError:  # different drives on Windows
        return str(path)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order: by file, then line, then column."""
    return sorted(findings, key=lambda f: (str(f.path), f.line, f.col, f.rule))


DEBUG_ENV = "PLANNER_DEBUG"
"""Set (by `planner --debug`, or by hand) to print the traceback behind a failure."""


def failure(path: Path, line: int, stage: str, err: BaseException) -> Finding:
    """The error finding for an unexpected exception while handling one file.

    The file is left out and every other file goes on; with `PLANNER_DEBUG` set the
    traceback goes to stderr (worker processes inherit the setting).
    """
    if os.environ.get(DEBUG_ENV):
        traceback.print_exception(err, file=sys.stderr)
    detail = str(err)
    detail = f": {detail[:200]}" if detail else ""
    return error_at(
        path,
        line,
        f"{stage}-failed",
        f"could not {stage} this post ({type(err).__name__}{detail}); "
        "this is a bug in planner: run with --debug to see where",
    )


def error_at(path: Path, line: int, rule: str, message: str) -> Finding:
    """An error-level finding about a whole line of `path`."""
    return Finding(path, line, 1, rule, Severity.ERROR, message)
