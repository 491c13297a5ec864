"""Weights of the term and text models (log-odds per feature unit).

Written by benchmarks/train_specificity.py; do not edit by hand.
"""

TERM_BIAS = -8.3628
TERM = {
    "rarest": 0.4571,
    "mean_rarity": 1.2819,
    "head_rarity": -0.1099,
    "modifiers": 3.2681,
    "category_head": -2.5646,
    "collective_head": -0.9455,
    "plural_head": 0.7067,
    "kinds_below": -0.1633,
    "depth": 0.1830,
    "unknown_noun": -0.2686,
    "conjunction": -2.7147,
    "year": 0.0000,
    "number": 1.6533,
    "code": 0.0386,
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
