"""Weights of the term and text models (log-odds per feature unit).

Written by benchmarks/train_specificity.py; do not edit by hand.
"""

TERM_BIAS = -9.5959
TERM = {
    "rarest": 0.4180,
    "mean_rarity": 1.2055,
    "head_rarity": 0.1577,
    "modifiers": 3.3314,
    "category_head": -2.4596,
    "collective_head": -0.7763,
    "plural_head": 0.6927,
    "kinds_below": -0.3166,
    "depth": 0.2153,
    "compounds": 0.3823,
    "unknown_noun": 0.0000,
    "conjunction": -2.7764,
    "year": 1.0000,
    "number": 1.1622,
    "code": 1.0000,
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
