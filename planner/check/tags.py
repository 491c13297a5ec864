"""The site's tags, each with its use count, specificity and better alternatives."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.check.phrases import key_phrases, profile_mentions
from planner.check.prose import paragraphs
from planner.check.terms import VERDICTS, AudienceLens
from planner.check.vocabulary import site_vocabulary
from planner.content import Post
from planner.site import Site
from planner.text import normalize_term, prose_lines, tokens


@dataclass(frozen=True)
class TagSummary:
    """One tag as the site uses it."""

    tag: str
    posts: int
    score: float
    verdict: str
    reason: str
    suggestions: tuple[str, ...]
    site_posts: int = 0
    """Posts of the site that carry or mention the tag (of `site_total` read)."""
    site_total: int = 0

    @property
    def site_share(self) -> float:
        return self.site_posts / self.site_total if self.site_total else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tag": self.tag,
            "posts": self.posts,
            "site_posts": self.site_posts,
            "site_share": round(self.site_share, 3),
            "score": self.score,
            "verdict": self.verdict,
            "reason": self.reason,
            "suggestions": list(self.suggestions),
        }


def tag_summaries(site: Site, posts: Sequence[Post], sort_by: str = "posts") -> list[TagSummary]:
    """Every tag in `posts` (spelling variants merged under the most used spelling)."""
    vocabulary = site_vocabulary(posts)
    lens = AudienceLens(site.audience, vocabulary.names)
    spellings: dict[str, Counter[str]] = {}
    tagged: dict[str, list[Post]] = {}
    for post in posts:
        for tag in dict.fromkeys(post.tags):
            key = normalize_term(tag)
            spellings.setdefault(key, Counter())[tag] += 1
            tagged.setdefault(key, []).append(post)
    summaries = []
    for key, names in spellings.items():
        tag = names.most_common(1)[0][0]
        verdict = lens.judge(tag)
        suggestions: tuple[str, ...] = ()
        if verdict.verdict in ("too-broad", "off-audience"):
            suggestions = _alternatives(lens, tag, tagged[key])
        reason = verdict.reason
        if vocabulary.names_the_niche(tag) and verdict.verdict != "too-broad":
            reason += f"; {vocabulary.describe(tag)}: it names the niche, not a post"
        summaries.append(
            TagSummary(
                tag,
                len(tagged[key]),
                verdict.score,
                verdict.verdict,
                reason,
                suggestions,
                vocabulary.posts_with(tag),
                vocabulary.posts,
            )
        )
    return sorted(summaries, key=SORT_KEYS[sort_by])


def _alternatives(lens: AudienceLens, tag: str, posts: list[Post]) -> tuple[str, ...]:
    """What the posts carrying `tag` mention most, then the profile's narrower terms."""
    counts: Counter[str] = Counter()
    for post in posts:
        body = paragraphs(prose_lines(post.body, post.body_line))
        title = tokens(post.title)
        mentions = profile_mentions(lens, title, body)
        for phrase in key_phrases(lens, title, body, mentions, exclude=post.tags):
            counts[phrase.text] += phrase.count
    ranked = [text for text, _ in counts.most_common(5)]
    seen = {normalize_term(t) for t in ranked}
    ranked += [t for t in lens.audience.narrower(tag) if normalize_term(t) not in seen]
    return tuple(ranked[:5])


SORT_KEYS = {
    "posts": lambda s: (-s.posts, s.tag.casefold()),
    "score": lambda s: (s.score, s.tag.casefold()),
    "verdict": lambda s: (VERDICTS.index(s.verdict), -s.posts, s.tag.casefold()),
    "name": lambda s: s.tag.casefold(),
}
