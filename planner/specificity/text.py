"""Specificity of a sentence, title or paragraph: concrete details versus vague wording."""

from __future__ import annotations

import math

from planner.specificity import weights
from planner.specificity.lexicon import HEDGES, STOPWORDS, UNITS, VAGUE
from planner.specificity.model import Score, Signal, logistic
from planner.specificity.words import tokenize, zipf

RARE_ZIPF = 3.5
"""Words rarer than this (about once per 3 million words) count as rare."""


def text_features(text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The features of `text` the text model weighs, and the words behind each."""
    tokens = tokenize(text)
    found: dict[str, list[str]] = {k: [] for k in weights.TEXT}
    sentence_start = True
    for i, tok in enumerate(tokens):
        low = tok.text.lower()
        if tok.kind in {"num", "code"}:
            found["quantities"].append(tok.text)
        elif tok.kind == "sym" and tok.text in "$€£¥%":
            pass
        elif tok.kind == "word":
            if low in VAGUE:
                found["vague"].append(tok.text)
            elif low in HEDGES:
                found["hedges"].append(tok.text)
            elif low not in STOPWORDS:
                if tok.text[0].isupper() and not sentence_start:
                    found["names"].append(tok.text)
                elif zipf(low) < RARE_ZIPF and low not in UNITS:
                    found["rare_words"].append(tok.text)
        end = tok.start + len(tok.text)
        following = text[end : tokens[i + 1].start] if i + 1 < len(tokens) else ""
        sentence_start = any(c in following for c in ".!?:\n")
    n_words = sum(t.kind != "sym" for t in tokens)
    features = {
        "length": math.log1p(n_words),
        **{k: math.log1p(len(v)) for k, v in found.items() if k != "length"},
    }
    return features, found


def _note(name: str, words: list[str], features: dict[str, float]) -> str:
    shown = ", ".join(f"'{w}'" for w in dict.fromkeys(words[:5]))
    return {
        "length": f"{round(math.expm1(features['length']))} words",
        "quantities": f"numbers and codes: {shown}",
        "names": f"names: {shown}",
        "rare_words": f"rare words: {shown}",
        "vague": f"vague wording: {shown}",
        "hedges": f"hedges: {shown}",
    }[name]


def score_text(text: str) -> Score:
    """Score how specific a sentence, title or paragraph is."""
    features, found = text_features(text)
    logit = weights.TEXT_BIAS
    signals: list[Signal] = []
    for name, value in features.items():
        contribution = weights.TEXT[name] * value
        logit += contribution
        if value:
            signals.append(Signal(name, round(contribution, 3), _note(name, found[name], features)))
    if not features["length"]:
        return Score(text, 0.0, (Signal("empty", 0.0, "no words to score"),))
    return Score(text, round(logistic(logit), 4), tuple(signals))
