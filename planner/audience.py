"""The target-audience profile: who the site writes for, in terms the tools can use.

The profile lives in `audience.toml` (or an `[audience]` table in planner.toml):

    name        who they are, in a few words
    description a sentence or two about them
    niche       the core terms of what the audience is about ("Camaro"): a tag at or
                above this level is too broad for them
    interests   the specific things they care about ("Muncie M21", "cowl tag")
    too_broad   terms never to use as tags ("cars", "tips")
    [topics]    a tree of broad term -> narrower terms, used for suggestions
    [[personas]] name + description of typical readers

See docs/audience.md for the full format with an example.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from planner.config import Config
from planner.findings import Finding, Severity
from planner.schema import Converter, empty_mapping, read_toml


def _non_empty_terms(terms: tuple[str, ...]) -> str | None:
    return "terms must not be empty" if any(not t.strip() for t in terms) else None


def _terms_field() -> tuple[str, ...]:
    return field(default=(), metadata={"check": _non_empty_terms})


@dataclass(frozen=True)
class Persona:
    """A typical reader, described in a sentence or two."""

    name: str = ""
    description: str = ""


@dataclass(frozen=True)
class Audience:
    """A validated audience profile. An empty profile is valid: checks that need one skip."""

    name: str = ""
    description: str = ""
    niche: tuple[str, ...] = _terms_field()
    interests: tuple[str, ...] = _terms_field()
    too_broad: tuple[str, ...] = _terms_field()
    topics: Mapping[str, tuple[str, ...]] = field(default_factory=empty_mapping)
    personas: tuple[Persona, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when the profile says nothing the checker could use."""
        return not (self.niche or self.interests or self.topics or self.too_broad)

    def narrower(self, term: str) -> tuple[str, ...]:
        """The narrower terms the topic tree lists under `term` (any depth)."""
        key = normalize_term(term)
        found: list[str] = []
        for broad, narrow in self.topics.items():
            if normalize_term(broad) == key:
                for child in narrow:
                    found.extend([child, *self.narrower(child)])
        return tuple(dict.fromkeys(found))

    def broader(self, term: str) -> tuple[str, ...]:
        """The topic-tree terms that list `term` among their narrower terms."""
        key = normalize_term(term)
        return tuple(b for b, narrow in self.topics.items() if key in map(normalize_term, narrow))

    def interest_terms(self, interest: str) -> tuple[str, ...]:
        """`interest` itself and every narrower term the topic tree gives for it."""
        return (interest, *self.narrower(interest))

    @functools.cached_property
    def terms_by_interest(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each interest with its terms, worked out once (coverage asks for every post)."""
        return tuple((i, self.interest_terms(i)) for i in self.interests)


@functools.lru_cache(maxsize=65536)
def normalize_term(term: str) -> str:
    """A comparison key for a term: case, hyphens, spacing and a plural -s do not matter."""
    words = re.sub(r"[\s_-]+", " ", term.casefold()).strip().split(" ")
    return " ".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@functools.lru_cache(maxsize=4096)
def term_pattern(term: str) -> re.Pattern[str]:
    """A regex finding `term` in running text, with the leniency of `normalize_term`."""
    words = [re.escape(_singular(w)) for w in normalize_term(term).split(" ")]
    body = r"[\s_-]+".join(words)
    return re.compile(rf"(?<![\w/]){body}(?:e?s)?(?![\w/])", re.IGNORECASE)


def mentions(text: str, term: str, lowered: str | None = None) -> int:
    """How many times `term` appears in `text` (`lowered` is `text.lower()`, if known).

    `term_pattern` starts with a lookbehind, so Python's re cannot skip ahead to a
    literal prefix and a search walks the whole text; finding the term's first word
    with `str.find` and matching only there counts the same, many times faster.
    """
    pattern = term_pattern(term)
    first = _term_words(term)[0]
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text) or not first.isascii():  # positions would not line up
        return len(pattern.findall(text))
    count = start = 0
    while (at := lowered.find(first, start)) != -1:
        match = pattern.match(text, at)
        count += match is not None
        start = match.end() if match else at + 1
    return count


def covered_interests(
    audience: Audience, tags: Iterable[str], title: str, body: str, body_mentions: int = 2
) -> tuple[str, ...]:
    """The audience interests a post is about.

    A post covers an interest (or a narrower topic under it) when it is one of its tags,
    appears in its title, or is mentioned at least `body_mentions` times in the body.
    A passing mention in the body does not make a post about something.
    """
    tag_keys = {normalize_term(t) for t in tags}
    lowered = body.lower()
    covered = []
    for interest, terms in audience.terms_by_interest:
        for term in terms:
            if (
                normalize_term(term) in tag_keys
                or mentions(title, term)
                or mentions(body, term, lowered) >= body_mentions
            ):
                covered.append(interest)
                break
    return tuple(covered)


@functools.lru_cache(maxsize=4096)
def _term_words(term: str) -> tuple[str, ...]:
    return tuple(_singular(w).lower() for w in normalize_term(term).split(" "))


def load_audience(config: Config, problems: list[Finding]) -> Audience:
    """The site's audience profile: `[audience]` in planner.toml, else audience.toml.

    Problems are added to `problems`; a missing profile gives an empty `Audience`.
    """
    path = config.audience_path
    if config.source is not None and "audience" in config.source.data:
        if path.is_file():
            problems.append(
                Finding(
                    path,
                    1,
                    1,
                    "audience-ignored",
                    Severity.WARNING,
                    f"not used: planner.toml has an [audience] table, which wins over "
                    f"{config.paths.audience}; keep the profile in one place",
                )
            )
        source = config.source
        return Converter(source, problems, "audience").build(
            Audience, source.data["audience"], ("audience",)
        )
    if not path.is_file():
        return Audience()
    source = read_toml(path, problems)
    if source is None:
        return Audience()
    return Converter(source, problems, "audience").build(Audience, source.data, ())
