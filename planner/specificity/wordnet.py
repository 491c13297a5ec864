"""How general a noun is, from WordNet 3.0: its depth, the kinds below it, its compounds.

The table (planner/specificity/data/wordnet_nouns.tsv.gz, built by
scripts/build_wordnet_table.py; WordNet licence beside it) covers ~118k noun lemmas,
multi-word ones included ("wine glass"). It loads on first use.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Noun:
    """A WordNet noun (most frequent sense) as matched: its depth, log2(1 + kinds below),
    and log2(1 + longer noun lemmas ending in it)."""

    lemma: str
    depth: int
    kinds: float
    compounds: float


@cache
def _table() -> dict[str, tuple[int, float, float]]:
    data = resources.files("planner.specificity") / "data" / "wordnet_nouns.tsv.gz"
    table: dict[str, tuple[int, float, float]] = {}
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        next(fh)  # header
        for line in fh:
            lemma, depth, kinds, compounds = line.rstrip("\n").split("\t")
            table[lemma] = (int(depth), float(kinds), float(compounds))
    return table


def singular_forms(word: str) -> tuple[str, ...]:
    """`word` and the singulars it may be the plural of ("boxes" -> "boxe", "box")."""
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("ves") and len(word) > 4:
        forms += [word[:-3] + "f", word[:-3] + "fe"]
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return tuple(forms)


def head_noun(words: list[str]) -> Noun | None:
    """The longest final run of `words` (lower case) that WordNet knows as a noun.

    "oxygen sensors" finds "oxygen sensor"; "motor vehicle exhaust" finds "exhaust".
    """
    table = _table()
    if not words:
        return None
    last = words[-1]
    for start in range(len(words)):
        prefix = " ".join(words[start:-1])
        for form in singular_forms(last):
            lemma = f"{prefix} {form}" if prefix else form
            found = table.get(lemma)
            if found is not None:
                return Noun(lemma, *found)
    return None
