"""Composing snippets: parts, hashtags, shortening, overrides; and, for generated posts,
the guarantees: within every limit, no URL or hashtag cut."""

from __future__ import annotations

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.snippets.autolink import find_urls
from planner.snippets.compose import (
    ELLIPSIS,
    Parts,
    compose,
    distinct,
    from_override,
    hashtag,
    hashtags,
    layout,
    shorten,
    with_utm,
)
from planner.snippets.length import x_length
from planner.snippets.platforms import PLATFORMS

URL = "https://norwood-road.example.com/posts/rebuilding-the-muncie-m21/"
X = PLATFORMS["x"]


def parts(**kwargs) -> Parts:
    values = {"title": "Rebuilding the Muncie M21", "hook": "What we measured.", "url": URL}
    return Parts(**{**values, **kwargs})


def test_hashtag_is_camel_case():
    assert hashtag("1968 Camaro") == "#1968Camaro"
    assert hashtag("mono-leaf springs") == "#MonoLeafSprings"


def test_hashtag_keeps_the_words_own_capitals():
    assert hashtag("Muncie M21") == "#MuncieM21"
    assert hashtag("iPhone case") == "#iPhoneCase"


def test_hashtag_drops_punctuation_and_apostrophes():
    assert hashtag("Z/28") == "#Z28"
    assert hashtag("driver's side") == "#DriversSide"


def test_hashtag_of_a_number_alone_is_none():
    assert hashtag("1968") is None


def test_hashtags_drop_case_blind_repeats_in_order():
    assert hashtags(["Muncie M21", "muncie m21", "Camaro"]) == ("#MuncieM21", "#Camaro")


def test_with_utm_adds_parameters_in_order():
    assert with_utm(URL, {"utm_source": "x", "utm_medium": "social"}) == (
        URL + "?utm_source=x&utm_medium=social"
    )


def test_layout_is_hook_question_link_hashtags():
    assert layout("Hook.", "Yours?", URL, ["#A", "#B"]) == f"Hook.\n\nYours?\n\n{URL}\n\n#A #B"


def test_compose_keeps_at_most_the_platforms_hashtags():
    made = compose(parts(hashtags=("#MuncieM21", "#1968Camaro", "#GearboxRebuild")), X)
    assert made.hashtags == ("#MuncieM21", "#1968Camaro")
    assert made.text.endswith("#MuncieM21 #1968Camaro")


def test_compose_drops_the_last_hashtag_first():
    hook = "word " * 47 + "end."  # 239 + 25 for the link + 12 for one hashtag: 276
    made = compose(parts(hook=hook, hashtags=("#MuncieM21", "#1968Camaro")), X)
    assert made.hashtags == ("#MuncieM21",)
    assert made.text.startswith(hook)


def test_compose_drops_hashtags_before_cutting_the_hook():
    hook = "word " * 48 + "end."  # 244 + 25 for the link: 269; a hashtag would be 281
    made = compose(parts(hook=hook, hashtags=("#MuncieM21", "#1968Camaro")), X)
    assert made.text.startswith(hook)
    assert made.hashtags == ()
    assert made.fits


def test_compose_shortens_the_hook_at_a_word_boundary_with_an_ellipsis():
    hook = " ".join(f"w{n}" for n in range(200))
    made = compose(parts(hook=hook), X)
    first = made.text.split("\n\n")[0]
    assert first.endswith(ELLIPSIS)
    assert hook.startswith(first.removesuffix(ELLIPSIS) + " ")
    assert made.fits
    assert made.length > X.limit - 5  # as much as fits


def test_compose_keeps_the_question_when_the_hook_can_be_shortened():
    made = compose(parts(hook="word " * 80, ask="What did yours measure?"), X)
    assert "\n\nWhat did yours measure?\n\n" in made.text


def test_compose_shortens_unspaced_cjk_between_characters():
    made = compose(parts(hook="故人西辞黄鹤楼" * 30), X)
    assert made.text.split("\n\n")[0].endswith(ELLIPSIS)
    assert made.fits


def test_compose_is_deterministic():
    one = parts(hook="A hook " * 60, hashtags=("#A", "#B"), ask="Q?")
    assert compose(one, X) == compose(one, X)


def test_shorten_never_cuts_inside_a_url():
    text = "see https://example.com/a-very-long-path-that-is-long and more words here"
    short = shorten(text, lambda t: len(t) <= 40)
    assert short == "see…"


def test_override_fills_placeholders_and_is_not_cut():
    made = from_override(
        "New: {title} {url} {tags}", parts(hashtags=("#MuncieM21",)), PLATFORMS["mastodon"]
    )
    assert made.text == f"New: Rebuilding the Muncie M21 {URL} #MuncieM21"
    assert made.override and made.fits and made.hashtags == ("#MuncieM21",)


def test_override_that_is_too_long_is_reported_not_shortened():
    made = from_override("x" * 300, parts(), X)
    assert made.text == "x" * 300
    assert not made.fits and made.length == 300


# --- generated posts ------------------------------------------------------------------

WORDS = (
    st.text(
        st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
            blacklist_characters="\u2028\u2029",
        ),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
PIECES = st.one_of(
    WORDS,
    st.sampled_from(
        [
            "👩🏽\u200d🚒",
            "🇯🇵",
            "Muncie",
            "M21",
            "故人西辞黄鹤楼",
            "كامارو",
            "e\u0301",
            "https://example.com/a_(b)",
            "example.com/m21",
            "#Z28",
            "1968",
        ]
    ),
)
TEXTS = st.lists(PIECES, max_size=80).map(" ".join)
TAGS = st.lists(st.lists(PIECES, min_size=1, max_size=4).map(" ".join), max_size=8)


def tokens(text: str) -> set[str]:
    return {t.rstrip(ELLIPSIS + ".,;:!?") for t in text.split()}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXTS.filter(bool), summary=TEXTS, tags=TAGS, ask=TEXTS)
def test_a_composed_snippet_fits_and_cuts_no_url_or_hashtag(title, summary, tags, ask):
    made_parts = Parts(title, summary or title, URL, hashtags(tags), ask)
    source_urls = {s.url for t in (summary or title, ask) for s in find_urls(t)} | {URL}
    source_tokens = tokens(summary or title) | tokens(ask) | set(made_parts.hashtags)
    for platform in PLATFORMS.values():
        made = compose(made_parts, platform)
        assert platform.fits(made.text), (platform.name, made.text)
        assert made.fits
        assert {s.url for s in find_urls(made.text)} <= source_urls
        assert URL in made.text
        for token in regex.findall(r"(?<!\S)#\S+", made.text):
            assert token.rstrip(ELLIPSIS + ".,;:!?") in source_tokens


@settings(max_examples=100, deadline=None)
@given(template=TEXTS, title=TEXTS.filter(bool))
def test_an_override_is_counted_as_written(template, title):
    made = from_override(template + " {url}", Parts(title, title, URL), X)
    assert made.text == (template + " " + URL).strip()
    assert made.fits == (x_length(made.text) <= X.limit)


def test_a_huge_summary_is_shortened_to_fit_every_platform():
    hook = "gearbox " * 250_000  # 2 MB, the largest post file planner reads
    for platform in PLATFORMS.values():
        made = compose(parts(hook=hook), platform)
        assert made.fits and made.text.split("\n\n")[0].endswith(ELLIPSIS)


@given(first=TAGS, second=TAGS)
def test_hashtags_of_two_lists_are_the_distinct_hashtags_of_each(first, second):
    assert hashtags(first + second) == distinct(hashtags(first) + hashtags(second))
