"""What the checker's rules read and write: a post analysed once, and draft findings.

The engine (`planner.check.checker`) analyses each post once into `PostFacts` (its
prose, details, key phrases, tag verdicts, the interests it covers) and hands the same
facts to every registered rule (`planner.check.rules`), so adding a rule adds no work
to the others and never touches the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.audience import interests_covered
from planner.check.phrases import KeyPhrase, Mentions, key_phrases, profile_mentions
from planner.check.prose import Paragraph, details, paragraphs
from planner.check.terms import AudienceLens, TermVerdict
from planner.check.vocabulary import SiteVocabulary
from planner.content import Post
from planner.site import Site
from planner.text import Line, Token, normalize_term, prose_lines, tokens


@dataclass(frozen=True)
class Draft:
    """A finding as a rule reports it: place, message and suggestions. The engine adds
    the rule's id and level, so a rule cannot report under another rule's id."""

    line: int
    col: int
    message: str
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PostFacts:
    """One post as every rule sees it, worked out once per check."""

    site: Site
    lens: AudienceLens
    vocabulary: SiteVocabulary
    """The site's own vocabulary: which tags are on most of its posts."""
    post: Post
    text: str
    """The file's whole text (front matter and body), for locating tags and switches."""
    lines: list[Line]
    """The body's lines with code, URLs and comments blanked, numbered as in the file."""
    body: list[Paragraph]
    """The body's paragraphs, headings included."""
    prose: list[Paragraph]
    """The body's paragraphs without the headings."""
    words: int
    details: int
    """How many concrete details the prose has."""
    title_tokens: list[Token]
    mentions: Mentions
    verdicts: tuple[TermVerdict, ...]
    """The verdict on each tag, in the order of the tags."""
    phrases: list[KeyPhrase]
    """What the post is about, most mentioned first (see `key_phrases`)."""
    suggestions: list[KeyPhrase]
    """The key phrases the post does not already use as tags."""
    title_details: list[str]
    """The title's concrete details, and the key phrases from the profile it names."""

    @property
    def interests(self) -> tuple[str, ...]:
        """The audience interests the post is about (`planner.audience.BODY_MENTIONS`)."""
        return interests_covered(
            self.lens.audience, self.post.tags, self.mentions.title, self.mentions.body
        )


def analyse(
    site: Site,
    lens: AudienceLens,
    post: Post,
    text: str,
    vocabulary: SiteVocabulary | None = None,
) -> PostFacts:
    """The facts about `post` that the rules share; `text` is the file's text."""
    # Worked out eagerly: the post score needs nearly all of it, and each
    # functools.cached_property read takes a lock.
    lines = prose_lines(post.body, post.body_line)
    body = paragraphs(lines)
    prose = [p for p in body if not p.is_heading]
    title_tokens = tokens(post.title)
    mentions = profile_mentions(lens, title_tokens, body)
    phrases = key_phrases(lens, title_tokens, body, mentions)
    tag_keys = {normalize_term(t) for t in post.tags}
    named = [p.text for p in phrases if p.from_profile and mentions.title.get(p.text)]
    return PostFacts(
        site=site,
        lens=lens,
        vocabulary=SiteVocabulary() if vocabulary is None else vocabulary,
        post=post,
        text=text,
        lines=lines,
        body=body,
        prose=prose,
        words=sum(p.words for p in prose),
        details=sum(len(p.details) for p in prose),
        title_tokens=title_tokens,
        mentions=mentions,
        verdicts=tuple(lens.judge(tag) for tag in post.tags),
        phrases=phrases,
        suggestions=[p for p in phrases if normalize_term(p.text) not in tag_keys],
        title_details=details(post.title, title=True, prose=title_tokens) + named,
    )


def read_text(path: Path) -> str:
    """The file's text, or "" when it cannot be read (it was just loaded, so rarely)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
