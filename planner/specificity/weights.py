"""Weights of the term and text models (log-odds per feature unit)."""

TERM_BIAS = -4.0
TERM = {
    "rarest": 0.6,
    "mean_rarity": 0.3,
    "modifiers": 1.0,
    "category_head": -1.0,
    "conjunction": -1.0,
    "year": 1.5,
    "number": 0.8,
    "code": 1.5,
}

TEXT_BIAS = -2.0
TEXT = {
    "length": 0.5,
    "quantities": 0.8,
    "names": 0.6,
    "rare_words": 0.6,
    "vague": -0.8,
    "hedges": -0.5,
}
