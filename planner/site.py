"""A site directory: its config, its audience profile, and its posts.

This is the one place that goes from "a directory on disk" to plain data; every
command starts here and then works on the values it returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from planner.audience import Audience, load_audience
from planner.config import Config, find_config, load_config
from planner.content import LoadResult, load_posts, post_files
from planner.findings import Finding, Severity


@dataclass(frozen=True)
class Site:
    """A loaded site directory. Problems found while loading are kept, not raised."""

    config: Config
    audience: Audience
    config_problems: tuple[Finding, ...] = ()
    audience_problems: tuple[Finding, ...] = ()

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def tz(self) -> ZoneInfo:
        return self.config.tz

    @property
    def has_config_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.config_problems)

    def post_files(self) -> list[Path]:
        """Every post file under the content directory."""
        return post_files(self.config.content_dir)

    def load_posts(self, paths: Iterable[Path] | None = None) -> LoadResult:
        """Load the given post files, or every post of the site."""
        return load_posts(self.post_files() if paths is None else paths, self.tz)

    def now(self) -> datetime:
        """The current time in the site's timezone (commands take `--now` to override)."""
        return datetime.now(self.tz)


def open_site(config_path: Path | None = None, start: Path | None = None) -> Site:
    """Load the site whose planner.toml is `config_path`, or the one found from `start`.

    With no planner.toml anywhere above `start`, the site is `start` with defaults.
    """
    start = (start or Path.cwd()).resolve()
    path = config_path if config_path is not None else find_config(start)
    config, config_problems = load_config(path, root=start)
    audience_problems: list[Finding] = []
    audience = load_audience(config, audience_problems)
    return Site(config, audience, tuple(config_problems), tuple(audience_problems))
