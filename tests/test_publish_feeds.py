"""Feeds and sitemap written as text: escaped as ElementTree escapes, and hostile post
values (markup, quotes, control characters, CDATA-like text) survive a parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st
from post_views import WHEN, post_view

from planner.publish.feeds import FeedInfo, atom, escape, rss, sitemap
from planner.publish.pages import PostView, TagLink
from planner.urls import Links

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
HOSTILE = 'Tom & Jerry\'s <b>"M21"</b> ]]> <![CDATA[x]]> &amp; \t\r\n Zürich 🚗'
FORBIDDEN = "\x00\x01\x07\x0b\x0c\x1f\ufffe\uffff"

xml_text = st.text(
    alphabet=st.sampled_from(["&", "<", ">", '"', "'", "\r", "\n", "\t", "a", " ", "é", "]"])
)


def info(base_url: str = "https://example.com/", description: str = "") -> FeedInfo:
    return FeedInfo("Site", description, "Writer", "en", Links.of(base_url), WHEN)


def view(title: str = "A post", tag: str = "Muncie M21", html: str = "<p>Body</p>") -> PostView:
    return post_view(
        title=title, tags=(TagLink(tag, "tag", "/tags/tag/"),), summary=title, html=html
    )


@given(xml_text.filter(bool))
def test_text_is_escaped_as_elementtree_writes_it(value):
    element = ET.Element("t")
    element.text = value
    assert f"<t>{escape(value)}</t>" == ET.tostring(element, encoding="unicode")


@given(xml_text)
def test_attribute_values_are_escaped_as_elementtree_writes_them(value):
    element = ET.Element("t", a=value)
    assert f'<t a="{escape(value, attribute=True)}" />' == ET.tostring(element, encoding="unicode")


def test_atom_feed_gives_a_parser_back_hostile_titles_tags_and_html():
    feed = ET.fromstring(atom(info(), [view(HOSTILE, HOSTILE, HOSTILE)], "feed.xml"))
    entry = feed.find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == HOSTILE.replace("\r\n", "\n")
    assert entry.find(f"{ATOM}content").text == HOSTILE.replace("\r\n", "\n")
    assert entry.find(f"{ATOM}category").get("term") == HOSTILE


def test_rss_feed_gives_a_parser_back_hostile_titles_tags_and_html():
    channel = ET.fromstring(rss(info(), [view(HOSTILE, HOSTILE, HOSTILE)])).find("channel")
    item = channel.find("item")
    assert item.find("title").text == HOSTILE.replace("\r\n", "\n")
    assert item.find("category").text == HOSTILE.replace("\r\n", "\n")
    assert item.find("description").text == HOSTILE.replace("\r\n", "\n")


def test_characters_xml_cannot_hold_are_left_out_of_a_feed():
    written = atom(info(), [view(f"Bell{FORBIDDEN} title", f"t{FORBIDDEN}ag")], "feed.xml")
    entry = ET.fromstring(written).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Bell title"
    assert entry.find(f"{ATOM}category").get("term") == "tag"


def test_a_lone_surrogate_is_written_as_a_character_reference():
    written = rss(info(), [view("half \ud800 pair")])
    assert b"<title>half &#55296; pair</title>" in written


def test_an_empty_value_is_an_empty_element_tag():
    written = rss(info(), [view(html="")])
    assert b"<description />" in written


def test_a_feed_starts_with_the_declaration_elementtree_writes_and_ends_a_line():
    written = atom(info(), [], "feed.xml")
    assert written.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns=")
    assert written.endswith(b"</feed>\n")


def test_sitemap_escapes_a_base_url_with_markup_characters():
    written = sitemap(Links.of("https://example.com/a&b/"), [("posts/x/", WHEN), ("tags/", None)])
    urls = ET.fromstring(written).findall(f"{SITEMAP}url")
    assert [u.find(f"{SITEMAP}loc").text for u in urls] == [
        "https://example.com/a&b/posts/x/",
        "https://example.com/a&b/tags/",
    ]
    assert [u.find(f"{SITEMAP}lastmod") is not None for u in urls] == [True, False]


def test_an_empty_sitemap_is_an_empty_urlset():
    written = sitemap(Links.of("https://example.com/"), [])
    assert written.endswith(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" />\n')
