"""Hostile files, generated: loading and the commands report them and go on.

A fast profile (a few dozen examples each); benchmarks/fuzz.py runs the same
strategies over tens of thousands of files.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import re
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner
from fuzz_strategies import audience_files, config_files, front_matter, post_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.audience import load_audience
from planner.cli import cli
from planner.config import load_config
from planner.content import read_post
from planner.frontmatter_edit import set_date
from planner.limits import MAX_NAME_CHARS

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
GOOD_POST = "---\ntitle: Muncie M21 notes\ntags: [Muncie M21]\ndate: 2026-01-05\n---\nBody.\n"
TZ = ZoneInfo("America/Chicago")


def _file(data: bytes, name: str = "post.md") -> Path:
    directory = Path(tempfile.mkdtemp())
    path = directory / name
    path.write_bytes(data)
    return path


@FAST
@given(post_files())
def test_a_hostile_post_loads_or_is_reported_never_raises(data):
    post, problems = read_post(_file(data), TZ)
    assert (post is None) == any(p.severity == 3 for p in problems)
    if post is not None:
        assert 0 < len(post.slug) <= MAX_NAME_CHARS
        assert post.date is None or 1900 <= post.date.year <= 2999
    for problem in problems:
        assert problem.line >= 1 and len(problem.message) < 1000


@FAST
@given(st.lists(post_files(), min_size=1, max_size=4))
def test_hostile_posts_never_hide_a_good_one_from_list(files):
    with contextlib.chdir(tempfile.mkdtemp()):
        posts = Path("content/posts")
        posts.mkdir(parents=True)
        Path("planner.toml").write_text("")
        (posts / "good.md").write_text(GOOD_POST)
        for number, data in enumerate(files):
            (posts / f"hostile-{number}.md").write_bytes(data)
        result = CliRunner().invoke(cli, ["list", "--format", "json", "--now", "2026-11-22"])
    assert result.exit_code in (0, 1), result.output
    assert "internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    listed = json.loads(result.stdout)
    assert "content/posts/good.md" in [p["path"] for p in listed]


@FAST
@given(config_files(), audience_files())
def test_a_hostile_config_is_reported_never_raises(config, audience):
    path = _file(config, "planner.toml")
    (path.parent / "audience.toml").write_bytes(audience)
    loaded, problems = load_config(path)
    found: list = []
    load_audience(loaded, found)
    for problem in [*problems, *found]:
        assert problem.line >= 1 and problem.path.name in ("planner.toml", "audience.toml")


@FAST
@given(front_matter(), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_setting_a_date_changes_only_the_date_line(fm, newline, bom):
    text = ("\ufeff" if bom else "") + f"---\n{fm}\n---\nBody.\n".replace("\n", newline)
    edited = set_date(text, "2026-12-01 09:00:00")
    diff = list(difflib.ndiff(text.splitlines(True), edited.splitlines(True)))
    added = [line[2:] for line in diff if line.startswith("+ ")]
    removed = [line[2:] for line in diff if line.startswith("- ")]
    assert len(added) == 1 and added[0].endswith(newline)
    assert re.match(r"""["']?date["']?[ \t]*: 2026-12-01 09:00:00""", added[0])
    assert all(re.match(r"""["']?date["']?[ \t]*:|[ \t]""", line) for line in removed)
    assert edited.startswith("\ufeff") == bom
