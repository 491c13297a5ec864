"""Post loading speed: `read_post` over every post file of a content directory.

Usage:
    python benchmarks/bench_load.py CONTENT_DIR [--runs 7] [--against SRC ...]

Each run reads and parses every `*.md` under CONTENT_DIR once, in a fresh Python
process, and times only the `read_post` calls (imports and the file listing are left
out; the files are read once before timing so every run finds them in the page cache).
`--against SRC` adds a row for the `planner` package found in the source tree SRC
(a directory holding `planner/`, such as an exported older commit); its runs are
interleaved with this tree's, because the machine is shared and timings drift.
Every figure is the median of --runs runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

ONE_RUN = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from zoneinfo import ZoneInfo
import planner.content
from planner.content import post_files, read_post
assert planner.content.__file__.startswith(sys.argv[1]), planner.content.__file__
files = post_files(Path(sys.argv[2]))
for path in files:
    path.read_bytes()
tz = ZoneInfo("UTC")
start = time.perf_counter()
loaded = sum(read_post(path, tz)[0] is not None for path in files)
seconds = time.perf_counter() - start
print(json.dumps({"files": len(files), "loaded": loaded, "seconds": seconds}))
"""


def one_run(source: Path, content: Path) -> dict:
    """Time `read_post` over `content` with the planner package of `source`."""
    done = subprocess.run(
        [sys.executable, "-c", ONE_RUN, str(source), str(content)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path, help="a content directory of *.md posts")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--against",
        type=Path,
        action="append",
        default=[],
        help="another source tree (holding planner/) to time in the same runs",
    )
    args = parser.parse_args()
    sources = {"this tree": REPO, **{str(src): src.resolve() for src in args.against}}
    results: dict[str, list[dict]] = {name: [] for name in sources}
    for _ in range(args.runs):
        for name, source in sources.items():
            results[name].append(one_run(source, args.content.resolve()))

    print(f"read_post over {args.content}, median of {args.runs} runs")
    print(f"{'code':<32} {'posts':>6} {'loaded':>6} {'seconds':>8} {'posts/s':>8}")
    for name, runs in results.items():
        seconds = statistics.median(r["seconds"] for r in runs)
        files, loaded = runs[0]["files"], runs[0]["loaded"]
        print(f"{name:<32} {files:>6} {loaded:>6} {seconds:>8.3f} {files / seconds:>8.0f}")


if __name__ == "__main__":
    main()
