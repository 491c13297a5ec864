"""Finding URLs as the platforms' autolinkers do."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from publicsuffixlist import PSLFILE, PublicSuffixList
from snippet_strategies import ASCII_TEXTS, TEXTS

from planner.snippets.autolink import LONGEST_REMEMBERED_RUN, _suffixes, find_urls


def urls(text: str, **kwargs: bool) -> list[str]:
    return [span.url for span in find_urls(text, **kwargs)]


def test_a_url_keeps_balanced_parentheses():
    assert urls("see https://en.wikipedia.org/wiki/Camaro_(first_generation).") == [
        "https://en.wikipedia.org/wiki/Camaro_(first_generation)"
    ]


def test_a_url_in_parentheses_leaves_the_closing_one_out():
    assert urls("(photos at https://example.com/m21)") == ["https://example.com/m21"]


def test_a_url_leaves_out_the_sentence_punctuation_after_it():
    assert urls("Read it: https://example.com/a/b?c=d&e=f, then ask.") == [
        "https://example.com/a/b?c=d&e=f"
    ]


@pytest.mark.parametrize("text", ["example.com", "www.example.com", "t.co", "foo.co.jp/path"])
def test_a_url_without_a_scheme_is_found(text):
    assert urls(text) == [text]


def test_without_schemeless_only_urls_with_a_scheme_are_found():
    assert urls("example.com and https://example.org/", schemeless=False) == [
        "https://example.org/"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "e.g. 0.125 in.",  # abbreviations and decimals
        "v1.2",
        "user@example.com",  # an e-mail address
        "#example.com",  # a hashtag
        "ftp://example.com/",
        "http://www.-domain4352.com/",  # a label starting with a hyphen
        "http://domain-dash_2314352345_dfasd.foo-cow_4352.com",  # underscore in the domain
        "example.notatld",
        "norwood.jp",  # a country domain without a path needs a scheme
    ],
)
def test_not_a_url(text):
    assert urls(text) == []


def test_an_underscore_in_a_subdomain_is_allowed():
    assert urls("http://test_underscore.twitter.com") == ["http://test_underscore.twitter.com"]


def test_an_ip_address_needs_a_scheme_and_valid_octets():
    assert urls("http://192.168.0.1/index.html 192.168.0.1 http://256.1.2.3/") == [
        "http://192.168.0.1/index.html"
    ]


def test_spans_are_code_point_offsets():
    text = "Ça 👍 https://example.com/x"
    [span] = find_urls(text)
    assert text[span.start : span.end] == "https://example.com/x"


@given(TEXTS)
def test_without_schemeless_urls_only_those_with_a_scheme_are_found(text):
    with_scheme = [s for s in find_urls(text) if regex.match("(?i)https?://", s.url)]
    assert find_urls(text, schemeless=False) == with_scheme


def test_a_run_too_long_to_remember_is_searched_as_any_other():
    url = "https://example.com/" + "a" * LONGEST_REMEMBERED_RUN
    assert urls(f"see {url}. and example.org") == [url, "example.org"]


@given(ASCII_TEXTS)
def test_every_url_found_is_the_text_at_its_offsets(text):
    for span in find_urls(text):
        assert text[span.start : span.end] == span.url


def test_the_top_level_domain_rules_judge_every_label_as_the_whole_list_does():
    whole = PublicSuffixList(accept_unknown=False)
    labels = {"example", "localhost", "invalid", "xn--zz-unknown"}
    with open(PSLFILE, encoding="utf-8") as source:
        for line in source:
            rule = line.split(" ")[0].strip().lower()
            if rule and not rule.startswith("//"):
                labels.update(rule.lstrip("!*.").split("."))
    labels |= {label.encode("idna").decode("ascii") for label in labels if not label.isascii()}
    assert [
        label for label in sorted(labels) if _suffixes().is_public(label) != whole.is_public(label)
    ] == []
