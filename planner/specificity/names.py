"""Which words of a term are names: makes, brands, models, people, places.

A name is a particular thing however common its word is in English ("Apple", "Canon",
"Fender"), so the term scorer must not judge it by the common noun WordNet files under
the same spelling (the fruit, the church law, the car part). The evidence, in order:

- the site's own posts: a word the writer capitalises mid-sentence is a name on this
  site; one the posts write in lower case is not, however a tag spells it;
- the term's spelling: a capitalised word that does not start the term, in a term that
  also has lower-case words ("the Hurst shifter", "rebuilt by Muncie"); an inner capital
  ("iPhone", "McLaren"); a capitalised word next to a model code ("Muncie M21"); and,
  when the writer's tags show that they write common nouns in lower case, a
  capitalised tag ("Apple" beside "computers");
- WordNet 3.0: a noun whose most frequent sense is a name ("Gibson", "Toyota", "Paris").

Title Case tags ("Baby & Toddler Shoes") say nothing: every word is capitalised.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

from planner.specificity.lexicon import STOPWORDS
from planner.text import Token, tokens

LOWERCASE_SHARE = 0.2
"""A writer whose tags start in lower case this often writes common nouns in lower case:
their capitalised tags are names."""


@dataclass(frozen=True)
class NameContext:
    """What a site's own writing says about names (lower-cased words)."""

    capitalised: frozenset[str] = frozenset()
    """Words the site's posts write with a capital in mid-sentence."""
    lowercase: frozenset[str] = frozenset()
    """Words the site's posts write in lower case in mid-sentence."""
    capitals_mark_names: bool = False
    """The writer's tags keep common nouns in lower case, so a capitalised tag is a name."""


NO_CONTEXT = NameContext()


@cache
def _wordnet_names() -> frozenset[str]:
    data = resources.files("planner.specificity") / "data" / "wordnet_names.txt.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        return frozenset(line.rstrip("\n") for line in fh if not line.startswith("#"))


def is_wordnet_name(word: str) -> bool:
    """True when WordNet's most frequent sense of `word` is a name ("Gibson", "Paris")."""
    return word.lower() in _wordnet_names()


def capitals_mark_names(terms: Iterable[str]) -> bool:
    """True when the writer of `terms` (a site's tags) keeps common nouns in lower case."""
    initials = [t.strip()[0] for t in terms if t.strip() and t.strip()[0].isalpha()]
    lower = sum(1 for c in initials if c.islower())
    return lower >= 2 and lower >= LOWERCASE_SHARE * len(initials)


def _content(token: Token) -> bool:
    return token.kind == "word" and token.text.lower() not in STOPWORDS


def name_words(toks: Sequence[Token], context: NameContext = NO_CONTEXT) -> dict[int, str]:
    """The positions in `tokens` that are names, each with why, in words a writer reads."""
    content = [t for t in toks if _content(t)]
    has_lower = any(t.text[0].islower() for t in content)
    # A capitalised tag is a name where the writer keeps common nouns in lower case,
    # unless it is Title Case over a plural head ("Baby & Toddler Shoes"): a category.
    plural = bool(content) and content[-1].text.endswith("s") and len(content) > 1
    tag_name = context.capitals_mark_names and not plural
    tag_name = tag_name and all(t.text[0].isupper() for t in content)
    found: dict[int, str] = {}
    for i, token in enumerate(toks):
        if not _content(token):
            continue
        text, low = token.text, token.text.lower()
        if low in context.lowercase:
            continue  # the site writes it as a common noun
        capital = text[0].isupper()
        if low in context.capitalised:
            found[i] = f"the site's posts write '{text}' with a capital mid-sentence: a name"
        elif _inner_capital(text):
            found[i] = f"'{text}' is spelled like a name"
        elif capital and i > 0 and has_lower:
            found[i] = f"'{text}' is capitalised inside the term: a name"
        elif capital and tag_name:
            found[i] = f"'{text}' is capitalised where the site's tags are lower case: a name"
        elif capital and i + 1 < len(toks) and toks[i + 1].kind == "code" and not plural:
            code = toks[i + 1].text
            found[i] = f"'{text}' stands next to the model code '{code}': a make or model"
        elif low in _wordnet_names():
            found[i] = f"WordNet knows '{text}' as a name"
    return found


def _inner_capital(word: str) -> bool:
    """A capital after a lower-case letter ("iPhone", "McLaren", "PlayStation"); not an
    acronym ("SLRs") nor a capital after a hyphen ("Blu-Ray", "E-Book")."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word)) and not (
        word.rstrip("s").isupper()
    )


def term_names(term: str, context: NameContext = NO_CONTEXT) -> dict[str, str]:
    """The names in `term`, each with why (for `planner score` and tests)."""
    toks = tokens(term)
    return {toks[i].text: why for i, why in name_words(toks, context).items()}
