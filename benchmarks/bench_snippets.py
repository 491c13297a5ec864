"""Snippet speed: `SnippetWriter.for_post(post).as_json()` over every post of a site.

Usage:
    python benchmarks/bench_snippets.py SITE [--runs 7] [--summaries] [--against DIR ...]

SITE is a site directory (planner.toml, content/posts). Every post is loaded once, then
each run makes a fresh SnippetWriter (sharing one warmed AudienceLens: tag verdicts are
cached per tag and are not what this measures) and times `for_post(post).as_json()` for
every post, in CPU seconds of the worker process (steadier than wall time on a busy
machine; the work is single-threaded). The first run also pays for the module-level
caches (hashtags, hosts); it is reported apart as "first", and "median" is the median
of the other runs.

With --summaries, the posts of a copy of SITE get a summary first: the first 20 to 59
words of the body (a fifth of them followed by two links), and a third of them a
question, so most snippets are shortened to fit (a generated site's hook is otherwise
its short title).

With --against, each DIR is another checkout of the repository (for instance
`git archive main | tar -x -C /tmp/main`): every code tree runs in its own worker
process and the runs are interleaved (one run of each in turn), because the machine is
shared and noisy. The "digest" column is the SHA-256 of every post's snippet JSON, so
the table also says whether two code trees give the same output.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def worker(site_dir: Path) -> None:
    """Load the site, then answer each line on stdin with one timed run (JSON)."""
    from planner.check.terms import AudienceLens
    from planner.site import open_site
    from planner.snippets.posts import SnippetWriter

    site = open_site(start=site_dir)
    posts = site.load_posts(cached=False).posts
    lens = AudienceLens(site.audience)
    for post in posts:  # the verdicts, outside the timing
        for tag in post.tags:
            lens.judge(tag)
    print(json.dumps({"posts": len(posts), "code": str(Path(sys.modules["planner"].__file__))}))
    sys.stdout.flush()
    for _ in sys.stdin:
        writer = SnippetWriter(site.config, lens)
        start = time.process_time()
        made = [writer.for_post(post).as_json() for post in posts]
        seconds = time.process_time() - start
        digest = hashlib.sha256(json.dumps(made, ensure_ascii=False).encode()).hexdigest()
        print(json.dumps({"seconds": seconds, "digest": digest[:12]}))
        sys.stdout.flush()


def with_summaries(site: Path, root: Path) -> Path:
    """A copy of `site` under `root` whose posts have a summary (and some a question)."""
    copy = root / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns(".planner-cache", "public"))
    for number, path in enumerate(sorted((copy / "content" / "posts").glob("*.md"))):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        words = body.strip().split("\n\n")[0].replace('"', "").split()
        summary = " ".join(words[: 20 + number * 7 % 40])
        if number % 5 == 0:
            summary += " See example.com/notes and https://example.org/a_(b)."
        front += f'summary: "{summary}"\n'
        if number % 3 == 0:
            front += 'ask: "What did yours measure?"\n'
        path.write_text(f"---{front}---{body}", encoding="utf-8")
    return copy


def start_worker(site: Path, code: Path) -> tuple[subprocess.Popen[str], dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    process = subprocess.Popen(
        [sys.executable, __file__, "--worker", str(site)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    return process, json.loads(process.stdout.readline())


def run_once(process: subprocess.Popen[str]) -> dict[str, object]:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("run\n")
    process.stdin.flush()
    return json.loads(process.stdout.readline())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--against", type=Path, nargs="*", default=[])
    parser.add_argument("--summaries", action="store_true", help="give every post a summary")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.site)
        return
    with tempfile.TemporaryDirectory() as root:
        site = with_summaries(args.site, Path(root)) if args.summaries else args.site
        compare(site.resolve(), [REPO, *args.against], args.runs, args.site)


def compare(site: Path, trees: list[Path], count: int, name: Path) -> None:
    """Interleave `count` runs of each code tree on `site` and print the table."""
    workers = [start_worker(site, tree.resolve()) for tree in trees]
    results: list[list[dict[str, object]]] = [[] for _ in trees]
    for _ in range(count):
        for (process, _info), runs in zip(workers, results, strict=True):
            runs.append(run_once(process))
    for process, _info in workers:
        assert process.stdin is not None
        process.stdin.close()
        process.wait()
    posts = int(str(workers[0][1]["posts"]))
    print(f"for_post().as_json() over {posts} posts of {name}, {count} runs")
    print(f"{'code':<40} {'first s':>8} {'median s':>9} {'ms/post':>8} {'digest':>13}")
    medians = [_median(runs) for runs in results]
    for tree, runs, median in zip(trees, results, medians, strict=True):
        digests = {str(run["digest"]) for run in runs}
        digest = digests.pop() if len(digests) == 1 else "varies!"
        first = float(str(runs[0]["seconds"]))
        per_post = median / max(1, posts) * 1000
        print(f"{tree!s:<40} {first:>8.3f} {median:>9.3f} {per_post:>8.3f} {digest:>13}")
    for tree, median in zip(trees[1:], medians[1:], strict=True):
        print(f"{tree}: {median / medians[0]:.2f}x the time of {REPO}")


def _median(runs: list[dict[str, object]]) -> float:
    """The median time of the runs after the first (which fills the caches)."""
    return statistics.median(float(str(run["seconds"])) for run in runs[1:] or runs)


if __name__ == "__main__":
    main()
