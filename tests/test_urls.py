"""The URL scheme: one place for every page type's path and links."""

from __future__ import annotations

from planner import urls
from planner.urls import Links


def test_post_url_has_one_slash_between_parts() -> None:
    assert Links.of("https://a.example/").post_url("x") == "https://a.example/posts/x/"
    assert Links.of("https://a.example/blog").post_url("x") == "https://a.example/blog/posts/x/"


def test_hrefs_are_under_the_base_urls_path() -> None:
    links = Links.of("https://a.example/blog")
    assert links.href(urls.tag_path("paint")) == "/blog/tags/paint/"


def test_a_directory_path_is_served_by_its_index_file() -> None:
    assert urls.file_of(urls.post_path("x")) == "posts/x/index.html"
    assert urls.file_of(urls.HOME) == "index.html"
    assert urls.file_of(urls.NOT_FOUND) == "404.html"
    assert urls.path_of(urls.file_of(urls.home_path(3))) == "page/3/"


def test_tag_slugs_are_lowercase_words_with_hyphens() -> None:
    assert urls.tag_slug("Muncie M21") == "muncie-m21"
    assert urls.tag_slug("!!!") == "tag"
