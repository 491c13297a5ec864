"""The calendar model: entries, month grids, coverage and the iCalendar feed."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner.audience import Audience
from planner.calendar import (
    LEGEND,
    agenda,
    coverage,
    entries,
    month_grid,
    months,
    post_channels,
    post_url,
    shown_months,
    to_ics,
)
from planner.config import ChannelSettings
from planner.content import Post
from planner.findings import Finding, Severity
from planner.schedule import PlanWarning

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=NY)
BASE = "https://shop.example.com/blog/"
AUDIENCE = Audience(name="Camaro owners", interests=("rally wheels", "trim tag", "Muncie M21"))


def post(slug: str, when: datetime | None, *, status: str = "ready", tags=(), channels=()) -> Post:
    return Post(
        path=Path(f"content/posts/{slug}.md"),
        title=slug.replace("-", " ").title(),
        slug=slug,
        body="",
        status=status,
        date=when,
        tags=tuple(tags),
        channels=tuple(channels),
    )


def at(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=NY)


def test_post_url_has_one_slash_between_parts() -> None:
    assert post_url("https://a.example/", "x") == "https://a.example/posts/x/"
    assert post_url("https://a.example/blog", "x") == "https://a.example/blog/posts/x/"


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


CHANNELS = {
    "mastodon": ChannelSettings(),
    "bluesky": ChannelSettings(),
    "linkedin": ChannelSettings(enabled=False),
}


def test_post_channels_default_to_every_enabled_channel() -> None:
    assert post_channels(post("a", None), CHANNELS) == ("mastodon", "bluesky")


def test_post_channels_from_front_matter_are_kept_as_written() -> None:
    assert post_channels(post("a", None, channels=["linkedin"]), CHANNELS) == ("linkedin",)


def test_entries_carry_the_channels_of_each_post() -> None:
    posts = [post("a", at(2026, 12, 1)), post("b", at(2026, 12, 3), channels=["bluesky"])]
    items = entries(posts, now=NOW, audience=AUDIENCE, base_url=BASE, channels=CHANNELS)
    assert [e.channels for e in items] == [("mastodon", "bluesky"), ("bluesky",)]


def test_legend_gives_every_status_its_own_mark() -> None:
    assert [key.status for key in LEGEND] == ["published", "scheduled", "planned"]
    assert len({key.mark for key in LEGEND}) == 3


def test_shown_months_are_the_ones_with_posts_plus_this_and_next_month() -> None:
    items = entries(
        [post("sept", at(2026, 9, 15)), post("feb", at(2027, 2, 2))],
        now=NOW,
        audience=AUDIENCE,
        base_url=BASE,
    )
    grids = shown_months(items, date(2026, 9, 1), date(2027, 3, 1), date(2026, 11, 22))
    assert [(g.year, g.month) for g in grids] == [(2026, 9), (2026, 11), (2026, 12), (2027, 2)]


def test_shown_months_in_december_include_january() -> None:
    grids = shown_months([], date(2026, 12, 1), date(2026, 12, 31), date(2026, 12, 31))
    assert [(g.year, g.month) for g in grids] == [(2026, 12), (2027, 1)]


def test_coverage_gaps_are_the_interests_without_a_post() -> None:
    items = entries(
        [post("a", at(2026, 11, 24), tags=["trim tag"])], now=NOW, audience=AUDIENCE, base_url=BASE
    )
    grid = coverage(items, AUDIENCE, date(2026, 11, 23), 2)
    assert grid.gaps == ("rally wheels", "Muncie M21")


def _agenda(posts, **kwargs):
    items = entries(posts, now=NOW, audience=AUDIENCE, base_url=BASE)
    return agenda(items, today=NOW.date(), **{"weeks": 3, **kwargs})


def test_agenda_lists_weeks_from_the_week_of_today_with_their_posts() -> None:
    plan = _agenda(
        [
            post("before", at(2026, 11, 13)),
            post("monday", at(2026, 11, 16)),
            post("next", at(2026, 11, 26)),
            post("after", at(2026, 12, 7)),
        ]
    )
    assert [w.monday for w in plan.weeks] == [
        date(2026, 11, 16),
        date(2026, 11, 23),
        date(2026, 11, 30),
    ]
    assert [[i.entry.slug for i in w.items] for w in plan.weeks] == [["monday"], ["next"], []]


def test_agenda_upcoming_leaves_out_published_posts() -> None:
    plan = _agenda([post("monday", at(2026, 11, 16)), post("next", at(2026, 11, 26))])
    assert [item.entry.slug for item in plan.upcoming] == ["next"]


def test_agenda_puts_a_week_warning_on_its_week() -> None:
    empty = PlanWarning("empty-week", "no post", week=date(2026, 11, 30))
    later = PlanWarning("empty-week", "no post", week=date(2027, 3, 1))
    plan = _agenda([], warnings=[empty, later])
    assert [w.notes for w in plan.weeks][2][0].code == "empty-week"
    assert sum(len(w.notes) for w in plan.weeks) == 1 and plan.notes == ()


def test_agenda_puts_a_post_warning_on_its_post() -> None:
    warning = PlanWarning("odd", "look at this", Path("content/posts/next.md"))
    plan = _agenda([post("next", at(2026, 11, 26))], warnings=[warning])
    (item,) = plan.weeks[1].items
    assert [n.message for n in item.notes] == ["look at this"]


def test_agenda_keeps_warnings_about_posts_it_does_not_list_for_the_whole_plan() -> None:
    warning = PlanWarning("unplaced", "ready but not placed", Path("content/posts/late.md"))
    gap = PlanWarning("interest-gap", "nothing about 'trim tag'")
    plan = _agenda([], warnings=[warning, gap])
    assert plan.notes == (warning, gap)


def test_agenda_marks_a_post_with_error_level_findings_only() -> None:
    path = Path("content/posts/next.md")
    findings = [
        Finding(path, 1, 1, "tags-missing", Severity.ERROR, "no tags"),
        Finding(path, 3, 1, "vague-wording", Severity.WARNING, "vague"),
        Finding(Path("content/posts/quiet.md"), 3, 1, "vague-wording", Severity.WARNING, "v"),
    ]
    posts = [post("next", at(2026, 11, 26)), post("quiet", at(2026, 11, 27))]
    plan = _agenda(posts, findings=findings)
    noisy, quiet = plan.weeks[1].items
    assert [n.code for n in noisy.notes] == ["check-errors"]
    assert noisy.notes[0].message.startswith("1 error-level check finding(s)")
    assert quiet.notes == ()
