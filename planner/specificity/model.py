"""The result types shared by the term and text scorers, and the logistic link."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Signal:
    """One reason behind a score.

    `value` is the signal's contribution to the score's log-odds: positive pushes
    towards specific, negative towards general, 0 means it did not fire.
    """

    name: str
    value: float
    note: str


@dataclass(frozen=True)
class Score:
    """A specificity score in [0, 1] (higher = more specific) and its signals."""

    text: str
    score: float
    signals: tuple[Signal, ...]


def logistic(logit: float) -> float:
    """Map log-odds to [0, 1] without overflow."""
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    e = math.exp(logit)
    return e / (1.0 + e)


def weigh(
    features: Mapping[str, float],
    weights: Mapping[str, float],
    bias: float,
    note: Callable[[str], str],
) -> tuple[float, tuple[Signal, ...]]:
    """A linear model's score for `features`, and a signal for each feature that fired."""
    logit = bias
    signals: list[Signal] = []
    for name, value in features.items():
        contribution = weights[name] * value
        logit += contribution
        if value:
            signals.append(Signal(name, round(contribution, 3), note(name)))
    return round(logistic(logit), 4), tuple(signals)
