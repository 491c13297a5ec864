"""Names against their categories: does "Canon" score above "cameras"?

Reads benchmarks/data/names.tsv ((category, name) pairs in 17 domains, from the
Wikipedia lists cited in benchmarks/data/README.md) and prints the share of pairs where
the name scores above its category (ties count half), for the training part (used by
benchmarks/train_specificity.py) and the held-out part (7 domains never used in any
fit), in three settings:

- as written: the category in lower case, the name as it is spelled, the way a writer
  tags; the set's own spelling says capitals mark names (planner.specificity.names);
- general English: no context at all (Title Case tags would look like this);
- with the site's posts: a site whose posts write each name with a capital and each
  category in lower case mid-sentence (what `planner check` learns from the posts).

    python benchmarks/eval_names.py [--errors N]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from planner.specificity import score_term
from planner.specificity.names import NO_CONTEXT, NameContext, capitals_mark_names

NAMES = Path(__file__).resolve().parent / "data" / "names.tsv"


def load_names(split: str | None = None) -> list[tuple[str, str]]:
    """(category, name) pairs of one split ("train" or "held-out"), or all of them."""
    with NAMES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [(r["category"], r["name"]) for r in rows if split in (None, r["split"])]


def as_written(pairs: list[tuple[str, str]]) -> NameContext:
    """The context a writer's own tags give: how they spell common nouns."""
    return NameContext(capitals_mark_names=capitals_mark_names(t for p in pairs for t in p))


def from_posts(pairs: list[tuple[str, str]]) -> NameContext:
    """A site whose posts capitalise the names and not the categories, mid-sentence."""
    lower = {w.lower() for category, _ in pairs for w in category.split()}
    capital = {w.lower() for _, name in pairs for w in name.split()} - lower
    return NameContext(frozenset(capital), frozenset(lower), capitals_mark_names=True)


SETTINGS = {
    "as written": as_written,
    "general English": lambda pairs: NO_CONTEXT,
    "with the site's posts": from_posts,
}


def accuracy(pairs: list[tuple[str, str]], context: NameContext) -> float:
    """Share of pairs where the name scores above its category; ties count half."""
    total = 0.0
    for category, name in pairs:
        low, high = score_term(category, context).score, score_term(name, context).score
        total += 1.0 if high > low else 0.5 if high == low else 0.0
    return total / len(pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print N held-out mistakes")
    args = parser.parse_args()
    splits = {"train": load_names("train"), "held-out": load_names("held-out")}
    print(f"{'setting':<24} {'train':>8} {'held-out':>9}")
    print(f"{'(pairs)':<24} {len(splits['train']):>8} {len(splits['held-out']):>9}")
    everything = load_names()
    for label, make in SETTINGS.items():
        context = make(everything)
        row = [accuracy(pairs, context) for pairs in splits.values()]
        print(f"{label:<24} {row[0]:>8.3f} {row[1]:>9.3f}")
    if args.errors:
        context = as_written(everything)
        pairs = splits["held-out"]
        margin = sorted(
            pairs,
            key=lambda p: score_term(p[1], context).score - score_term(p[0], context).score,
        )
        print("\nheld-out mistakes, as written (category score, name score):")
        for category, name in margin[: args.errors]:
            low, high = score_term(category, context).score, score_term(name, context).score
            if high <= low:
                print(f"  {low:.3f} {category!r:26} {high:.3f} {name!r}")


if __name__ == "__main__":
    main()
