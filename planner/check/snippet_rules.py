"""The checker's rules on a post's cross-post snippets: overrides that do not fit their
platform, and platform names that name no platform. The counting and composing live in
`planner.snippets`; these functions only turn what it finds into drafts."""

from __future__ import annotations

from collections.abc import Iterator
from weakref import WeakKeyDictionary

from planner.check.facts import Draft, PostFacts
from planner.check.terms import AudienceLens

_writers: WeakKeyDictionary[AudienceLens, object] = WeakKeyDictionary()
"""One snippet writer per checker's lens: it caches the tag verdicts across posts."""


def _drafts(facts: PostFacts, rule_id: str) -> Iterator[Draft]:
    from planner.snippets.posts import SnippetWriter, override_findings  # imports the checker

    writer = _writers.get(facts.lens)
    if writer is None:
        writer = _writers[facts.lens] = SnippetWriter(facts.site.config, facts.lens)
    for finding in override_findings(facts.post, facts.text, writer):
        if finding.rule == rule_id:
            yield Draft(finding.line, finding.col, finding.message)


def snippet_too_long(facts: PostFacts) -> Iterator[Draft]:
    """A front-matter snippet override longer than its platform allows."""
    return _drafts(facts, "snippet-too-long")


def snippet_unknown_platform(facts: PostFacts) -> Iterator[Draft]:
    """A `snippets:` or `channels:` entry that names no platform planner knows."""
    return _drafts(facts, "snippet-unknown-platform")
