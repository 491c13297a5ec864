"""Weights of the term and text models (log-odds per feature unit).

Written by benchmarks/train_specificity.py; do not edit by hand.
"""

TERM_BIAS = -8.3656
TERM = {
    "rarest": 0.4567,
    "mean_rarity": 1.2824,
    "head_rarity": -0.1100,
    "modifiers": 3.2677,
    "category_head": -2.5630,
    "collective_head": -0.9449,
    "plural_head": 0.7066,
    "kinds_below": -0.1632,
    "depth": 0.1831,
    "unknown_noun": 0.0000,
    "conjunction": -2.7136,
    "year": 1.0000,
    "number": 1.6599,
    "code": 1.0000,
}

TEXT_BIAS = -3.6814
TEXT = {
    "length": 0.9826,
    "common_words": -0.4267,
    "quantities": 1.5236,
    "years": 1.1005,
    "names": 0.7903,
    "rare_words": 0.0605,
    "vague": -0.6665,
    "hedges": -0.3525,
    "pronouns": 0.7054,
}
