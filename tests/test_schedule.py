"""The scheduler: placement order, spacing, pinned posts, warnings, the check hook."""

from __future__ import annotations

import random
import sys
import types
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from planner import schedule as schedule_module
from planner.audience import Audience
from planner.cadence import Cadence, slots
from planner.content import Post
from planner.findings import Finding, Severity
from planner.schedule import PlanSettings, check_warnings, dated_warnings, plan_schedule
from planner.site import open_site

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=NY)
TUE_THU = "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0"
AUDIENCE = Audience(name="owners", interests=("rally wheels", "trim tag", "Muncie M21"))
NO_SPACING = PlanSettings(min_days_between=0, horizon_weeks=4, coverage_weeks=8)


def post(
    name: str, when: datetime | None = None, *, tags=(), priority=None, status="ready"
) -> Post:
    return Post(
        path=Path(f"{name}.md"),
        title=name,
        slug=name,
        body="",
        status=status,
        date=when,
        tags=tuple(tags),
        priority=priority or 0,
        meta={} if priority is None else {"priority": priority},
    )


def at(month: int, day: int, hour: int = 9, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, 0, tzinfo=NY)


def free_slots(weeks: int = 4, rules=(TUE_THU,), blackouts=()) -> list[datetime]:
    return slots(Cadence(rules, blackouts, NY), NOW, NOW + timedelta(weeks=weeks))


def placed(plan) -> list[tuple[str, str]]:
    return [(a.post.slug, f"{a.when:%m-%d}") for a in plan.assignments]


def run(posts, settings=NO_SPACING, ages=None, audience=AUDIENCE, **kw):
    return plan_schedule(
        posts,
        kw.get("slots", free_slots(settings.horizon_weeks)),
        now=NOW,
        audience=audience,
        settings=settings,
        ages=ages,
    )


def test_priority_then_oldest_file_then_path() -> None:
    posts = [
        post("b"),
        post("a"),
        post("later", priority=3),
        post("old"),
        post("first", priority=1),
    ]
    plan = run(posts, ages={Path("old.md"): 1.0, Path("a.md"): 5.0, Path("b.md"): 5.0})
    assert placed(plan) == [
        ("first", "11-24"),
        ("later", "11-26"),
        ("old", "12-01"),
        ("a", "12-03"),
        ("b", "12-08"),
    ]


def test_pinned_posts_keep_their_slot_and_drafts_are_left_alone() -> None:
    pinned = post("pinned", at(11, 24))
    posts = [pinned, post("new"), post("draft", status="draft")]
    plan = run(posts)
    assert placed(plan) == [("new", "11-26")]
    assert pinned not in [a.post for a in plan.assignments]


def test_the_interest_waiting_longest_goes_first() -> None:
    posts = [
        post("wheels-before", at(11, 10), tags=["rally wheels"]),
        post("tag-before", at(10, 6), tags=["trim tag"]),
        post("new-wheels", tags=["rally wheels"]),
        post("new-tag", tags=["trim tag"]),
        post("new-muncie", tags=["Muncie M21"]),
    ]
    ages = {Path("new-wheels.md"): 1.0, Path("new-tag.md"): 2.0, Path("new-muncie.md"): 3.0}
    plan = run(posts, ages=ages)
    # Muncie M21 was never covered, trim tag last in October, rally wheels in November.
    assert placed(plan) == [("new-muncie", "11-24"), ("new-tag", "11-26"), ("new-wheels", "12-01")]


def test_posts_sharing_a_tag_keep_their_spacing() -> None:
    posts = [
        post("pinned", at(11, 26), tags=["cowl tag"]),
        post("same1", tags=["cowl tag"]),
        post("same2", tags=["cowl tag"]),
        post("other", tags=["wheels"]),
    ]
    spaced = PlanSettings(min_days_between=10, horizon_weeks=4)
    plan = run(posts, spaced, ages={Path("same1.md"): 1, Path("same2.md"): 2, Path("other.md"): 3})
    # 11-24 is 2 days from the pinned post; the first free slot 10+ days away is 12-08.
    assert placed(plan) == [("other", "11-24"), ("same1", "12-08")]
    assert [p.slug for p in plan.unplaced] == ["same2"]
    codes = [w.code for w in plan.warnings]
    assert "too-many-posts" in codes and "unplaced" in codes


def test_more_ready_posts_than_slots_is_a_warning() -> None:
    posts = [post(f"p{i}") for i in range(10)]
    plan = run(posts, PlanSettings(min_days_between=0, horizon_weeks=2))
    assert len(plan.assignments) == plan.free_slots == 4
    (summary,) = [w for w in plan.warnings if w.code == "too-many-posts"]
    assert summary.message.startswith("6 ready post(s) found no slot in the next 2 weeks")


def test_empty_weeks_are_warned_but_not_blackout_weeks() -> None:
    blackout = ((date(2026, 12, 7), date(2026, 12, 13)),)
    plan = plan_schedule(
        [post("one")],
        free_slots(4, blackouts=blackout),
        now=NOW,
        audience=AUDIENCE,
        settings=NO_SPACING,
    )
    empty = [w.message for w in plan.warnings if w.code == "empty-week"]
    assert empty == [
        "no post in the week of Mon 2026-11-30",
        "no post in the week of Mon 2026-12-14",
    ]


def test_an_empty_week_warning_carries_its_monday() -> None:
    plan = plan_schedule([], free_slots(2), now=NOW, audience=AUDIENCE, settings=NO_SPACING)
    weeks = [w.week for w in plan.warnings if w.code == "empty-week"]
    assert weeks == [date(2026, 11, 23), date(2026, 11, 30)]


def test_dated_warnings_use_the_interests_given_and_place_nothing(make_site) -> None:
    site = open_site(
        start=make_site(
            config='[site]\ntimezone = "America/New_York"\n[schedule]\n'
            f'rules = ["{TUE_THU}"]\nhorizon_weeks = 2\n',
            audience='name = "owners"\ninterests = ["rally wheels", "trim tag"]\n',
        )
    )
    posts = [post("dated", at(11, 24)), post("waiting")]
    warnings = dated_warnings(site, posts, NOW, {Path("dated.md"): ("trim tag",)})
    assert [(w.code, w.week) for w in warnings] == [
        ("empty-week", date(2026, 11, 30)),
        ("interest-gap", None),
    ]
    assert "'rally wheels'" in warnings[1].message


def test_interest_gaps_name_the_interest_and_the_last_post() -> None:
    posts = [
        post("old-wheels", at(8, 4), tags=["rally wheels"]),
        post("recent-tag", at(11, 3), tags=["trim tag"]),
        post("new-muncie", tags=["Muncie M21"]),
    ]
    plan = run(posts, PlanSettings(min_days_between=0, horizon_weeks=4, coverage_weeks=8))
    gaps = [w.message for w in plan.warnings if w.code == "interest-gap"]
    assert gaps == [
        "nothing about 'rally wheels' in the last or next 8 weeks "
        "(last post 2026-08-04; none planned)"
    ]


def test_check_hook_reports_errors_of_scheduled_posts(monkeypatch) -> None:
    fake = types.ModuleType("planner.check")
    seen = []

    def check_posts(site, posts):
        seen.extend(posts)
        return [
            Finding(posts[0].path, 3, 1, "too-broad", Severity.ERROR, "x"),
            Finding(posts[0].path, 4, 1, "vague", Severity.WARNING, "y"),
            Finding(posts[1].path, 4, 1, "vague", Severity.WARNING, "y"),
        ]

    fake.check_posts = check_posts  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "planner.check", fake)
    monkeypatch.setattr(schedule_module.importlib.util, "find_spec", lambda name: object())
    planned = [(post("a"), at(12, 1)), (post("b", at(12, 3)), at(12, 3))]
    warnings = check_warnings(object(), planned)  # type: ignore[arg-type]
    assert [p.date for p in seen] == [at(12, 1), at(12, 3)]  # planned posts get their date
    assert [(w.code, w.path) for w in warnings] == [("check-errors", Path("a.md"))]
    assert "1 error-level check finding(s)" in warnings[0].message


def test_check_hook_does_nothing_without_the_checker(monkeypatch) -> None:
    monkeypatch.setattr(schedule_module.importlib.util, "find_spec", lambda name: None)
    assert check_warnings(object(), [(post("a"), at(12, 1))]) == []  # type: ignore[arg-type]


# --- properties ------------------------------------------------------------------------

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
TAGS = ["rally wheels", "trim tag", "Muncie M21", "paint", "chrome"]


@st.composite
def scenarios(draw):
    days = draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=4, unique=True))
    hours = draw(st.lists(st.integers(6, 20), min_size=1, max_size=2, unique=True))
    rule = f"FREQ=WEEKLY;BYDAY={','.join(days)};BYHOUR={','.join(map(str, hours))};BYMINUTE=0"
    blackouts = []
    for _ in range(draw(st.integers(0, 3))):
        start = date(2026, 11, 22) + timedelta(days=draw(st.integers(0, 60)))
        blackouts.append((start, start + timedelta(days=draw(st.integers(0, 9)))))
    weeks = draw(st.integers(1, 10))
    cadence = Cadence((rule,), tuple(blackouts), NY)
    free = slots(cadence, NOW, NOW + timedelta(weeks=weeks))
    posts = []
    for index in range(draw(st.integers(0, 25))):
        tags = draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True))
        when = None
        if draw(st.booleans()) and draw(st.booleans()):
            offset = draw(st.integers(-30 * 24, 70 * 24))
            when = NOW + timedelta(hours=offset)
            when = when.replace(minute=0, second=0, microsecond=0)
            if draw(st.booleans()) and free:
                when = draw(st.sampled_from(free))  # pinned exactly on a slot
        priority = draw(st.none() | st.integers(0, 2))
        posts.append(post(f"p{index:02d}", when, tags=tags, priority=priority))
    spacing = PlanSettings(draw(st.integers(0, 6)), weeks, draw(st.integers(1, 8)))
    ages = {p.path: float(draw(st.integers(0, 5))) for p in posts}
    return cadence, free, posts, spacing, ages


@settings(max_examples=150, deadline=None)
@given(scenarios(), st.randoms(use_true_random=False))
def test_plan_properties(scenario, rng: random.Random) -> None:
    cadence, free, posts, spacing, ages = scenario
    plan = plan_schedule(posts, free, now=NOW, audience=AUDIENCE, settings=spacing, ages=ages)
    pinned = {p.path: p.date for p in posts if p.status == "ready" and p.date is not None}
    times = [a.when for a in plan.assignments]

    # never double-books, only uses real, free, non-blackout slots in the horizon
    assert len(times) == len(set(times))
    assert not set(times) & set(pinned.values())
    assert set(times) <= set(free)
    assert all(not cadence.blacked_out(t.date()) and NOW < t <= plan.until for t in times)
    # never moves a pinned post; places each undated ready post at most once
    assigned = [a.post.path for a in plan.assignments]
    assert not set(assigned) & set(pinned)
    assert len(assigned) == len(set(assigned))
    waiting = {p.path for p in posts if p.status == "ready" and p.date is None}
    assert set(assigned) | {p.path for p in plan.unplaced} == waiting
    # spacing between posts that share a tag, whenever one of them was placed by the plan
    dated = [(a.post.tags, a.when, True) for a in plan.assignments] + [
        (p.tags, p.date, False) for p in posts if p.path in pinned
    ]
    gap = timedelta(days=spacing.min_days_between)
    for i, (tags_a, when_a, new_a) in enumerate(dated):
        for tags_b, when_b, new_b in dated[i + 1 :]:
            if (new_a or new_b) and set(tags_a) & set(tags_b):
                assert abs(when_a - when_b) >= gap  # type: ignore[operator]
    # deterministic, whatever order the posts come in
    shuffled = list(posts)
    rng.shuffle(shuffled)
    again = plan_schedule(shuffled, free, now=NOW, audience=AUDIENCE, settings=spacing, ages=ages)
    assert again == plan
