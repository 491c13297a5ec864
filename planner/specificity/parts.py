"""The broader terms a term contains, so that modifiers only ever narrow a score.

"Baby & Toddler Shoes" contains "Shoes", "1968 Camaro" contains "Camaro", "Shoes for
Kids" contains "Shoes": the term scorer (term.py) never puts a term below them.
"""

from __future__ import annotations

import math
from itertools import pairwise

from planner.specificity.lexicon import STOPWORDS
from planner.text import Token, tokens

NARROWING = 0.1
"""Log-odds a term scores at least above a broader term it contains."""
MAX_PARTS = 16
"""Longer 'terms' are sentences: no broader parts are looked for in them."""
PREPOSITIONS = frozenset(
    ["of", "for", "with", "in", "on", "from", "by", "without", "at", "under", "over"]
)
CONJUNCTIONS = frozenset(["&", "and", "or"])


def logit(score: float) -> float:
    """The log-odds of a score, finite at 0 and 1."""
    p = min(max(score, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def broader_parts(term: str) -> list[str]:
    """The broader terms `term` contains: it without leading modifiers ("Baby & Toddler
    Shoes" -> "Shoes", "1968 Camaro" -> "Camaro") or without what follows a preposition
    ("Shoes for Kids" -> "Shoes"). A list's own items are not broader ("Shoes & Socks"
    is no narrower than "Socks")."""
    toks = tokens(term)
    if len(toks) > MAX_PARTS:
        return []
    starts = _starts(term, toks)
    parts = []
    for (before, token), start in zip(pairwise(toks), starts[1:], strict=True):
        low, previous = token.text.lower(), before.text.lower()
        if token.kind == "sym" or low in STOPWORDS or before.kind == "sym":
            continue
        if previous in STOPWORDS or "," in token.sep:
            continue  # after a conjunction, a preposition or a comma: a list item or object
        parts.append(term[start:].strip())
    for (before, token), start in zip(pairwise(toks), starts[1:], strict=True):
        if token.text.lower() in PREPOSITIONS and before.text.lower() not in STOPWORDS:
            head = term[:start].strip()
            if not any(t.text.lower() in CONJUNCTIONS or t.kind == "sym" for t in tokens(head)):
                parts.append(head)
            break
    return parts


def _starts(term: str, toks: list[Token]) -> list[int]:
    """Where each token starts in `term`."""
    starts, end = [], 0
    for token in toks:
        start = term.find(token.text, end)
        starts.append(start)
        end = start + len(token.text)
    return starts
