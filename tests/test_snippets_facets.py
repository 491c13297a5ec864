"""Bluesky facets: links and hashtags with UTF-8 byte offsets."""

from __future__ import annotations

from hypothesis import given
from snippet_strategies import TEXTS

from planner.snippets.facets import LINK, TAG, facets, tag_spans, tag_spans_general


def sliced(text: str, facet: dict) -> str:
    index = facet["index"]
    return text.encode("utf-8")[index["byteStart"] : index["byteEnd"]].decode("utf-8")


def test_offsets_are_utf8_bytes_after_emoji_and_cjk():
    text = "カマロ 👍🏿 https://example.com/m21 #MuncieM21"
    link, tag = facets(text)
    assert sliced(text, link) == "https://example.com/m21"
    assert link["index"]["byteStart"] == len("カマロ 👍🏿 ".encode())
    assert sliced(text, tag) == "#MuncieM21"


def test_features_carry_the_lexicon_types():
    link, tag = facets("https://example.com/a #Z28")
    assert link["features"] == [{"$type": LINK, "uri": "https://example.com/a"}]
    assert tag["features"] == [{"$type": TAG, "tag": "Z28"}]


def test_a_link_without_a_scheme_gets_https():
    [link] = facets("see example.com/m21")
    assert link["features"][0]["uri"] == "https://example.com/m21"


def test_a_tag_leaves_out_trailing_punctuation():
    text = "Rebuilt: #MuncieM21."
    [tag] = facets(text)
    assert tag["features"][0]["tag"] == "MuncieM21"
    assert sliced(text, tag) == "#MuncieM21"


def test_an_all_digit_tag_or_one_inside_a_word_is_no_tag():
    assert facets("#1968 and C#sharp") == []


@given(TEXTS)
def test_tag_spans_agree_with_the_apps_regular_expression(text):
    assert tag_spans(text) == tag_spans_general(text)


@given(TEXTS)
def test_every_facet_slices_its_link_or_tag_out_of_the_utf8_text(text):
    for facet in facets(text):
        [feature] = facet["features"]
        piece = sliced(text, facet)
        if feature["$type"] == TAG:
            assert piece[1:] == feature["tag"]
        else:
            assert feature["uri"].endswith(piece)


def test_offsets_of_thousands_of_tags_after_non_ascii_text_are_utf8_bytes():
    text = "カマロ " + " ".join(f"#タグ{n}" for n in range(5000))
    found = facets(text)
    assert len(found) == 5000
    assert sliced(text, found[-1]) == "#タグ4999"
