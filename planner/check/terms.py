"""Audience-relative verdicts for tags: `too-broad`, `ok`, `specific` or `off-audience`.

The general score (planner.specificity) says how specific a term is in English; the
verdict says whether it is specific *for this audience*. "Camaro" is specific for a
general car blog and too broad for first-generation Camaro owners, whose niche it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from planner.audience import Audience
from planner.specificity import Signal, score_term, score_text
from planner.specificity.lexicon import STOPWORDS
from planner.specificity.names import NO_CONTEXT, NameContext
from planner.specificity.words import zipf
from planner.text import VOCABULARY_ZIPF, TermMatcher, normalize_term, tokens

Verdict = Literal["too-broad", "ok", "specific", "off-audience"]
VERDICTS: tuple[Verdict, ...] = ("too-broad", "off-audience", "ok", "specific")

SPECIFIC_SCORE = 0.5
"""General scores at or above this are specific in plain English."""
BROAD_SCORE = 0.1
"""General scores below this are too broad in plain English. Set from anchor terms:
'cars', 'tips', 'vehicles', 'travel' score under 0.07; 'Camaro', 'Z/28', 'sourdough'
over 0.1 (tests/test_check_terms.py holds it there)."""
BROADER_THAN_NICHE = 0.5
"""An unrelated term scoring at most this share of the niche's score is broader than
the niche ('cars' under a 'Camaro' niche); one nearer it is just off-audience."""
STEM_LENGTH = 6
"""Words sharing their first six letters count as related ("restore", "restoration")."""


@dataclass(frozen=True)
class TermVerdict:
    """A term's general score and what it means for the audience, with the reason."""

    term: str
    score: float
    verdict: Verdict
    reason: str
    signals: tuple[Signal, ...]


def stems(text: str) -> set[str]:
    """The content-word stems of `text`, for a cheap test of relatedness."""
    found = set()
    for token in tokens(text):
        word = normalize_term(token.text)
        if token.kind == "word" and len(word) > 2 and word not in STOPWORDS:
            found.add(word[:STEM_LENGTH])
        elif token.kind == "code":
            found.add(word)
    return found


class AudienceLens:
    """An audience profile prepared for judging many terms quickly.

    `names` is what the site's posts say about names (planner.check.vocabulary).
    """

    def __init__(self, audience: Audience, names: NameContext = NO_CONTEXT) -> None:
        self.audience = audience
        self.names = names
        self.too_broad = {normalize_term(t) for t in audience.too_broad}
        self.niche = {normalize_term(t): t for t in audience.niche}
        self.interests = {normalize_term(t): t for t in audience.interests}
        self.narrower = {
            normalize_term(child): broad
            for broad, children in audience.topics.items()
            for child in children
        }
        self.broad_topics = {
            normalize_term(b): b for b, children in audience.topics.items() if children
        }
        self.niche_score = min((score_term(t, names).score for t in audience.niche), default=None)
        self.vocabulary = self._vocabulary(audience)
        self.matcher = TermMatcher(
            [*audience.interests, *(c for children in audience.topics.values() for c in children)]
        )
        """Finds the profile's interests and the topic tree's narrower terms in a text."""
        self._verdicts: dict[str, TermVerdict] = {}

    @staticmethod
    def _vocabulary(audience: Audience) -> frozenset[str]:
        texts = [audience.name, audience.description, *audience.niche, *audience.interests]
        for broad, children in audience.topics.items():
            texts += [broad, *children]
        for persona in audience.personas:
            texts += [persona.name, persona.description]
        found = set().union(*(stems(t) for t in texts)) if texts else set()
        return frozenset(s for s in found if zipf(s) < VOCABULARY_ZIPF)

    @property
    def is_empty(self) -> bool:
        return self.audience.is_empty

    @property
    def name(self) -> str:
        return self.audience.name or "this audience"

    def related(self, term: str) -> bool:
        """True when a content word of `term` appears anywhere in the profile."""
        return bool(stems(term) & self.vocabulary)

    def is_audience_term(self, term: str) -> bool:
        """True for the profile's interests and the narrower terms of its topic tree."""
        key = normalize_term(term)
        return key in self.interests or key in self.narrower

    def judge(self, term: str) -> TermVerdict:
        """The verdict on `term` for this audience (general English without a profile)."""
        found = self._verdicts.get(term)
        if found is None:
            general = score_term(term, self.names)
            verdict, reason = self._verdict(term, general.score)
            found = TermVerdict(term, general.score, verdict, reason, general.signals)
            self._verdicts[term] = found
        return found

    def _verdict(self, term: str, score: float) -> tuple[Verdict, str]:
        key = normalize_term(term)
        if self.is_empty:
            return general_verdict(score)
        if key in self.too_broad:
            return "too-broad", f"the audience profile lists '{term}' as too broad"
        if key in self.interests:
            return "specific", f"'{self.interests[key]}' is an interest of {self.name}"
        if key in self.narrower:
            return "specific", f"a narrower topic under '{self.narrower[key]}' in the profile"
        if key in self.niche:
            return "too-broad", f"'{term}' is the niche itself: every post here is about it"
        if key in self.broad_topics:
            children = ", ".join(f"'{c}'" for c in self.audience.topics[self.broad_topics[key]][:3])
            return "too-broad", f"a broad topic in the profile (narrower: {children})"
        niche_words = [n for n in self.niche if set(key.split()) < set(n.split())]
        if niche_words:
            return "too-broad", f"broader than the niche '{self.niche[niche_words[0]]}'"
        if not any(set(n.split()) <= set(key.split()) for n in self.niche) and not self.related(
            term
        ):
            if self.niche_score is not None and score <= self.niche_score * BROADER_THAN_NICHE:
                return "too-broad", "unrelated to the profile and no narrower than its niche"
            return "off-audience", f"relates to nothing in the profile of {self.name}"
        narrowed = [b for b in self.broad_topics if set(b.split()) < set(key.split())]
        if narrowed:
            return "ok", f"narrower than the profile's topic '{self.broad_topics[narrowed[0]]}'"
        if score < BROAD_SCORE:
            return "too-broad", "too broad in general English"
        if score >= SPECIFIC_SCORE:
            return "specific", "specific in general English"
        return "ok", "narrower than the niche, but not one of the audience's interests"


def general_verdict(score: float) -> tuple[Verdict, str]:
    """The verdict relative to general English, for a site without a profile."""
    if score < BROAD_SCORE:
        return "too-broad", "too broad in general English"
    if score >= SPECIFIC_SCORE:
        return "specific", "specific in general English"
    return "ok", "neither broad nor specific in general English"


def judge_text(lens: AudienceLens, text: str) -> TermVerdict:
    """The verdict on a sentence or title: how specific, and whether it is on-audience."""
    general = score_text(text)
    verdict, reason = general_verdict(general.score)
    if not lens.is_empty and verdict != "too-broad" and not lens.related(text):
        verdict, reason = "off-audience", f"mentions nothing in the profile of {lens.name}"
    return TermVerdict(text, general.score, verdict, reason, general.signals)
