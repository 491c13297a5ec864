"""Audience-independent specificity: how specific a term or a text is in general English.

`score_term("1968 Camaro")` and `score_text("The M21 has a 2.20 first gear.")` return a
`Score` in [0, 1] (higher = more specific) with the `Signal`s behind it, each with a
note a writer can read. Word data loads lazily on the first call, so importing this
package stays cheap.
"""

from planner.specificity.model import Score, Signal
from planner.specificity.term import score_term
from planner.specificity.text import score_text
from planner.specificity.words import zipf

__all__ = ["Score", "Signal", "score_term", "score_text", "zipf"]
