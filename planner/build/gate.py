"""Check findings for the posts a build shows: the pre-publish gate, and the banners of
drafts in serve mode.

Each post's findings are cached (`.planner-cache/check.json`) under a key of the file's
bytes, the audience profile and the `[check]` settings, so an unchanged site is not
checked again; posts that need checking are checked on every core.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from planner import __version__
from planner.build.cache import digest
from planner.cache_files import read_json, try_write_json
from planner.content import Post
from planner.findings import Finding, Severity
from planner.site import Site

CHECK_FILE = "check.json"


def checker_installed() -> bool:
    return importlib.util.find_spec("planner.check") is not None


def findings_for(site: Site, posts: Sequence[Post], cache_dir: Path | None) -> list[Finding]:
    """Every check finding for `posts`, from the cache where the post has not changed."""
    from planner.check.batch import check_files

    snippets = repr((site.config.channels, site.config.site.base_url))  # override lengths
    settings = digest(__version__, repr(site.audience), repr(site.config.check), snippets)
    store = _read(cache_dir)
    keys: dict[str, str] = {}
    for post in posts:
        try:
            keys[str(post.path)] = digest(settings, post.path.read_bytes())
        except OSError:
            keys[str(post.path)] = ""
    stale = [p.path for p in posts if store.get(str(p.path), [None])[0] != keys[str(p.path)]]
    if stale:
        reports, _ = check_files(site, stale)
        for report in reports:
            store[str(report.path)] = [keys.get(str(report.path), ""), _rows(report.findings)]
    if cache_dir is not None and (stale or store.keys() - keys.keys()):
        kept = {path: store[path] for path in keys if path in store}
        try_write_json(cache_dir / CHECK_FILE, kept)
    return [
        Finding(post.path, line, col, rule, Severity(severity), message, tuple(suggestions))
        for post in posts
        for line, col, rule, severity, message, suggestions in _cached(store, post)
    ]


def _cached(store: dict[str, list], post: Post) -> list[list]:
    """The cached finding rows of `post` (after checking, every post has an entry)."""
    return store.get(str(post.path), ["", []])[1]


def _rows(findings: Sequence[Finding]) -> list[list]:
    return [
        [f.line, f.col, f.rule, int(f.severity), f.message, list(f.suggestions)] for f in findings
    ]


def _read(cache_dir: Path | None) -> dict[str, list]:
    return {} if cache_dir is None else read_json(cache_dir / CHECK_FILE)
