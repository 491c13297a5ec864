"""Hostile posts and configs through `planner list`, `check` and `build`: nothing may break.

Usage:
    python benchmarks/fuzz.py [--posts 10000] [--configs 2000] [--batch 250] [--seed 1]

Inputs come from the hypothesis strategies in tests/fuzz_strategies.py. Posts go in
batches of `--batch` hostile files into sites that also hold a few good posts (the
canaries); each config (planner.toml + audience.toml) gets a site of its own with the
canaries. Every command runs in-process through click's CliRunner, inside a forked
child with a time limit, two children at a time. Counted as failures (all must be 0):

    tracebacks     a Python traceback in a command's output
    internal       "internal error", an exception escaping, or an unexpected exit code
    hangs          a command over --hang seconds, or a batch killed at its time limit
    good lost      a canary missing from `list` or `check`, or from a build that leaves
                   the broken posts out (serve mode); for configs, only where the config
                   keeps the default content directory and loads without errors
    unnamed        a post that `list` reports as broken but `planner build` does not name
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from fuzz_strategies import audience_files, config_files, post_files  # noqa: E402
from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

CANARIES = {
    f"good-{n}.md": (
        f"---\ntitle: Muncie M21 countershaft notes {n}\ntags: [Muncie M21]\n"
        f"date: 2026-0{n + 1}-05 09:00\n---\n\nThe M21 countershaft on a 1968 Camaro SS 396 "
        "has 0.027 inch end play; measure it with a dial indicator before the rebuild.\n"
    )
    for n in range(3)
}
COLUMNS = ("inputs", "tracebacks", "internal", "hangs", "good lost", "unnamed")
NOW = "2026-11-22"


def generate(strategy, count: int, seed_value: int, keep: Callable[[int, object], None]) -> None:
    """`count` examples of `strategy`, reproducible from `seed_value`, each handed to
    `keep` with its number as it is made (the inputs are too large to hold at once)."""
    made = [0]

    @seed(seed_value)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(example) -> None:
        keep(made[0], example)
        made[0] += 1

    collect()


def _site(root: Path, config: bytes = b"", audience: bytes | None = None) -> Path:
    posts = root / "content" / "posts"
    posts.mkdir(parents=True)
    (root / "planner.toml").write_bytes(config)
    (root / "audience.toml").write_bytes(
        audience if audience is not None else (REPO / "audience.toml").read_bytes()
    )
    for name, text in CANARIES.items():
        (posts / name).write_text(text, encoding="utf-8")
    return root


def _invoke(args: list[str], root: Path, hang: float) -> tuple[Counter, str, int]:
    """Run one command in-process in `root`: (failure counts, stdout, exit code)."""
    import contextlib
    import os

    from click.testing import CliRunner

    from planner.cli import cli

    counts: Counter = Counter()
    started = time.perf_counter()
    with contextlib.chdir(root):
        os.environ.pop("PLANNER_DEBUG", None)
        result = CliRunner().invoke(cli, args)
    output = result.output
    if time.perf_counter() - started > hang:
        counts["hangs"] += 1
    if "Traceback (most recent call last)" in output:
        counts["tracebacks"] += 1
    escaped = result.exception is not None and not isinstance(result.exception, SystemExit)
    if escaped or "internal error" in output or result.exit_code not in (0, 1, 2):
        counts["internal"] += 1
        if escaped:
            traceback.print_exception(result.exception, file=sys.stderr)
        else:
            print(f"internal: {args} in {root}:\n{output[-2000:]}", file=sys.stderr)
    return counts, result.stdout if "--format" in args else output, result.exit_code


def _listed_paths(stdout: str) -> set[str]:
    try:
        return {post["path"] for post in json.loads(stdout)}
    except (ValueError, TypeError, KeyError):
        return set()


def _checked(stdout: str) -> tuple[set[str], set[str]]:
    """(paths checked, paths with error-level problems) from `check --format json`."""
    try:
        document = json.loads(stdout)
    except ValueError:
        return set(), set()
    errors = {
        p["path"]
        for p in document["problems"]
        if p["severity"] == "error" and p["rule"] not in ("over-budget", "check-failed")
    }
    return {p["path"] for p in document["posts"]}, errors


def run_posts(root: Path, hang: float) -> Counter:
    """list, check and build on one site of hostile posts and canaries."""
    from planner.publish import BuildOptions, build_site
    from planner.site import open_site

    counts: Counter = Counter()
    wanted = {f"content/posts/{name}" for name in CANARIES}
    found, listed, _ = _invoke(["list", "--format", "json", "--now", NOW], root, hang)
    counts += found
    counts["good lost"] += len(wanted - _listed_paths(listed))
    found, checked, _ = _invoke(["check", "--format", "json"], root, hang)
    counts += found
    checked_paths, broken = _checked(checked)
    counts["good lost"] += len(wanted - checked_paths)
    found, built, _ = _invoke(["build", "--no-check", "--now", NOW, "--out", "public"], root, hang)
    counts += found
    counts["unnamed"] += sum(1 for path in broken if f"{path}:" not in built)
    from datetime import datetime
    from zoneinfo import ZoneInfo

    site = open_site(None, start=root)
    now = datetime(2026, 11, 22, tzinfo=ZoneInfo("UTC"))
    options = BuildOptions(out=root / "serve", now=now, check=False, keep_going=True)
    try:
        build_site(site, options)
    except Exception:
        counts["internal"] += 1
        traceback.print_exc()
    for name in CANARIES:
        slug = f"muncie-m21-countershaft-notes-{name[5]}"
        counts["good lost"] += not (root / "serve" / "posts" / slug / "index.html").is_file()
    return counts


def run_configs(root: Path, hang: float) -> Counter:
    """list, check and build on one site with a hostile planner.toml and audience.toml."""
    import tomllib

    counts: Counter = Counter()
    wanted = {f"content/posts/{name}" for name in CANARIES}
    found, listed, code = _invoke(["list", "--format", "json", "--now", NOW], root, hang)
    counts += found
    try:
        default_content = "content" not in tomllib.loads(
            (root / "planner.toml").read_text("utf-8")
        ).get("paths", {"content": 0})
    except (ValueError, RecursionError, AttributeError):  # what planner reports as bad TOML
        default_content = False
    if code != 2 and default_content:
        counts["good lost"] += len(wanted - _listed_paths(listed))
    found, _, _ = _invoke(["check", "--format", "json"], root, hang)
    counts += found
    found, _, _ = _invoke(["build", "--now", NOW, "--out", str(root / "public")], root, hang)
    counts += found
    return counts


def _child(task: Callable[[Path, float], Counter], roots: list[Path], hang: float, conn) -> None:
    total: Counter = Counter()
    for root in roots:
        try:
            total += task(root, hang)
        except Exception:
            total["internal"] += 1
            traceback.print_exc()
    conn.send(dict(total))
    conn.close()


def run_all(
    task: Callable[[Path, float], Counter], groups: list[list[Path]], hang: float, limit: float
) -> Counter:
    """Each group in a forked child, two at a time; a child past `limit` s is a hang."""
    context = multiprocessing.get_context("fork")
    gc.collect()
    gc.freeze()  # children inherit the generator's objects: never scan or copy them
    total: Counter = Counter()
    pending = list(groups)
    running: list[tuple] = []
    while pending or running:
        while pending and len(running) < 2:
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(task, pending.pop(0), hang, send))
            process.start()
            running.append((process, receive, time.perf_counter()))
        for entry in list(running):
            process, receive, started = entry
            if receive.poll(0.2):
                total += Counter(receive.recv())
                process.join()
                running.remove(entry)
                done = len(groups) - len(pending) - len(running)
                print(f"  {done}/{len(groups)} {dict(total)}", file=sys.stderr, flush=True)
            elif not process.is_alive() or time.perf_counter() - started > limit:
                process.kill()
                process.join()
                total["hangs" if process.exitcode == -9 else "internal"] += 1
                running.remove(entry)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--configs", type=int, default=2_000)
    parser.add_argument("--batch", type=int, default=250, help="hostile posts per site")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hang", type=float, default=120.0, help="seconds one command may take")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="planner-fuzz-"))
    rows = []
    try:
        started = time.perf_counter()
        roots: list[Path] = []

        def keep_post(number: int, data: bytes) -> None:
            if number % args.batch == 0:
                roots.append(_site(work / f"posts-{number}"))
            (roots[-1] / "content" / "posts" / f"hostile-{number}.md").write_bytes(data)

        generate(post_files(), args.posts, args.seed, keep_post)
        generated = sum(len(list((r / "content" / "posts").glob("hostile-*"))) for r in roots)
        counts = run_all(run_posts, [[r] for r in roots], args.hang, args.hang * 5)
        rows.append(("posts", generated, counts, time.perf_counter() - started))

        started = time.perf_counter()
        roots = []
        generate(
            config_files(),
            args.configs,
            args.seed,
            lambda n, data: roots.append(_site(work / f"config-{n}", data, b"")),
        )
        generate(
            audience_files(),
            args.configs,
            args.seed + 1,
            lambda n, data: (
                (roots[n] / "audience.toml").write_bytes(data) if n < len(roots) else None
            ),
        )
        groups = [roots[i : i + 50] for i in range(0, len(roots), 50)]
        counts = run_all(run_configs, groups, args.hang, args.hang * 10)
        rows.append(("configs", len(roots), counts, time.perf_counter() - started))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\n{'':8}" + "".join(f"{c:>12}" for c in COLUMNS) + f"{'seconds':>10}")
    for name, inputs, counts, seconds in rows:
        cells = [inputs, *(counts.get(c, 0) for c in COLUMNS[1:])]
        print(f"{name:8}" + "".join(f"{v:>12}" for v in cells) + f"{seconds:>10.0f}")
    failed = any(counts.get(c, 0) for _, _, counts, _ in rows for c in COLUMNS[1:])
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
