"""Key phrases: the specific things a post is really about, counted, for suggestions.

Candidates are the audience's own terms (interests and the narrower terms of its topic
tree) and runs of names and codes in the prose ("Muncie M21", "1968 Camaro Sports
Coupe", "ZL2"). A keyword extractor (YAKE, KeyBERT) would rank ordinary noun phrases
too; what a niche post needs as a tag is the named, coded thing, which this finds
directly and explains ("mentioned 4 times").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from planner.check.prose import Paragraph
from planner.check.terms import AudienceLens
from planner.specificity.lexicon import STOPWORDS
from planner.specificity.words import zipf
from planner.text import NAME_RUN_ZIPF, RARE_ZIPF, Token, normalize_term


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


@dataclass(frozen=True)
class Mentions:
    """How often a post mentions each of the profile's terms, in its title and body."""

    title: Counter[str]
    body: Counter[str]

    def total(self) -> Counter[str]:
        return self.title + self.body


def profile_mentions(
    lens: AudienceLens, title: Sequence[Token], body: Sequence[Paragraph]
) -> Mentions:
    """The profile terms (interests and the topic tree's narrower terms) a post mentions."""
    counts: Counter[str] = Counter()
    for paragraph in body:
        lens.matcher.count(paragraph.tokens, counts)
    return Mentions(lens.matcher.count(title), counts)


MAX_KEY_PHRASES = 300
"""Only this many of the most mentioned phrases are compared with each other (every
pair is compared): a post naming thousands of things is judged by its top ones."""


def key_phrases(
    lens: AudienceLens,
    title: Sequence[Token],
    body: Sequence[Paragraph],
    mentions: Mentions,
    exclude: Iterable[str] = (),
) -> list[KeyPhrase]:
    """The post's key phrases, most mentioned first; terms in `exclude` are left out.

    `title` is the title's tokens and `mentions` the profile terms counted in them and
    in `body`. Profile terms count when mentioned at all; phrases found only in the
    prose need two mentions, so a passing name does not become a suggested tag.
    """
    excluded = {normalize_term(t) for t in exclude} | lens.too_broad | set(lens.niche)
    found: dict[str, KeyPhrase] = {}
    for term, count in mentions.total().items():
        key = normalize_term(term)
        if key not in excluded and key not in found and key not in lens.broad_topics:
            found[key] = KeyPhrase(term, count, True)
    runs = name_runs(title)
    for paragraph in body:
        runs.update(name_runs(paragraph.tokens))
    for run, count in runs.items():
        key = normalize_term(run)
        if key not in excluded and key not in found and count >= 2:
            found[key] = KeyPhrase(run, count, False)
    ranked = sorted(found.values(), key=_rank)[:MAX_KEY_PHRASES]
    return sorted(_drop_contained(ranked), key=_rank)


def _rank(phrase: KeyPhrase) -> tuple[int, bool, int, str]:
    """Most mentioned first, then profile terms, then longer phrases."""
    return (-phrase.count, not phrase.from_profile, -len(phrase.text), phrase.text)


def name_runs(prose: Sequence[Token]) -> Counter[str]:
    """Runs of adjacent names, codes and years in `prose`, with how often each occurs."""
    runs: Counter[str] = Counter()
    current: list[Token] = []
    for token in prose:
        sep, text, kind, _ = token  # unpacked: the hot loop
        part = kind == "code" or (
            (kind == "word" and text[0].isupper() and text.lower() not in STOPWORDS)
            or (kind == "num" and len(text) == 4)  # a year or a four-digit model
        )
        if part and (not current or sep in RUN_GAPS):
            current.append(token)
        elif current:  # most tokens: neither in a run nor starting one, nothing to do
            _close(current, runs)
            current = [token] if part else []
    if current:
        _close(current, runs)
    return runs


def _close(run: list[Token], runs: Counter[str]) -> None:
    """Count `run` if it names something: a code, or a name that is not a common word."""
    while (
        run
        and run[0].kind == "word"
        and (
            zipf(run[0].text) >= NAME_RUN_ZIPF or (run[0].opens and zipf(run[0].text) >= RARE_ZIPF)
        )
    ):
        run.pop(0)
    if not run:
        return
    if not any(t.kind == "word" or (t.kind == "code" and t.text[0].isalpha()) for t in run):
        return  # a bare year, size or ordinal: "1968", "14x7", "2nd"
    if len(run) == 1 and run[0].kind == "word" and zipf(run[0].text) >= RARE_ZIPF:
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
