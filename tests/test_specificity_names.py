"""Names: makes, brands and models score above the category they belong to."""

from __future__ import annotations

import pytest

from planner.specificity import score_term
from planner.specificity.names import (
    NameContext,
    capitals_mark_names,
    is_wordnet_name,
    term_names,
)

LOWER_CASE_TAGS = NameContext(capitals_mark_names=True)


@pytest.mark.parametrize(
    ("category", "name"),
    [("computers", "Apple"), ("cameras", "Canon"), ("guitars", "Fender"), ("watches", "Omega")],
)
def test_a_capitalised_tag_beside_lower_case_tags_scores_above_its_category(category, name):
    assert score_term(name, LOWER_CASE_TAGS).score > score_term(category, LOWER_CASE_TAGS).score


def test_a_word_the_site_capitalises_mid_sentence_is_a_name():
    site = NameContext(capitalised=frozenset({"canon"}))
    assert "Canon" in term_names("Canon", site)
    assert score_term("Canon", site).score > score_term("cameras", site).score


def test_a_word_the_site_writes_in_lower_case_is_not_a_name():
    site = NameContext(lowercase=frozenset({"shoes"}), capitals_mark_names=True)
    assert term_names("Shoes", site) == {}


def test_title_case_categories_are_not_names():
    assert term_names("Baby & Toddler Shoes") == {}
    assert term_names("Baby & Toddler Shoes", LOWER_CASE_TAGS) == {}


def test_a_capital_inside_a_lower_case_term_marks_a_name():
    assert "Hurst" in term_names("the Hurst shifter")


def test_inner_capitals_mark_a_name_but_hyphens_and_acronyms_do_not():
    assert "iPhone" in term_names("iPhone cases")
    assert term_names("Blu-Ray Recorders") == {}
    assert term_names("Digital SLRs") == {}


def test_a_capitalised_word_before_a_code_is_a_make():
    assert "Muncie" in term_names("Muncie M21")


def test_wordnet_names_count_without_any_context():
    assert is_wordnet_name("Gibson") and is_wordnet_name("toyota")
    assert not is_wordnet_name("apple") and not is_wordnet_name("dvd")
    assert score_term("Gibson").score > score_term("guitars").score


def test_a_name_signal_says_why_it_is_a_name():
    notes = {s.name: s.note for s in score_term("Gibson").signals}
    assert "WordNet knows 'Gibson' as a name" in notes["name"]


def test_lower_case_tags_show_that_capitals_mark_names():
    assert capitals_mark_names(["cars", "rally wheels", "Camaro", "Muncie M21"])
    assert not capitals_mark_names(["Cars", "Rally Wheels", "Camaro"])
    assert not capitals_mark_names([])
