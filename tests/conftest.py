"""Shared test helpers: small site directories written into a temporary folder."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.cli import cli

REPO_ROOT = Path(__file__).resolve().parents[1]
"""The repository, which is also the example site."""

SiteMaker = Callable[..., Path]


def copy_example(dest: Path) -> Path:
    """A copy of the repository's example site (posts, planner.toml, audience.toml)."""
    shutil.copytree(REPO_ROOT / "content", dest / "content")
    for name in ("planner.toml", "audience.toml"):
        shutil.copy(REPO_ROOT / name, dest / name)
    return dest


def write_site(
    root: Path,
    posts: Mapping[str, str] = {},
    config: str | None = "",
    audience: str | None = None,
) -> Path:
    """Write planner.toml, audience.toml and content/posts/<name> files under `root`.

    Texts are dedented, so tests can indent them with the code. `config=None` writes
    no planner.toml at all.
    """
    root.mkdir(parents=True, exist_ok=True)
    if config is not None:
        (root / "planner.toml").write_text(textwrap.dedent(config), encoding="utf-8")
    if audience is not None:
        (root / "audience.toml").write_text(textwrap.dedent(audience), encoding="utf-8")
    posts_dir = root / "content" / "posts"
    posts_dir.mkdir(parents=True, exist_ok=True)
    for name, text in posts.items():
        (posts_dir / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> SiteMaker:
    """`make_site(posts={...}, config=..., audience=...)` -> the site directory."""

    def make(**kwargs: object) -> Path:
        return write_site(tmp_path / "site", **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def example_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's example site, as the current directory."""
    site = tmp_path / "example"
    copy_example(site)
    monkeypatch.chdir(site)
    return site


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """`run("check", "--format", "json", cwd=site)`: the `planner` command in-process."""

    def invoke(*args: str, cwd: Path | None = None) -> Result:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)

    return invoke
