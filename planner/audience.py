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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from planner.config import Config
from planner.content import Post
from planner.findings import Finding, Severity
from planner.schema import Converter, empty_mapping, read_toml
from planner.text import TermMatcher, normalize_term


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

    @functools.cached_property
    def interest_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Which interests (by position) each term, and each term's key, stands for."""
        by_term: dict[str, list[int]] = {}
        by_key: dict[str, list[int]] = {}
        for n, (_, terms) in enumerate(self.terms_by_interest):
            for term in terms:
                by_term.setdefault(term, []).append(n)
                by_key.setdefault(normalize_term(term), []).append(n)
        return by_term, by_key

    @functools.cached_property
    def interest_matcher(self) -> TermMatcher:
        """Finds the interests and their narrower terms in a text."""
        return TermMatcher(t for _, terms in self.terms_by_interest for t in terms)


BODY_MENTIONS = 2
"""A post is about an interest it has as a tag or names in its title, or mentions at
least this many times in its body: a passing mention ("unlike the Muncie M21, ...") does
not make a post about something. The checker (`post-off-audience`), the scheduler, the
calendar and the build all ask `interests_covered`, so they agree on this."""
COVERS_VERSION = "2"
"""Part of the key under which answers of `covered_interests` are cached: change it when
the same post and profile would get a different answer."""


def interests_covered(
    audience: Audience, tags: Iterable[str], title: Mapping[str, int], body: Mapping[str, int]
) -> tuple[str, ...]:
    """The interests a post is about, from its tags and its counted mentions.

    `title` and `body` map terms to how often the title and the body's prose mention
    them (`TermMatcher.count`); the terms of an interest are itself and the narrower
    terms the topic tree gives for it. Interests come in the profile's order.
    """
    by_term, by_key = audience.interest_index
    found: set[int] = set()
    for term, count in title.items():
        if count:
            found.update(by_term.get(term, ()))
    for term, count in body.items():
        if count >= BODY_MENTIONS:
            found.update(by_term.get(term, ()))
    for tag in tags:
        found.update(by_key.get(normalize_term(tag), ()))
    return tuple(audience.interests[n] for n in sorted(found))


def covered_interests(audience: Audience, post: Post) -> tuple[str, ...]:
    """The audience interests `post` is about (see BODY_MENTIONS)."""
    matcher = audience.interest_matcher
    return interests_covered(
        audience, post.tags, matcher.count_text(post.title), matcher.count_prose(post.body)
    )


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
