"""`planner.toml`: discovery, defaults and validation into a frozen `Config`.

Every key has a default, so an empty or missing `planner.toml` is a working site.
Discovery walks up from the current directory like git and ruff do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.findings import Finding, Severity
from planner.schema import Converter, TomlFile, checked, empty_mapping, read_toml

CONFIG_NAME = "planner.toml"


def _timezone(name: str) -> str | None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return f"unknown timezone {name!r} (use an IANA name such as 'America/Chicago')"
    return None


def _url(url: str) -> str | None:
    if re.match(r"^https?://[^/\s]+", url):
        return None
    return f"{url!r} is not an absolute http(s) URL (for example 'https://example.com/')"


def _language(tag: str) -> str | None:
    return (
        None
        if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", tag)
        else f"{tag!r} is not a language tag"
    )


def _positive(number: int) -> str | None:
    return None if number > 0 else f"must be at least 1, not {number}"


def _not_negative(number: int) -> str | None:
    return None if number >= 0 else f"must be 0 or more, not {number}"


def _severity(name: str) -> str | None:
    try:
        Severity.parse(name)
    except ValueError as err:
        return str(err)
    return None


def _rrules(rules: tuple[str, ...]) -> str | None:
    from dateutil.rrule import rrulestr  # imported here: only needed when a cadence is set

    for rule in rules:
        try:
            rrulestr(rule, dtstart=None, forceset=False)
        except (ValueError, TypeError) as err:
            return f"invalid recurrence rule {rule!r}: {err}"
    return None


def parse_blackout(entry: str) -> tuple[date, date]:
    """`"2026-12-24"` or `"2026-12-24..2027-01-01"` as an inclusive (first, last) range."""
    first, _, last = entry.partition("..")
    start = date.fromisoformat(first.strip())
    end = date.fromisoformat(last.strip()) if last else start
    if end < start:
        raise ValueError(f"range {entry!r} ends before it starts")
    return start, end


def _blackouts(entries: tuple[str, ...]) -> str | None:
    for entry in entries:
        try:
            parse_blackout(entry)
        except ValueError:
            return f"{entry!r} is not a date (YYYY-MM-DD) or range (YYYY-MM-DD..YYYY-MM-DD)"
    return None


@dataclass(frozen=True)
class SiteSettings:
    """`[site]`: what the site is and where it lives."""

    title: str = "My niche site"
    description: str = ""
    base_url: str = checked("http://localhost:8000/", _url)
    language: str = checked("en", _language)
    timezone: str = checked("UTC", _timezone)
    author: str = ""
    show_upcoming: bool = True
    posts_per_page: int = checked(10, _positive)
    share_pages: Literal["unlisted", "public", "off"] = "unlisted"
    """Each post's page of cross-post snippets: built but linked from no public page,
    linked from the post's page, or not built."""


@dataclass(frozen=True)
class PathSettings:
    """`[paths]`: where the site's parts are, relative to the directory of planner.toml."""

    content: str = "content"
    theme: str = "default"
    output: str = "public"
    audience: str = "audience.toml"


@dataclass(frozen=True)
class ScheduleSettings:
    """`[schedule]`: the posting cadence and the limits the scheduler keeps to."""

    rules: tuple[str, ...] = checked(("FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0",), _rrules)
    blackout: tuple[str, ...] = checked((), _blackouts)
    min_days_between: int = checked(7, _not_negative)
    horizon_weeks: int = checked(12, _positive)
    coverage_weeks: int = checked(8, _positive)


@dataclass(frozen=True)
class ChannelSettings:
    """`[channels.<name>]`: one social platform posts are shared to."""

    enabled: bool = True
    handle: str = ""
    hashtags: tuple[str, ...] = ()
    max_chars: int = checked(0, _not_negative)
    """The longest post the platform takes (a Mastodon instance's limit); 0: its default."""
    instance: str = ""
    """Mastodon: the instance to share on (default: the host of `handle`)."""
    utm: MappingProxyType[str, str] = field(default_factory=empty_mapping)
    """Query parameters added to the post's link in this channel's snippet."""


@dataclass(frozen=True)
class CheckSettings:
    """`[check]`: how strict the specificity checker is."""

    fail_on: str = checked("error", _severity)
    rules: MappingProxyType[str, Literal["error", "warning", "info", "off"]] = field(
        default_factory=empty_mapping
    )
    """Rule id -> level; the checker warns about ids it does not know."""


@dataclass(frozen=True)
class Config:
    """The whole of `planner.toml`. `root` is the site directory (where planner.toml is)."""

    root: Path
    path: Path | None = None
    source: TomlFile | None = field(default=None, repr=False, compare=False)
    """The parsed file, kept so the `[audience]` table can be validated with its lines."""
    site: SiteSettings = field(default_factory=SiteSettings)
    paths: PathSettings = field(default_factory=PathSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    channels: MappingProxyType[str, ChannelSettings] = field(default_factory=empty_mapping)
    check: CheckSettings = field(default_factory=CheckSettings)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.site.timezone)

    def resolve(self, relative: str) -> Path:
        """A path from the config, made absolute against the site root."""
        return (self.root / relative).resolve()

    @property
    def content_dir(self) -> Path:
        return self.resolve(self.paths.content)

    @property
    def output_dir(self) -> Path:
        return self.resolve(self.paths.output)

    @property
    def audience_path(self) -> Path:
        return self.resolve(self.paths.audience)


@dataclass(frozen=True)
class _Sections:
    """The sections planner.toml may have, for validating the top level."""

    site: SiteSettings = field(default_factory=SiteSettings)
    paths: PathSettings = field(default_factory=PathSettings)
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    channels: dict[str, ChannelSettings] = field(default_factory=empty_mapping)
    check: CheckSettings = field(default_factory=CheckSettings)
    audience: dict[str, Any] = field(default_factory=empty_mapping)
    """Validated by planner.audience, which owns the profile format."""


def find_config(start: Path) -> Path | None:
    """The nearest planner.toml in `start` or a parent directory, like git finds .git."""
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def load_config(path: Path | None, root: Path | None = None) -> tuple[Config, list[Finding]]:
    """Read and validate planner.toml at `path` (None: all defaults, rooted at `root`).

    Never raises on bad content: problems come back as findings and the faulty keys
    keep their defaults.
    """
    problems: list[Finding] = []
    if path is None:
        return Config(root=(root or Path.cwd()).resolve()), problems
    path = path.resolve()
    source = read_toml(path, problems)
    if source is None:
        return Config(root=path.parent, path=path), problems
    return config_from_toml(source, problems), problems


def config_from_toml(source: TomlFile, problems: list[Finding]) -> Config:
    """A `Config` from an already parsed planner.toml."""
    sections = Converter(source, problems).build(_Sections, source.data, ())
    return Config(
        root=source.path.parent,
        path=source.path,
        source=source,
        site=sections.site,
        paths=sections.paths,
        schedule=sections.schedule,
        channels=sections.channels,
        check=sections.check,
    )
