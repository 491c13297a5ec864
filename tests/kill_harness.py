"""Kill `planner build` at random moments and check the output is always a whole site.

Shared by tests/test_build_output.py (a few kills on a small site) and
benchmarks/kill_build.py (many kills on a site of thousands of posts). After each
kill the output directory must be exactly the previous complete build or exactly the
next one (what a build of the same files gives when it is left to finish): never a
mix, never a file cut short, never a missing file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from planner.publish import output

PLANNER = [sys.executable, "-m", "planner"]
BUILD = ["build", "--no-check", "--now", "2027-01-01"]


def snapshot(out: Path) -> dict[str, str]:
    """Every file under `out` with a hash of its bytes."""
    if not out.is_dir():
        return {}
    return {
        path.relative_to(out).as_posix(): hashlib.blake2b(path.read_bytes()).hexdigest()
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def write_small_site(root: Path, posts: int) -> Path:
    """A site of `posts` short posts sharing a few tags (when the shared corpus is not used)."""
    (root / "content" / "posts").mkdir(parents=True, exist_ok=True)
    (root / "planner.toml").write_text('[site]\nbase_url = "https://example.com/"\n')
    for number in range(posts):
        (root / "content" / "posts" / f"post-{number:05d}.md").write_text(
            f"---\ntitle: Post {number} on gearbox {number % 17}\n"
            f"date: 2026-{1 + number % 12:02d}-{1 + number % 28:02d} 09:00\n"
            f"tags: [gearbox {number % 17}, shop notes]\n---\n\n"
            + f"Paragraph about the M21 gearbox, part {number}.\n\n"
            * 8,
            encoding="utf-8",
        )
    return root


def edit_site(root: Path, rng: random.Random, round_number: int) -> None:
    """Change a few posts, remove one and add one, so the next build changes files."""
    posts = sorted((root / "content" / "posts").glob("*.md"))
    for path in rng.sample(posts, max(1, len(posts) // 20)):
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"\nEdited in round {round_number}.\n")
    rng.choice(posts).unlink()
    (root / "content" / "posts" / f"added-{round_number}.md").write_text(
        f"---\ntitle: Added in round {round_number}\ndate: 2026-06-01\n---\n\nNew.\n",
        encoding="utf-8",
    )


def build(root: Path) -> float:
    """Run a build to the end; its time in seconds."""
    started = time.perf_counter()
    subprocess.run([*PLANNER, *BUILD], cwd=root, check=True, capture_output=True)
    return time.perf_counter() - started


@dataclass
class KillResult:
    kills: int = 0
    before_swap: int = 0
    """Kills that left the previous site."""
    after_swap: int = 0
    """Kills that came after the new site was in place."""
    finished_next: int = 0
    """Kills in the renames of a small change applied file by file: the site was mixed
    until the next build finished the apply from the note it left (output.APPLYING)."""
    broken: int = 0
    """Kills that left anything else: must stay 0."""


def kill_builds(root: Path, kills: int, seed: int = 1) -> KillResult:
    """Edit the site and kill a build at a random moment, `kills` times."""
    rng = random.Random(seed)
    out = root / "public"
    build(root)
    edit_site(root, rng, 0)
    duration = build(root)  # what a build with a few changed posts takes: kill within it
    previous = snapshot(out)
    result = KillResult()
    for round_number in range(kills):
        edit_site(root, rng, round_number + 1)
        process = subprocess.Popen(
            [*PLANNER, *BUILD],
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: the workers die with it
        )
        time.sleep(rng.uniform(0, duration))
        _kill_tree(process)
        left = snapshot(out)
        rolled = None
        if left != previous and (output.staging_dir(out) / output.APPLYING).is_file():
            output.start(out)  # what the next build does first
            rolled = snapshot(out)
        build(root)
        finished = snapshot(out)
        result.kills += 1
        if left == previous:
            result.before_swap += 1
        elif left == finished:
            result.after_swap += 1
        elif rolled == finished:
            result.finished_next += 1
        else:
            result.broken += 1
        previous = finished
    return result


def _kill_tree(process: subprocess.Popen) -> None:
    """SIGKILL the build and its forked workers at once, as a crash or the OOM killer would."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
