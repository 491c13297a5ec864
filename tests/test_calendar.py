"""The calendar model: entries, month grids, coverage and the iCalendar feed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner.audience import Audience
from planner.calendar import (
    coverage,
    entries,
    month_grid,
    months,
    to_ics,
)
from planner.content import Post

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=NY)
BASE = "https://shop.example.com/blog/"
AUDIENCE = Audience(name="Camaro owners", interests=("rally wheels", "trim tag", "Muncie M21"))


def post(slug: str, when: datetime | None, *, status: str = "ready", tags=()) -> Post:
    return Post(
        path=Path(f"content/posts/{slug}.md"),
        title=slug.replace("-", " ").title(),
        slug=slug,
        body="",
        status=status,
        date=when,
        tags=tuple(tags),
    )


def at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=NY)


def test_entries_status_order_and_interests() -> None:
    posts = [
        post("later", at(2026, 12, 3), tags=["trim tag"]),
        post("old", at(2026, 11, 3), tags=["rally wheels", "wheels"]),
        post("draft", at(2026, 11, 4), status="draft"),
        post("undated", None),
    ]
    plan = [(posts[3], at(2026, 12, 1))]
    result = entries(posts, now=NOW, audience=AUDIENCE, base_url=BASE, plan=plan)
    assert [(e.slug, e.status) for e in result] == [
        ("old", "published"),
        ("undated", "planned"),
        ("later", "scheduled"),
    ]
    assert result[0].interests == ("rally wheels",)
    assert result[0].url == "https://shop.example.com/blog/posts/old/"
    assert result[2].interests == ("trim tag",)


def test_month_grid_is_monday_first_with_padding_days() -> None:
    items = entries([post("a", at(2026, 12, 1))], now=NOW, audience=AUDIENCE, base_url=BASE)
    grid = month_grid(items, 2026, 12)
    assert grid.weeks[0][0].date == date(2026, 11, 30)  # a Monday, from November
    assert not grid.weeks[0][0].in_month
    assert all(len(week) == 7 for week in grid.weeks)
    assert grid.weeks[0][1].date == date(2026, 12, 1)
    assert [e.slug for e in grid.weeks[0][1].entries] == ["a"]
    assert grid.weeks[-1][-1].date == date(2027, 1, 3)


def test_months_covers_every_month_touching_the_range() -> None:
    result = months([], date(2026, 11, 30), date(2027, 2, 1))
    assert [(m.year, m.month) for m in result] == [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]


def test_coverage_counts_interests_per_week() -> None:
    posts = [
        post("a", at(2026, 11, 24), tags=["rally wheels"]),
        post("b", at(2026, 11, 26), tags=["rally wheels", "trim tag"]),
        post("c", at(2026, 12, 8), tags=["trim tag"]),
        post("outside", at(2027, 3, 2), tags=["trim tag"]),
    ]
    items = entries(posts, now=NOW, audience=AUDIENCE, base_url=BASE)
    grid = coverage(items, AUDIENCE, date(2026, 11, 25), 3)
    assert grid.weeks == (date(2026, 11, 23), date(2026, 11, 30), date(2026, 12, 7))
    assert dict(grid.rows) == {
        "rally wheels": (2, 0, 0),
        "trim tag": (1, 0, 1),
        "Muncie M21": (0, 0, 0),
    }


def _events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def test_ics_parses_back_with_the_same_events() -> None:
    posts = [
        post("a", at(2026, 11, 3), tags=["rally wheels", "date codes"]),
        post("b", at(2026, 12, 1)),
    ]
    items = entries(posts, now=NOW, audience=AUDIENCE, base_url=BASE)
    data = to_ics(items, calendar_name="Shop", tz=NY)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["x-wr-calname"]) == "Shop"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["America/New_York"]
    events = _events(data)
    assert [str(e["summary"]) for e in events] == ["A", "B"]
    assert [str(e["uid"]) for e in events] == ["a@shop.example.com", "b@shop.example.com"]
    assert str(events[0]["url"]) == "https://shop.example.com/blog/posts/a/"
    assert "Tags: rally wheels, date codes" in str(events[0]["description"])
    assert "Audience interests: rally wheels" in str(events[0]["description"])
    start = events[0].decoded("dtstart")
    assert start == at(2026, 11, 3)
    assert events[0]["dtstart"].params["TZID"] == "America/New_York"


def test_ics_uids_and_bytes_are_stable_across_runs() -> None:
    posts = [post("a", at(2026, 11, 3)), post("b", at(2026, 12, 1))]
    first = to_ics(
        entries(posts, now=NOW, audience=AUDIENCE, base_url=BASE), calendar_name="S", tz=NY
    )
    moved = [post("a", at(2026, 11, 5)), post("b", at(2026, 12, 1))]
    second = to_ics(
        entries(moved, now=NOW, audience=AUDIENCE, base_url=BASE), calendar_name="S", tz=NY
    )
    assert first == to_ics(
        entries(posts, now=NOW, audience=AUDIENCE, base_url=BASE), calendar_name="S", tz=NY
    )
    assert [str(e["uid"]) for e in _events(first)] == [str(e["uid"]) for e in _events(second)]


@pytest.mark.parametrize("day", [date(2026, 3, 3), date(2026, 3, 10), date(2026, 11, 3)])
def test_ics_keeps_nine_local_across_daylight_saving(day: date) -> None:
    """09:00 New York is 14:00 UTC in winter and 13:00 UTC in summer; local stays 09:00."""
    when = datetime(day.year, day.month, day.day, 9, 0, tzinfo=NY)
    items = entries([post("a", when)], now=NOW, audience=AUDIENCE, base_url=BASE)
    (event,) = _events(to_ics(items, calendar_name="S", tz=NY))
    assert "T090000" in event["dtstart"].to_ical().decode()
    start = event.decoded("dtstart")
    assert (start.hour, start.minute) == (9, 0)
    assert start.utcoffset() == when.utcoffset()
