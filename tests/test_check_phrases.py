"""Key phrases: a post naming thousands of things is judged by its most mentioned ones."""

from __future__ import annotations

from planner.audience import Audience
from planner.check.phrases import MAX_KEY_PHRASES, key_phrases, profile_mentions
from planner.check.prose import paragraphs
from planner.check.terms import AudienceLens
from planner.text import prose_lines, tokens


def test_phrases_are_capped_and_the_most_mentioned_come_first():
    names = " ".join(f"Zorblax{n} Quux{n}." for n in range(2 * MAX_KEY_PHRASES))
    body = paragraphs(prose_lines(f"{names}\n\n{names}\n\nZorblax7 Quux7 again.\n", 1))
    lens, title = AudienceLens(Audience()), tokens("Notes")
    phrases = key_phrases(lens, title, body, profile_mentions(lens, title, body))
    assert len(phrases) <= MAX_KEY_PHRASES
    assert phrases[0].text == "Zorblax7 Quux7" and phrases[0].count == 3
