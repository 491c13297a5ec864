"""A site directory: its config, its audience profile, its posts and its cache.

This is the one place that goes from "a directory on disk" to plain data; every
command starts here and then works on the values it returns. Posts are loaded only
through `Site.load_posts` (or, for work spread over processes, `Site.read_posts` and
`SlugOwners`), so every command sees the same posts and the same duplicate-slug rule.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from planner.audience import Audience, load_audience
from planner.cache import CACHE_DIR, MISSING, SHARDS, Store
from planner.codec import Codec
from planner.config import Config, find_config, load_config
from planner.content import (
    LoadResult,
    Post,
    duplicate_slug,
    post_file_names,
    post_files,
    read_post,
    slug_line,
)
from planner.findings import Finding, Severity
from planner.workers import in_chunks

POSTS = Codec(Post, given=("path",))
FINDINGS = Codec(Finding, given=("path",))


@dataclass(frozen=True)
class Site:
    """A loaded site directory. Problems found while loading are kept, not raised."""

    config: Config
    audience: Audience
    config_problems: tuple[Finding, ...] = ()
    audience_problems: tuple[Finding, ...] = ()

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def tz(self) -> ZoneInfo:
        return self.config.tz

    @property
    def has_config_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.config_problems)

    @functools.cached_property
    def cache(self) -> Store:
        """The site's cache store (`.planner-cache/`)."""
        return Store(self.root / CACHE_DIR)

    def post_files(self) -> list[Path]:
        """Every post file under the content directory."""
        return post_files(self.config.content_dir)

    def load_posts(self, paths: Iterable[Path] | None = None, cached: bool = True) -> LoadResult:
        """The given post files, or every post of the site, with the problems of the files
        that did not load and of posts whose slug an earlier file has (`SlugOwners`).

        Only a whole-site load uses the cache: it reparses just the files that changed
        since the last run, and keeps only the posts it loaded.
        """
        if paths is None:  # names sorted as text are `in_path_order`: no Paths to sort
            files = [Path(name) for name in sorted(post_file_names(self.config.content_dir))]
        else:
            files = in_path_order(paths)
        if paths is None and cached:
            posts, problems = self._read_cached(files)
        else:
            posts, problems = self.read_posts(files)
        owners = SlugOwners()
        unique: list[Post] = []
        for post in posts:
            clash = owners.claim(post.path, post.slug, slug_line(post))
            if clash is None:
                unique.append(post)
            else:
                problems.append(clash)
        return LoadResult(tuple(unique), tuple(problems))

    def read_posts(self, paths: Iterable[Path]) -> tuple[list[Post], list[Finding]]:
        """Parse `paths` (no cache, no slug rule): the posts, and what was wrong with the
        files that did not load."""
        posts: list[Post] = []
        problems: list[Finding] = []
        for path in paths:
            post, found = read_post(path, self.tz)
            problems += found
            if post is not None:
                posts.append(post)
        return posts, problems

    def _read_cached(self, paths: Iterable[Path]) -> tuple[list[Post], list[Finding]]:
        """Like `read_posts`, through the cache: only the files that changed since the
        last run are parsed (on every core when there are many, as on a first run)."""
        files = list(paths)
        table = self.cache.table("posts", settings=str(self.tz), shards=SHARDS)
        keys = [table.key(str(path), self.cache.file_digest(path)) for path in files]
        loaded: list[Loaded | None] = []
        for path, key in zip(files, keys, strict=True):
            found = table.lookup(key, functools.partial(_decode_loaded, path=path))
            loaded.append(None if found is MISSING else found)  # type: ignore[arg-type]
        misses = [i for i, result in enumerate(loaded) if result is None]
        for i, data in zip(misses, self._parse([files[i] for i in misses]), strict=True):
            if data is None:  # values the cache cannot hold (a YAML set...): read it here
                loaded[i] = read_post(files[i], self.tz)
                continue
            loaded[i] = _decode_loaded(data, files[i])
            table.put(keys[i], data)
        table.save()
        self.cache.table("stamps", shards=SHARDS).save()
        posts: list[Post] = []
        problems: list[Finding] = []
        for post, found in filter(None, loaded):
            problems += found
            if post is not None:
                posts.append(post)
        return posts, problems

    def _parse(self, paths: list[Path]) -> list[dict[str, Any] | None]:
        """Each file read and parsed, in order, in the cache's form (plain data: what the
        workers hand back); on every core for many files."""
        _parsing.update(paths=paths, tz=self.tz)
        try:
            chunks = in_chunks(_parse_chunk, len(paths))
        finally:
            _parsing.clear()
        return [result for _, results in sorted(chunks) for result in results]

    def now(self) -> datetime:
        """The current time in the site's timezone (commands take `--now` to override)."""
        return datetime.now(self.tz)


def in_path_order(paths: Iterable[Path]) -> list[Path]:
    """Post files in the order they are read and claim their slugs: by path, so the same
    file keeps a shared slug whatever order the paths were given in."""
    return sorted(paths, key=str)


class SlugOwners:
    """The duplicate-slug rule: the first file (`in_path_order`) to claim a slug keeps
    it; every later one is left out with a `duplicate-slug` finding."""

    def __init__(self) -> None:
        self.owners: dict[str, Path] = {}

    def claim(self, path: Path, slug: str, line: int) -> Finding | None:
        """None when the post at `path` may keep `slug` (set at `line`), else the finding
        that says which file has it."""
        owner = self.owners.setdefault(slug, path)
        return None if owner == path else duplicate_slug(path, line, slug, owner)


Loaded = tuple[Post | None, list[Finding]]
"""What reading one post file gives: the post (None when it did not load), its problems."""

_parsing: dict[str, Any] = {}
"""The files being parsed, set before forking; workers read them by index."""


def _parse_chunk(start: int, stop: int) -> tuple[int, list[dict[str, Any] | None]]:
    """Parse files `start` to `stop`, each in the cache's form (None where a value has
    none)."""
    found: list[dict[str, Any] | None] = []
    for path in _parsing["paths"][start:stop]:
        try:
            found.append(_encode_loaded(read_post(path, _parsing["tz"]), path))
        except (TypeError, ValueError):
            found.append(None)
    return start, found


def _encode_loaded(loaded: Loaded, path: Path) -> dict[str, Any]:
    post, found = loaded
    return {
        "post": None if post is None else POSTS.encode(post),
        "problems": [FINDINGS.encode(f) for f in found],
    }


def _decode_loaded(data: dict[str, Any], path: Path) -> Loaded:
    post = None if data["post"] is None else POSTS.decode(data["post"], path=path)
    return post, [FINDINGS.decode(f, path=path) for f in data["problems"]]


def open_site(config_path: Path | None = None, start: Path | None = None) -> Site:
    """Load the site whose planner.toml is `config_path`, or the one found from `start`.

    With no planner.toml anywhere above `start`, the site is `start` with defaults.
    """
    start = (start or Path.cwd()).resolve()
    path = config_path if config_path is not None else find_config(start)
    config, config_problems = load_config(path, root=start)
    audience_problems: list[Finding] = []
    audience = load_audience(config, audience_problems)
    return Site(config, audience, tuple(config_problems), tuple(audience_problems))
