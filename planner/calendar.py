"""The posting calendar as plain data: entries, month grids, interest coverage, iCalendar.

One model for every view of the calendar: the terminal (`planner calendar`), the
static build's HTML calendar page and its `calendar.ics`. Nothing here renders.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from planner.audience import Audience, covered_interests
from planner.config import ChannelSettings
from planner.content import Post
from planner.findings import Finding, Severity
from planner.urls import Links

if TYPE_CHECKING:  # planner.schedule imports this module (through planner.cadence)
    from planner.schedule import PlanWarning

Status = Literal["published", "scheduled", "planned"]
"""`planned` = proposed by `planner schedule`, not yet written into the file."""


@dataclass(frozen=True)
class StatusKey:
    """How every view shows a status: a mark (never colour alone) and what it means."""

    status: Status
    mark: str
    meaning: str


LEGEND = (
    StatusKey("published", "✓", "out already"),
    StatusKey("scheduled", "▸", "has a date and goes out then"),
    StatusKey("planned", "○", "where planner schedule would put it; not written yet"),
)
MARKS: dict[str, str] = {key.status: key.mark for key in LEGEND}
WARNING_MARK = "⚠"


@dataclass(frozen=True)
class Entry:
    """One post on the calendar. `when` is aware, in the site timezone."""

    path: Path
    slug: str
    title: str
    when: datetime
    status: Status
    url: str
    tags: tuple[str, ...]
    interests: tuple[str, ...]
    """The audience interests the post covers."""
    channels: tuple[str, ...] = ()
    """Where the post will be shared (see `post_channels`)."""


def post_channels(post: Post, channels: Mapping[str, ChannelSettings]) -> tuple[str, ...]:
    """The channels a post will be shared on: its front-matter `channels`, else every
    enabled `[channels.*]` of planner.toml."""
    return post.channels or tuple(name for name, chan in channels.items() if chan.enabled)


def entries(
    posts: Iterable[Post],
    *,
    now: datetime,
    audience: Audience,
    base_url: str,
    plan: Iterable[tuple[Post, datetime]] = (),
    interests_of: Callable[[Post], tuple[str, ...]] | None = None,
    channels: Mapping[str, ChannelSettings] | None = None,
) -> list[Entry]:
    """Every dated ready post (published or scheduled) and every planned one, by time.

    Drafts are left out. A post in `plan` is shown at its planned time even if it
    also has a date (the plan is what is being looked at). `interests_of` gives the
    audience interests a post covers (default: `covered_interests`; the build passes
    its cached answers); `channels` is `[channels]` of planner.toml.
    """
    if interests_of is None:

        def interests_of(post: Post) -> tuple[str, ...]:
            return covered_interests(audience, post)

    links = Links.of(base_url)

    def entry(post: Post, when: datetime, status: Status) -> Entry:
        return Entry(
            path=post.path,
            slug=post.slug,
            title=post.title,
            when=when,
            status=status,
            url=links.post_url(post.slug),
            tags=post.tags,
            interests=interests_of(post),
            channels=post_channels(post, channels or {}),
        )

    planned = {post.path: entry(post, when, "planned") for post, when in plan}
    result = list(planned.values())
    for post in posts:
        if post.status == "draft" or post.date is None or post.path in planned:
            continue
        result.append(entry(post, post.date, "published" if post.date <= now else "scheduled"))
    result.sort(key=lambda e: (e.when, e.slug))
    return result


@dataclass(frozen=True)
class Day:
    """One day of a month grid; `in_month` is False for the padding days of other months."""

    date: date
    in_month: bool
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Month:
    """A month as Monday-first weeks of seven days."""

    year: int
    month: int
    weeks: tuple[tuple[Day, ...], ...]


def _by_day(entries: Sequence[Entry]) -> dict[date, list[Entry]]:
    days: dict[date, list[Entry]] = {}
    for item in entries:
        days.setdefault(item.when.date(), []).append(item)
    return days


def _grid(days: dict[date, list[Entry]], year: int, month: int) -> Month:
    weeks = _stdlib_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return Month(
        year,
        month,
        tuple(
            tuple(Day(day, day.month == month, tuple(days.get(day, ()))) for day in week)
            for week in weeks
        ),
    )


def shown_months(entries: Sequence[Entry], start: date, end: date, today: date) -> list[Month]:
    """The months from `start` to `end` that hold a post, and always this month and the next:
    a calendar of empty grids tells a reader nothing."""
    following = date(today.year, today.month, 28) + timedelta(days=7)  # in the next month
    always = {(today.year, today.month), (following.year, following.month)}
    return [
        grid
        for grid in months(entries, min(start, today), max(end, following))
        if (grid.year, grid.month) in always
        or any(day.entries for week in grid.weeks for day in week if day.in_month)
    ]


def month_grid(entries: Sequence[Entry], year: int, month: int) -> Month:
    """The month `year-month` with each entry in its day (entries keep their order)."""
    return _grid(_by_day(entries), year, month)


def months(entries: Sequence[Entry], start: date, end: date) -> list[Month]:
    """Every month that has a day in `[start, end]`, in order."""
    days = _by_day(entries)
    result = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        result.append(_grid(days, year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


@dataclass(frozen=True)
class Coverage:
    """Which audience interest is covered in which week."""

    weeks: tuple[date, ...]
    """The Monday of each week."""
    rows: tuple[tuple[str, tuple[int, ...]], ...]
    """(interest, number of posts covering it in each week), in profile order."""

    @property
    def gaps(self) -> tuple[str, ...]:
        """The interests no post covers in any of the weeks."""
        return tuple(interest for interest, counts in self.rows if not any(counts))


def monday(day: date) -> date:
    """The Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def coverage(entries: Sequence[Entry], audience: Audience, start: date, weeks: int) -> Coverage:
    """An interests-by-weeks count grid for `weeks` weeks from the week of `start`."""
    first = monday(start)
    mondays = tuple(first + timedelta(weeks=i) for i in range(max(weeks, 0)))
    counts = {interest: [0] * len(mondays) for interest in audience.interests}
    for item in entries:
        index = (item.when.date() - first).days // 7
        if 0 <= index < len(mondays):
            for interest in item.interests:
                if interest in counts:
                    counts[interest][index] += 1
    return Coverage(mondays, tuple((name, tuple(row)) for name, row in counts.items()))


@dataclass(frozen=True)
class AgendaItem:
    """A post on the agenda, with what the scheduler or the checker says about it."""

    entry: Entry
    notes: tuple[PlanWarning, ...]


@dataclass(frozen=True)
class AgendaWeek:
    """One week of the agenda, from its Monday, with its posts in time order."""

    monday: date
    items: tuple[AgendaItem, ...]
    notes: tuple[PlanWarning, ...]
    """Warnings about the week itself (an empty week)."""


@dataclass(frozen=True)
class Agenda:
    """The coming weeks, week by week, each post with its warnings: what a writer reads first."""

    weeks: tuple[AgendaWeek, ...]
    notes: tuple[PlanWarning, ...]
    """Warnings about the plan as a whole: interests left uncovered, posts without a slot."""

    @property
    def upcoming(self) -> tuple[AgendaItem, ...]:
        """The posts not out yet, soonest first."""
        return tuple(
            item for week in self.weeks for item in week.items if item.entry.status != "published"
        )


def agenda(
    entries: Sequence[Entry],
    *,
    today: date,
    weeks: int,
    warnings: Sequence[PlanWarning] = (),
    findings: Sequence[Finding] = (),
) -> Agenda:
    """`weeks` weeks from the week of `today` with their posts, and the scheduler's warnings
    placed where they belong: a warning about a post on its line, about a week (`week`
    set) on that week, the rest on the whole agenda. A post with error-level `findings`
    gets a `check-errors` warning."""
    from planner.schedule import PlanWarning  # here: planner.schedule imports this module

    first = monday(today)
    mondays = [first + timedelta(weeks=i) for i in range(max(weeks, 0))]
    shown = [e for e in entries if first <= e.when.date() < first + timedelta(weeks=len(mondays))]
    on_post: dict[Path, list[PlanWarning]] = {}
    on_week: dict[date, list[PlanWarning]] = {}
    general: list[PlanWarning] = []
    errors: dict[Path, int] = {}
    for finding in findings:
        if finding.severity is Severity.ERROR:
            errors[finding.path] = errors.get(finding.path, 0) + 1
    for path, count in errors.items():
        message = f"{count} error-level check finding(s); run 'planner check {path.name}'"
        on_post.setdefault(path, []).append(PlanWarning("check-errors", message, path))
    listed = {e.path for e in shown}
    for warning in warnings:
        if warning.path in listed:
            on_post.setdefault(warning.path, []).append(warning)
        elif warning.week is None:
            general.append(warning)
        elif warning.week in mondays:  # a week past the agenda is not shown
            on_week.setdefault(warning.week, []).append(warning)
    by_week: dict[date, list[AgendaItem]] = {}
    for entry in shown:
        item = AgendaItem(entry, tuple(on_post.get(entry.path, ())))
        by_week.setdefault(monday(entry.when.date()), []).append(item)
    return Agenda(
        tuple(AgendaWeek(m, tuple(by_week.get(m, ())), tuple(on_week.get(m, ()))) for m in mondays),
        tuple(general),
    )


def _uid(item: Entry) -> str:
    host = urlsplit(item.url).hostname or "localhost"
    return f"{item.slug}@{host}"


ICS_HISTORY = timedelta(days=365)
"""calendar.ics holds the last year of posts and everything upcoming: what a calendar
subscription is for, and icalendar takes seconds to write thousands of events."""


def to_ics(entries: Sequence[Entry], *, calendar_name: str, tz: ZoneInfo) -> bytes:
    """An RFC 5545 calendar: one VEVENT per entry, stable UID per post, DTSTART in `tz`.

    DTSTAMP is the post's time in UTC rather than the clock, so the same calendar
    gives the same bytes on every run (and a moved post gets a newer stamp).
    """
    from icalendar import Calendar, Event  # imported here: only the calendar views need it

    cal = Calendar()
    cal.add("prodid", "-//niche-planner//posting calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar_name)
    cal.add("x-wr-timezone", tz.key)
    for item in entries:
        event = Event()
        event.add("uid", _uid(item))
        event.add("dtstamp", item.when.astimezone(ZoneInfo("UTC")))
        event.add("dtstart", item.when.astimezone(tz))
        event.add("summary", item.title)
        event.add("url", item.url)
        lines = [f"Status: {item.status}", item.url]
        if item.tags:
            lines.insert(1, "Tags: " + ", ".join(item.tags))
            event.add("categories", list(item.tags))
        if item.interests:
            lines.insert(-1, "Audience interests: " + ", ".join(item.interests))
        if item.channels:
            lines.insert(-1, "Share on: " + ", ".join(item.channels))
        event.add("description", "\n".join(lines))
        event.add("status", "TENTATIVE" if item.status == "planned" else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
