"""The scheduler: places ready, undated posts into free cadence slots, and says what is off.

`plan_schedule` is a pure function of its inputs (posts, slots, now, audience,
settings, file ages), so the same input always gives the same plan.

Order of placement, slot by slot from the earliest:
1. front-matter `priority`: posts that set one go before posts that do not, and a
   lower number goes first (`priority: 1` is the most urgent), as docs/content.md says;
2. then the post whose audience interest has waited longest since it was last
   covered (an interest never covered waits longest of all; posts that cover no
   interest come after those that do);
3. then the oldest file (modification time), then the path, so ties are stable.
A post is only placed where no other post sharing a tag or an interest is within
`min_days_between` days; a slot no remaining post may take stays empty. Posts that
already have a date are pinned: they keep their date and block their slot.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from planner.audience import Audience, covered_interests, normalize_term
from planner.cadence import week_starts
from planner.config import ScheduleSettings
from planner.content import Post
from planner.findings import Severity

if TYPE_CHECKING:
    from planner.site import Site


@dataclass(frozen=True)
class PlanSettings:
    """The limits the scheduler keeps to (from `[schedule]`, overridable per run)."""

    min_days_between: int = 7
    horizon_weeks: int = 12
    coverage_weeks: int = 8

    @classmethod
    def from_schedule(
        cls, settings: ScheduleSettings, horizon_weeks: int | None = None
    ) -> PlanSettings:
        return cls(
            settings.min_days_between,
            horizon_weeks or settings.horizon_weeks,
            settings.coverage_weeks,
        )


@dataclass(frozen=True)
class Assignment:
    """A post placed in a slot, with the audience interests it covers."""

    post: Post
    when: datetime
    interests: tuple[str, ...]


@dataclass(frozen=True)
class PlanWarning:
    """Something about the plan a person should look at; `path` when it is about a post."""

    code: str
    message: str
    path: Path | None = None
    line: int = 1
    week: date | None = None
    """The Monday of the week a warning is about (an empty week)."""


@dataclass(frozen=True)
class Plan:
    """What `plan_schedule` proposes, and what it could not do."""

    now: datetime
    until: datetime
    assignments: tuple[Assignment, ...]
    unplaced: tuple[Post, ...]
    """Ready, undated posts that found no slot in the horizon."""
    free_slots: int
    warnings: tuple[PlanWarning, ...]


def _keys(post: Post, interests: Iterable[str]) -> tuple[str, ...]:
    """What spacing is kept on: the post's tags and its audience interests."""
    return tuple(
        dict.fromkeys(
            [f"tag:{normalize_term(t)}" for t in post.tags]
            + [f"interest:{normalize_term(i)}" for i in interests]
        )
    )


def _rank(post: Post) -> tuple[int, int]:
    """Placement rank by priority: a set priority (lowest first), then no priority."""
    return (0, post.priority) if post.meta.get("priority") is not None else (1, 0)


class _Timeline:
    """Per spacing key, the sorted times of the posts that carry it."""

    def __init__(self, spacing: timedelta) -> None:
        self.spacing = spacing
        self.times: dict[str, list[datetime]] = {}

    def add(self, keys: Iterable[str], when: datetime) -> None:
        for key in keys:
            insort(self.times.setdefault(key, []), when)

    def too_close(self, keys: Iterable[str], when: datetime) -> bool:
        if not self.spacing:
            return False
        for key in keys:
            times = self.times.get(key)
            if times:
                index = bisect_left(times, when - self.spacing)
                if index < len(times) and times[index] < when + self.spacing:
                    return True
        return False

    def last_before(self, key: str, when: datetime) -> datetime | None:
        times = self.times.get(key)
        if not times:
            return None
        index = bisect_right(times, when)
        return times[index - 1] if index else None


def plan_schedule(
    posts: Sequence[Post],
    slots: Sequence[datetime],
    *,
    now: datetime,
    audience: Audience,
    settings: PlanSettings,
    ages: Mapping[Path, float] | None = None,
) -> Plan:
    """Place every ready post without a date into a free slot in `(now, now + horizon]`.

    `slots` come from `planner.cadence.slots` (blackouts already removed); `ages` maps a
    post's path to its file modification time (oldest goes first; missing = newest).
    """
    until = now + timedelta(weeks=settings.horizon_weeks)
    ages = ages or {}
    interests_of = {p.path: covered_interests(audience, p.tags, p.title, p.body) for p in posts}
    timeline = _Timeline(timedelta(days=settings.min_days_between))
    pinned = [p for p in posts if p.status == "ready" and p.date is not None]
    for post in pinned:
        timeline.add(_keys(post, interests_of[post.path]), post.date)  # type: ignore[arg-type]
    taken = {p.date for p in pinned}
    free = [s for s in sorted(set(slots)) if s not in taken and now < s <= until]

    waiting = sorted(
        (p for p in posts if p.status == "ready" and p.date is None),
        key=lambda p: (_rank(p), ages.get(p.path, float("inf")), str(p.path)),
    )
    keys = [_keys(p, interests_of[p.path]) for p in waiting]
    # Per priority level, one queue per interest (and one for posts with none), each in
    # file order; a dict keeps the order and lets a placed post leave in O(1).
    levels: dict[tuple[int, int], dict[str | None, dict[int, None]]] = {}
    for index, post in enumerate(waiting):
        queues = levels.setdefault(_rank(post), {})
        for interest in interests_of[post.path] or (None,):
            queues.setdefault(interest, {})[index] = None
    rank = {interest: n for n, interest in enumerate(audience.interests)}

    def longest_waiting(interest: str | None, slot: datetime) -> tuple[int, datetime, int]:
        if interest is None:
            return (2, slot, 0)
        last = timeline.last_before(f"interest:{normalize_term(interest)}", slot)
        return (0, now, rank[interest]) if last is None else (1, last, rank[interest])

    def choose(slot: datetime) -> int | None:
        for level in sorted(levels):
            queues = levels[level]
            for interest in sorted(queues, key=lambda i: longest_waiting(i, slot)):
                for index in queues[interest]:
                    if not timeline.too_close(keys[index], slot):
                        return index
        return None

    assignments = []
    for slot in free:
        if not levels:
            break
        index = choose(slot)
        if index is None:
            continue
        post = waiting[index]
        assignments.append(Assignment(post, slot, interests_of[post.path]))
        timeline.add(keys[index], slot)
        queues = levels[_rank(post)]
        for interest in interests_of[post.path] or (None,):
            del queues[interest][index]
            if not queues[interest]:
                del queues[interest]
        if not queues:
            del levels[_rank(post)]

    placed = {a.post.path for a in assignments}
    unplaced = tuple(p for p in waiting if p.path not in placed)
    warnings = [
        *_unplaced_warnings(unplaced, len(free), settings),
        *_empty_weeks(pinned, assignments, slots, now, until),
        *_interest_gaps(audience, pinned, assignments, interests_of, now, settings),
    ]
    return Plan(now, until, tuple(assignments), unplaced, len(free), tuple(warnings))


def _unplaced_warnings(
    unplaced: Sequence[Post], free: int, settings: PlanSettings
) -> list[PlanWarning]:
    if not unplaced:
        return []
    why = (
        f"{len(unplaced)} ready post(s) found no slot in the next {settings.horizon_weeks} "
        f"weeks ({free} free slot(s)"
    )
    if settings.min_days_between:
        why += f"; posts sharing a tag or interest are kept {settings.min_days_between} days apart"
    why += "); add slots to [schedule] rules, lower min_days_between or plan further ahead"
    return [
        PlanWarning("too-many-posts", why),
        *(
            PlanWarning("unplaced", "ready but not placed in the horizon", p.path, p.line_of("---"))
            for p in unplaced
        ),
    ]


def _empty_weeks(
    pinned: Sequence[Post],
    assignments: Sequence[Assignment],
    slots: Sequence[datetime],
    now: datetime,
    until: datetime,
) -> list[PlanWarning]:
    """Weeks in the horizon that have cadence slots but no post (blackout weeks are fine)."""
    posted = {p.date.date() for p in pinned if p.date} | {a.when.date() for a in assignments}  # type: ignore[union-attr]
    open_days = {s.date() for s in slots if now < s <= until}
    warnings = []
    for monday in week_starts(now.date(), until.date()):
        days = {monday + timedelta(days=i) for i in range(7)}
        if days & open_days and not days & posted:
            warnings.append(
                PlanWarning(
                    "empty-week", f"no post in the week of {monday:%a %Y-%m-%d}", week=monday
                )
            )
    return warnings


def _interest_gaps(
    audience: Audience,
    pinned: Sequence[Post],
    assignments: Sequence[Assignment],
    interests_of: Mapping[Path, tuple[str, ...]],
    now: datetime,
    settings: PlanSettings,
) -> list[PlanWarning]:
    """Interests with no post in the last `coverage_weeks` weeks nor the next ones."""
    covered: dict[str, list[datetime]] = {}
    for when, interests in [
        *((p.date, interests_of[p.path]) for p in pinned),
        *((a.when, a.interests) for a in assignments),
    ]:
        for interest in interests:
            covered.setdefault(interest, []).append(when)  # type: ignore[arg-type]
    window = timedelta(weeks=settings.coverage_weeks)
    warnings = []
    for interest in audience.interests:
        times = sorted(covered.get(interest, ()))
        if any(now - window <= t <= now + window for t in times):
            continue
        before = [t for t in times if t < now]
        after = [t for t in times if t > now]
        last = f"last post {before[-1]:%Y-%m-%d}" if before else "never covered so far"
        nxt = f"next {after[0]:%Y-%m-%d}" if after else "none planned"
        warnings.append(
            PlanWarning(
                "interest-gap",
                f"nothing about {interest!r} in the last or next {settings.coverage_weeks} "
                f"weeks ({last}; {nxt})",
            )
        )
    return warnings


def dated_warnings(
    site: Site, posts: Sequence[Post], now: datetime, interests_of: Mapping[Path, tuple[str, ...]]
) -> list[PlanWarning]:
    """The warnings about the dated posts alone (empty weeks, interests left uncovered),
    with the interests each post covers already known: what the calendar page shows."""
    from planner.cadence import Cadence, slots

    settings = PlanSettings.from_schedule(site.config.schedule)
    until = now + timedelta(weeks=settings.horizon_weeks)
    pinned = [p for p in posts if p.status == "ready" and p.date is not None]
    free = slots(Cadence.from_settings(site.config.schedule, site.tz), now, until)
    return [
        *_empty_weeks(pinned, (), free, now, until),
        *_interest_gaps(site.audience, pinned, (), interests_of, now, settings),
    ]


def check_warnings(site: Site, posts: Sequence[tuple[Post, datetime]]) -> list[PlanWarning]:
    """Scheduled or planned posts that still have error-level check findings.

    Runs only when the checker (`planner.check`) is installed; without it, nothing.
    """
    if not posts or importlib.util.find_spec("planner.check") is None:
        return []
    from planner.check import check_posts

    dated = [replace(post, date=when) for post, when in posts]
    when_of = {post.path: when for post, when in posts}
    errors: dict[Path, int] = {}
    for finding in check_posts(site, dated):
        if finding.severity is Severity.ERROR and finding.path in when_of:
            errors[finding.path] = errors.get(finding.path, 0) + 1
    return [
        PlanWarning(
            "check-errors",
            f"goes out {when_of[path]:%Y-%m-%d %H:%M} but has {count} error-level check "
            f"finding(s); run 'planner check {path.name}'",
            path,
        )
        for path, count in sorted(errors.items(), key=lambda item: when_of[item[0]])
    ]


def file_ages(posts: Iterable[Post]) -> dict[Path, float]:
    """Each post file's modification time, for "oldest file first"."""
    ages = {}
    for post in posts:
        try:
            ages[post.path] = post.path.stat().st_mtime
        except OSError:
            continue
    return ages


def plan_site(
    site: Site, posts: Sequence[Post], now: datetime, horizon_weeks: int | None = None
) -> Plan:
    """Plan the site's loaded `posts` from `now` with the site's cadence and audience."""
    from planner.cadence import Cadence, slots

    settings = PlanSettings.from_schedule(site.config.schedule, horizon_weeks)
    cadence = Cadence.from_settings(site.config.schedule, site.tz)
    free = slots(cadence, now, now + timedelta(weeks=settings.horizon_weeks))
    plan = plan_schedule(
        posts, free, now=now, audience=site.audience, settings=settings, ages=file_ages(posts)
    )
    return plan
