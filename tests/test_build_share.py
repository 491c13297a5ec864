"""The build's snippet files and share pages, and the other places channels show up."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import copy_example

from planner.publish import BuildOptions, build_site
from planner.site import open_site

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=ZoneInfo("America/New_York"))
HURST = "adjusting-the-hurst-linkage-on-a-muncie-m21-with-a-1-4-inch-gauge-pin"
COWL = "cowl-induction-on-the-1969-z-28-the-zl2-hood-the-solenoid-and-the-flapper"  # scheduled
MONO = "mono-leaf-versus-multi-leaf-rear-springs-on-a-1967-camaro"  # unscheduled


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "example")


def build(site: Path, **options) -> Path:
    out = site / "public"
    build_site(open_site(start=site), BuildOptions(out=out, now=NOW, **options))
    return out


def set_share_pages(site: Path, value: str) -> None:
    config = site / "planner.toml"
    text = config.read_text().replace("[site]\n", f'[site]\nshare_pages = "{value}"\n', 1)
    config.write_text(text)


def test_snippet_files_for_published_and_scheduled_posts_only(example):
    out = build(example)
    names = {p.stem for p in (out / "snippets").glob("*.json")}
    assert {HURST, COWL} <= names
    assert MONO not in names
    data = json.loads((out / "snippets" / f"{HURST}.json").read_text())
    assert [s["platform"] for s in data["snippets"]] == [
        "x",
        "mastodon",
        "bluesky",
        "threads",
        "linkedin",
        "facebook",
    ]


def test_share_page_is_noindex_and_lists_every_snippet(example):
    page = (build(example) / "share" / HURST / "index.html").read_text()
    assert '<meta name="robots" content="noindex">' in page
    assert page.count('class="share-link"') == 6
    assert "https://bsky.app/intent/compose?text=" in page


def test_share_pages_are_in_no_feed_or_sitemap_and_linked_from_no_public_page(example):
    out = build(example)
    for name in ("sitemap.xml", "feed.xml", "rss.xml", "feed.json"):
        assert "/share/" not in (out / name).read_text()
    for page in out.rglob("*.html"):
        if "share" not in page.relative_to(out).parts:
            assert "/share/" not in page.read_text(), page


def test_public_share_pages_are_linked_from_their_posts(example):
    set_share_pages(example, "public")
    page = (build(example) / "posts" / HURST / "index.html").read_text()
    assert f'<a href="/share/{HURST}/">Share this post</a>' in page


def test_serve_links_posts_to_their_share_pages(example):
    page = (build(example, live_reload=True) / "posts" / HURST / "index.html").read_text()
    assert f'href="/share/{HURST}/"' in page


def test_share_pages_off_builds_none_but_keeps_the_snippet_files(example):
    set_share_pages(example, "off")
    out = build(example)
    assert not (out / "share").exists()
    assert (out / "snippets" / f"{HURST}.json").is_file()


def test_a_scheduled_posts_share_page_links_to_no_missing_page(example):
    page = (build(example) / "share" / COWL / "index.html").read_text()
    assert f'href="/posts/{COWL}/"' not in page
    assert "Not published yet" in page


def test_syndication_links_render_as_u_syndication(example):
    trim = "reading-the-trim-tag-on-a-1968-camaro-paint-code-trim-code-and-build-week"
    page = (build(example) / "posts" / trim / "index.html").read_text()
    assert (
        '<a class="u-syndication" href="https://example.social/@norwoodroad/113512345678901234">'
        "example.social</a>" in page
    )


def test_calendar_ics_lists_the_channels_of_each_post(example):
    ics = (build(example) / "calendar.ics").read_text().replace("\r\n ", "")
    assert "Share on: mastodon\\, bluesky\\, x\\, threads\\, linkedin\\, facebook" in ics


def test_an_unchanged_site_does_not_recompute_its_snippets(example, monkeypatch):
    build(example)
    import planner.snippets.posts as posts

    def fail(*args, **kwargs):
        raise AssertionError("snippets recomputed")

    monkeypatch.setattr(posts.SnippetWriter, "for_post", fail)
    build(example)


def test_an_edit_after_an_unchanged_build_judges_no_tag_again(example, monkeypatch):
    build(example)
    build(example)  # draws no share page
    post = example / "content" / "posts" / "hurst-linkage-muncie-m21.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    import planner.publish.share as share

    def fail(*args, **kwargs):
        raise AssertionError("tags judged again")

    monkeypatch.setattr(share, "_verdicts", fail)
    build(example)


def test_two_posts_with_the_same_text_get_snippets_with_their_own_links(tmp_path):
    site = copy_example(tmp_path / "example")
    posts = site / "content" / "posts"
    text = '---\ntitle: "🏁"\ndate: 2026-11-01\nstatus: ready\n---\n\nThe same words.\n'
    for name in ("a-twin", "b-twin"):  # a title with no letters: the slug is the file's name
        (posts / f"{name}.md").write_text(text, encoding="utf-8")
    out = build(site, check=False)  # the checker finds little to say of such a post
    for slug in ("a-twin", "b-twin"):
        data = json.loads((out / "snippets" / f"{slug}.json").read_text())
        assert all(f"/posts/{slug}/" in s["text"] for s in data["snippets"]), slug
