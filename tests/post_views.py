"""Post views as templates and feeds get them, for tests that need no site."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from planner.publish.pages import PostView

WHEN = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def post_view(**changes: Any) -> PostView:
    """A published post's view, with `changes` to any of its fields."""
    fields: dict[str, Any] = {
        "slug": "a-post",
        "title": "A post",
        "href": "/posts/a-post/",
        "url": "https://example.com/posts/a-post/",
        "date": WHEN,
        "tags": (),
        "summary": "",
        "html": "",
        "reading_minutes": 1,
        "draft": False,
        "future": False,
        "findings": (),
        "key": "key",
        "source": SimpleNamespace(syndication=()),  # what templates read of the post
    }
    return PostView(**{**fields, **changes})
