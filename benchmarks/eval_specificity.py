"""Quality of the specificity scores on the development data.

Prints pairwise accuracy on broader/narrower term pairs (ties count half) and the
AUC of general-versus-specific sentences, for the shipped scorer, two baselines
(word frequency alone, sentence length alone) and each signal left out in turn.

    python benchmarks/eval_specificity.py [--data DIR] [--errors N]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from wordfreq import zipf_frequency

from planner.specificity import score_term, score_text, weights
from planner.specificity.term import term_features
from planner.specificity.text import text_features
from planner.text import tokens

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "specificity"


def load_pairs(data: Path) -> list[tuple[str, str]]:
    """(broad, narrow) term pairs."""
    with (data / "dev_term_pairs.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [(r["broad"], r["narrow"]) for r in rows]


def load_sentences(data: Path) -> list[tuple[str, bool]]:
    """(sentence, is_specific) rows."""
    with (data / "dev_sentences.tsv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(r["sentence"], r["label"] == "specific") for r in reader]


def pairwise_accuracy(pairs: Sequence[tuple[str, str]], score: Callable[[str], float]) -> float:
    """Share of pairs where the narrow term scores higher; ties count half."""
    total = 0.0
    for broad, narrow in pairs:
        b, n = score(broad), score(narrow)
        total += 1.0 if n > b else 0.5 if n == b else 0.0
    return total / len(pairs)


def auc(rows: Sequence[tuple[str, bool]], score: Callable[[str], float]) -> float:
    """Area under the ROC curve (Mann-Whitney, ties count half)."""
    scored = sorted((score(text), label) for text, label in rows)
    rank_sum, i = 0.0, 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        mid_rank = (i + j + 1) / 2  # average 1-based rank of the tied block
        rank_sum += mid_rank * sum(label for _, label in scored[i:j])
        i = j
    pos = sum(label for _, label in rows)
    neg = len(rows) - pos
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def frequency_baseline(text: str) -> float:
    """Rarity of the words alone: minus wordfreq's zipf frequency of the whole phrase."""
    return -zipf_frequency(text, "en")


def length_baseline(text: str) -> float:
    """Number of tokens."""
    return float(len(tokens(text)))


def without(features: Callable, bias: float, table: dict[str, float], left_out: str):
    """A scorer using the model's weights with one feature left out."""

    def score(text: str) -> float:
        found = features(text)
        found = found[0] if isinstance(found, tuple) else found
        logit = bias + sum(table[k] * v for k, v in found.items() if k != left_out)
        return 1 / (1 + math.exp(-logit))

    return score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--errors", type=int, default=0, help="print the N worst mistakes")
    args = parser.parse_args()
    pairs, sentences = load_pairs(args.data), load_sentences(args.data)

    rows = [
        (
            "specificity scorer",
            pairwise_accuracy(pairs, lambda t: score_term(t).score),
            auc(sentences, lambda t: score_text(t).score),
        ),
        (
            "word frequency alone (wordfreq)",
            pairwise_accuracy(pairs, frequency_baseline),
            auc(sentences, frequency_baseline),
        ),
        (
            "length alone (tokens)",
            pairwise_accuracy(pairs, length_baseline),
            auc(sentences, length_baseline),
        ),
    ]
    print(f"{'scorer':<34} {'pairwise acc':>12} {'sentence AUC':>12}")
    print(f"{'(targets)':<34} {'>= 0.92':>12} {'>= 0.88':>12}")
    for name, acc, area in rows:
        print(f"{name:<34} {acc:>12.3f} {area:>12.3f}")
    print(f"\n{'term model without':<34} {'pairwise acc':>12}")
    for name in weights.TERM:
        scorer = without(term_features, weights.TERM_BIAS, weights.TERM, name)
        print(f"{'  - ' + name:<34} {pairwise_accuracy(pairs, scorer):>12.3f}")
    print(f"\n{'text model without':<34} {'sentence AUC':>12}")
    for name in weights.TEXT:
        scorer = without(text_features, weights.TEXT_BIAS, weights.TEXT, name)
        print(f"{'  - ' + name:<34} {auc(sentences, scorer):>12.3f}")
    if args.errors:
        mistakes = sorted(pairs, key=lambda p: score_term(p[1]).score - score_term(p[0]).score)
        print("\nworst term pairs (broad > narrow):")
        for broad, narrow in mistakes[: args.errors]:
            low, high = score_term(broad).score, score_term(narrow).score
            print(f"  {low:.3f} {broad!r:40} {high:.3f} {narrow!r}")


if __name__ == "__main__":
    main()
