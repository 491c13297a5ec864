"""A site's posts as snippets: channels, hashtags from the checker's verdicts, overrides."""

from __future__ import annotations

import pytest

from planner.check.terms import AudienceLens
from planner.site import open_site
from planner.snippets.posts import SnippetWriter, channels_for, override_line

AUDIENCE = """
name = "first-generation Camaro owners"
niche = ["Camaro"]
interests = ["Muncie M21", "trim tags"]
too_broad = ["cars", "tips"]
"""
POST = """
---
title: "Rebuilding the Muncie M21 from a 1968 Camaro"
tags: [Muncie M21, cars, tips, 1968 Camaro]
summary: "What we measured on a tired close-ratio Muncie."
ask: "What did yours measure?"
date: 2026-07-14
{extra}
---

Body.
"""
CONFIG = """
[site]
base_url = "https://shop.example.com/"

[channels.mastodon]
handle = "@shop@example.social"
hashtags = ["#Camaro"]
max_chars = 200
utm = {{ utm_source = "mastodon" }}
{more}
"""


def writer_for(make_site, extra: str = "", more: str = "[channels.x]"):
    root = make_site(
        posts={"m21.md": POST.format(extra=extra)},
        config=CONFIG.format(more=more),
        audience=AUDIENCE,
    )
    site = open_site(start=root)
    [post] = site.load_posts().posts
    return SnippetWriter(site.config, AudienceLens(site.audience)), post


def test_no_hashtag_from_a_tag_the_checker_calls_too_broad(make_site):
    writer, post = writer_for(make_site)
    assert writer.parts(post, "x").hashtags == ("#MuncieM21", "#1968Camaro")


def test_channel_hashtags_come_after_the_posts_own(make_site):
    writer, post = writer_for(make_site)
    assert writer.parts(post, "mastodon").hashtags == ("#MuncieM21", "#1968Camaro", "#Camaro")


def test_the_channels_utm_parameters_go_on_its_link_only(make_site):
    writer, post = writer_for(make_site)
    slug = "rebuilding-the-muncie-m21-from-a-1968-camaro"
    assert writer.parts(post, "mastodon").url.endswith(f"/{slug}/?utm_source=mastodon")
    assert writer.parts(post, "x").url == f"https://shop.example.com/posts/{slug}/"


def test_max_chars_sets_the_mastodon_limit(make_site):
    writer, post = writer_for(make_site)
    assert writer.snippet(post, "mastodon").snippet.limit == 200


def test_the_question_goes_into_the_snippet(make_site):
    writer, post = writer_for(make_site)
    assert "\n\nWhat did yours measure?\n\n" in writer.snippet(post, "x").snippet.text


def test_bluesky_snippets_carry_facets(make_site):
    writer, post = writer_for(make_site)
    shared = writer.snippet(post, "bluesky")
    kinds = [f["features"][0]["$type"] for f in shared.facets]
    assert kinds == ["app.bsky.richtext.facet#link"] + ["app.bsky.richtext.facet#tag"] * 2


def test_channels_are_the_enabled_ones_in_planner_toml(make_site):
    writer, post = writer_for(make_site, more="[channels.x]\n[channels.threads]\nenabled = false")
    assert channels_for(post, writer.config) == ("x", "mastodon")


def test_front_matter_channels_win(make_site):
    writer, post = writer_for(make_site, extra="channels: [bluesky, X]")
    assert channels_for(post, writer.config) == ("x", "bluesky")


def test_without_channels_anywhere_every_platform(make_site):
    root = make_site(posts={"m21.md": POST.format(extra="")}, config="")
    site = open_site(start=root)
    [post] = site.load_posts().posts
    assert len(channels_for(post, site.config)) == 6


def test_an_override_replaces_the_composed_text(make_site):
    writer, post = writer_for(make_site, extra='snippets:\n  x: "Measured: {url}"')
    made = writer.snippet(post, "x").snippet
    assert made.override and made.text.startswith("Measured: https://shop.example.com/")


def test_a_too_long_override_is_an_error_at_its_own_line(make_site):
    extra = "snippets:\n  mastodon: short {url}\n  x: " + "y" * 300
    writer, post = writer_for(make_site, extra=extra)
    text = post.path.read_text()
    [finding] = writer.findings(post, text)
    assert finding.rule == "snippet-too-long"
    assert str(finding.severity) == "error"
    assert text.split("\n")[finding.line - 1].startswith("  x: yyy")
    assert "300/280 weighted characters" in finding.message


def test_an_override_for_an_unknown_platform_is_a_warning_with_a_suggestion(make_site):
    writer, post = writer_for(make_site, extra="snippets: {mastadon: hi}")
    [finding] = writer.findings(post, post.path.read_text())
    assert finding.rule == "snippet-unknown-platform"
    assert "did you mean 'mastodon'" in finding.message


def test_a_channel_that_names_no_platform_is_a_warning_at_the_channels_line(make_site):
    writer, post = writer_for(make_site, extra="channels: [twitter, bluesky]")
    [finding] = writer.findings(post, post.path.read_text())
    assert (finding.rule, finding.line) == ("snippet-unknown-platform", post.line_of("channels"))
    assert finding.message == "channels: twitter is no platform planner knows (did you mean 'x'?)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("snippets:\n  x: a\n  'mastodon': b\ntitle: t", 3),
        ("snippets: {x: a, mastodon: b}", 1),
        ("snippets:\n  x: a\ntitle: t\n  mastodon: b", 1),  # past the mapping: not found
    ],
)
def test_override_line(text, expected):
    assert override_line(text, 1, "mastodon") == expected
