"""The site's own vocabulary: how many posts mention each term, and which words are names.

General English says "Camaro" is a rare word; the site says it is on 11 of its 13
posts, so as a tag it names the niche, not the post. Counted from the posts' tags,
titles and prose:

- document frequency: for each of the site's tags (and any other terms asked for), the
  number of posts that carry it as a tag or mention it in the title or the prose;
- names: a word the writer capitalises in mid-sentence across posts ("the Muncie", "our
  Hurst") is a name on this site; one they write in lower case is a common noun, even
  where a Title Case tag capitalises it (planner.specificity.names uses both).

Bounded: at most `MAX_POSTS` posts are read (evenly spaced over a larger site) and
`MAX_TOKENS` tokens of each; counts then say "of the N posts read".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TypeVar

from planner.check.prose import paragraphs
from planner.content import Post
from planner.specificity.lexicon import STOPWORDS
from planner.specificity.names import NO_CONTEXT, NameContext, capitals_mark_names
from planner.text import TermMatcher, Token, normalize_term, prose_lines, tokens

T = TypeVar("T")

MAX_POSTS = 300
"""Posts read for the vocabulary; a larger site is sampled evenly."""
MAX_TOKENS = 5000
"""Tokens read from each post's prose."""
MAX_TERMS = 5000
"""Distinct terms counted (a site's tags, most used first)."""
NICHE_SHARE = 0.5
"""A term on at least this share of the posts names the site's niche, not one post."""
MIN_POSTS = 4
"""Below this many posts mentioning it, no term is said to name the niche."""
NAME_SHARE = 0.8
"""A word written capitalised (or in lower case) this often in mid-sentence is a name
(or a common noun) on this site."""
MIN_USES = 2
"""Mid-sentence uses a word needs before its spelling says anything."""


@dataclass(frozen=True)
class SiteVocabulary:
    """Document frequencies of the site's terms and the names its posts spell out."""

    posts: int = 0
    mentions: Mapping[str, int] = field(default_factory=dict)
    """normalize_term(term) -> posts carrying or mentioning it."""
    names: NameContext = NO_CONTEXT

    def posts_with(self, term: str) -> int:
        """How many of the posts read carry or mention `term` (0 when it was not counted)."""
        return self.mentions.get(normalize_term(term), 0)

    def share(self, term: str) -> float:
        """The share of the posts read that carry or mention `term`."""
        return self.posts_with(term) / self.posts if self.posts else 0.0

    def names_the_niche(self, term: str) -> bool:
        """True when `term` is on so many posts that it says nothing about any one."""
        found = self.posts_with(term)
        return found >= MIN_POSTS and found >= NICHE_SHARE * self.posts

    def describe(self, term: str) -> str:
        """'on 11 of 13 posts' (what `planner tags` and `check` print)."""
        return f"on {self.posts_with(term)} of {self.posts} posts"


def sample(items: Sequence[T], limit: int | None = None) -> list[T]:
    """At most `limit` (default MAX_POSTS) of `items` (posts or files), evenly spaced."""
    limit = MAX_POSTS if limit is None else limit
    if len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def site_vocabulary(posts: Sequence[Post], terms: Iterable[str] = ()) -> SiteVocabulary:
    """Count the site's tags (and `terms`) across `posts`, and the names its prose spells."""
    read = sample(posts)
    tag_counts = Counter(normalize_term(t) for post in read for t in dict.fromkeys(post.tags))
    wanted = [t for t, _ in tag_counts.most_common(MAX_TERMS)]
    wanted += [normalize_term(t) for t in terms if normalize_term(t) not in tag_counts]
    counter = TermMatcher(wanted[:MAX_TERMS])
    mentions: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for post in read:
        prose = prose_tokens(post)
        found = {normalize_term(t) for t in counter.count(tokens(post.title) + prose)}
        found |= {normalize_term(t) for t in post.tags}
        mentions.update(found)
        _spellings(prose, capital, lower)
    names = NameContext(
        frozenset(w for w, n in capital.items() if _mostly(n, lower[w]) and w not in STOPWORDS),
        frozenset(w for w, n in lower.items() if _mostly(n, capital[w]) and w not in STOPWORDS),
        capitals_mark_names({t for post in read for t in post.tags}),
    )
    return SiteVocabulary(len(read), dict(mentions), names)


def prose_tokens(post: Post) -> list[Token]:
    """The tokens of the post's prose paragraphs (headings left out), at most MAX_TOKENS."""
    found: list[Token] = []
    for paragraph in paragraphs(prose_lines(post.body, post.body_line)):
        if not paragraph.is_heading:  # Title Case headings capitalise common nouns
            found += paragraph.tokens
            if len(found) >= MAX_TOKENS:
                return found[:MAX_TOKENS]
    return found


def _spellings(prose: Sequence[Token], capital: Counter[str], lower: Counter[str]) -> None:
    """Count mid-sentence spellings; a capitalised word before a code counts anywhere.
    (Stopwords are counted too and dropped at the end: one test per word is the cost.)"""
    words = [(text, opens) for _, text, kind, opens in prose if kind == "word"]
    capital.update(text.lower() for text, opens in words if not opens and text[0].isupper())
    lower.update(text for text, opens in words if not opens and text.islower())
    capital.update(
        before.text.lower()
        for before, token in pairwise(prose)
        if token.kind == "code"
        and before.kind == "word"
        and before.opens
        and before.text[0].isupper()
    )


def _mostly(uses: int, other: int) -> bool:
    return uses >= MIN_USES and uses >= NAME_SHARE * (uses + other)
