"""What the checker's rules read and write: a post analysed once, and draft findings.

The engine (`planner.check.checker`) analyses each post once into `PostFacts` (its
prose, details, key phrases, tag verdicts, the interests it covers) and hands the same
facts to every registered rule (`planner.check.rules`), so adding a rule adds no work
to the others and never touches the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from planner.audience import interests_covered
from planner.check.phrases import KeyPhrase, Mentions, key_phrases, profile_mentions
from planner.check.prose import Paragraph, details, paragraphs
from planner.check.terms import AudienceLens, TermVerdict
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
    post: Post
    text: str
    """The file's whole text (front matter and body), for locating tags and switches."""
    lines: list[Line]
    """The body's lines with code, URLs and comments blanked, numbered as in the file."""
    body: list[Paragraph]
    title_tokens: list[Token]
    mentions: Mentions
    verdicts: tuple[TermVerdict, ...]
    """The verdict on each tag, in the order of the tags."""

    @cached_property
    def prose(self) -> list[Paragraph]:
        """The body's paragraphs without the headings."""
        return [p for p in self.body if not p.is_heading]

    @cached_property
    def words(self) -> int:
        return sum(p.words for p in self.prose)

    @cached_property
    def details(self) -> int:
        """How many concrete details the prose has."""
        return sum(len(p.details) for p in self.prose)

    @cached_property
    def phrases(self) -> list[KeyPhrase]:
        """What the post is about, most mentioned first (see `key_phrases`)."""
        return key_phrases(self.lens, self.title_tokens, self.body, self.mentions)

    @cached_property
    def suggestions(self) -> list[KeyPhrase]:
        """The key phrases the post does not already use as tags."""
        tag_keys = {normalize_term(t) for t in self.post.tags}
        return [p for p in self.phrases if normalize_term(p.text) not in tag_keys]

    @cached_property
    def title_details(self) -> list[str]:
        """The title's concrete details, and the key phrases from the profile it names."""
        named = [p.text for p in self.phrases if p.from_profile and self.mentions.title[p.text]]
        return details(self.post.title, title=True, prose=self.title_tokens) + named

    @cached_property
    def interests(self) -> tuple[str, ...]:
        """The audience interests the post is about (`planner.audience.BODY_MENTIONS`)."""
        return interests_covered(
            self.lens.audience, self.post.tags, self.mentions.title, self.mentions.body
        )


def analyse(site: Site, lens: AudienceLens, post: Post, text: str) -> PostFacts:
    """The facts about `post` that the rules share; `text` is the file's text."""
    lines = prose_lines(post.body, post.body_line)
    body = paragraphs(lines)
    title_tokens = tokens(post.title)
    return PostFacts(
        site=site,
        lens=lens,
        post=post,
        text=text,
        lines=lines,
        body=body,
        title_tokens=title_tokens,
        mentions=profile_mentions(lens, title_tokens, body),
        verdicts=tuple(lens.judge(tag) for tag in post.tags),
    )


def read_text(path: Path) -> str:
    """The file's text, or "" when it cannot be read (it was just loaded, so rarely)."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
