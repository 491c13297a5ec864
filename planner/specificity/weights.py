"""Weights of the term and text models (log-odds per feature unit).

Written by benchmarks/train_specificity.py; do not edit by hand.
"""

TERM_BIAS = -9.5550
TERM = {
    "rarest": 0.4478,
    "mean_rarity": 1.1147,
    "head_rarity": 0.1912,
    "modifiers": 3.2759,
    "category_head": -2.4636,
    "collective_head": -0.7748,
    "plural_head": 0.6949,
    "kinds_below": -0.3148,
    "depth": 0.2168,
    "compounds": 0.3838,
    "unknown_noun": 0.0000,
    "conjunction": -2.7742,
    "year": 1.0000,
    "number": 1.0433,
    "code": 1.0000,
    "name": 4.5396,
}

TEXT_BIAS = -3.1069
TEXT = {
    "length": 1.2706,
    "common_words": -0.5333,
    "function_words": -2.8954,
    "quantities": 1.4469,
    "years": 1.0824,
    "names": 0.5924,
    "rare_words": -0.0599,
    "vague": -0.8272,
    "hedges": -0.3621,
    "pronouns": 0.5503,
    "quotes": 0.4594,
    "connective": -2.0886,
}
