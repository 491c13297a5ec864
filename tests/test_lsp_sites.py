"""Which site a file belongs to, reloading it, and one diagnostic per config file."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import write_site

from planner.lsp.sites import Sites, config_problems
from planner.site import open_site


def test_a_post_belongs_to_the_nearest_site(tmp_path: Path):
    root = write_site(tmp_path / "site", posts={"a.md": "---\ntitle: A\n---\n"})
    post = root / "content" / "posts" / "a.md"
    assert Sites().config_for(post) == (root / "planner.toml").resolve()


def test_a_file_outside_any_site_belongs_to_none(tmp_path: Path):
    (tmp_path / "notes.md").write_text("# notes\n")
    assert Sites().config_for(tmp_path / "notes.md") is None


def test_markdown_outside_the_content_directory_is_not_a_post(tmp_path: Path):
    root = write_site(tmp_path / "site")
    (root / "README.md").write_text("# readme\n")
    assert Sites().config_for(root / "README.md") is None


def test_other_files_are_not_posts(tmp_path: Path):
    root = write_site(tmp_path / "site")
    (root / "content" / "posts" / "notes.txt").write_text("x")
    assert Sites().config_for(root / "content" / "posts" / "notes.txt") is None


def test_the_site_is_loaded_again_when_its_audience_file_changes(tmp_path: Path):
    root = write_site(tmp_path / "site", audience='interests = ["Muncie M21"]\n')
    sites = Sites()
    first = sites.get(root / "planner.toml")
    assert sites.get(root / "planner.toml") is first
    audience = root / "audience.toml"
    audience.write_text('interests = ["Muncie M21", "Hurst shifter"]\n')
    os.utime(audience, ns=(1, 1))  # a different stamp even within the clock's resolution
    assert sites.get(root / "planner.toml").site.audience.interests[-1] == "Hurst shifter"


def test_config_problems_are_one_finding_per_file(tmp_path: Path):
    root = write_site(
        tmp_path / "site",
        config='[site]\ntimezone = "Mars/Base"\nposts_per_page = 0\n',
        audience="interests = 3\n",
    )
    problems = config_problems(open_site(root / "planner.toml", start=root))
    config = problems[(root / "planner.toml").resolve()]
    assert config is not None and config.message.endswith("(and 1 more: run planner check)")
    assert problems[(root / "audience.toml").resolve()] is not None


def test_a_clean_config_has_no_problem_finding(tmp_path: Path):
    root = write_site(tmp_path / "site", audience='interests = ["Muncie M21"]\n')
    problems = config_problems(open_site(root / "planner.toml", start=root))
    assert set(problems.values()) == {None}
