"""`planner check --watch`: re-check posts as they are saved, reporting what changed.

The last findings of every post are kept; after a save, only the difference is
reported: findings that are new and findings that are gone. A finding is the same
finding when its rule and message are, wherever it moved, so adding a line above a
vague word does not report it again. A change to planner.toml or the audience
profile reloads the site and re-checks every post.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.check.batch import check_files
from planner.check.checker import PostReport
from planner.findings import Finding
from planner.lsp.sites import site_files
from planner.site import Site, open_site

DEBOUNCE_MS = 200
"""Editors write a file in several steps; changes this close together are one save."""
Place = tuple[int, int, str, str]
"""A finding's line, column, rule and message."""


@dataclass(frozen=True)
class Change:
    """What one re-check of one file changed: new and gone findings, the score before and
    after (None when the file is not a post that loads), and whether the file is gone."""

    path: Path
    new: tuple[Finding, ...]
    gone: tuple[Finding, ...]
    score_before: int | None
    score: int | None
    removed: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.new or self.gone or self.removed or self.score_before != self.score)


@dataclass(frozen=True)
class _State:
    findings: tuple[Finding, ...]
    score: int | None


def diff(
    before: Sequence[Finding], after: Sequence[Finding]
) -> tuple[list[Finding], list[Finding]]:
    """(new, gone): the findings of `after` that `before` had not, and the reverse.

    Of two equal findings, the one still at its old place is the old one.
    """
    keys_before = Counter(_key(f) for f in before)
    keys_after = Counter(_key(f) for f in after)
    new = _take(after, keys_after - keys_before, {_place(f) for f in before})
    gone = _take(before, keys_before - keys_after, {_place(f) for f in after})
    return new, gone


def _key(finding: Finding) -> tuple[str, str]:
    return finding.rule, finding.message


def _place(finding: Finding) -> Place:
    return finding.line, finding.col, finding.rule, finding.message


def _take(
    findings: Sequence[Finding],
    counts: Counter[tuple[str, str]],
    kept: set[tuple[int, int, str, str]],
) -> list[Finding]:
    """`counts[key]` findings of each key, those at a place not in `kept` first."""
    moved = [f for f in findings if _place(f) not in kept]
    stayed = [f for f in findings if _place(f) in kept]
    taken = []
    for finding in [*moved, *stayed]:
        if counts[_key(finding)] > 0:
            counts[_key(finding)] -= 1
            taken.append(finding)
    return sorted(taken, key=lambda f: (f.line, f.col))


class Watcher:
    """The site and the last findings of each post; re-checks files and reports changes."""

    def __init__(self, site: Site, scope: Iterable[Path] = ()) -> None:
        self.site = site
        self.scope = tuple(p.resolve() for p in scope)
        """The files and directories given on the command line; none: every post."""
        self.last: dict[Path, _State] = {}

    def remember(self, reports: Iterable[PostReport], problems: Iterable[Finding]) -> None:
        """Take the findings of a full run (the one printed before watching starts)."""
        for path, state in _states(reports, problems).items():
            self.last[path] = state

    def recheck(self, paths: Iterable[Path]) -> list[Change]:
        """Check `paths` again (a missing one is removed); what changed for each."""
        paths = sorted({p.resolve() for p in paths})
        present = [p for p in paths if p.is_file()]
        reports, problems = check_files(self.site, present)
        now = _states(reports, problems)
        changes = []
        for path in paths:
            before = self.last.pop(path, _State((), None))
            if path not in now:
                changes.append(Change(path, (), before.findings, before.score, None, True))
                continue
            after = self.last[path] = now[path]
            new, gone = diff(before.findings, after.findings)
            changes.append(Change(path, tuple(new), tuple(gone), before.score, after.score))
        return changes

    def reload(self) -> list[Change]:
        """Load the site again (its config changed) and re-check every post."""
        self.site = open_site(self.site.config.path, start=self.site.root)
        posts = [p for p in self.site.post_files() if self._in_scope(p)]
        return self.recheck([*self.last, *posts])

    def _in_scope(self, post: Path) -> bool:
        post = post.resolve()
        return not self.scope or any(post.is_relative_to(p) for p in self.scope)

    def is_config(self, path: Path) -> bool:
        return path.resolve() in site_files(self.site)

    def watched(self) -> list[Path]:
        """The content directory and the config files, as far as they exist."""
        paths = [self.site.config.content_dir, *site_files(self.site)]
        return [p for p in paths if p.exists()]

    def relevant(self, _change: object, path: str) -> bool:
        """Posts and config files; not editors' hidden or backup files."""
        name = Path(path).name
        if name.startswith(".") or name.endswith("~"):
            return False
        if self.is_config(Path(path)):
            return True
        return name.endswith(".md") and self._in_scope(Path(path))


def _states(reports: Iterable[PostReport], problems: Iterable[Finding]) -> dict[Path, _State]:
    states: dict[Path, _State] = {}
    for report in reports:
        states[report.path.resolve()] = _State(report.findings, report.score)
    for problem in problems:
        path = problem.path.resolve()
        old = states.get(path, _State((), None))
        states[path] = _State((*old.findings, problem), old.score)
    return states


def watch(
    watcher: Watcher,
    report: Callable[[list[Change], bool], None],
    stop: threading.Event | None = None,
) -> None:
    """Re-check on every save until `stop` is set or Ctrl-C; `report(changes, reloaded)`."""
    for batch in _saves(watcher, stop):
        if any(watcher.is_config(p) for p in batch):
            report(watcher.reload(), True)
        else:
            report(watcher.recheck(batch), False)


def _saves(watcher: Watcher, stop: threading.Event | None) -> Iterator[list[Path]]:
    import watchfiles

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its Ctrl-C notice: ours is enough
    for changes in watchfiles.watch(
        *watcher.watched(),
        watch_filter=watcher.relevant,
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        raise_interrupt=False,
    ):
        yield sorted({Path(path) for _, path in changes})
