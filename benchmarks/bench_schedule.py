"""Scheduler speed: planning 5,000 ready posts over two years, and `--write` of 5,000 files.

Usage: python benchmarks/bench_schedule.py [--posts 5000] [--runs 5] [--gen PATH]

The posts come from the shared corpus generator (gen_site.py: ~615 words, 3 of 200 tags
each, seed 42) with their dates removed, so every post is ready and unscheduled. The
cadence has 7 slots a day (5,103 in 104 weeks); 20 of the tags are audience interests.
Each row is the median of --runs runs; the reference rows (loading the posts with the
foundation loader, copying the files with shutil) are measured in the same run, since
the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from planner.cadence import Cadence, slots
from planner.cli import cli
from planner.frontmatter_edit import format_date, write_dates
from planner.schedule import PlanSettings, file_ages, plan_schedule
from planner.site import open_site

# The shared corpus generator lives beside the repository, in ../shared.
GEN_SITE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "gen_site.py"
NOW = "2026-11-22T12:00"
WEEKS = 104
CONFIG = f"""
[site]
timezone = "America/New_York"
[schedule]
rules = ["FREQ=DAILY;BYHOUR=7,9,11,13,15,17,19;BYMINUTE=0"]
blackout = ["2026-12-24..2027-01-01"]
min_days_between = 3
horizon_weeks = {WEEKS}
"""
AUDIENCE = 'name = "bench"\ninterests = [{}]\n'.format(
    ", ".join(f'"tag-{i:03d}"' for i in range(20))
)


def make_site(root: Path, count: int, generator: Path) -> Path:
    """A site of `count` undated ready posts from the shared generator."""
    corpus = root / "corpus"
    subprocess.run(
        [sys.executable, str(generator), str(count), str(corpus)], check=True, capture_output=True
    )
    site = root / "site"
    posts = site / "content" / "posts"
    posts.mkdir(parents=True)
    for source in sorted((corpus / "hugo" / "content" / "posts").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        lines = [line for line in text.split("\n") if not line.startswith("date:")]
        (posts / source.name).write_text("\n".join(lines), encoding="utf-8")
    (site / "planner.toml").write_text(CONFIG, encoding="utf-8")
    (site / "audience.toml").write_text(AUDIENCE, encoding="utf-8")
    return site


def median_seconds(
    action: Callable[[], object], runs: int, setup: Callable[[], object] = lambda: None
) -> float:
    times = []
    for _ in range(runs):
        setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--gen", type=Path, default=GEN_SITE)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        site_dir = make_site(root, args.posts, args.gen)
        pristine = root / "pristine"
        shutil.copytree(site_dir / "content", pristine)

        site = open_site(site_dir / "planner.toml")
        now = datetime.fromisoformat(NOW).replace(tzinfo=site.tz)
        posts = list(site.load_posts().posts)
        settings = PlanSettings.from_schedule(site.config.schedule)
        cadence = Cadence.from_settings(site.config.schedule, site.tz)
        free = slots(cadence, now, now + timedelta(weeks=settings.horizon_weeks))
        ages = file_ages(posts)

        def plan():  # type: ignore[no-untyped-def]
            return plan_schedule(
                posts, free, now=now, audience=site.audience, settings=settings, ages=ages
            )

        result = plan()

        def restore() -> None:
            shutil.rmtree(site_dir / "content")
            shutil.copytree(pristine, site_dir / "content")

        edits = [(a.post.path, format_date(a.when, site.tz)) for a in result.assignments]
        runner = CliRunner()

        def command(*extra: str) -> Callable[[], object]:
            def invoke() -> object:
                outcome = runner.invoke(
                    cli,
                    ["--config", str(site_dir / "planner.toml"), "schedule", "--now", NOW, *extra],
                )
                assert outcome.exit_code == 0, outcome.output
                return outcome

            return invoke

        rows = [
            (
                "reference: load posts (foundation loader)",
                median_seconds(site.load_posts, args.runs),
            ),
            (
                "reference: copy the post files (shutil.copytree)",
                median_seconds(restore, args.runs),
            ),
            (
                "expand cadence slots (two years)",
                median_seconds(
                    lambda: slots(cadence, now, now + timedelta(weeks=WEEKS)), args.runs
                ),
            ),
            ("plan_schedule (posts loaded)", median_seconds(plan, args.runs)),
            ("planner schedule (dry run, load + plan)", median_seconds(command(), args.runs)),
            (
                "write_dates (dates into the files)",
                median_seconds(lambda: write_dates(edits, expect_undated=True), args.runs, restore),
            ),
            (
                "planner schedule --write (load + plan + write)",
                median_seconds(command("--write"), args.runs, restore),
            ),
        ]

    print(
        f"{args.posts} ready posts, {len(free)} slots in {WEEKS} weeks, "
        f"{len(result.assignments)} placed, {len(result.unplaced)} unplaced; "
        f"median of {args.runs} runs\n"
    )
    width = max(len(name) for name, _ in rows)
    print(f"| {'step'.ljust(width)} | seconds |")
    print(f"|{'-' * (width + 2)}|---------|")
    for name, seconds in rows:
        print(f"| {name.ljust(width)} | {seconds:7.3f} |")


if __name__ == "__main__":
    main()
