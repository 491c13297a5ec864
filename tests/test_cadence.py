"""Cadence slots: rules in local wall time, blackouts, the (after, until] window."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from planner.cadence import Cadence, localize, slots, week_starts
from planner.config import ScheduleSettings

NY = ZoneInfo("America/New_York")
TUE_THU = "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0"


def test_slots_follow_the_rule_in_local_time_across_dst() -> None:
    cadence = Cadence((TUE_THU,), (), NY)
    found = slots(cadence, datetime(2026, 10, 26, tzinfo=NY), datetime(2026, 11, 6, tzinfo=NY))
    assert [s.strftime("%a %m-%d %H:%M %z") for s in found] == [
        "Tue 10-27 09:00 -0400",
        "Thu 10-29 09:00 -0400",
        "Tue 11-03 09:00 -0500",  # after the change on 1 November: still 09:00
        "Thu 11-05 09:00 -0500",
    ]


def test_window_is_after_exclusive_until_inclusive() -> None:
    cadence = Cadence((TUE_THU,), (), NY)
    after = datetime(2026, 11, 24, 9, 0, tzinfo=NY)
    until = datetime(2026, 12, 1, 9, 0, tzinfo=NY)
    assert [s.day for s in slots(cadence, after, until)] == [26, 1]


def test_blackouts_and_repeats_between_rules_are_removed() -> None:
    settings = ScheduleSettings(
        rules=(TUE_THU, "FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0"),
        blackout=("2026-12-24..2027-01-01", "2026-12-15"),
    )
    cadence = Cadence.from_settings(settings, NY)
    found = slots(cadence, datetime(2026, 12, 7, tzinfo=NY), datetime(2027, 1, 8, tzinfo=NY))
    assert [s.date().isoformat() for s in found] == [
        "2026-12-08",
        "2026-12-10",
        "2026-12-17",
        "2026-12-22",
        "2027-01-05",
        "2027-01-07",
    ]


def test_a_time_skipped_by_spring_forward_moves_an_hour_later() -> None:
    assert localize(datetime(2026, 3, 8, 2, 30), NY).strftime("%H:%M %z") == "03:30 -0400"
    assert localize(datetime(2026, 11, 1, 1, 30), NY).strftime("%H:%M %z") == "01:30 -0400"


def test_week_starts_are_mondays() -> None:
    assert week_starts(date(2026, 11, 22), date(2026, 12, 1)) == [
        date(2026, 11, 16),
        date(2026, 11, 23),
        date(2026, 11, 30),
    ]
