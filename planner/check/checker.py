"""The checker engine: every registered rule on a post, the `[check]` levels, inline
switches, and a score.

A `Checker` holds what is expensive to prepare (the audience lens, its cache of term
verdicts) so one checker can check a whole site, or the same post on every keystroke.
The rules themselves are rows of `planner.check.rules.RULES`; this module knows none
of them by name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.check.disable import parse_disables
from planner.check.facts import PostFacts, analyse, read_text
from planner.check.rules import RULES, Levels, Rule, rule_levels
from planner.check.terms import AudienceLens, TermVerdict
from planner.check.vocabulary import SiteVocabulary
from planner.content import Post
from planner.findings import Finding, sort_findings
from planner.site import Site
from planner.specificity.text import text_score

RICH_DETAILS = 6.0
"""This many details per 100 words count as fully specific in the post score."""
VERDICT_POINTS = {"specific": 1.0, "ok": 0.6, "off-audience": 0.2, "too-broad": 0.0}


@dataclass(frozen=True)
class PostReport:
    """What checking a post found: its findings, a 0-100 specificity score, tag verdicts."""

    path: Path
    title: str
    score: int
    findings: tuple[Finding, ...]
    tags: tuple[TermVerdict, ...]


class Checker:
    """Checks posts against one site's audience profile and `[check]` settings.

    `vocabulary` is the site's own (planner.check.vocabulary): which tags are on most
    posts, and which words its posts spell as names. Without it, general English.
    """

    def __init__(
        self,
        site: Site,
        rules: Mapping[str, Rule] = RULES,
        *,
        vocabulary: SiteVocabulary | None = None,
    ) -> None:
        self.site = site
        self.vocabulary = vocabulary or SiteVocabulary()
        self.lens = AudienceLens(site.audience, self.vocabulary.names)
        self.rules = rules
        self.levels: Levels = rule_levels(site.config, rules)
        self._enabled = [
            (rule, level) for rule in rules.values() if (level := self.levels[rule.id]) is not None
        ]

    def check(self, post: Post, text: str | None = None) -> PostReport:
        """Check `post`; `text` is the file's text (read from disk when not given)."""
        text = read_text(post.path) if text is None else text
        facts = analyse(self.site, self.lens, post, text, self.vocabulary)
        path = post.path
        findings = [
            Finding(path, d.line, d.col, rule.id, level, d.message, d.suggestions)
            for rule, level in self._enabled
            for d in rule.check(facts)
        ]
        disables = parse_disables(text)
        allowed = sort_findings(f for f in findings if disables.allows(f))
        return PostReport(post.path, post.title, _post_score(facts), tuple(allowed), facts.verdicts)


def _post_score(facts: PostFacts) -> int:
    """0-100: tags 40%, title 30%, body detail density 30%."""
    verdicts, words, found = facts.verdicts, facts.words, facts.details
    tags = sum(VERDICT_POINTS[v.verdict] for v in verdicts) / len(verdicts) if verdicts else 0.0
    title = 0.5 * text_score(facts.post.title) + (0.5 if facts.title_details else 0.0)
    body = min(1.0, found * 100 / words / RICH_DETAILS) if words else 0.0
    return round(100 * (0.4 * tags + 0.3 * title + 0.3 * body))


def check_posts(site: Site, posts: Sequence[Post]) -> list[Finding]:
    """Every enabled rule on `posts`, with `[check]` levels and inline switches applied."""
    checker = Checker(site)
    return sort_findings(f for post in posts for f in checker.check(post).findings)
