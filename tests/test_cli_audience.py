"""`planner audience suggest`: print, write (never overwrite) and diff a drafted profile."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

FLYTYING = Path(__file__).parent / "fixtures" / "flytying"


@pytest.fixture
def site(tmp_path) -> Path:
    return shutil.copytree(FLYTYING, tmp_path / "site")


def test_suggest_prints_a_toml_draft(run, site):
    result = run("audience", "suggest", cwd=site)
    assert result.exit_code == 0, result.output
    assert "fly tying" in tomllib.loads(result.stdout)["niche"]
    assert not (site / "audience.toml").exists()


def test_write_creates_audience_toml_when_there_is_none(run, site):
    result = run("audience", "suggest", "--write", cwd=site)
    assert result.exit_code == 0, result.output
    written = (site / "audience.toml").read_text()
    assert written == run("audience", "suggest", cwd=site).stdout
    assert list(site.glob(".audience.toml.*")) == []


def test_write_never_overwrites_a_profile(run, site):
    (site / "audience.toml").write_text('niche = ["mine"]\n')
    result = run("audience", "suggest", "--write", cwd=site)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (site / "audience.toml").read_text() == 'niche = ["mine"]\n'


def test_write_refuses_when_planner_toml_holds_the_profile(run, site):
    with (site / "planner.toml").open("a") as out:
        out.write('\n[audience]\nniche = ["fly tying"]\n')
    result = run("audience", "suggest", "--write", cwd=site)
    assert result.exit_code == 2
    assert not (site / "audience.toml").exists()


def test_diff_lists_what_the_profile_lacks(run, site):
    (site / "audience.toml").write_text('niche = ["fly tying"]\ninterests = ["Woolly Bugger"]\n')
    result = run("audience", "suggest", "--diff", cwd=site)
    assert result.exit_code == 0, result.output
    assert '+ interests: "Parachute Adams"' in result.stdout
    assert '"Woolly Bugger"' not in result.stdout
    assert '+ niche: "fly tying"' not in result.stdout


def test_suggest_without_posts_is_a_clear_error(run, tmp_path):
    (tmp_path / "planner.toml").write_text("")
    result = run("audience", "suggest", cwd=tmp_path)
    assert result.exit_code == 2
    assert "no posts to learn from" in result.stderr


def test_init_where_posts_exist_offers_to_draft_the_profile(run, tmp_path):
    site = tmp_path / "blog"
    shutil.copytree(FLYTYING / "content", site / "content")
    result = run("init", "blog", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert (site / "planner.toml").is_file()
    assert not (site / "audience.toml").exists()
    assert sorted(p.name for p in (site / "content" / "posts").iterdir()) == sorted(
        p.name for p in (FLYTYING / "content" / "posts").iterdir()
    )
    assert "planner audience suggest" in result.stdout
