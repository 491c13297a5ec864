"""Specificity of a tag or short phrase: rarity, structure, numbers, codes, names."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from planner.specificity import weights
from planner.specificity.lexicon import CATEGORY_HEADS, STOPWORDS
from planner.specificity.model import Score, Signal, logistic, weigh
from planner.specificity.names import NO_CONTEXT, NameContext, name_words
from planner.specificity.parts import NARROWING, broader_parts, logit
from planner.specificity.wordnet import Noun, head_noun
from planner.specificity.words import zipf
from planner.text import Token, is_year, tokens

MAX_ZIPF = 7.0
MIN_ZIPF = 1.0
"""Unseen words (zipf 0) count as zipf 1, the rarest wordfreq lists: unseen is not rarer."""

UNKNOWN_NOUN_DEPTH = 8
"""A noun WordNet does not know (a name, a term of art) counts as a typical leaf: the
median depth of WordNet's nouns with no kinds below them, none below it."""

COLLECTIVE_SUFFIXES = ("ware", "wear", "ing", "ics", "ery", "ry", "ology", "ism", "age")
"""Endings of nouns that name a whole field or class: "Bakeware", "Plumbing", "Optics"."""


@dataclass(frozen=True)
class TermAnalysis:
    """What the term model reads in a term, worked out once: the features and the notes
    that explain them both come from here, so a note names the words a feature used."""

    tokens: tuple[Token, ...]
    words: tuple[str, ...]
    """Content words: words that are not stopwords, and model or part codes and plain
    numbers ("M21", "3925661"), which are words no dictionary has; years are not."""
    rarities: tuple[float, ...]
    """MAX_ZIPF minus each content word's zipf (unseen words count as MIN_ZIPF)."""
    noun: Noun | None
    """The longest WordNet noun the content words end in (None: not in WordNet, or the
    head is a name)."""
    names: Mapping[int, str] = field(default_factory=dict)
    """Positions in `tokens` that are names, each with why (planner.specificity.names)."""

    @property
    def head(self) -> str:
        """The last content word: what the term is a kind of ("gearbox", "M21")."""
        return self.words[-1] if self.words else ""


def analyse_term(term: str, context: NameContext = NO_CONTEXT) -> TermAnalysis:
    """Tokens, content words, their rarity, the names and the head noun of `term`.

    `context` is what the site's writing says about names (planner.specificity.names).
    """
    toks = tuple(tokens(term))
    names = name_words(toks, context)
    content = [
        i
        for i, t in enumerate(toks)
        if (t.kind == "word" and t.text.lower() not in STOPWORDS)
        or (t.kind in {"code", "num"} and not is_year(t))
    ]
    words = tuple(toks[i].text for i in content)
    rarities = tuple(MAX_ZIPF - max(zipf(w), MIN_ZIPF) for w in words)
    # A name's WordNet entry is the common noun of the same spelling (Apple, the fruit).
    head_is_name = bool(content) and content[-1] in names
    noun = None if head_is_name else head_noun([w.lower() for w in words])
    return TermAnalysis(toks, words, rarities, noun, names)


def term_features(term: str | TermAnalysis, context: NameContext = NO_CONTEXT) -> dict[str, float]:
    """The numeric features of `term` the term model weighs (see weights.TERM).

    `context` is what the site's writing says about names (planner.specificity.names);
    an analysis already carries the names it was made with.
    """
    found = analyse_term(term, context) if isinstance(term, str) else term
    toks, words, rarities, noun = found.tokens, found.words, found.rarities, found.noun
    head = found.head.lower()
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
            any(t.text.lower() in {"&", "and", "or"} for t in toks)
            or any("," in t.sep for t in toks)
        ),
        "year": float(any(is_year(t) for t in toks)),
        "number": float(any(t.kind == "num" and not is_year(t) for t in toks)),
        "code": float(any(t.kind == "code" and not is_year(t) for t in toks)),
        "name": float(bool(found.names)),
    }


def _zipf_note(word: str, rarity: float) -> str:
    value = MAX_ZIPF - rarity
    if zipf(word) < MIN_ZIPF:
        return f"'{word}' is not in English word lists (counted as zipf {value:.1f})"
    return f"'{word}' has zipf {value:.1f} in English"


def _notes(found: TermAnalysis, features: dict[str, float]) -> dict[str, str]:
    """What each signal means, in words, from the same analysis as the features."""
    words, head, noun = found.words, found.head, found.noun
    lemma = noun.lemma if noun else head.lower()
    kinds = round(2 ** features["kinds_below"]) - 1
    notes = {
        "modifiers": f"{len(words)} content words ({', '.join(words)}): modifiers narrow "
        f"the head '{head}'",
        "category_head": f"'{head}' names a broad category of things",
        "collective_head": f"'{head}' names a whole field or class",
        "plural_head": f"'{head}' is plural: a set of particular things",
        "kinds_below": f"WordNet lists {kinds} kinds of '{lemma}'",
        "depth": f"'{lemma}' is {features['depth']:.0f} steps below 'entity' in WordNet"
        if noun
        else "not in WordNet: counted as a particular thing, not a category",
        "compounds": f"{round(2 ** features['compounds']) - 1} longer WordNet nouns end in "
        f"'{lemma}'",
        "unknown_noun": f"'{head}' is not a common noun: a name, a code or a term of art",
        "conjunction": "joins several topics into one",
        "year": "names a year",
        "number": "contains a number",
        "code": "contains a model or part code",
        "name": "; ".join(found.names.values()),
    }
    if words:
        notes["head_rarity"] = "head word " + _zipf_note(head, found.rarities[-1])
        rarest = max(range(len(words)), key=lambda i: found.rarities[i])
        notes["rarest"] = "rarest word " + _zipf_note(words[rarest], found.rarities[rarest])
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
    found = analyse_term(term, context)
    if not found.tokens:
        return Score(term, 0.0, (Signal("empty", 0.0, "no words to score"),))
    features = term_features(found)
    notes = _notes(found, features)
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
