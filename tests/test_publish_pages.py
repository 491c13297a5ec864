"""Post views: values worked out once per post for the templates."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from planner.publish.pages import PostView


def view(date: datetime | None) -> PostView:
    return PostView(
        slug="a-post",
        title="A post",
        href="/posts/a-post/",
        url="https://example.com/posts/a-post/",
        date=date,
        tags=(),
        summary="",
        html="",
        reading_minutes=1,
        draft=False,
        future=False,
        findings=(),
        key="key",
        source=None,  # type: ignore[arg-type]
    )


def test_a_post_view_gives_its_date_for_time_elements_and_for_readers():
    post = view(datetime(2026, 11, 2, 9, 30, tzinfo=UTC))
    assert (post.date_iso, post.date_text) == ("2026-11-02T09:30:00+00:00", "2 November 2026")


def test_a_post_view_without_a_date_gives_empty_dates():
    assert (view(None).date_iso, view(None).date_text) == ("", "")


def test_a_changed_date_is_worked_out_again_in_the_new_view():
    post = view(datetime(2026, 11, 2, tzinfo=UTC))
    assert post.date_text == "2 November 2026"
    assert replace(post, date=datetime(2026, 1, 5, tzinfo=UTC)).date_text == "5 January 2026"
