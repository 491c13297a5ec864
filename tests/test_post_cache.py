"""The parsed-post cache: same posts as a fresh parse, re-parsed when a file changes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from zoneinfo import ZoneInfo

from planner.content import load_posts, post_files
from planner.post_cache import CACHE_FILE, load_posts_cached

TZ = ZoneInfo("America/New_York")
POST = """---
title: "Muncie M21 end play"
date: 2026-07-14 09:00
tags: [Muncie M21]
summary: "Countergear end play"
colour: red
snippets:
  mastodon: "Short"
ask: "What did yours measure?"
syndication: [https://example.social/@shop/1]
---
Body text.
"""


def site(tmp_path: Path) -> tuple[list[Path], Path]:
    posts = tmp_path / "content"
    posts.mkdir()
    (posts / "a.md").write_text(POST)
    (posts / "b.md").write_text("---\ntitel: typo\n---\n")
    return post_files(posts), tmp_path / "cache"


def test_cached_load_equals_a_fresh_parse(tmp_path):
    files, cache = site(tmp_path)
    fresh = load_posts(files, TZ)
    first = load_posts_cached(files, TZ, cache)
    assert (cache / CACHE_FILE).is_file()
    second = load_posts_cached(files, TZ, cache)
    for loaded in (first, second):
        assert loaded.posts == fresh.posts
        assert [f.format() for f in loaded.problems] == [f.format() for f in fresh.problems]
    assert second.posts[0].date.tzinfo == TZ
    assert second.posts[0].syndication == ("https://example.social/@shop/1",)


def test_a_cache_from_before_a_post_field_was_added_is_not_used(tmp_path):
    files, cache = site(tmp_path)
    load_posts_cached(files, TZ, cache)
    data = json.loads((cache / CACHE_FILE).read_text())
    data["key"][1] -= 1  # the format before `ask` and `syndication`
    for entry in data["files"].values():
        if entry["post"]:
            del entry["post"]["ask"], entry["post"]["syndication"]
    (cache / CACHE_FILE).write_text(json.dumps(data))
    assert load_posts_cached(files, TZ, cache).posts[0].ask == "What did yours measure?"


def test_a_changed_file_is_parsed_again(tmp_path):
    files, cache = site(tmp_path)
    load_posts_cached(files, TZ, cache)
    files[0].write_text(POST.replace("end play", "synchro rings"))
    os.utime(files[0], ns=(1, 1))  # a different stamp even on a coarse clock
    assert load_posts_cached(files, TZ, cache).posts[0].title == "Muncie M21 synchro rings"


def test_a_corrupt_cache_is_ignored(tmp_path):
    files, cache = site(tmp_path)
    cache.mkdir()
    (cache / CACHE_FILE).write_text("{not json")
    assert load_posts_cached(files, TZ, cache).posts[0].title == "Muncie M21 end play"
