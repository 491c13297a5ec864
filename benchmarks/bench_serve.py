"""Rebuild time in `planner serve`: one long-lived process, one post edited at a time.

Usage: python benchmarks/bench_serve.py [--posts 5000] [--runs 5] [--gen PATH]

`planner serve` rebuilds in its own process after every change, so what that process
already worked out (parsed posts, summaries, interest coverage) is reused. This builds
the shared generated site (gen_site.py, with the example site's audience profile)
once, in process as the server does, then appends a line to one post and rebuilds,
--runs times; the reference row is a new `planner build` process after the same kind
of edit (the command-line path). Figures are medians.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from bench_check import GEN_SITE, PLANNER, make_site

from planner.publish import BuildOptions, build_site
from planner.site import open_site


def edit(post: Path, run: int) -> None:
    post.write_text(post.read_text(encoding="utf-8") + f"\nEdited, run {run}.\n", "utf-8")


def in_process(site_dir: Path, post: Path, runs: int) -> tuple[float, list[float]]:
    options = BuildOptions(check=False, live_reload=True, out=site_dir / "serve-out")
    start = time.perf_counter()
    build_site(open_site(start=site_dir), options)
    first = time.perf_counter() - start
    times = []
    for run in range(runs):
        edit(post, run)
        start = time.perf_counter()
        build_site(open_site(start=site_dir), options)
        times.append(time.perf_counter() - start)
    return first, times


def new_process(site_dir: Path, post: Path, runs: int) -> list[float]:
    command = [str(PLANNER), "build", "--no-check"]
    subprocess.run(command, cwd=site_dir, check=True, capture_output=True)
    times = []
    for run in range(runs):
        edit(post, 100 + run)
        start = time.perf_counter()
        subprocess.run(command, cwd=site_dir, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gen", type=Path, default=GEN_SITE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = make_site(args.posts, args.gen, Path(tmp))
        post = sorted((site_dir / "content" / "posts").glob("*.md"))[args.posts // 2]
        first, serve = in_process(site_dir, post, args.runs)
        cli = new_process(site_dir, post, args.runs)
    print(f"{args.posts} posts, one post edited per run, median of {args.runs} runs\n")
    print("| rebuild | seconds |")
    print("|---|---:|")
    print(f"| planner serve: first build in the process (cold) | {first:.2f} |")
    print(f"| planner serve: rebuild after an edit | {statistics.median(serve):.2f} |")
    cli_median = statistics.median(cli)
    print(f"| reference: planner build in a new process after an edit | {cli_median:.2f} |")


if __name__ == "__main__":
    main()
