"""A cache of parsed posts keyed by each file's size and modification time, so a command
that reads thousands of unchanged files does not parse their YAML again.

Stored as JSON (never pickle: the cache sits in the site directory, and loading a
pickle from a directory that came with a cloned repository would run its code). A
post whose front matter JSON cannot hold (YAML binary values) is simply not cached.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

from planner import __version__
from planner.cache_files import read_json, try_write_json
from planner.content import LoadResult, Post, read_post, unique_slugs
from planner.findings import Finding, Severity

CACHE_FILE = "posts.json"
FORMAT = 2
"""Bumped when `Post` gains a field, so older entries are parsed again."""


def load_posts_cached(paths: Iterable[Path], tz: ZoneInfo, cache_dir: Path) -> LoadResult:
    """Like `content.load_posts`, reusing what the last run parsed from unchanged files."""
    cache_file = cache_dir / CACHE_FILE
    known = _read(cache_file, tz)
    posts: list[Post] = []
    problems: list[Finding] = []
    entries: dict[str, Any] = {}
    changed = False
    for path in paths:
        try:
            status = path.stat()
            stamp = [status.st_mtime_ns, status.st_size]
        except OSError:
            stamp = None
        entry = known.get(str(path))
        if stamp is not None and entry is not None and entry["stamp"] == stamp:
            post = _post(entry["post"], path, tz)
            found = [_finding(f, path) for f in entry["problems"]]
        else:
            post, found = read_post(path, tz)
            entry = _entry(stamp, post, found)
            changed = True
        if entry is not None:
            entries[str(path)] = entry
        problems.extend(found)
        if post is not None:
            posts.append(post)
    if changed or entries.keys() != known.keys():
        try_write_json(cache_file, {"key": [__version__, FORMAT, str(tz)], "files": entries})
    unique, clashes = unique_slugs(posts)
    return LoadResult(tuple(unique), tuple(problems) + tuple(clashes))


def _read(cache_file: Path, tz: ZoneInfo) -> dict[str, Any]:
    data = read_json(cache_file)
    return data.get("files", {}) if data.get("key") == [__version__, FORMAT, str(tz)] else {}


def _entry(stamp: list[int] | None, post: Post | None, found: list[Finding]) -> Any:
    if stamp is None:
        return None
    try:
        entry = {
            "stamp": stamp,
            "post": None if post is None else _post_data(post),
            "problems": [[f.line, f.col, f.rule, int(f.severity), f.message] for f in found],
        }
        json.dumps(entry)
    except (TypeError, ValueError):
        return None
    return entry


def _post_data(post: Post) -> dict[str, Any]:
    return {
        "title": post.title,
        "slug": post.slug,
        "body": post.body,
        "status": post.status,
        "date": post.date.isoformat() if post.date else None,
        "tags": list(post.tags),
        "summary": post.summary,
        "channels": list(post.channels),
        "snippets": dict(post.snippets),
        "ask": post.ask,
        "syndication": list(post.syndication),
        "priority": post.priority,
        "body_line": post.body_line,
        "lines": dict(post.lines),
        "meta": dict(post.meta),
    }


def _post(data: dict[str, Any] | None, path: Path, tz: ZoneInfo) -> Post | None:
    if data is None:
        return None
    date = datetime.fromisoformat(data["date"]).astimezone(tz) if data["date"] else None
    return Post(
        path=path,
        title=data["title"],
        slug=data["slug"],
        body=data["body"],
        status=data["status"],
        date=date,
        tags=tuple(data["tags"]),
        summary=data["summary"],
        channels=tuple(data["channels"]),
        snippets=MappingProxyType(data["snippets"]),
        ask=data["ask"],
        syndication=tuple(data["syndication"]),
        priority=data["priority"],
        body_line=data["body_line"],
        lines=MappingProxyType(data["lines"]),
        meta=MappingProxyType(data["meta"]),
    )


def _finding(data: list[Any], path: Path) -> Finding:
    line, col, rule, severity, message = data
    return Finding(path, line, col, rule, Severity(severity), message)
