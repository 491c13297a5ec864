"""A first audience profile drafted from the site's posts (`planner audience suggest`).

What a site's posts keep coming back to is what its readers care about. The draft
gathers, from every post (a sample of a very large site):

- candidates: the post's tags, the runs of names and codes it mentions (its key phrases
  when mentioned twice or more: planner.check.phrases) and its plain noun phrases
  ("disc brakes"), counted across posts;
- niche: a term, not broad in English, on more than half of the posts ("Camaro" on 8
  of 13): what the whole site is about, too broad to tag any one post with;
- interests: candidates that recur (in two posts or more, or mentioned three times in
  one post) and are specific in English, and the writer's own tags that are not broad;
- topics: interests grouped under the broader term they share: a head noun ("1968
  Camaro", "1969 Camaro" -> "Camaro") or a make before its models ("Muncie M21",
  "Muncie M20" -> "Muncie");
- too_broad: tags the scorer calls broad in English ("cars", "tips"), and tags that
  narrow one of those only a little ("classic cars").

Each entry keeps the posts it came from, so the writer can judge it. Pure: posts in,
a `ProfileDraft` out; planner.audience_toml renders it and compares it with a profile.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from planner.audience import Audience
from planner.check.phrases import key_phrases, name_runs, profile_mentions
from planner.check.prose import paragraphs
from planner.check.terms import BROAD_SCORE, SPECIFIC_SCORE, AudienceLens
from planner.check.vocabulary import (
    NICHE_SHARE,
    SiteVocabulary,
    prose_tokens,
    sample,
    site_vocabulary,
)
from planner.content import Post
from planner.specificity.lexicon import PRONOUNS, STOPWORDS, VAGUE
from planner.specificity.parts import broader_parts
from planner.specificity.wordnet import head_noun
from planner.text import Token, normalize_term, prose_lines, tokens

MAX_CANDIDATES = 2000
"""Distinct candidates kept (most posts first) before they are scored."""
COUNTED = 300
"""Candidates whose posts are counted across the site (most posts first): the rest
recur too little to be proposed."""
MAX_INTERESTS = 30
MAX_NICHE = 3
PHRASE_WORDS = 3
"""Longest plain noun phrase looked for ("mono-leaf rear springs")."""
TAG_SPELLING = 100
"""How much a tag's spelling outweighs one mention in prose ("date codes", not "date code")."""
REPEATED = 3
"""Mentions in one post that make a candidate an interest on their own."""


@dataclass
class Candidate:
    """A term the posts use, and where."""

    text: str
    posts: list[str] = field(default_factory=list)
    mentions: int = 0
    tagged: int = 0
    spellings: Counter[str] = field(default_factory=Counter)

    def add(self, spelling: str, post: str, mentions: int = 1, tag: bool = False) -> None:
        self.spellings[spelling] += TAG_SPELLING if tag else 1  # the writer's tag wins
        if post not in self.posts:
            self.posts.append(post)
        self.mentions += mentions
        self.tagged += tag

    @property
    def spelling(self) -> str:
        return self.spellings.most_common(1)[0][0]


@dataclass(frozen=True)
class Entry:
    """One proposed term, the posts it came from, and why it is proposed."""

    term: str
    posts: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class ProfileDraft:
    """A proposed audience profile; every entry says where it came from."""

    posts: int
    niche: tuple[Entry, ...] = ()
    interests: tuple[Entry, ...] = ()
    topics: tuple[tuple[Entry, tuple[Entry, ...]], ...] = ()
    too_broad: tuple[Entry, ...] = ()


def suggest_profile(posts: Sequence[Post]) -> ProfileDraft:
    """Draft an audience profile from `posts`."""
    read = sample(posts)
    found = _candidates(read)
    heads = _heads(found)
    counted = [c.spelling for c in list(found.values())[:COUNTED]]  # most posts first
    vocabulary = site_vocabulary(read, [*counted, *heads.values()])
    lens = AudienceLens(Audience(), vocabulary.names)

    def score(text: str) -> float:
        return lens.judge(text).score

    niche = _niche(found, heads, vocabulary, score)
    broad = {k for k, c in found.items() if c.tagged and score(c.spelling) < BROAD_SCORE}
    # A tag that only narrows a broad tag a little ("classic cars") is broad too.
    broad |= {
        k
        for k, c in found.items()
        if c.tagged
        and score(c.spelling) < SPECIFIC_SCORE
        and any(normalize_term(b) in broad for b in _broader(c.spelling))
    }
    interests = _interests(
        found, {normalize_term(e.term) for e in niche} | broad, vocabulary, score
    )
    too_broad = tuple(
        Entry(found[k].spelling, tuple(found[k].posts), f"a tag on {found[k].tagged} post(s)")
        for k in found
        if k in broad
    )
    return ProfileDraft(len(read), niche, interests, _topics(interests, niche, found), too_broad)


def _candidates(posts: Sequence[Post]) -> dict[str, Candidate]:
    empty = AudienceLens(Audience())
    found: dict[str, Candidate] = {}

    def add(text: str, post: str, mentions: int = 1, tag: bool = False) -> None:
        key = normalize_term(text)
        if key and key not in STOPWORDS and len(key.split()[-1]) > 1:  # not "1969 Z"
            found.setdefault(key, Candidate(key)).add(text.strip(), post, mentions, tag)

    for post in posts:
        for tag in dict.fromkeys(post.tags):
            add(tag, post.slug, 0, tag=True)
        body = paragraphs(prose_lines(post.body, post.body_line))
        title = tokens(post.title)
        mentions = profile_mentions(empty, title, body)
        keys = {normalize_term(p.text) for p in key_phrases(empty, title, body, mentions)}
        prose = [*title, *prose_tokens(post)]
        for phrase, count in (name_runs(prose) + noun_phrases(prose)).items():
            add(phrase, post.slug, count + (normalize_term(phrase) in keys))
    ranked = sorted(found.values(), key=lambda c: (-len(c.posts), -c.mentions, c.text))
    return {c.text: c for c in ranked[:MAX_CANDIDATES]}


def noun_phrases(prose: Sequence[Token]) -> Counter[str]:
    """Runs of two or three lower-case content words within a sentence ("disc brakes"),
    counted: the plain phrases a post repeats. Names and codes are key phrases' work."""
    found: Counter[str] = Counter()
    run: list[str] = []
    skip = STOPWORDS | VAGUE | PRONOUNS
    for _, text, kind, opens in prose:
        plain = kind == "word" and text.islower() and text not in skip
        if opens or not plain:
            run = []
        if plain:
            run.append(text)
            if not _is_noun(text):
                continue  # a phrase ends in a noun: not "car built", "tells you"
            for size in range(2, min(PHRASE_WORDS, len(run)) + 1):
                found[" ".join(run[-size:])] += 1
    return found


@functools.lru_cache(maxsize=65536)
def _is_noun(word: str) -> bool:
    return head_noun([word]) is not None


def _heads(found: dict[str, Candidate]) -> dict[str, str]:
    """Broader terms candidates share, as spelled: a head noun or a make ("Camaro")."""
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for candidate in found.values():
        for broader in {normalize_term(b): b for b in _broader(candidate.spelling)}.items():
            counts[broader[0]] += 1
            spellings.setdefault(broader[0], Counter())[broader[1]] += 1
    return {h: spellings[h].most_common(1)[0][0] for h, n in counts.items() if n >= 2}


def _broader(term: str) -> list[str]:
    """What `term` narrows: its head without modifiers, or the make before a model code."""
    parts = broader_parts(term)
    words = term.split()
    if len(words) > 1 and words[0][:1].isupper() and any(c.isdigit() for c in words[1]):
        parts.append(words[0])  # "Muncie M21" -> "Muncie"
    return parts


def _niche(found, heads, vocabulary: SiteVocabulary, score) -> tuple[Entry, ...]:
    options = dict(heads)
    options.update({k: c.spelling for k, c in found.items() if c.tagged})
    niche = [
        (vocabulary.posts_with(text), text)
        for text in options.values()
        if vocabulary.names_the_niche(text)
        and vocabulary.share(text) > NICHE_SHARE  # more than half: the whole site's subject
        and score(text) >= BROAD_SCORE
    ]
    niche.sort(key=lambda n: (-n[0], n[1]))
    return tuple(
        Entry(text, (), f"{vocabulary.describe(text)}: what the whole site is about")
        for _, text in niche[:MAX_NICHE]
    )


def _interests(found, left_out, vocabulary: SiteVocabulary, score) -> tuple[Entry, ...]:
    chosen = []
    for key, candidate in found.items():
        recurring = len(candidate.posts) >= 2 or candidate.tagged or candidate.mentions >= REPEATED
        if key in left_out or not recurring or vocabulary.names_the_niche(candidate.spelling):
            continue
        # A tag the writer chose needs only to be no broad term; a mined phrase, specific.
        if score(candidate.spelling) >= (BROAD_SCORE if candidate.tagged else SPECIFIC_SCORE):
            chosen.append(candidate)
    chosen.sort(key=lambda c: (-len(c.posts), -c.tagged, -c.mentions, c.text))
    chosen = chosen[: 3 * MAX_INTERESTS]  # bounds the pairwise test below
    chosen = [c for c in chosen if not _inside_longer(c, chosen)]
    return tuple(
        Entry(c.spelling, tuple(c.posts), _why(c, vocabulary)) for c in chosen[:MAX_INTERESTS]
    )


def _inside_longer(candidate: Candidate, others: Iterable[Candidate]) -> bool:
    """True when a longer candidate contains it and comes from the same posts."""
    key = f" {candidate.text} "
    return any(
        other is not candidate
        and key in f" {other.text} "
        and set(candidate.posts) <= set(other.posts)
        and not candidate.tagged
        for other in others
    )


def _why(candidate: Candidate, vocabulary: SiteVocabulary) -> str:
    parts = []
    if candidate.tagged:
        parts.append(f"a tag on {candidate.tagged} post(s)")
    if candidate.mentions:
        parts.append(f"mentioned {candidate.mentions} times")
    parts.append(vocabulary.describe(candidate.spelling))
    return "; ".join(parts)


def _topics(
    interests: tuple[Entry, ...], niche: tuple[Entry, ...], found: dict[str, Candidate]
) -> tuple[tuple[Entry, tuple[Entry, ...]], ...]:
    """Interests grouped under the broader term they share: one that is itself proposed
    (an interest or the niche) first, else any shared by two interests or more."""
    under: dict[str, list[Entry]] = {}
    for entry in interests:
        for broader in _broader(entry.term):
            under.setdefault(normalize_term(broader), []).append(entry)
    proposed = {normalize_term(e.term) for e in (*interests, *niche)}
    groups = []
    placed: set[str] = set()
    order = sorted(under.items(), key=lambda kv: (kv[0] not in proposed, -len(kv[1]), kv[0]))
    for key, members in order:
        members = [m for m in members if m.term not in placed and normalize_term(m.term) != key]
        if len(members) < (1 if key in proposed else 2):
            continue
        placed.update(m.term for m in members)
        spelling = found[key].spelling if key in found else _spelled(key, members)
        posts = tuple(dict.fromkeys(p for m in members for p in m.posts))
        why = f"groups {len(members)} interest(s)"
        groups.append((Entry(spelling, posts, why), tuple(members)))
    return tuple(groups)


def _spelled(key: str, members: list[Entry]) -> str:
    """`key` as the members spell it ("Camaro", not "camaro")."""
    for member in members:
        for part in _broader(member.term):
            if normalize_term(part) == key:
                return part
    return key
