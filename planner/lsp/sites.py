"""Which site an editor file belongs to, kept loaded until its config files change.

A file is a post when the nearest planner.toml above it defines a site whose content
directory holds it; anything else (a README, a file outside any site) gets nothing.
A loaded site is kept with a stamp of its planner.toml and audience file (modification
time and size), so an edit made in any program is picked up at the next check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from planner.check.checker import Checker
from planner.config import find_config
from planner.findings import Finding
from planner.site import Site, open_site

MARKDOWN_SUFFIXES = (".md", ".markdown")
Stamp = tuple[tuple[int, int] | None, ...]


def stamp_of(*paths: Path | None) -> Stamp:
    """(mtime_ns, size) of each file, None for a missing one."""
    found: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            info = path.stat() if path is not None else None
        except OSError:
            info = None
        found.append((info.st_mtime_ns, info.st_size) if info else None)
    return tuple(found)


@dataclass
class Loaded:
    """A site as loaded, the stamp it was loaded at, and its checker once one is needed."""

    site: Site
    stamp: Stamp
    _checker: Checker | None = field(default=None, repr=False)

    @property
    def checker(self) -> Checker:
        if self._checker is None:
            self._checker = Checker(self.site)
        return self._checker


class Sites:
    """The sites of the files the editor has open, reloaded when their config changes."""

    def __init__(self) -> None:
        self._loaded: dict[Path, Loaded] = {}

    def config_for(self, path: Path) -> Path | None:
        """The planner.toml of the site `path` is a post of, or None."""
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            return None
        config = find_config(path.parent)
        if config is None:
            return None
        content = self.get(config).site.config.content_dir
        return config if path.resolve().is_relative_to(content) else None

    def get(self, config: Path) -> Loaded:
        """The site of `config`, loaded again when it or its audience file changed."""
        loaded = self._loaded.get(config)
        if loaded is not None and loaded.stamp == self._stamp(config, loaded.site):
            return loaded
        site = open_site(config, start=config.parent)
        loaded = Loaded(site, self._stamp(config, site))
        self._loaded[config] = loaded
        return loaded

    def forget(self, config: Path) -> None:
        """Load `config`'s site again at its next use."""
        self._loaded.pop(config, None)

    def configs(self) -> list[Path]:
        """The planner.toml of every site loaded so far."""
        return list(self._loaded)

    @staticmethod
    def _stamp(config: Path, site: Site) -> Stamp:
        return stamp_of(config, site.config.audience_path)


def site_files(site: Site) -> tuple[Path, ...]:
    """The files whose change reloads the site: planner.toml and the audience file."""
    files = [site.config.path, site.config.audience_path]
    return tuple(dict.fromkeys(f.resolve() for f in files if f is not None))


def config_problems(site: Site) -> dict[Path, Finding | None]:
    """For planner.toml and the audience file: one finding summing up its problems, or None.

    One diagnostic per file: a broken config usually breaks many keys at once, and
    `planner check` lists them all.
    """
    problems = [*site.config_problems, *site.audience_problems]
    summary: dict[Path, Finding | None] = {path: None for path in site_files(site)}
    for path in dict.fromkeys(p.path.resolve() for p in problems):
        found = [p for p in problems if p.path.resolve() == path]
        first = max(found, key=lambda p: (p.severity, -p.line))
        more = f" (and {len(found) - 1} more: run planner check)" if len(found) > 1 else ""
        summary[path] = Finding(
            first.path,
            first.line,
            first.col,
            first.rule,
            first.severity,
            first.message + more,
        )
    return summary
