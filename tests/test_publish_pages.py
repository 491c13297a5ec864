"""Post views: values worked out once per post for the templates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from post_views import post_view


def test_a_post_view_gives_its_date_for_time_elements_and_for_readers():
    post = post_view(date=datetime(2026, 11, 2, 9, 30, tzinfo=UTC))
    assert (post.date_iso, post.date_text) == ("2026-11-02T09:30:00+00:00", "2 November 2026")


def test_a_post_view_without_a_date_gives_empty_dates():
    post = post_view(date=None)
    assert (post.date_iso, post.date_text) == ("", "")


def test_a_changed_date_is_worked_out_again_in_the_new_view():
    post = post_view(date=datetime(2026, 11, 2, tzinfo=UTC))
    assert post.date_text == "2 November 2026"
    assert replace(post, date=datetime(2026, 1, 5, tzinfo=UTC)).date_text == "5 January 2026"
