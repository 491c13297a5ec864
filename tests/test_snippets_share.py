"""Share links open each platform's composer with exactly the snippet."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit
from urllib.parse import quote as urllib_quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.snippets.platforms import PLATFORMS
from planner.snippets.share import LONGEST_REMEMBERED_TEXT, mastodon_host, quote, share_link

TEXT = "Our M21 & the 1/4-in. pin: 100% right? 👍🏿 #MuncieM21\n\nhttps://example.com/a?b=c&d=e"
URL = "https://example.com/posts/m21/?utm_source=x&utm_medium=social"


def decoded(link: str, key: str) -> str:
    [value] = parse_qs(urlsplit(link).query, keep_blank_values=True, strict_parsing=True)[key]
    return value


@pytest.mark.parametrize("name", list(PLATFORMS))
def test_the_share_link_decodes_to_exactly_the_snippet(name):
    link = share_link(PLATFORMS[name], TEXT, URL, "example.social")
    key = "quote" if name == "facebook" else "text"
    assert decoded(link, key) == TEXT


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_survives_the_x_intent(text):
    assert decoded(share_link(PLATFORMS["x"], text, URL), "text") == text


def test_facebook_shares_the_post_url():
    assert decoded(share_link(PLATFORMS["facebook"], TEXT, URL), "u") == URL


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("x", "https://x.com/intent/tweet?"),
        ("bluesky", "https://bsky.app/intent/compose?"),
        ("mastodon", "https://example.social/share?"),
        ("threads", "https://www.threads.net/intent/post?"),
        ("linkedin", "https://www.linkedin.com/feed/?shareActive=true&"),
        ("facebook", "https://www.facebook.com/sharer/sharer.php?"),
    ],
)
def test_the_share_link_goes_to_the_platform(name, start):
    assert share_link(PLATFORMS[name], TEXT, URL, "example.social").startswith(start)


def test_the_mastodon_host_is_the_configured_instance():
    assert mastodon_host("https://fosstodon.org/", "@ray@example.social") == "fosstodon.org"
    assert mastodon_host("fosstodon.org", "") == "fosstodon.org"


def test_the_mastodon_host_defaults_to_the_handles_server():
    assert mastodon_host("", "@norwoodroad@example.social") == "example.social"
    assert mastodon_host("", "") == "mastodon.social"


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_quote_is_urllibs_quote_with_nothing_safe(text):
    assert quote(text) == urllib_quote(text, safe="")


@given(st.text(st.characters(max_codepoint=127), max_size=200))
def test_quote_of_ascii_text_is_urllibs_quote_with_nothing_safe(text):
    assert quote(text) == urllib_quote(text, safe="")


def test_quote_of_a_text_too_long_to_remember_is_urllibs_quote():
    text = "Große Wörter, 👍🏽 & more " * (LONGEST_REMEMBERED_TEXT // 10)
    assert quote(text) == urllib_quote(text, safe="")
