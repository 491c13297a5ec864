"""The pre-commit hook, run as pre-commit runs it: its entry, then the staged files."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import REPO_ROOT, write_site

AUDIENCE = 'interests = ["Muncie M21"]\ntoo_broad = ["cars"]\n'
GOOD = """\
---
title: Rebuilding the Muncie M21 from a 1968 Camaro
tags: [Muncie M21]
---
The Muncie M21 came behind the L78 396 in 1968 with a 2.20 first gear. We measured
0.012 in of countershaft end play and fitted 0.093 in thrust washers. Which first
gear ratio does yours have?
"""
BROAD = GOOD.replace("[Muncie M21]", "[cars]").replace("Rebuilding", "Rebuilt")


def hook() -> dict:
    [found] = [h for h in yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text())]
    return found


def run_hook(site: Path, staged: list[str]) -> subprocess.CompletedProcess[str]:
    """What pre-commit does: keep the staged files the hook's filters match, run its entry."""
    spec = hook()
    files = [
        f
        for f in staged
        if re.search(spec["files"], f) and f.endswith((".md", ".markdown"))  # types: markdown
    ]
    command = [*shlex.split(spec["entry"]), *spec.get("args", []), *files]
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    return subprocess.run(
        command,
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path, "NO_COLOR": "1"},
        timeout=120,
    )


def test_the_hook_is_planner_check_on_markdown_posts():
    spec = hook()
    assert spec["id"] == "planner-check" and spec["types"] == ["markdown"]
    assert spec["entry"] == "planner check --fail-on warning"


def test_clean_posts_pass(tmp_path: Path):
    site = write_site(tmp_path / "site", posts={"good.md": GOOD}, audience=AUDIENCE)
    result = run_hook(site, ["content/posts/good.md"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_post_with_a_warning_fails_the_commit(tmp_path: Path):
    posts = {"good.md": GOOD, "broad.md": BROAD}
    site = write_site(tmp_path / "site", posts=posts, audience=AUDIENCE)
    result = run_hook(site, ["content/posts/good.md", "content/posts/broad.md"])
    assert result.returncode == 1
    assert "content/posts/broad.md:3:8: warning tag-too-broad" in result.stdout


def test_markdown_outside_the_content_directory_is_not_checked(tmp_path: Path):
    site = write_site(tmp_path / "site", posts={"good.md": GOOD}, audience=AUDIENCE)
    (site / "README.md").write_text("# About this site\n")
    result = run_hook(site, ["README.md", "content/posts/good.md"])
    assert result.returncode == 0, result.stdout + result.stderr
