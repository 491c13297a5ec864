"""Checker speed and memory: `planner check` over a generated site, and one long post.

Usage: python benchmarks/bench_check.py [--posts 5000] [--runs 3] [--gen PATH]

The site comes from the shared corpus generator (gen_site.py: ~615 words and 3 of 200
tags per post, seed 42) with the example site's audience profile, so every rule runs.
Whole commands run as subprocesses (the installed `planner` next to this Python);
the reference row is `planner list --format json`, which loads and parses every post
but checks nothing, measured in the same run because the machine is shared and noisy.
The single-post rows check one post in-process with a warm checker, as the language
server does. Every figure is the median of --runs runs (single posts: of 200 checks).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from treemem import run_measured

from planner.check import Checker
from planner.content import read_post
from planner.site import open_site

REPO = Path(__file__).resolve().parents[1]
GEN_SITE = REPO.parent / "shared" / "bench" / "gen_site.py"
"""The shared corpus generator lives beside the repository, in ../shared."""
PLANNER = Path(sys.executable).with_name("planner")


def make_site(posts: int, gen: Path, root: Path) -> Path:
    subprocess.run(
        [sys.executable, str(gen), str(posts), str(root / "gen")],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    site = root / "site"
    site.mkdir()
    shutil.move(root / "gen" / "hugo" / "content", site / "content")
    shutil.copy(REPO / "audience.toml", site / "audience.toml")
    (site / "planner.toml").write_text('[site]\ntimezone = "UTC"\n')
    return site


def long_post(site: Path, words: int = 1500) -> Path:
    """A ~1,500-word post: the generated bodies of the first posts, joined."""
    bodies = []
    for path in sorted((site / "content" / "posts").glob("*.md"))[:4]:
        bodies.append(path.read_text().split("---", 2)[2])
    text = " ".join(" ".join(bodies).split(" ")[:words])
    post = site.parent / "long-post.md"
    post.write_text(f'---\ntitle: "A long post"\ntags: [Muncie M21]\n---\n{text}\n')
    return post


def per_post_ms(site: Path, post_path: Path, repeats: int = 200) -> float:
    loaded = open_site(start=site)
    post, problems = read_post(post_path, loaded.tz)
    assert post is not None, problems
    checker = Checker(loaded)
    checker.check(post)  # warm: word data loaded, the tags' verdicts cached
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        checker.check(post)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gen", type=Path, default=GEN_SITE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = make_site(args.posts, args.gen, Path(tmp))
        commands = {
            "reference: planner list --format json (load only)": ["list", "--format", "json"],
            "planner check --format json": ["check", "--format", "json"],
            "planner check (text)": ["check"],
        }
        rows = []
        for label, argv in commands.items():
            runs = [run_measured([str(PLANNER), *argv], cwd=site) for _ in range(args.runs)]
            rows.append(
                (
                    label,
                    f"{statistics.median(r.seconds for r in runs):.2f}",
                    f"{max(r.peak_pss_mb for r in runs):.0f}",
                    f"{max(r.peak_rss_mb for r in runs):.0f}",
                )
            )
        longest = max((REPO / "content" / "posts").glob("*.md"), key=lambda p: len(p.read_text()))
        words = len(longest.read_text().split())
        single = [
            (f"one post, {words} words (example: {longest.name})", per_post_ms(REPO, longest)),
            ("one generated post, 1,500 words", per_post_ms(site, long_post(site))),
        ]
    print(f"{args.posts} posts, median of {args.runs} runs; memory: peak over the runs\n")
    print("| command | seconds | peak PSS MB (tree) | peak RSS MB (tree) |")
    print("|---|---:|---:|---:|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\n| one post, checker warm | ms (median of 200) |")
    print("|---|---:|")
    for label, ms in single:
        print(f"| {label} | {ms:.2f} |")


if __name__ == "__main__":
    main()
