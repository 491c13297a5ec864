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
from eval_names import as_written, load_names
from eval_specificity import DEFAULT_DATA, load_pairs, load_sentences

from planner.specificity.names import NO_CONTEXT, NameContext
from planner.specificity.term import term_features
from planner.specificity.text import text_features

WEIGHTS = Path(__file__).resolve().parents[1] / "planner" / "specificity" / "weights.py"
C = 1.0
"""Inverse regularisation strength (scikit-learn's C), the same for both models."""
FOLDS = KFold(5, shuffle=True, random_state=0)
TERM_PRIORS = {"year": 1.0, "code": 1.0, "number": 0.5, "unknown_noun": 0.0, "name": 0.0}
"""Lower bounds on term weights the development taxonomy cannot teach: it has no years,
model or part codes, and few names. Structurally, adding a year or a code to a term
narrows it ("1968 Camaro" < "Camaro"), and a word WordNet does not know is a name or a
term of art, never evidence that a term is broad; a name is never evidence either.

Besides the development pairs, the term model sees the training part of the names set
(benchmarks/data/names.tsv, category -> name, as a writer spells them); its held-out
domains stay out of the fit (benchmarks/eval_names.py reports them)."""

Pair = tuple[str, str, NameContext]
"""(broader, narrower, the context both are scored in)."""


def pair_accuracy(margin: np.ndarray) -> float:
    return float(((margin > 0) + 0.5 * (margin == 0)).mean())


def fit_term(pairs: list[Pair], dev: int) -> tuple[list[str], np.ndarray, float]:
    """Fit on `pairs`; the first `dev` are the development pairs, the rest names pairs.

    Every weight but the name weight is fitted on the development pairs alone, as before
    the names set existed; the name weight is then fitted on the names pairs with the
    other weights held (so the names cannot pull the general weights their way).
    """
    names = list(term_features(""))
    keys = {(t, c) for b, n, c in pairs for t in (b, n)}
    rows = {(t, c): np.array([term_features(t, c)[k] for k in names]) for t, c in keys}
    diff = np.array([rows[n, c] - rows[b, c] for b, n, c in pairs])
    general, named = diff[:dev], diff[dev:]
    at = names.index("name")
    floors = np.array([TERM_PRIORS.get(k, -np.inf) for k in names])

    def fit(d: np.ndarray) -> np.ndarray:
        model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000)
        model.fit(np.vstack([d, -d]), np.r_[np.ones(len(d)), np.zeros(len(d))])
        return np.maximum(model.coef_[0], floors)

    cv = [
        pair_accuracy(general[test] @ fit(general[train])) for train, test in FOLDS.split(general)
    ]
    coef = fit(general)
    coef[at] = max(fit_one(named[:, at], named @ coef - named[:, at] * coef[at]), floors[at])
    print(
        f"term model: development pairs in-sample {pair_accuracy(general @ coef):.3f}, "
        f"5-fold CV {np.mean(cv):.3f}; names (train part) {pair_accuracy(named @ coef):.3f}"
    )
    dev_terms = {(t, NO_CONTEXT) for b, n, _ in pairs[:dev] for t in (b, n)}
    bias = -float(np.median(np.array([rows[k] for k in dev_terms]) @ coef))
    return names, coef, bias


def fit_one(x: np.ndarray, offset: np.ndarray) -> float:
    """The weight w of one feature in a pairwise logistic model with a fixed `offset`
    (the other features' margin), L2-penalised like scikit-learn's C (Newton steps)."""
    w = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-(offset + w * x)))
        grad = -np.sum((1 - p) * x) + w / C
        hess = np.sum(p * (1 - p) * x * x) + 1 / C
        w -= grad / hess
    return float(w)


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
    dev = [(b, n, NO_CONTEXT) for b, n in load_pairs(args.data)]
    names = load_names("train")
    context = as_written(load_names())
    term = fit_term(dev + [(c, n, context) for c, n in names], len(dev))
    text = fit_text(load_sentences(args.data))
    for names, coef, _ in (term, text):
        print("  " + ", ".join(f"{k} {v:+.2f}" for k, v in zip(names, coef, strict=True)))
    if not args.dry_run:
        WEIGHTS.write_text(render(term, text), encoding="utf-8")
        print(f"wrote {WEIGHTS}")


if __name__ == "__main__":
    main()
