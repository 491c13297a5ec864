"""Checking one post: every rule, the `[check]` levels, inline switches, and a score.

A `Checker` holds what is expensive to prepare (the audience lens, its cache of term
verdicts) so one checker can check a whole site, or the same post on every keystroke.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.audience import normalize_term
from planner.check.disable import parse_disables
from planner.check.phrases import KeyPhrase, key_phrases
from planner.check.prose import (
    Line,
    Paragraph,
    asks_readers,
    details,
    paragraphs,
    prose_lines,
    vague_wording,
)
from planner.check.rules import Levels, rule_levels
from planner.check.terms import AudienceLens, TermVerdict
from planner.check.vocabulary import SiteVocabulary
from planner.content import Post
from planner.findings import Finding, sort_findings
from planner.site import Site
from planner.specificity import score_text

THIN_DETAILS = 2.0
"""Fewer concrete details than this per 100 words make a body thin on specifics."""
RICH_DETAILS = 6.0
"""This many details per 100 words count as fully specific in the post score."""
VAGUE_CONTEXT = 4.0
"""Vague wording is reported in paragraphs with fewer details than this per 100 words:
'a few' in a paragraph full of part numbers is not the problem."""
MIN_BODY_WORDS = 40
"""Bodies shorter than this are not judged for density (a note, a link post)."""
VERDICT_POINTS = {"specific": 1.0, "ok": 0.6, "off-audience": 0.2, "too-broad": 0.0}


@dataclass(frozen=True)
class PostReport:
    """What checking a post found: its findings, a 0-100 specificity score, tag verdicts."""

    path: Path
    title: str
    score: int
    findings: tuple[Finding, ...]
    tags: tuple[TermVerdict, ...]


@dataclass(frozen=True)
class _Draft:
    """A finding before levels and switches apply: rule id, place, message, suggestions."""

    rule: str
    line: int
    col: int
    message: str
    suggestions: tuple[str, ...] = ()


class Checker:
    """Checks posts against one site's audience profile and `[check]` settings.

    `vocabulary` is the site's own (planner.check.vocabulary): which tags are on most
    posts, and which words its posts spell as names. Without it, general English.
    """

    def __init__(self, site: Site, vocabulary: SiteVocabulary | None = None) -> None:
        self.site = site
        self.vocabulary = vocabulary or SiteVocabulary()
        self.lens = AudienceLens(site.audience, self.vocabulary.names)
        self.levels: Levels = rule_levels(site.config)

    def check(self, post: Post, text: str | None = None) -> PostReport:
        """Check `post`; `text` is the file's text (read from disk when not given)."""
        text = _read(post.path) if text is None else text
        lines = prose_lines(post.body, post.body_line)
        body = paragraphs(lines)
        prose = [p for p in body if not p.is_heading]
        phrases = key_phrases(self.lens, post.title, body)
        tag_keys = {normalize_term(t) for t in post.tags}
        suggestions = [p for p in phrases if normalize_term(p.text) not in tag_keys]
        verdicts = tuple(self.lens.judge(tag) for tag in post.tags)
        words = sum(p.words for p in prose)
        found = sum(len(p.details) for p in prose)
        title_details = details(post.title, title=True) + [
            p.text for p in phrases if p.from_profile and _in_title(post.title, p)
        ]
        drafts = [
            *self._tags(post, text, verdicts, suggestions),
            *self._niche_tags(post, text, verdicts, phrases),
            *self._title(post, title_details, suggestions),
            *self._body(prose, words, found),
            *self._audience(post, verdicts, phrases),
            *(
                _Draft("vague-wording", n, c, _vague_message(w))
                for p in body
                if p.density < VAGUE_CONTEXT
                for n, c, w in vague_wording(p.lines)
            ),
        ]
        if not asks_readers(lines):
            last = max((line.number for line in lines if line.text.strip()), default=post.body_line)
            drafts.append(
                _Draft(
                    "no-conversation-prompt",
                    last,
                    1,
                    "the post never asks its readers anything; end with a question they can "
                    "answer from their own experience",
                )
            )
        findings = self._apply(post.path, drafts, text)
        score = _post_score(verdicts, post.title, title_details, words, found)
        return PostReport(post.path, post.title, score, tuple(findings), verdicts)

    def _apply(self, path: Path, drafts: list[_Draft], text: str) -> list[Finding]:
        disables = parse_disables(text)
        findings = []
        for draft in drafts:
            level = self.levels.get(draft.rule)
            if level is None:
                continue
            finding = Finding(
                path, draft.line, draft.col, draft.rule, level, draft.message, draft.suggestions
            )
            if disables.allows(finding):
                findings.append(finding)
        return sort_findings(findings)

    def _tags(
        self, post: Post, text: str, verdicts: tuple[TermVerdict, ...], phrases: list[KeyPhrase]
    ) -> Iterator[_Draft]:
        line = post.line_of("tags")
        if not post.tags:
            yield _Draft(
                "tags-missing",
                line,
                1,
                "the post has no tags" + _about(phrases),
                tuple(f"tag it '{p.text}' ({p.describe()})" for p in phrases[:3]),
            )
            return
        for verdict in verdicts:
            if verdict.verdict not in ("too-broad", "off-audience"):
                continue
            tag_line, col = _locate(text, verdict.term, line)
            rule = "tag-too-broad" if verdict.verdict == "too-broad" else "tag-off-audience"
            what = "too broad" if rule == "tag-too-broad" else "off-audience"
            message = (
                f"'{verdict.term}' is {what} for {self.lens.name} ({verdict.reason})"
                + _mentions(phrases)
            )
            yield _Draft(rule, tag_line, col, message, self._alternatives(verdict.term, phrases))

    def _niche_tags(
        self, post: Post, text: str, verdicts: tuple[TermVerdict, ...], phrases: list[KeyPhrase]
    ) -> Iterator[_Draft]:
        """Tags on most of the site's posts: they name the niche, not this post."""
        site = self.vocabulary
        tag_keys = {normalize_term(v.term) for v in verdicts}
        about = [p for p in phrases if normalize_term(p.text) not in tag_keys]
        own = sorted(  # else the post's most specific tag that is not on most posts
            (v for v in verdicts if not site.names_the_niche(v.term)), key=lambda v: -v.score
        )
        subject = about[0].text if about else own[0].term if own else None
        for verdict in verdicts:
            if verdict.verdict == "too-broad" or not site.names_the_niche(verdict.term):
                continue
            tag_line, col = _locate(text, verdict.term, post.line_of("tags"))
            message = (
                f"'{verdict.term}' is {site.describe(verdict.term)}: it names the niche, not "
                "this post" + (f"; this post is about '{subject}'" if subject else "")
            )
            yield _Draft(
                "tag-names-the-niche",
                tag_line,
                col,
                message,
                tuple(f"'{p.text}' (mentioned {p.times})" for p in about[:3]),
            )

    def _alternatives(self, tag: str, phrases: list[KeyPhrase]) -> tuple[str, ...]:
        """Specific replacements for a tag: what the post mentions, then the topic tree."""
        ranked = [
            f"'{p.text}' (mentioned {p.times}"
            + ("; an audience interest)" if self.lens.is_audience_term(p.text) else ")")
            for p in phrases[:4]
        ]
        mentioned = {normalize_term(p.text) for p in phrases}
        narrower = self.lens.audience.narrower(tag)
        ranked += [
            f"'{term}' (narrower than '{tag}' in the profile)"
            for term in narrower
            if normalize_term(term) not in mentioned
        ][: max(0, 5 - len(ranked))]
        return tuple(ranked)

    def _title(
        self, post: Post, title_details: list[str], phrases: list[KeyPhrase]
    ) -> Iterator[_Draft]:
        if title_details:
            return
        vague = [match for _, _, match in vague_wording([_title_line(post)])]
        why = f" ('{vague[0]}' is vague)" if vague else ""
        yield _Draft(
            "title-generic",
            post.line_of("title"),
            1,
            f"the title names nothing specific{why}"
            + (_about(phrases) or "; name the model, the part or the number the post is about"),
            tuple(f"put '{p.text}' in the title ({p.describe()})" for p in phrases[:3]),
        )

    def _body(self, prose: list[Paragraph], words: int, found: int) -> Iterator[_Draft]:
        if words < MIN_BODY_WORDS or found * 100 / words >= THIN_DETAILS:
            return
        long_enough = [p for p in prose if p.words >= 12]
        vaguest = sorted(long_enough, key=lambda p: (p.density, p.line))[:3]
        if not vaguest:
            return
        where = ", ".join(str(p.line) for p in sorted(vaguest, key=lambda p: p.line))
        yield _Draft(
            "body-thin-on-specifics",
            vaguest[0].line,
            1,
            f"{found} concrete detail(s) in {words} words ({found * 100 / words:.1f} per 100; "
            f"aim for {THIN_DETAILS:g} or more): add numbers, part codes, names and "
            f"measurements; vaguest paragraphs at lines {where}",
        )

    def _audience(
        self, post: Post, verdicts: tuple[TermVerdict, ...], phrases: list[KeyPhrase]
    ) -> Iterator[_Draft]:
        audience = self.lens.audience
        if not audience.interests:
            return
        if any(p.from_profile for p in phrases) or any(
            self.lens.is_audience_term(v.term) for v in verdicts
        ):
            return
        listed = ", ".join(f"'{i}'" for i in audience.interests[:4])
        more = ", …" if len(audience.interests) > 4 else ""
        yield _Draft(
            "post-off-audience",
            post.line_of("title"),
            1,
            f"the post mentions none of the interests of {self.lens.name} ({listed}{more})",
        )


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _locate(text: str, tag: str, tags_line: int) -> tuple[int, int]:
    """The line and column of `tag` in the front matter, searching from the tags key."""
    lines = text.split("\n")
    for number in range(tags_line, min(len(lines), tags_line + 50) + 1):
        col = lines[number - 1].find(tag)
        if col >= 0:
            return number, col + 1
    return tags_line, 1


def _in_title(title: str, phrase: KeyPhrase) -> bool:
    return f" {normalize_term(phrase.text)} " in f" {normalize_term(title)} "


def _title_line(post: Post) -> Line:
    return Line(post.line_of("title"), post.title)


def _about(phrases: list[KeyPhrase]) -> str:
    if not phrases:
        return ""
    return "; it is about " + _and(f"'{p.text}' ({p.times})" for p in phrases[:2])


def _mentions(phrases: list[KeyPhrase]) -> str:
    if not phrases:
        return ""
    return "; this post mentions " + _and(p.describe() for p in phrases[:2])


def _and(parts: Iterable[str]) -> str:
    parts = list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _vague_message(words: str) -> str:
    return f"'{words}' is vague: say which one, how many or how much"


def _post_score(
    verdicts: tuple[TermVerdict, ...], title: str, title_details: list[str], words: int, found: int
) -> int:
    """0-100: tags 40%, title 30%, body detail density 30%."""
    tags = sum(VERDICT_POINTS[v.verdict] for v in verdicts) / len(verdicts) if verdicts else 0.0
    title_part = 0.5 * score_text(title).score + (0.5 if title_details else 0.0)
    body = min(1.0, found * 100 / words / RICH_DETAILS) if words else 0.0
    return round(100 * (0.4 * tags + 0.3 * title_part + 0.3 * body))


def check_posts(site: Site, posts: Sequence[Post]) -> list[Finding]:
    """Every enabled rule on `posts`, with `[check]` levels and inline switches applied."""
    checker = Checker(site)
    return sort_findings(f for post in posts for f in checker.check(post).findings)
