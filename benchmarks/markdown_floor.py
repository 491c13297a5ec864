"""The floor of a planner build: Python-Markdown alone, on every post body of a site.

Usage: python benchmarks/markdown_floor.py CONTENT_DIR [--workers N]

Reads every `*.md` under CONTENT_DIR, drops its front matter, and converts the body
with exactly the extensions and settings `planner build` uses, spread over N forked
processes (default: every core) as the build spreads its work. Nothing is written.
Run as its own process, it includes interpreter and Markdown start-up, so its wall
time is the least any Python-Markdown build of the site can take: what the build
spends above it is overhead (loading, templates, writing, feeds, caching).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
from pathlib import Path

import markdown

from planner.publish.render import extensions

_bodies: list[str] = []
"""Every post body, read before forking; workers take their share by index."""


def body(text: str) -> str:
    """The Markdown after a leading `---` front-matter block."""
    if text.startswith("---"):
        parts = text.split("\n---", 2)
        if len(parts) == 3:
            return parts[2].split("\n", 1)[-1]
    return text


def convert(bounds: tuple[int, int]) -> int:
    converter = markdown.Markdown(extensions=extensions(), output_format="html")
    size = 0
    for text in _bodies[bounds[0] : bounds[1]]:
        converter.reset()
        size += len(converter.convert(text))
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    files = sorted(args.content.rglob("*.md"))
    _bodies.extend(body(path.read_text(encoding="utf-8")) for path in files)
    step = max(1, -(-len(_bodies) // (args.workers * 8)))
    chunks = [(i, min(i + step, len(_bodies))) for i in range(0, len(_bodies), step)]
    if args.workers == 1:
        total = sum(map(convert, chunks))
    else:
        with multiprocessing.get_context("fork").Pool(args.workers) as pool:
            total = sum(pool.map(convert, chunks))
    print(f"{len(files)} posts, {total} bytes of HTML")


if __name__ == "__main__":
    main()
