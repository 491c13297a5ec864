"""Loading a site's posts: one loader for every command, cached when it loads them all."""

from __future__ import annotations

from pathlib import Path

import planner.site
from planner.site import open_site

POST = """---
title: "Muncie M21 end play"
date: 2026-07-14 09:00
tags: [Muncie M21]
summary: "Countergear end play"
colour: red
snippets:
  mastodon: "Short"
---
Body text.
"""


def write(site: Path) -> Path:
    posts = site / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "a.md").write_text(POST)
    (posts / "b.md").write_text("---\ntitel: typo\n---\n")
    (posts / "c.md").write_text(POST.replace("Countergear", "Other"))
    return posts


def counting_reads(monkeypatch) -> list[Path]:
    reads: list[Path] = []
    real = planner.site.read_post

    def read(path, tz):
        reads.append(path)
        return real(path, tz)

    monkeypatch.setattr(planner.site, "read_post", read)
    return reads


def test_cached_load_equals_a_fresh_parse(tmp_path):
    write(tmp_path)
    fresh = open_site(start=tmp_path).load_posts(cached=False)
    open_site(start=tmp_path).load_posts()
    assert open_site(start=tmp_path).load_posts() == fresh


def test_only_changed_files_are_parsed_again(tmp_path, monkeypatch):
    posts = write(tmp_path)
    open_site(start=tmp_path).load_posts()
    reads = counting_reads(monkeypatch)
    (posts / "a.md").write_text(POST.replace("end play", "synchro rings"))
    loaded = open_site(start=tmp_path).load_posts()
    assert reads == [posts / "a.md"]
    assert loaded.posts[0].title == "Muncie M21 synchro rings"


def test_a_load_of_some_files_neither_uses_nor_prunes_the_cache(tmp_path, monkeypatch):
    posts = write(tmp_path)
    open_site(start=tmp_path).load_posts()
    reads = counting_reads(monkeypatch)
    open_site(start=tmp_path).load_posts([posts / "a.md"])
    open_site(start=tmp_path).load_posts()
    assert reads == [posts / "a.md"]


def test_the_later_file_with_a_taken_slug_is_left_out(tmp_path):
    write(tmp_path)
    loaded = open_site(start=tmp_path).load_posts()
    assert [p.path.name for p in loaded.posts] == ["a.md"]
    clash = next(f for f in loaded.problems if f.rule == "duplicate-slug")
    assert clash.path.name == "c.md" and "a.md" in clash.message


def test_bad_files_do_not_stop_the_others(tmp_path):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "a-good.md").write_text("---\ntitle: Good\n---\n")
    (posts / "b-bad.md").write_text("---\ntitle: [\n---\n")
    (posts / "c-good.md").write_text("---\ntitle: Also good\n---\n")
    result = open_site(start=tmp_path).load_posts()
    assert [p.title for p in result.posts] == ["Good", "Also good"]
    assert [p.path for p in result.problems] == [posts / "b-bad.md"]
    assert result.has_errors


def test_the_first_file_by_path_keeps_a_shared_slug_whatever_the_order_given(tmp_path):
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    first, second = posts / "a.md", posts / "b.md"
    first.write_text("---\ntitle: Same Title\n---\n")
    second.write_text("---\ntitle: x\nslug: same-title\n---\n")
    result = open_site(start=tmp_path).load_posts([second, first])
    assert [p.path for p in result.posts] == [first]
    (problem,) = result.problems
    assert (problem.path, problem.line, problem.rule) == (second, 3, "duplicate-slug")


def test_a_whole_site_load_reads_files_in_path_order(tmp_path):
    posts = tmp_path / "content" / "posts"
    for number, folder in enumerate(("a", "a-b", "a.b", "a b")):
        (posts / folder).mkdir(parents=True)
        (posts / folder / "x.md").write_text(POST.replace("end play", f"end play {number}"))
    site = open_site(start=tmp_path)
    loaded = [post.path for post in site.load_posts(cached=False).posts]
    assert loaded == planner.site.in_path_order(site.post_files())
