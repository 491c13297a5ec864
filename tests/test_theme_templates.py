"""The default theme's templates: the parts written inline for speed say what the
`_macros.html` macros say, and links follow the base URL's path."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from post_views import post_view

from planner.publish.pages import PostView, TagLink
from planner.publish.theme import default_theme_dir, environment
from planner.urls import Links

LINKS = Links.of("https://example.com/blog/")


@pytest.fixture(scope="module")
def env():
    return environment([default_theme_dir()])


def view(draft: bool = False, future: bool = False, tags: int = 2) -> PostView:
    return post_view(
        title="Rebuilding the Muncie M21",
        href="/blog/posts/a-post/",
        url="https://example.com/blog/posts/a-post/",
        tags=tuple(TagLink(f"Tag {i} &", f"tag-{i}", f"/blog/tags/tag-{i}/") for i in range(tags)),
        summary="A summary.",
        html="<p>Body</p>",
        reading_minutes=3,
        draft=draft,
        future=future,
    )


def render(env, template: str, **context) -> str:
    site = SimpleNamespace(title="Site", description="", author="", language="en")
    return env.get_template(template).render(
        site=site,
        links=LINKS,
        feeds={"atom": LINKS.href("feed.xml"), "rss": LINKS.href("rss.xml")},
        month_names=[],
        canonical="https://example.com/blog/",
        live_reload=False,
        **context,
    )


def macro(env, name: str, post: PostView) -> str:
    return getattr(env.get_template("_macros.html").module, name)(post)


VIEWS = [view(), view(draft=True), view(future=True, tags=0), view(tags=1)]


@pytest.mark.parametrize("post", VIEWS)
def test_a_post_list_item_says_what_marker_and_post_meta_say(env, post):
    listed = env.get_template("_macros.html").module.post_list([post])
    assert f"{post.title}</a> {macro(env, 'marker', post)}</h2>" in listed
    assert f"\n    {macro(env, 'post_meta', post)}\n" in listed


@pytest.mark.parametrize("post", VIEWS)
def test_a_post_page_says_what_marker_and_post_meta_say(env, post):
    page = render(env, "post.html", post=post, related=[])
    assert f">{post.title} {macro(env, 'marker', post)}</h1>" in page
    assert f"\n  {macro(env, 'post_meta', post)}\n" in page


def test_site_links_follow_the_base_url_path(env):
    hrefs = set(re.findall(r'href="([^"]+)"', render(env, "404.html")))
    paths = ["", "tags/", "archive/", "calendar/", "feed.xml", "static/style.css"]
    assert {LINKS.href(path) for path in paths} <= hrefs
    assert all(h.startswith(("/blog/", "https://example.com/blog/", "#")) for h in hrefs)


def test_a_theme_page_keeps_its_own_variables_beside_base_html(tmp_path):
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "mine.html").write_text(
        '{% extends "base.html" %}{% set root = "my root" %}'
        "{% block content %}<p>{{ root }}</p>{% endblock %}"
    )
    page = render(environment([theme, default_theme_dir()]), "mine.html")
    assert "<p>my root</p>" in page
