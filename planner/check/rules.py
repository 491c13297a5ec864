"""The checker's rules, registered in one table: id, default level, why the rule
exists, and the check that produces its findings; and how the `[check]` table of
planner.toml changes their levels.

A rule is one row of `RULES` and one function over `PostFacts` (in
`planner.check.post_rules` or a module of its own); the engine runs whatever the table
holds, so adding a rule never touches it. Ids are checked when the table is built:
a duplicate or malformed id fails at import, and `rule(id)` fails loudly on an id no
rule has instead of letting a finding or a setting disappear.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from planner.check import post_rules, snippet_rules
from planner.check.facts import Draft, PostFacts
from planner.config import Config
from planner.findings import Finding, Severity

RULE_ID_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
"""Rule ids are lower-case words joined by hyphens: 'tag-too-broad'."""

Check = Callable[[PostFacts], Iterable[Draft]]
"""What a rule runs: the findings it has for one post."""


@dataclass(frozen=True)
class Rule:
    """A check with a stable id, a default severity and a one-line rationale."""

    id: str
    severity: Severity
    rationale: str
    check: Check


class UnknownRule(KeyError):
    """An id no registered rule has."""

    def __init__(self, rule_id: str) -> None:
        close = difflib.get_close_matches(rule_id, list(RULES), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; rules: {', '.join(RULES)}"
        super().__init__(f"no rule '{rule_id}'{hint}")
        self.rule_id = rule_id
        self.hint = hint


def register(*rules: Rule) -> Mapping[str, Rule]:
    """The rule table: each rule by id, in the order given; a bad or repeated id raises."""
    table: dict[str, Rule] = {}
    for rule in rules:
        if not RULE_ID_RE.fullmatch(rule.id):
            raise ValueError(f"rule id '{rule.id}' is not lower-case words joined by hyphens")
        if rule.id in table:
            raise ValueError(f"two rules have the id '{rule.id}'")
        table[rule.id] = rule
    return MappingProxyType(table)


RULES: Mapping[str, Rule] = register(
    Rule(
        "tags-missing",
        Severity.ERROR,
        "a post without tags cannot be found by the readers who care about its subject",
        post_rules.tags_missing,
    ),
    Rule(
        "tag-too-broad",
        Severity.WARNING,
        "a broad tag reaches nobody in particular; a specific one reaches the readers who care",
        post_rules.tag_too_broad,
    ),
    Rule(
        "tag-off-audience",
        Severity.WARNING,
        "a tag that relates to nothing the audience cares about brings readers the site is not for",
        post_rules.tag_off_audience,
    ),
    Rule(
        "tag-names-the-niche",
        Severity.INFO,
        "a tag on most of the site's posts tells a reader nothing about this one",
        post_rules.tag_names_the_niche,
    ),
    Rule(
        "title-generic",
        Severity.WARNING,
        "the title is what readers see first; a specific one tells the right readers "
        "the post is for them",
        post_rules.title_generic,
    ),
    Rule(
        "body-thin-on-specifics",
        Severity.WARNING,
        "niche readers come for numbers, part codes, names and measurements",
        post_rules.body_thin_on_specifics,
    ),
    Rule(
        "vague-wording",
        Severity.INFO,
        "a vague word stands in for a detail the writer could give",
        post_rules.vague_words,
    ),
    Rule(
        "post-off-audience",
        Severity.WARNING,
        "a post about none of the audience's interests is written for someone else",
        post_rules.post_off_audience,
    ),
    Rule(
        "no-conversation-prompt",
        Severity.INFO,
        "a niche audience is a conversation, not a broadcast: ask the readers something",
        post_rules.no_conversation_prompt,
    ),
    Rule(
        "snippet-too-long",
        Severity.ERROR,
        "a snippet override the platform would refuse or cut cannot be posted as written",
        snippet_rules.snippet_too_long,
    ),
    Rule(
        "snippet-unknown-platform",
        Severity.WARNING,
        "a platform name planner does not know shares the post nowhere",
        snippet_rules.snippet_unknown_platform,
    ),
)


def rule(rule_id: str) -> Rule:
    """The rule with `rule_id`; `UnknownRule` (with a "did you mean") when none has it."""
    found = RULES.get(rule_id)
    if found is None:
        raise UnknownRule(rule_id)
    return found


Levels = Mapping[str, Severity | None]
"""Rule id -> the severity it reports at, or None when it is off; every rule has one."""


def rule_levels(config: Config, rules: Mapping[str, Rule] | None = None) -> Levels:
    """Each rule's level after `[check] rules` (ids no rule has: see `unknown_rules`)."""
    rules = RULES if rules is None else rules
    levels: dict[str, Severity | None] = {r.id: r.severity for r in rules.values()}
    for rule_id, level in config.check.rules.items():
        if rule_id in rules:
            levels[rule_id] = None if level == "off" else Severity.parse(level)
    return MappingProxyType(levels)


def unknown_rules(config: Config) -> list[Finding]:
    """A warning for each id in `[check] rules` that no rule has, with a suggestion."""
    found = []
    for rule_id in config.check.rules:
        if rule_id in RULES:
            continue
        source = config.source
        path = source.path if source is not None else config.root / "planner.toml"
        line = source.line_of(("check", "rules", rule_id)) if source is not None else 1
        message = f"no rule '{rule_id}'{UnknownRule(rule_id).hint}"
        found.append(Finding(path, line, 1, "unknown-rule", Severity.WARNING, message))
    return found
