"""Language server latency: re-checking a post after an edit, and pathological posts.

Usage: python benchmarks/bench_lsp.py [--edits 300] [--budget 2]

Starts `planner lsp --debounce 0` as an editor would (a subprocess on stdio, driven by
pygls's client), opens a 2,000-word post in a copy of the example site, then types:
each edit is a `didChange` with one more character, and its latency is the time from
sending it to receiving the `publishDiagnostics` for that version, the whole round
trip through JSON-RPC, the server and its checker process. The debounce is off so the
check itself is measured; an editor adds the debounce (0.3 s by default) on top.

Then each pathological post is opened and timed until its diagnostics arrive: they
must come within the budget (plus the checker process's restart after an overrun).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parents[1]


def make_site(root: Path) -> Path:
    """A copy of the example site (posts, planner.toml, audience.toml)."""
    site = root / "site"
    shutil.copytree(REPO / "content", site / "content")
    for name in ("planner.toml", "audience.toml"):
        shutil.copy(REPO / name, site / name)
    return site


def long_post(words: int = 2000) -> str:
    """A 2,000-word post: the example posts' bodies, joined, under a broad tag."""
    bodies = []
    for path in sorted((REPO / "content" / "posts").glob("*.md")):
        bodies.append(path.read_text(encoding="utf-8").split("---", 2)[2].strip())
    text = "\n\n".join(bodies)
    while len(text.split()) < words:
        text += "\n\n" + text
    kept, count = [], 0
    for paragraph in text.split("\n\n"):
        if count >= words:
            break
        kept.append(paragraph)
        count += len(paragraph.split())
    body = "\n\n".join(kept)
    return f'---\ntitle: "Rebuilding a Muncie M21"\ntags: [cars, Muncie M21]\n---\n\n{body}\n'


def pathological() -> dict[str, str]:
    """Posts built to make a checker run away."""
    head = "---\ntitle: A stress test of the Muncie M21\ntags: [Muncie M21]\n---\n\n"
    line = "Muncie M21 gears and a lot of things, really. " * 42000
    return {
        "5,000 nested links": head + "[" * 5000 + "x" + "](https://example.com/)" * 5000,
        "5,000 nested images": head + "![" * 5000 + "x" + "](a.png)" * 5000,
        "a 2 MB line": head + line[: 2 * 1024 * 1024 - len(head) - 10],
        "5,000 tags": "---\ntitle: Tags\ntags:\n"
        + "".join(f"  - Muncie M21 part {i}\n" for i in range(5000))
        + "---\n\nThe Muncie M21.\n",
    }


class Session:
    """A client connected to `planner lsp`, recording when each diagnostic arrives."""

    def __init__(self) -> None:
        self.client = LanguageClient("bench-lsp", "1")
        self.arrived: dict[tuple[str, int | None], float] = {}
        self.codes: dict[str, list[str]] = {}
        self.event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.arrived[(params.uri, params.version)] = time.perf_counter()
            self.codes[params.uri] = [str(d.code) for d in params.diagnostics]
            self.event.set()

    async def start(self, budget: float, root: Path) -> None:
        command = [sys.executable, "-m", "planner", "lsp", "--debounce", "0"]
        await self.client.start_io(*command, "--budget", str(budget))
        await self.client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=root.as_uri())
        )
        self.client.initialized(types.InitializedParams())

    async def wait(self, uri: str, version: int, timeout: float = 120) -> float:
        deadline = time.perf_counter() + timeout
        while (uri, version) not in self.arrived:
            self.event.clear()
            await asyncio.wait_for(self.event.wait(), deadline - time.perf_counter())
        return self.arrived[(uri, version)]

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
        )
        return uri

    def type_at(self, uri: str, version: int, line: int, char: int, text: str) -> None:
        where = types.Range(types.Position(line, char), types.Position(line, char))
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=version, uri=uri),
                [types.TextDocumentContentChangePartial(range=where, text=text)],
            )
        )

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def bench(edits: int, budget: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(Path(tmp))
        session = Session()
        await session.start(budget, site)
        post = long_post()
        words = len(post.split("---", 2)[2].split())
        uri = session.open(site / "content" / "posts" / "long.md", post)
        started = time.perf_counter()
        first = await session.wait(uri, 1) - started
        lines = post.split("\n")
        line = len(lines) - 2
        char = len(lines[line])
        latencies = []
        for version in range(2, edits + 2):
            sent = time.perf_counter()
            session.type_at(uri, version, line, char, "x")
            char += 1
            latencies.append(await session.wait(uri, version) - sent)
        latencies.sort()
        ms = [1000 * t for t in latencies]
        p99 = ms[min(len(ms) - 1, round(0.99 * len(ms)) - 1)]
        print(f"planner lsp, re-check after an edit ({words} words, {edits} edits, debounce off)")
        print(f"{'':24}{'median':>10}{'p99':>10}{'max':>10}   target")
        print(
            f"{'edit -> diagnostics':24}{statistics.median(ms):8.1f}ms{p99:8.1f}ms"
            f"{ms[-1]:8.1f}ms   <= 20 ms median, <= 50 ms p99"
        )
        print(f"{'first open (cold)':24}{1000 * first:8.1f}ms")
        print()
        print(f"pathological posts (budget {budget:g} s)")
        print(f"{'post':24}{'answered in':>12}   diagnostics")
        for name, text in pathological().items():
            path = site / "content" / "posts" / f"{name.replace(' ', '-').replace(',', '')}.md"
            sent = time.perf_counter()
            uri = session.open(path, text)
            took = await session.wait(uri, 1) - sent
            codes = session.codes[uri]
            shown = ", ".join(sorted(set(codes))) if len(codes) < 8 else f"{len(codes)} findings"
            print(f"{name:24}{took:10.2f} s   {shown}")
        sent = time.perf_counter()
        uri = session.open(site / "content" / "posts" / "after.md", post)
        took = await session.wait(uri, 1) - sent
        print(f"{'next post, after':24}{took:10.2f} s   (a fresh checker process loads the site)")
        await session.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=300)
    parser.add_argument("--budget", type=float, default=2.0)
    args = parser.parse_args()
    asyncio.run(bench(args.edits, args.budget))


if __name__ == "__main__":
    main()
