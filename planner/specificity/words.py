"""Word data: English word frequencies (wordfreq), loaded on first use.

Tokens, term matching and the zipf cut-offs the rules share are in `planner.text`.

wordfreq's own `zipf_frequency` tokenises every call; scoring a post looks up
thousands of words, so plain alphabetic words are read straight from its frequency
table (same numbers) and every answer is cached per lower-cased word.
"""

from __future__ import annotations

import math
from functools import cache

WORDLIST = "large"
"""wordfreq's English 'large' list (~320k words, ~60 MB): it still tells rare words
apart (zipf down to 1), where 'small' floors everything below zipf 3."""


@cache
def _frequencies() -> dict[str, float]:
    import wordfreq  # heavy: imported on first use only

    return wordfreq.get_frequency_dict("en", wordlist=WORDLIST)


_ZIPF: dict[str, float] = {}


def zipf(word: str) -> float:
    """English frequency of `word` on the zipf scale (0 = unseen, 7 = "the"), cached."""
    key = word.lower()
    found = _ZIPF.get(key)
    if found is not None:
        return found
    if key.isalpha():
        freq = _frequencies().get(key, 0.0)
        value = round(math.log10(freq) + 9, 2) if freq > 0 else 0.0
    else:
        import wordfreq

        _frequencies()
        value = wordfreq.zipf_frequency(key, "en", wordlist=WORDLIST)
    _ZIPF[key] = value
    return value
