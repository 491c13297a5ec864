"""The build cache in `<site>/.planner-cache/`: rendered post bodies, facts worked out
from each post (its summary, reading length, the audience interests it covers), and the
inputs each page was last drawn from, so an unchanged site is not rendered again.

Rendered bodies are keyed by a hash of the Markdown and the renderer's settings; page
keys hash the theme's files, the site settings and the page's own inputs (for a post
page: its source, its related posts and the site navigation). Deleting the directory
is always safe: the next build is a cold one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.build.render import RENDERER_VERSION, Rendered
from planner.cache_files import read_json, write_json

CACHE_DIR = ".planner-cache"


def digest(*parts: str | bytes) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()


def body_key(body: str, summary: str) -> str:
    return digest(RENDERER_VERSION, body, summary)


def tree_digest(directories: list[Path]) -> str:
    """A hash of every file under `directories` (the theme): names and bytes."""
    parts: list[str | bytes] = []
    for directory in directories:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            parts += [str(path.relative_to(directory)), path.read_bytes()]
    return digest(*parts)


class Cache:
    """Rendered bodies (one JSON file each) and the page manifest of the last build."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self.dir = root / CACHE_DIR
        self.enabled = enabled
        self.pages: dict[str, str] = read_json(self.dir / "pages.json") if enabled else {}
        self._facts: dict[str, Any] = read_json(self.dir / "facts.json") if enabled else {}
        self._facts_used: dict[str, Any] = {}

    def fact(self, key: str, compute: Callable[[], Any]) -> Any:
        """The value `compute` gives (JSON data), from the last build when `key` (a digest
        of everything it depends on) is unchanged."""
        if key not in self._facts_used:
            found = self._facts.get(key)
            self._facts_used[key] = compute() if found is None else found
        return self._facts_used[key]

    def store_facts(self) -> None:
        """Keep the facts this build used, if they are not what is stored already."""
        if self.enabled and self._facts_used.keys() != self._facts.keys():
            write_json(self.dir / "facts.json", self._facts_used)

    def body(self, key: str) -> Rendered | None:
        if not self.enabled:
            return None
        data = read_json(self.dir / "bodies" / f"{key}.json")
        try:
            return Rendered(data["html"], data["summary"], data["words"])
        except KeyError:
            return None

    def store_body(self, key: str, rendered: Rendered) -> None:
        if not self.enabled:
            return
        data = {"html": rendered.html, "summary": rendered.summary, "words": rendered.words}
        write_json(self.dir / "bodies" / f"{key}.json", data)

    def store_pages(self, pages: dict[str, str]) -> None:
        if not self.enabled:
            return
        write_json(self.dir / "pages.json", pages)
