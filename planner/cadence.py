"""Posting slots from the `[schedule]` cadence: recurrence rules minus blackout days.

Rules are RFC 5545 RRULE strings expanded by python-dateutil. They are expanded as
naive wall-clock times and only then put in the site timezone, so a 09:00 slot is
09:00 local time on both sides of a daylight-saving change (expanding aware times
would keep the UTC offset of the start instead).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from planner.calendar import monday
from planner.config import ScheduleSettings, parse_blackout


@dataclass(frozen=True)
class Cadence:
    """When posts may go out: recurrence rules, blackout ranges and the timezone."""

    rules: tuple[str, ...]
    blackouts: tuple[tuple[date, date], ...]
    tz: ZoneInfo

    @classmethod
    def from_settings(cls, settings: ScheduleSettings, tz: ZoneInfo) -> Cadence:
        return cls(settings.rules, tuple(parse_blackout(b) for b in settings.blackout), tz)

    def blacked_out(self, day: date) -> bool:
        """Whether `day` falls in a blackout date or range."""
        return any(first <= day <= last for first, last in self.blackouts)


def localize(wall: datetime, tz: ZoneInfo) -> datetime:
    """A naive wall-clock time in `tz`. A time skipped by a spring-forward change moves
    to the same instant's real local time (02:30 -> 03:30); an ambiguous one takes the
    first occurrence."""
    aware = wall.replace(tzinfo=tz)
    return aware.astimezone(UTC).astimezone(tz)


def slots(cadence: Cadence, after: datetime, until: datetime) -> list[datetime]:
    """Every slot with `after < slot <= until`, not in a blackout, sorted, without repeats.

    `after` and `until` are aware; the rules start on the local date of `after` at
    midnight, so a rule without BYHOUR/BYMINUTE gives midnight slots.
    """
    from dateutil.rrule import rrulestr  # imported here: only the scheduler needs it

    tz = cadence.tz
    start = datetime.combine(after.astimezone(tz).date(), time())
    end = until.astimezone(tz).replace(tzinfo=None) + timedelta(days=1)
    found: set[datetime] = set()
    for rule in cadence.rules:
        for wall in rrulestr(rule, dtstart=start).between(start, end, inc=True):
            if cadence.blacked_out(wall.date()):
                continue
            moment = localize(wall, tz)
            if after < moment <= until:
                found.add(moment)
    return sorted(found)


def week_starts(first: date, last: date) -> Sequence[date]:
    """The Monday of every week from the week of `first` to the week of `last`."""
    start = monday(first)
    count = (last - start).days // 7 + 1
    return [start + timedelta(weeks=i) for i in range(max(count, 0))]
