"""Specificity of a tag or short phrase: rarity, structure, numbers, codes, names."""

from __future__ import annotations

import math
from functools import lru_cache

from planner.specificity import weights
from planner.specificity.lexicon import CATEGORY_HEADS, STOPWORDS
from planner.specificity.model import Score, Signal, logistic, weigh
from planner.specificity.names import NO_CONTEXT, NameContext, name_words
from planner.specificity.parts import NARROWING, broader_parts, logit
from planner.specificity.wordnet import head_noun
from planner.specificity.words import Token, tokenize, zipf

MAX_ZIPF = 7.0
MIN_ZIPF = 1.0
"""Unseen words (zipf 0) count as zipf 1, the rarest wordfreq lists: unseen is not rarer."""

UNKNOWN_NOUN_DEPTH = 8
"""A noun WordNet does not know (a name, a term of art) counts as a typical leaf: the
median depth of WordNet's nouns with no kinds below them, none below it."""

COLLECTIVE_SUFFIXES = ("ware", "wear", "ing", "ics", "ery", "ry", "ology", "ism", "age")
"""Endings of nouns that name a whole field or class: "Bakeware", "Plumbing", "Optics"."""


def is_year(token: Token) -> bool:
    """A four-digit number that reads as a year (1800-2099), or a decade like "1960s"."""
    text = token.text.rstrip("s") if token.kind == "code" else token.text
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2099


def term_features(term: str, context: NameContext = NO_CONTEXT) -> dict[str, float]:
    """The numeric features of `term` the term model weighs (see weights.TERM).

    `context` is what the site's writing says about names (planner.specificity.names).
    """
    tokens = tokenize(term)
    names = name_words(tokens, context)
    words = [  # content words; a model or part code ("M21", "3925661") is a word no dictionary has
        t
        for t in tokens
        if (t.kind == "word" and t.text.lower() not in STOPWORDS)
        or (t.kind in {"code", "num"} and not is_year(t))
    ]
    rarities = [MAX_ZIPF - max(zipf(t.text), MIN_ZIPF) for t in words]
    head = words[-1].text.lower() if words else ""
    # A name's WordNet entry is the common noun of the same spelling (Apple, the fruit).
    head_is_name = bool(words) and tokens.index(words[-1]) in names
    noun = None if head_is_name else head_noun([t.text.lower() for t in words])
    return {
        "rarest": max(rarities, default=0.0),
        "mean_rarity": sum(rarities) / len(rarities) if rarities else 0.0,
        "head_rarity": rarities[-1] if rarities else 0.0,
        "modifiers": math.log1p(max(len(words) - 1, 0)),
        "category_head": float(head in CATEGORY_HEADS),
        "collective_head": float(head.endswith(COLLECTIVE_SUFFIXES)),
        "plural_head": float(head.endswith("s") and not head.endswith(("ss", "us", "is"))),
        "kinds_below": noun.kinds if noun else 0.0,
        "depth": noun.depth if noun else UNKNOWN_NOUN_DEPTH if words else 0.0,
        "compounds": noun.compounds if noun else 0.0,
        "unknown_noun": float(noun is None and bool(words)),
        "conjunction": float(
            any(t.text.lower() in {"&", "and", "or"} for t in tokens) or "," in term
        ),
        "year": float(any(is_year(t) for t in tokens)),
        "number": float(any(t.kind == "num" and not is_year(t) for t in tokens)),
        "code": float(any(t.kind == "code" and not is_year(t) for t in tokens)),
        "name": float(bool(names)),
    }


def _notes(term: str, features: dict[str, float], context: NameContext) -> dict[str, str]:
    """What each signal of `term` means, in words (worked out once per term)."""
    tokens = tokenize(term)
    words = [t.text for t in tokens if t.kind == "word" and t.text.lower() not in STOPWORDS]
    head = words[-1] if words else ""
    noun = None if features["unknown_noun"] else head_noun([w.lower() for w in words])
    lemma = noun.lemma if noun else head.lower()
    kinds = round(2 ** features["kinds_below"]) - 1
    notes = {
        "head_rarity": f"head noun '{head}' has zipf {zipf(head):.1f}",
        "modifiers": f"{len(words)} content words: modifiers narrow the head noun",
        "category_head": f"'{head}' names a broad category of things",
        "collective_head": f"'{head}' names a whole field or class",
        "plural_head": f"'{head}' is plural: a set of particular things",
        "kinds_below": f"WordNet lists {kinds} kinds of '{lemma}'",
        "depth": f"'{lemma}' is {features['depth']:.0f} steps below 'entity' in WordNet"
        if noun
        else "not in WordNet: counted as a particular thing, not a category",
        "compounds": f"{round(2 ** features['compounds']) - 1} longer WordNet nouns end in "
        f"'{lemma}'",
        "unknown_noun": f"'{head}' is not a common noun: a name or a term of art",
        "conjunction": "joins several topics into one",
        "year": "names a year",
        "number": "contains a number",
        "code": "contains a model or part code",
        "name": "; ".join(name_words(tokens, context).values()),
    }
    if words:
        rarest = min(words, key=zipf)
        notes["rarest"] = f"rarest word '{rarest}' has zipf {zipf(rarest):.1f} in English"
        mean = MAX_ZIPF - features["mean_rarity"]
        notes["mean_rarity"] = f"its words average zipf {mean:.1f} (common words are around 5-6)"
    return notes


@lru_cache(maxsize=65536)
def score_term(term: str, context: NameContext = NO_CONTEXT) -> Score:
    """Score how specific a tag or short phrase is in general English.

    A term never scores below a broader term it contains ("Baby & Toddler Shoes" is at
    least "Shoes"): modifiers only narrow. `context` is what the site's own writing
    says about names (planner.specificity.names); without it, general English.
    """
    if not tokenize(term):
        return Score(term, 0.0, (Signal("empty", 0.0, "no words to score"),))
    features = term_features(term, context)
    notes = _notes(term, features, context)
    score, signals = weigh(
        features, weights.TERM, weights.TERM_BIAS, lambda name: notes.get(name, name)
    )
    broader = [score_term(part, context) for part in broader_parts(term)]
    widest = max(broader, key=lambda s: s.score, default=None)
    if widest is not None and logit(score) < logit(widest.score) + NARROWING:
        lifted = round(logistic(logit(widest.score) + NARROWING), 4)
        note = f"contains the broader '{widest.text}' ({widest.score:.2f}): modifiers narrow it"
        signals = (*signals, Signal("narrows", round(logit(lifted) - logit(score), 3), note))
        score = lifted
    return Score(term, score, signals)
