"""The "nothing to do" span against many random sites: a build at any clock inside the
span `planner.publish.unchanged.good_until` gives must write the same bytes.

Usage:
    python benchmarks/clock_fuzz.py [--examples 500] [--seed 1]

Runs tests/test_publish_unchanged.py's property test (small sites with random posts,
cadences, horizons and coverage windows, built at a clock just before a moment the
output may turn at, then at the span's last second and inside it) with many more
examples than the test suite's fast profile, and prints one row.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
TEST = "test_publish_unchanged.py::test_a_build_anywhere_in_the_span_makes_the_same_output"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    env = {**os.environ, "PLANNER_CLOCK_EXAMPLES": str(args.examples)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command += [f"--hypothesis-seed={args.seed}", str(TESTS / TEST)]
    started = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    verdict = "same bytes everywhere" if result.returncode == 0 else "DIFFERENT OUTPUT"
    print("| examples | seed | seconds | result |")
    print("|---:|---:|---:|---|")
    print(f"| {args.examples} | {args.seed} | {seconds:.0f} | {verdict} |")
    if result.returncode:
        print(result.stdout[-4000:])
        sys.exit(1)


if __name__ == "__main__":
    main()
