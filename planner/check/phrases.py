"""Key phrases: the specific things a post is really about, counted, for suggestions.

Candidates are the audience's own terms (interests and the narrower terms of its topic
tree) and runs of names and codes in the prose ("Muncie M21", "1968 Camaro Sports
Coupe", "ZL2"). A keyword extractor (YAKE, KeyBERT) would rank ordinary noun phrases
too; what a niche post needs as a tag is the named, coded thing, which this finds
directly and explains ("mentioned 4 times").
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.audience import normalize_term
from planner.check.prose import Paragraph, ProseToken, tokens
from planner.check.terms import AudienceLens
from planner.specificity.lexicon import STOPWORDS
from planner.specificity.words import zipf

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


RUN_GAPS = frozenset({" ", "-", "/"})
"""What may stand between two parts of one name: 'Muncie M21', 'Hydra-Matic', 'Z/28'."""
_NORMAL_WORDS: dict[str, str] = {}


def _words(prose: Sequence[ProseToken]) -> list[str]:
    """Tokens as comparison words: case-folded, singular (see `normalize_term`)."""
    normal = _NORMAL_WORDS
    return [normal.get(t.text) or _normalize(t.text) for t in prose]


def _normalize(word: str) -> str:
    normal = _NORMAL_WORDS[word] = normalize_term(word)
    return normal


class TermCounter:
    """Counts mentions of many terms in one pass over a text's tokens.

    Running one regex per term over a 1,500-word post for each of fifty profile terms
    costs milliseconds; looking each word up among the terms' first words costs
    microseconds. Matching is as lenient as `normalize_term`: case, hyphens, plural -s.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        self.index = {tuple(_words(tokens(term))): term for term in terms if tokens(term)}
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in self.index:
            self.by_first.setdefault(key[0], []).append(key)

    def count(self, prose: Sequence[ProseToken]) -> Counter[str]:
        words = _words(prose)
        by_first = self.by_first
        counts: Counter[str] = Counter()
        for i in [i for i, word in enumerate(words) if word in by_first]:
            for key in by_first[words[i]]:
                if tuple(words[i : i + len(key)]) == key:
                    counts[self.index[key]] += 1
        return counts


MAX_KEY_PHRASES = 300
"""Only this many of the most mentioned phrases are compared with each other (every
pair is compared): a post naming thousands of things is judged by its top ones."""


@functools.cache
def _profile_counter(terms: tuple[str, ...]) -> TermCounter:
    return TermCounter(terms)


def key_phrases(
    lens: AudienceLens, title: str, body: Sequence[Paragraph], exclude: Iterable[str] = ()
) -> list[KeyPhrase]:
    """The post's key phrases, most mentioned first; terms in `exclude` are left out.

    Profile terms count when mentioned at all; phrases found only in the prose need two
    mentions, so a passing name does not become a suggested tag.
    """
    excluded = {normalize_term(t) for t in exclude} | lens.too_broad | set(lens.niche)
    topics = lens.audience.topics
    terms = (
        *lens.audience.interests,
        *(child for children in topics.values() for child in children),
    )
    counter = _profile_counter(terms)
    title_tokens = tokens(title)
    counts = counter.count(title_tokens)
    for paragraph in body:
        counts.update(counter.count(paragraph.tokens))
    found: dict[str, KeyPhrase] = {}
    for term, count in counts.items():
        key = normalize_term(term)
        if key not in excluded and key not in found and key not in lens.broad_topics:
            found[key] = KeyPhrase(term, count, True)
    runs = _name_runs(title_tokens)
    for paragraph in body:
        runs.update(_name_runs(paragraph.tokens))
    for run, count in runs.items():
        key = normalize_term(run)
        if key not in excluded and key not in found and count >= 2:
            found[key] = KeyPhrase(run, count, False)
    ranked = sorted(found.values(), key=_rank)[:MAX_KEY_PHRASES]
    return sorted(_drop_contained(ranked), key=_rank)


def _rank(phrase: KeyPhrase) -> tuple[int, bool, int, str]:
    """Most mentioned first, then profile terms, then longer phrases."""
    return (-phrase.count, not phrase.from_profile, -len(phrase.text), phrase.text)


def _name_runs(prose: Sequence[ProseToken]) -> Counter[str]:
    """Runs of adjacent names, codes and years in `prose`, with how often each occurs."""
    runs: Counter[str] = Counter()
    current: list[ProseToken] = []
    for token in prose:
        sep, text, kind, _ = token  # unpacked: the hot loop
        part = kind == "code" or (
            (kind == "word" and text[0].isupper() and text.lower() not in STOPWORDS)
            or (kind == "num" and len(text) == 4)  # a year or a four-digit model
        )
        if part and (not current or sep in RUN_GAPS):
            current.append(token)
            continue
        if current:
            _close(current, runs)
        current = [token] if part else []
    if current:
        _close(current, runs)
    return runs


def _close(run: list[ProseToken], runs: Counter[str]) -> None:
    """Count `run` if it names something: a code, or a name that is not a common word."""
    while (
        run
        and run[0].kind == "word"
        and (
            zipf(run[0].text) >= COMMON_ZIPF
            or (run[0].opens and zipf(run[0].text) >= ORDINARY_ZIPF)
        )
    ):
        run.pop(0)
    if not run:
        return
    if not any(t.kind == "word" or (t.kind == "code" and t.text[0].isalpha()) for t in run):
        return  # a bare year, size or ordinal: "1968", "14x7", "2nd"
    if len(run) == 1 and run[0].kind == "word" and zipf(run[0].text) >= ORDINARY_ZIPF:
        return  # a capitalised ordinary word
    runs[run[0].text + "".join(t.sep + t.text for t in run[1:])] += 1


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
