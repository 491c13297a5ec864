"""The checks behind the checker's rules: each reads a post's `PostFacts` and yields
`Draft` findings. Their ids, levels and rationales are in the table of
`planner.check.rules`; a check never names a rule id itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planner.audience import BODY_MENTIONS
from planner.check.facts import Draft, PostFacts
from planner.check.phrases import KeyPhrase
from planner.check.prose import asks_readers, vague_wording
from planner.text import Line, normalize_term

THIN_DETAILS = 2.0
"""Fewer concrete details than this per 100 words make a body thin on specifics."""
VAGUE_CONTEXT = 4.0
"""Vague wording is reported in paragraphs with fewer details than this per 100 words:
'a few' in a paragraph full of part numbers is not the problem."""
MIN_BODY_WORDS = 40
"""Bodies shorter than this are not judged for density (a note, a link post)."""
MIN_PARAGRAPH_WORDS = 12
"""Paragraphs shorter than this are never pointed at as the vaguest."""


def tags_missing(facts: PostFacts) -> Iterator[Draft]:
    if facts.post.tags:
        return
    phrases = facts.suggestions
    yield Draft(
        facts.post.line_of("tags"),
        1,
        "the post has no tags" + _about(phrases),
        tuple(f"tag it '{p.text}' ({p.describe()})" for p in phrases[:3]),
    )


def tag_too_broad(facts: PostFacts) -> Iterator[Draft]:
    return _tag_verdicts(facts, "too-broad", "too broad")


def tag_off_audience(facts: PostFacts) -> Iterator[Draft]:
    return _tag_verdicts(facts, "off-audience", "off-audience")


def _tag_verdicts(facts: PostFacts, verdict: str, what: str) -> Iterator[Draft]:
    tags_line = facts.post.line_of("tags")
    for found in facts.verdicts:
        if found.verdict != verdict:
            continue
        line, col = _locate(facts.text, found.term, tags_line)
        message = f"'{found.term}' is {what} for {facts.lens.name} ({found.reason})" + _mentions(
            facts.suggestions
        )
        yield Draft(line, col, message, _alternatives(facts, found.term))


def tag_names_the_niche(facts: PostFacts) -> Iterator[Draft]:
    """Tags on most of the site's posts: they name the niche, not this post."""
    site = facts.vocabulary
    about = facts.suggestions
    own = sorted(  # else the post's most specific tag that is not on most posts
        (v for v in facts.verdicts if not site.names_the_niche(v.term)), key=lambda v: -v.score
    )
    subject = about[0].text if about else own[0].term if own else None
    tags_line = facts.post.line_of("tags")
    for verdict in facts.verdicts:
        if verdict.verdict == "too-broad" or not site.names_the_niche(verdict.term):
            continue
        line, col = _locate(facts.text, verdict.term, tags_line)
        message = (
            f"'{verdict.term}' is {site.describe(verdict.term)}: it names the niche, not "
            "this post" + (f"; this post is about '{subject}'" if subject else "")
        )
        yield Draft(
            line, col, message, tuple(f"'{p.text}' (mentioned {p.times})" for p in about[:3])
        )


def _alternatives(facts: PostFacts, tag: str) -> tuple[str, ...]:
    """Specific replacements for a tag: what the post mentions, then the topic tree."""
    phrases = facts.suggestions
    ranked = [
        f"'{p.text}' (mentioned {p.times}"
        + ("; an audience interest)" if facts.lens.is_audience_term(p.text) else ")")
        for p in phrases[:4]
    ]
    mentioned = {normalize_term(p.text) for p in phrases}
    narrower = facts.lens.audience.narrower(tag)
    ranked += [
        f"'{term}' (narrower than '{tag}' in the profile)"
        for term in narrower
        if normalize_term(term) not in mentioned
    ][: max(0, 5 - len(ranked))]
    return tuple(ranked)


def title_generic(facts: PostFacts) -> Iterator[Draft]:
    if facts.title_details:
        return
    post, phrases = facts.post, facts.suggestions
    title = Line(post.line_of("title"), post.title)
    vague = [match for _, _, match in vague_wording([title])]
    why = f" ('{vague[0]}' is vague)" if vague else ""
    yield Draft(
        title.number,
        1,
        f"the title names nothing specific{why}"
        + (_about(phrases) or "; name the model, the part or the number the post is about"),
        tuple(f"put '{p.text}' in the title ({p.describe()})" for p in phrases[:3]),
    )


def body_thin_on_specifics(facts: PostFacts) -> Iterator[Draft]:
    words, found = facts.words, facts.details
    if words < MIN_BODY_WORDS or found * 100 / words >= THIN_DETAILS:
        return
    long_enough = [p for p in facts.prose if p.words >= MIN_PARAGRAPH_WORDS]
    vaguest = sorted(long_enough, key=lambda p: (p.density, p.line))[:3]
    if not vaguest:
        return
    where = ", ".join(str(p.line) for p in sorted(vaguest, key=lambda p: p.line))
    yield Draft(
        vaguest[0].line,
        1,
        f"{found} concrete detail(s) in {words} words ({found * 100 / words:.1f} per 100; "
        f"aim for {THIN_DETAILS:g} or more): add numbers, part codes, names and "
        f"measurements; vaguest paragraphs at lines {where}",
    )


def vague_words(facts: PostFacts) -> Iterator[Draft]:
    for paragraph in facts.body:
        if paragraph.density < VAGUE_CONTEXT:
            for line, col, words in vague_wording(paragraph.lines):
                yield Draft(line, col, f"'{words}' is vague: say which one, how many or how much")


def post_off_audience(facts: PostFacts) -> Iterator[Draft]:
    audience = facts.lens.audience
    if not audience.interests or facts.interests:
        return
    listed = ", ".join(f"'{i}'" for i in audience.interests[:4])
    more = ", …" if len(audience.interests) > 4 else ""
    by_term = audience.interest_index[0]
    passing = {t: n for t, n in facts.mentions.body.items() if n and t in by_term}
    if not passing:
        message = f"the post mentions none of the interests of {facts.lens.name} ({listed}{more})"
    else:
        named = _and(KeyPhrase(t, n, True).describe() for t, n in list(passing.items())[:2])
        message = (
            f"the post is about none of the interests of {facts.lens.name}: it mentions "
            f"{named}, in passing; a post is about an interest that is one of its tags, "
            f"is in its title or is mentioned at least {BODY_MENTIONS} times"
        )
    yield Draft(facts.post.line_of("title"), 1, message)


def no_conversation_prompt(facts: PostFacts) -> Iterator[Draft]:
    if asks_readers(facts.lines):
        return
    text_lines = [line.number for line in facts.lines if line.text.strip()]
    yield Draft(
        max(text_lines, default=facts.post.body_line),
        1,
        "the post never asks its readers anything; end with a question they can "
        "answer from their own experience",
    )


def _locate(text: str, tag: str, tags_line: int) -> tuple[int, int]:
    """The line and column of `tag` in the front matter, searching from the tags key."""
    lines = text.split("\n")
    for number in range(tags_line, min(len(lines), tags_line + 50) + 1):
        col = lines[number - 1].find(tag)
        if col >= 0:
            return number, col + 1
    return tags_line, 1


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
