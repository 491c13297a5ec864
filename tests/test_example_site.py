"""The repository's example site loads cleanly and shows every post state."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

from conftest import REPO_ROOT

from planner.calendar import entries
from planner.check import Checker
from planner.check.facts import analyse
from planner.content import State
from planner.schedule import PlanSettings, plan_schedule
from planner.site import open_site

NOW = datetime.fromisoformat("2026-11-22T12:00")


def test_example_site_loads_without_problems() -> None:
    site = open_site(start=REPO_ROOT)
    loaded = site.load_posts()

    assert site.config_problems == ()
    assert site.audience_problems == ()
    assert loaded.problems == ()
    assert 10 <= len(loaded.posts) <= 15


def test_example_site_has_every_state_and_a_real_audience() -> None:
    site = open_site(start=REPO_ROOT)
    now = NOW.replace(tzinfo=site.tz)
    states = Counter(post.state(now) for post in site.load_posts().posts)

    assert all(states[state] >= 2 for state in State), states
    assert "Muncie M21" in site.audience.interests
    assert site.audience.too_broad and site.audience.topics and site.audience.personas


def test_checker_scheduler_and_calendar_agree_on_what_each_post_covers() -> None:
    site = open_site(start=REPO_ROOT)
    now = NOW.replace(tzinfo=site.tz)
    posts = site.load_posts().posts
    checker = Checker(site)
    by_checker = {}
    for post in posts:
        facts = analyse(site, checker.lens, post, post.path.read_text(encoding="utf-8"))
        by_checker[post.path] = facts.interests
        off = "post-off-audience" in {f.rule for f in checker.check(post).findings}
        assert off == (not facts.interests), post.path.name

    undated = [replace(p, status="ready", date=None) for p in posts]
    days = [now + timedelta(days=n) for n in range(1, len(posts) + 2)]
    plan = plan_schedule(
        undated, days, now=now, audience=site.audience, settings=PlanSettings(0, 52, 8)
    )
    by_scheduler = {a.post.path: a.interests for a in plan.assignments}

    dated = [replace(p, status="ready", date=now) for p in posts]
    calendar = entries(dated, now=now, audience=site.audience, base_url="https://x.example/")
    by_calendar = {e.path: e.interests for e in calendar}

    assert by_checker == by_scheduler == by_calendar
    assert sum(1 for covered in by_checker.values() if covered) >= 8
    assert any(not covered for covered in by_checker.values())
