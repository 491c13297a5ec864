"""The repository's example site loads cleanly and shows every post state."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from conftest import REPO_ROOT

from planner.content import State
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
