"""Specificity of a sentence, title or paragraph: concrete details versus vague wording."""

from __future__ import annotations

import math
import re

from planner.specificity import weights
from planner.specificity.lexicon import HEDGES, PRONOUNS, STOPWORDS, UNITS, VAGUE
from planner.specificity.model import Score, Signal, weigh
from planner.specificity.words import zipf
from planner.text import TEXT_RARE_ZIPF, is_year, tokens

QUOTE_RE = re.compile(r"``|''|[\"\u201c\u201d]")
"""Quotation marks: reported words are someone's particular words."""
CONNECTIVES = frozenset(
    ["but", "and", "however", "also", "so", "yet", "still", "thus", "meanwhile", "instead"]
)
"""A sentence opening with one of these usually sums up or contrasts: general talk."""


def text_features(text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The features of `text` the text model weighs, and the words behind each."""
    toks = tokens(text)
    found: dict[str, list[str]] = {
        k: [] for k in ("quantities", "years", "names", "rare_words", "vague", "hedges", "pronouns")
    }
    content_zipf: list[float] = []
    previous_number = False
    for tok in toks:
        low = tok.text.lower()
        number = False
        if tok.kind in {"num", "code"}:
            found["years" if is_year(tok) else "quantities"].append(tok.text)
            number = True
        elif tok.kind == "sym":
            if tok.text in "$€£¥%":
                found["quantities"].append(tok.text)
        elif low in VAGUE:
            found["vague"].append(tok.text)
        elif low in HEDGES:
            found["hedges"].append(tok.text)
        elif low in PRONOUNS:
            found["pronouns"].append(tok.text)
        elif low not in STOPWORDS:
            frequency = zipf(low)
            content_zipf.append(frequency)
            if previous_number and low in UNITS:
                found["quantities"].append(tok.text)
            elif tok.text[0].isupper() and not tok.opens:
                found["names"].append(tok.text)
            elif frequency < TEXT_RARE_ZIPF:
                found["rare_words"].append(tok.text)
        previous_number = number
    words = [t for t in toks if t.kind != "sym"]
    function_words = sum(t.text.lower() in STOPWORDS for t in words)
    first = words[0].text.lower() if words else ""
    found["quotes"] = QUOTE_RE.findall(text)
    found["connective"] = [words[0].text] if first in CONNECTIVES else []
    features = {
        "length": math.log1p(len(words)),
        "common_words": (sum(content_zipf) / len(content_zipf) - 4.0) if content_zipf else 0.0,
        "function_words": function_words / len(words) if words else 0.0,
        **{k: math.log1p(len(v)) for k, v in found.items()},
    }
    return features, found


def _note(name: str, words: list[str], features: dict[str, float]) -> str:
    shown = ", ".join(f"'{w}'" for w in list(dict.fromkeys(words))[:5])
    if name == "length":
        return f"{round(math.expm1(features['length']))} words"
    if name == "common_words":
        return f"content words average zipf {features['common_words'] + 4:.1f}"
    if name == "function_words":
        return f"{features['function_words']:.0%} function words"
    label = {
        "quotes": "quotation marks",
        "connective": "opens with a connective",
        "quantities": "numbers, amounts and codes",
        "years": "years",
        "names": "names",
        "rare_words": "rare words",
        "vague": "vague wording",
        "hedges": "hedges",
        "pronouns": "pronouns",
    }[name]
    return f"{label}: {shown}"


def score_text(text: str) -> Score:
    """Score how specific a sentence, title or paragraph is."""
    features, found = text_features(text)
    if not features["length"]:
        return Score(text, 0.0, (Signal("empty", 0.0, "no words to score"),))
    score, signals = weigh(
        features,
        weights.TEXT,
        weights.TEXT_BIAS,
        lambda name: _note(name, found.get(name, []), features),
    )
    return Score(text, score, signals)


def text_score(text: str) -> float:
    """`score_text(text).score` without writing the signals' notes, for callers that
    need only the number (the checker scores every post's title)."""
    features, _ = text_features(text)
    if not features["length"]:
        return 0.0
    return weigh(features, weights.TEXT, weights.TEXT_BIAS, _no_note)[0]


def _no_note(name: str) -> str:
    return ""
