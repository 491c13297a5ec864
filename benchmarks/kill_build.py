"""Kill `planner build` with SIGKILL at random moments; the output must stay a whole site.

Usage:
    python benchmarks/kill_build.py [--posts 3000] [--kills 20] [--seed 1]

The site comes from the shared corpus generator (../shared/bench/gen_site.py); before
each kill a few posts are edited, one removed and one added, so the build has files to
change, add and delete. After each kill the output must be exactly the previous complete
build or exactly the next one (tests/kill_harness.py), or, for a kill during the few
renames of a small change applied file by file, a site the next build completes from the
note the killed one left; prints how many kills left which, and how many left anything
else (must be 0)."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
GEN_SITE = REPO.parent / "shared" / "bench" / "gen_site.py"

from kill_harness import kill_builds, write_small_site  # noqa: E402


def make_site(root: Path, posts: int) -> Path:
    """The shared corpus when it is there, else a generated site of the same size."""
    if not GEN_SITE.is_file():
        return write_small_site(root, posts)
    subprocess.run(
        [sys.executable, str(GEN_SITE), str(posts), str(root / "corpus")],
        check=True,
        capture_output=True,
    )
    (root / "content").mkdir(parents=True)
    shutil.move(root / "corpus" / "hugo" / "content" / "posts", root / "content" / "posts")
    (root / "planner.toml").write_text('[site]\nbase_url = "https://example.com/"\n')
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=3000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="planner-kill-"))
    try:
        site = make_site(work / "site", args.posts)
        started = time.perf_counter()
        result = kill_builds(site, args.kills, args.seed)
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"{'posts':>8}{'kills':>8}{'old site':>10}{'new site':>10}"
        f"{'finished by next':>18}{'broken':>8}{'seconds':>9}"
    )
    print(
        f"{args.posts:>8}{result.kills:>8}{result.before_swap:>10}{result.after_swap:>10}"
        f"{result.finished_next:>18}{result.broken:>8}{seconds:>9.0f}"
    )
    sys.exit(1 if result.broken else 0)


if __name__ == "__main__":
    main()
