"""The rule table: every rule is registered once, by a well-formed id, and runs."""

from __future__ import annotations

import ast
import re
from dataclasses import replace

import pytest
from conftest import REPO_ROOT

from planner.check import Checker
from planner.check.facts import Draft
from planner.check.rules import RULES, Rule, UnknownRule, register, rule
from planner.findings import Severity
from planner.site import open_site


def test_every_rule_has_a_level_a_rationale_and_a_check():
    for found in RULES.values():
        assert isinstance(found.severity, Severity)
        assert found.rationale and "\n" not in found.rationale
        assert callable(found.check)


def test_an_unknown_rule_id_fails_with_a_suggestion():
    with pytest.raises(UnknownRule, match="did you mean 'tag-too-broad'"):
        rule("tag-to-broad")


def test_two_rules_with_one_id_fail_when_the_table_is_built():
    with pytest.raises(ValueError, match="two rules have the id 'vague-wording'"):
        register(RULES["vague-wording"], RULES["vague-wording"])


def test_a_malformed_rule_id_fails_when_the_table_is_built():
    with pytest.raises(ValueError, match="lower-case words"):
        register(replace(RULES["vague-wording"], id="Vague_Wording"))


def test_the_documented_rules_are_the_registered_rules():
    docs = (REPO_ROOT / "docs" / "checking.md").read_text(encoding="utf-8")
    table = docs.split("## Rules", 1)[1].split("\n\n", 2)[1]
    documented = re.findall(r"^\| `([a-z0-9-]+)` \| (\w+) \|", table, re.MULTILINE)
    assert documented == [(r.id, str(r.severity)) for r in RULES.values()]


def test_every_finding_on_the_example_site_names_a_registered_rule():
    site = open_site(start=REPO_ROOT)
    checker = Checker(site)
    found = {f.rule for p in site.load_posts().posts for f in checker.check(p).findings}
    assert found and found <= set(RULES)


def test_a_rule_added_to_the_table_runs_without_changing_the_engine():
    def every_title(facts):
        yield Draft(facts.post.line_of("title"), 1, f"title: {facts.post.title}")

    extra = Rule("title-echo", Severity.INFO, "shows that a new rule runs", every_title)
    site = open_site(start=REPO_ROOT)
    checker = Checker(site, register(*RULES.values(), extra))
    post = site.load_posts().posts[0]
    (finding,) = [f for f in checker.check(post).findings if f.rule == "title-echo"]
    assert finding.message == f"title: {post.title}"
    assert finding.severity is Severity.INFO


def _rule_ids_named_in(source: str) -> set[str]:
    """String constants compared with a finding's `.rule`, or listed in a *RULES tuple."""

    def strings(node: ast.AST) -> set[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            return set().union(*(strings(e) for e in node.elts)) if node.elts else set()
        return set()

    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "rule" for s in sides):
                found |= set().union(*(strings(s) for s in sides))
        elif isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id.endswith("RULES") for t in node.targets
        ):
            found |= strings(node.value)
    return found


def test_every_rule_id_the_code_compares_with_is_registered():
    named = {
        rule_id: path.relative_to(REPO_ROOT)
        for path in (REPO_ROOT / "planner").rglob("*.py")
        for rule_id in _rule_ids_named_in(path.read_text(encoding="utf-8"))
    }
    assert len(named) >= 5  # the editor's quick fixes compare with several ids
    assert {i: p for i, p in named.items() if i not in RULES} == {}
