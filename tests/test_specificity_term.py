"""Monotonicity of the term score: modifiers only narrow a term, lists included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.specificity import score_term
from planner.specificity.lexicon import STOPWORDS
from planner.specificity.names import NameContext
from planner.specificity.parts import broader_parts

WORDLIST = """
shoes socks baby toddler kids running rear front brakes rotors suspension gearbox
Shoes Baby Toddler Camaro Muncie Canon Apple Fender guitars cameras computers
accessories supplies equipment parts tools sport sports team water oil pan
M21 L78 3925661 1968 1960s 396 5D Z/28 Hydra-Matic Baby's owner's
"""
VOCABULARY = WORDLIST.split()
WORDS = st.one_of(
    st.sampled_from(VOCABULARY),
    st.from_regex(r"[A-Za-z][a-z]{1,9}", fullmatch=True).filter(
        lambda w: w.lower() not in STOPWORDS
    ),
)
JOINERS = st.sampled_from([" & ", " and ", ", ", " or "])
CONTEXTS = st.sampled_from(
    [
        NameContext(),
        NameContext(capitals_mark_names=True),
        NameContext(frozenset({"camaro", "muncie", "apple"}), frozenset({"shoes", "baby"})),
    ]
)


@st.composite
def base_terms(draw) -> str:
    """A term: words, maybe a list of heads ("Brakes & Rotors"), maybe "for" an object."""
    words = draw(st.lists(WORDS, min_size=1, max_size=3))
    term = " ".join(words)
    if draw(st.booleans()):
        term += draw(JOINERS) + draw(WORDS)
    if draw(st.booleans()):
        term += " for " + draw(WORDS)
    return term


@st.composite
def modifiers(draw) -> str:
    """Modifiers in front of a term: words, or a list of them ("Baby & Toddler")."""
    words = draw(st.lists(WORDS, min_size=1, max_size=3))
    if len(words) > 1 and draw(st.booleans()):
        return draw(JOINERS).join(words)
    return " ".join(words)


@settings(max_examples=400, deadline=None)
@given(base_terms(), modifiers(), CONTEXTS)
def test_modifiers_never_lower_a_term(term, modifier, context):
    narrowed = f"{modifier} {term}"
    assert score_term(narrowed, context).score >= score_term(term, context).score


@settings(max_examples=200, deadline=None)
@given(base_terms(), WORDS)
def test_an_object_after_a_preposition_never_lowers_a_term(term, word):
    if any(j.strip() in term for j in ("&", " and ", ",", " or ")) or " for " in term:
        term = term.split(" ")[0]
    assert score_term(f"{term} with {word}").score >= score_term(term).score


def test_a_list_of_modifiers_narrows_the_shared_head():
    assert score_term("Baby & Toddler Shoes").score > score_term("Shoes").score
    assert score_term("baby, toddler and kids shoes").score > score_term("shoes").score


def test_a_list_of_heads_is_not_narrower_than_its_items():
    assert broader_parts("Shoes & Socks") == []
    assert "Parts & Accessories" in broader_parts("Vehicle Parts & Accessories")


def test_a_lifted_score_says_which_broader_term_it_contains():
    signals = {s.name: s.note for s in score_term("Baby & Toddler Shoes").signals}
    if "narrows" in signals:
        assert "'Shoes'" in signals["narrows"]


def test_very_long_terms_look_for_no_broader_parts():
    assert broader_parts(" ".join(["gearbox"] * 40)) == []
