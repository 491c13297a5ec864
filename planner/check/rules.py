"""The checker's rules: id, default severity and why the rule exists, and how the
`[check]` table of planner.toml changes them."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from planner.config import Config
from planner.findings import Finding, Severity


@dataclass(frozen=True)
class Rule:
    """A check with a stable id, a default severity and a one-line rationale."""

    id: str
    severity: Severity
    rationale: str


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "tags-missing",
            Severity.ERROR,
            "a post without tags cannot be found by the readers who care about its subject",
        ),
        Rule(
            "tag-too-broad",
            Severity.WARNING,
            "a broad tag reaches nobody in particular; a specific one reaches the readers who care",
        ),
        Rule(
            "tag-off-audience",
            Severity.WARNING,
            "a tag that relates to nothing the audience cares about brings readers the site "
            "is not for",
        ),
        Rule(
            "tag-names-the-niche",
            Severity.INFO,
            "a tag on most of the site's posts tells a reader nothing about this one",
        ),
        Rule(
            "title-generic",
            Severity.WARNING,
            "the title is what readers see first; a specific one tells the right readers "
            "the post is for them",
        ),
        Rule(
            "body-thin-on-specifics",
            Severity.WARNING,
            "niche readers come for numbers, part codes, names and measurements",
        ),
        Rule(
            "vague-wording",
            Severity.INFO,
            "a vague word stands in for a detail the writer could give",
        ),
        Rule(
            "post-off-audience",
            Severity.WARNING,
            "a post about none of the audience's interests is written for someone else",
        ),
        Rule(
            "no-conversation-prompt",
            Severity.INFO,
            "a niche audience is a conversation, not a broadcast: ask the readers something",
        ),
    )
}

Levels = dict[str, Severity | None]
"""Rule id -> the severity it reports at, or None when it is off."""


def rule_levels(config: Config) -> Levels:
    """Each rule's level after `[check] rules` (ids no rule has are ignored)."""
    levels: Levels = {rule.id: rule.severity for rule in RULES.values()}
    for rule_id, level in config.check.rules.items():
        if rule_id in RULES:
            levels[rule_id] = None if level == "off" else Severity.parse(level)
    return levels


def unknown_rules(config: Config) -> list[Finding]:
    """A warning for each id in `[check] rules` that no rule has."""
    return [
        _unknown_rule(rule_id, config) for rule_id in config.check.rules if rule_id not in RULES
    ]


def _unknown_rule(rule_id: str, config: Config) -> Finding:
    """A warning for a rule id in `[check] rules` that no rule has, with a suggestion."""
    close = difflib.get_close_matches(rule_id, list(RULES), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f"; rules: {', '.join(RULES)}"
    source = config.source
    path = source.path if source is not None else config.root / "planner.toml"
    line = source.line_of(("check", "rules", rule_id)) if source is not None else 1
    return Finding(path, line, 1, "unknown-rule", Severity.WARNING, f"no rule '{rule_id}'{hint}")
