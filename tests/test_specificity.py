"""Behaviour of the audience-independent specificity scores."""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from planner.specificity import Score, Signal, score_term, score_text, zipf
from planner.specificity.term import analyse_term, term_features
from planner.specificity.text import text_score


def test_year_and_model_narrow_a_term():
    assert score_term("1968 Camaro").score > score_term("Camaro").score > score_term("cars").score


def test_product_example_orderings_hold():
    chain = ["cars", "Camaro", "1968 Camaro", "1968 Camaro Sports Coupe"]
    scores = [score_term(t).score for t in chain]
    assert scores == sorted(scores) and len(set(scores)) == len(scores)
    assert score_term("Muncie M21 gearbox").score > score_term("gearbox").score


@pytest.mark.parametrize("vague", ["tips", "things", "stuff"])
def test_vague_words_are_very_broad(vague):
    assert score_term(vague).score < 0.1 < score_term("gearbox").score


@pytest.mark.parametrize("code", ["M21", "396", "ZL2", "3925661"])
def test_codes_are_specific_and_narrow_a_term(code):
    assert score_term(code).score > score_term("things").score
    assert score_term(f"{code} gearbox").score > score_term("gearbox").score


@pytest.mark.parametrize(
    ("term", "modifier"),
    [("Camaro", "1968"), ("gearbox", "Muncie"), ("oil pan", "chrome"), ("coupe", "sports")],
)
def test_adding_a_modifier_never_lowers_the_score(term, modifier):
    narrowed = score_term(f"{modifier} {term}")
    assert narrowed.score > score_term(term).score


@pytest.mark.parametrize("code", ["M21", "ZL2"])
def test_letter_digit_codes_alone_are_specific(code):
    assert score_term(code).score > 0.5


def test_unknown_name_is_not_scored_as_broad():
    assert score_term("Camaro").score > score_term("cars").score


def test_modifiers_and_part_code_narrow_a_head_noun():
    assert score_term("Muncie M21 gearbox").score > score_term("gearbox").score


def test_category_lists_are_broader_than_one_kind():
    assert score_term("Duffel Bags").score > score_term("Luggage & Bags").score


def test_specific_sentence_scores_above_vague_one():
    vague = "There are many things to know about cars, and everyone has amazing tips."
    specific = "The 1968 Camaro SS 396 shipped with a Muncie M21 four-speed and 3.73 gears."
    assert score_text(specific).score > score_text(vague).score


def test_signals_explain_the_score():
    signals = {s.name: s for s in score_term("Muncie M21 gearbox").signals}
    assert "code" in signals and signals["code"].value > 0
    text = score_text("There are many things to know.")
    vague = [s for s in text.signals if s.name == "vague"]
    assert vague and vague[0].value < 0 and "'things'" in vague[0].note


@pytest.mark.parametrize("text", ["", "   ", "🚗🔥", "?!", "x" * 10_000, "word " * 2_000])
def test_odd_input_gives_a_score_in_range(text):
    for score in (score_term(text), score_text(text)):
        assert isinstance(score, Score)
        assert 0.0 <= score.score <= 1.0
        assert all(isinstance(s, Signal) for s in score.signals)


def test_empty_input_scores_zero_and_says_why():
    assert score_term("   ").score == 0.0
    assert score_text("").signals[0].name == "empty"


def test_scores_are_deterministic():
    assert score_text("The M21 has a 2.20 first gear.") == score_text(
        "The M21 has a 2.20 first gear."
    )


def test_zipf_is_case_insensitive_and_ranks_common_words_higher():
    assert zipf("The") == zipf("the") > zipf("gearbox") > zipf("muncie") >= 0


def test_importing_does_not_load_word_data():
    code = "import sys, planner.specificity; print('wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_term_notes_name_the_words_the_features_used():
    notes = {s.name: s.note for s in score_term("Muncie M21").signals}
    assert notes["head_rarity"].startswith("head word 'M21'")
    assert notes["modifiers"].startswith("2 content words (Muncie, M21)")
    assert notes["unknown_noun"].startswith("'M21'")


def test_term_notes_and_features_come_from_one_analysis():
    found = analyse_term("Muncie M21 gearbox")
    features = term_features(found)
    assert found.head == "gearbox" and features["modifiers"] == pytest.approx(math.log1p(2))
    assert features["head_rarity"] == found.rarities[-1]


@pytest.mark.parametrize("text", ["", "Here are some tips.", "The Muncie M21 has a 2.20 first."])
def test_text_score_is_the_score_of_score_text(text):
    assert text_score(text) == score_text(text).score
