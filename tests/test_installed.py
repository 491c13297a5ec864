"""The installed `planner` console script, run as a user runs it: in a subprocess,
in a directory outside the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import planner

SCRIPT = Path(sys.executable).with_name("planner.exe" if os.name == "nt" else "planner")


def planner_cmd(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    assert SCRIPT.exists(), f"no console script at {SCRIPT}: install the package with pip first"
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=60
    )


def test_version_matches_the_package(tmp_path: Path) -> None:
    result = planner_cmd("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert planner.__version__ in result.stdout


def test_init_then_new_then_list_in_an_empty_directory(tmp_path: Path) -> None:
    site = tmp_path / "my-site"

    init = planner_cmd("init", str(site), cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    assert (site / "planner.toml").is_file()
    assert (site / "audience.toml").is_file()

    new = planner_cmd("new", "Feeding a rye starter", "--tags", "rye sourdough", cwd=site)
    assert new.returncode == 0, new.stderr
    written = site / new.stdout.strip()
    assert written.is_file()
    assert "status: draft" in written.read_text(encoding="utf-8")

    listing = planner_cmd("list", "--format", "json", cwd=site)
    assert listing.returncode == 0, listing.stderr
    titles = {post["title"]: post["status"] for post in json.loads(listing.stdout)}
    assert titles["Feeding a rye starter"] == "draft"
    assert len(titles) == 2  # the scaffolded first post and the new one


def test_a_bad_file_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "bad.md").write_bytes(b"---\ntitle: \xff\xfe\n---\nbody\n")
    (posts / "good.md").write_text("---\ntitle: Fine\n---\nbody\n", encoding="utf-8")

    result = planner_cmd("list", cwd=tmp_path)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "content/posts/bad.md:" in result.stderr.replace(os.sep, "/")
    assert "Fine" in result.stdout


def test_build_a_new_site_outside_the_repository(tmp_path: Path) -> None:
    """The default theme must come from the installed package, not from a checkout."""
    site = tmp_path / "my-site"
    assert planner_cmd("init", str(site), cwd=tmp_path).returncode == 0
    result = planner_cmd("build", "--drafts", "--no-check", cwd=site)
    assert result.returncode == 0, result.stderr
    index = (site / "public" / "index.html").read_text(encoding="utf-8")
    assert "<main" in index and (site / "public" / "static" / "style.css").is_file()
