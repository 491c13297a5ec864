"""Fit the term and text models on the development data and write their weights.

Both are logistic regressions over a handful of general features (planner/specificity/
term.py and text.py). The term model learns from broader/narrower pairs: it sees the
feature difference narrow - broad (and the reverse, labelled 0) without an intercept;
the intercept is then set so the median development term scores 0.5. The text model
is a plain logistic regression on general/specific sentences. Prints in-sample and
5-fold cross-validated numbers, then rewrites planner/specificity/weights.py.

    python benchmarks/train_specificity.py [--data DIR] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_specificity import DEFAULT_DATA, load_pairs, load_sentences

from planner.specificity.term import term_features
from planner.specificity.text import text_features

WEIGHTS = Path(__file__).resolve().parents[1] / "planner" / "specificity" / "weights.py"
C = 1.0
"""Inverse regularisation strength (scikit-learn's C), the same for both models."""
FOLDS = KFold(5, shuffle=True, random_state=0)
TERM_PRIORS = {"year": 1.0, "code": 1.0, "number": 0.5, "unknown_noun": 0.0}
"""Lower bounds on term weights the development taxonomy cannot teach: it has no years,
model or part codes, and few names. Structurally, adding a year or a code to a term
narrows it ("1968 Camaro" < "Camaro"), and a word WordNet does not know is a name or a
term of art, never evidence that a term is broad."""


def pair_accuracy(margin: np.ndarray) -> float:
    return float(((margin > 0) + 0.5 * (margin == 0)).mean())


def fit_term(pairs: list[tuple[str, str]]) -> tuple[list[str], np.ndarray, float]:
    names = list(term_features(""))
    terms = sorted({t for pair in pairs for t in pair})
    rows = {t: np.array([term_features(t)[k] for k in names]) for t in terms}
    diff = np.array([rows[n] - rows[b] for b, n in pairs])

    floors = np.array([TERM_PRIORS.get(k, -np.inf) for k in names])

    def fit(d: np.ndarray) -> np.ndarray:
        model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000)
        model.fit(np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))])
        return np.maximum(model.coef_[0], floors)

    cv = [pair_accuracy(diff[test] @ fit(diff[train])) for train, test in FOLDS.split(diff)]
    coef = fit(diff)
    print(
        f"term model: pairwise accuracy in-sample {pair_accuracy(diff @ coef):.3f}, "
        f"5-fold CV {np.mean(cv):.3f}"
    )
    bias = -float(np.median(np.array(list(rows.values())) @ coef))
    return names, coef, bias


def fit_text(sentences: list[tuple[str, bool]]) -> tuple[list[str], np.ndarray, float]:
    names = list(text_features("")[0])
    x = np.array([[text_features(t)[0][k] for k in names] for t, _ in sentences])
    y = np.array([label for _, label in sentences])
    cv = np.zeros(len(y))
    for train, test in FOLDS.split(x):
        model = LogisticRegression(C=C, max_iter=2000).fit(x[train], y[train])
        cv[test] = model.decision_function(x[test])
    model = LogisticRegression(C=C, max_iter=2000).fit(x, y)
    print(
        f"text model: AUC in-sample {roc_auc_score(y, model.decision_function(x)):.3f}, "
        f"5-fold CV {roc_auc_score(y, cv):.3f}"
    )
    return names, model.coef_[0], float(model.intercept_[0])


def render(term: tuple, text: tuple) -> str:
    def table(name: str, names: list[str], coef: np.ndarray) -> str:
        body = "".join(f"    {k!r}: {v:.4f},\n" for k, v in zip(names, coef, strict=True))
        return f"{name} = {{\n{body}}}\n"

    return (
        '"""Weights of the term and text models (log-odds per feature unit).\n\n'
        "Written by benchmarks/train_specificity.py; do not edit by hand.\n"
        '"""\n\n'
        f"TERM_BIAS = {term[2]:.4f}\n{table('TERM', term[0], term[1])}\n"
        f"TEXT_BIAS = {text[2]:.4f}\n{table('TEXT', text[0], text[1])}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--dry-run", action="store_true", help="print, do not write weights")
    args = parser.parse_args()
    term = fit_term(load_pairs(args.data))
    text = fit_text(load_sentences(args.data))
    for names, coef, _ in (term, text):
        print("  " + ", ".join(f"{k} {v:+.2f}" for k, v in zip(names, coef, strict=True)))
    if not args.dry_run:
        WEIGHTS.write_text(render(term, text), encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
