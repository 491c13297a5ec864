"""Key phrases: the specific things a post is really about, counted, for suggestions.

Candidates are the audience's own terms (interests and the narrower terms of its topic
tree) and runs of names and codes in the prose ("Muncie M21", "1968 Camaro Sports
Coupe", "ZL2"). A keyword extractor (YAKE, KeyBERT) would rank ordinary noun phrases
too; what a niche post needs as a tag is the named, coded thing, which this finds
directly and explains ("mentioned 4 times").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from planner.audience import mentions, normalize_term
from planner.check.prose import starts_sentence
from planner.check.terms import AudienceLens
from planner.specificity.lexicon import STOPWORDS
from planner.specificity.words import Token, tokenize, zipf

COMMON_ZIPF = 5.0
"""A capitalised word this common ("The", "When") is not part of a name."""
ORDINARY_ZIPF = 3.0
"""A capitalised ordinary word ("Rebuilding") starting a sentence is not a name."""


@dataclass(frozen=True)
class KeyPhrase:
    """A specific phrase found in a post and how often the post mentions it."""

    text: str
    count: int
    from_profile: bool

    @property
    def times(self) -> str:
        return "once" if self.count == 1 else f"{self.count} times"

    def describe(self) -> str:
        return f"'{self.text}' {self.times}"


def key_phrases(
    lens: AudienceLens, title: str, prose: str, exclude: Iterable[str] = ()
) -> list[KeyPhrase]:
    """The post's key phrases, most mentioned first; terms in `exclude` are left out.

    Profile terms count when mentioned at all; phrases found only in the prose need two
    mentions, so a passing name does not become a suggested tag.
    """
    text = f"{title}\n{prose}"
    excluded = {normalize_term(t) for t in exclude} | lens.too_broad | set(lens.niche)
    found: dict[str, KeyPhrase] = {}
    topics = lens.audience.topics.values()
    for term in (*lens.audience.interests, *(child for children in topics for child in children)):
        key = normalize_term(term)
        if key in excluded or key in found or key in lens.broad_topics:
            continue
        count = mentions(text, term)
        if count:
            found[key] = KeyPhrase(term, count, True)
    for run, count in _name_runs(text).items():
        key = normalize_term(run)
        if key not in excluded and key not in found and count >= 2:
            found[key] = KeyPhrase(run, mentions(text, run) or count, False)
    phrases = _drop_contained(list(found.values()))
    return sorted(phrases, key=lambda p: (-p.count, not p.from_profile, -len(p.text), p.text))


def _name_runs(text: str) -> Counter[str]:
    """Runs of adjacent names, codes and years in `text`, with how often each occurs."""
    runs: Counter[str] = Counter()
    for line in text.split("\n"):
        tokens = tokenize(line)
        current: list[Token] = []
        for token in tokens:
            adjacent = current and _gap(line, current[-1], token) in {" ", "-", "/"}
            if _is_name_part(token) and (not current or adjacent):
                current.append(token)
                continue
            _close(line, current, runs)
            current = [token] if _is_name_part(token) else []
        _close(line, current, runs)
    return runs


def _gap(line: str, left: Token, right: Token) -> str:
    return line[left.start + len(left.text) : right.start]


def _is_name_part(token: Token) -> bool:
    if token.kind == "code":
        return True
    if token.kind == "num":
        return len(token.text) == 4 and token.text.isdigit()  # a year or a four-digit model
    return token.kind == "word" and token.text[0].isupper() and token.text.lower() not in STOPWORDS


def _close(line: str, run: list[Token], runs: Counter[str]) -> None:
    """Count `run` if it names something: a code, or a name that is not a common word."""
    while (
        run
        and run[0].kind == "word"
        and (
            zipf(run[0].text) >= COMMON_ZIPF
            or (starts_sentence(line, run[0].start) and zipf(run[0].text) >= ORDINARY_ZIPF)
        )
    ):
        run.pop(0)
    if not run:
        return
    if not any(t.kind == "word" or (t.kind == "code" and t.text[0].isalpha()) for t in run):
        return  # a bare year, size or ordinal: "1968", "14x7", "2nd"
    if len(run) == 1 and run[0].kind == "word" and zipf(run[0].text) >= ORDINARY_ZIPF:
        return  # a capitalised ordinary word
    start, end = run[0].start, run[-1].start + len(run[-1].text)
    runs[line[start:end]] += 1
    run.clear()


def _drop_contained(phrases: list[KeyPhrase]) -> list[KeyPhrase]:
    """Leave out a phrase inside a longer one mentioned as often ("Sports Coupe")."""
    kept = []
    for phrase in phrases:
        key = f" {normalize_term(phrase.text)} "
        if not any(
            other is not phrase
            and other.count >= phrase.count
            and key in f" {normalize_term(other.text)} "
            and len(other.text) > len(phrase.text)
            for other in phrases
        ):
            kept.append(phrase)
    return kept
