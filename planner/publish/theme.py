"""Themes: Jinja2 templates and static files. A site's own theme directory
(`themes/<name>/` in the site) comes first; any file it lacks comes from the default
theme that ships inside the package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import planner
from planner.cache import digest

if TYPE_CHECKING:
    import jinja2


def default_theme_dir() -> Path:
    """The packaged default theme (in a source checkout: the repository's themes/default)."""
    packaged = Path(planner.__file__).parent / "themes" / "default"
    if packaged.is_dir():
        return packaged
    return Path(planner.__file__).resolve().parents[1] / "themes" / "default"


def theme_dirs(site_root: Path, name: str) -> list[Path]:
    """The directories templates are looked up in, first match wins."""
    dirs = [site_root / "themes" / name]
    default = default_theme_dir()
    return [d for d in dict.fromkeys([*dirs, default]) if d.is_dir()]


def environment(dirs: list[Path]) -> jinja2.Environment:
    """A Jinja2 environment over the theme directories, autoescaping everything; for one
    build (templates are read once, not checked for changes on every page)."""
    import jinja2  # here: a build with nothing to do never draws a page

    return jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(d / "templates") for d in dirs]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
    )


def static_files(dirs: list[Path]) -> dict[str, Path]:
    """Every file under the themes' static/ directories, by path; the site's own win."""
    found: dict[str, Path] = {}
    for directory in reversed(dirs):
        static = directory / "static"
        if static.is_dir():
            for path in static.rglob("*"):
                if path.is_file():
                    found["static/" + path.relative_to(static).as_posix()] = path
    return found


def tree_digest(directories: list[Path]) -> str:
    """A digest of every file under `directories` (the theme): names and bytes."""
    parts: list[str | bytes] = []
    for directory in directories:
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            parts += [str(path.relative_to(directory)), path.read_bytes()]
    return digest(*parts)
