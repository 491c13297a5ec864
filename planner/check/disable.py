"""Inline switches in a post: turn rules off for the whole post or for one line.

    <!-- planner-disable tag-too-broad vague-wording -->   anywhere: for the whole post
    <!-- planner-disable-next-line vague-wording -->       for the line after it
    # planner-disable-next-line tag-too-broad              the same, in the front matter

With no rule ids, the switch applies to every rule. Post-level rules (tags, title)
report on front-matter lines, so a whole-post switch may sit anywhere in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planner.findings import Finding

DIRECTIVE_RE = re.compile(
    r"(?:<!--|#)\s*planner-disable(?P<next>-next-line)?(?P<rules>(?:[ \t]+[\w-]+)*)[ \t]*(?:-->)?"
)
ALL = "*"


@dataclass(frozen=True)
class Disables:
    """The rules switched off in a post: for the whole post, and per file line."""

    everywhere: frozenset[str] = frozenset()
    by_line: dict[int, frozenset[str]] = field(default_factory=dict)

    def allows(self, finding: Finding) -> bool:
        """False when a switch in the post turns `finding` off."""
        for rules in (self.everywhere, self.by_line.get(finding.line, frozenset())):
            if ALL in rules or finding.rule in rules:
                return False
        return True


def parse_disables(text: str) -> Disables:
    """The inline switches in a post's whole text (front matter and body)."""
    if "planner-disable" not in text:
        return Disables()
    everywhere: set[str] = set()
    by_line: dict[int, frozenset[str]] = {}
    for number, line in enumerate(text.split("\n"), start=1):
        match = DIRECTIVE_RE.search(line)
        if not match:
            continue
        rules = frozenset(match.group("rules").split()) or frozenset({ALL})
        if match.group("next"):
            by_line[number + 1] = by_line.get(number + 1, frozenset()) | rules
        else:
            everywhere |= rules
    return Disables(frozenset(everywhere), by_line)
