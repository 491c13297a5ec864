"""`planner check` results as data: JSON, SARIF 2.1.0 and GitHub workflow commands.

The JSON shape is described by planner/check/schemas/check-report.schema.json; SARIF
follows the OASIS 2.1.0 schema that GitHub code scanning accepts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner import __version__
from planner.check.checker import PostReport
from planner.check.rules import RULES
from planner.findings import Finding, Severity, display_path

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@dataclass(frozen=True)
class CheckRun:
    """Everything one `planner check` found: per-post reports and the files' problems."""

    root: Path
    reports: tuple[PostReport, ...]
    problems: tuple[Finding, ...]
    """Findings outside the rules: files that did not load, unknown rule ids."""

    @property
    def findings(self) -> list[Finding]:
        return [*self.problems, *(f for r in self.reports for f in r.findings)]

    def counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings)

    def average_score(self) -> float | None:
        scores = [r.score for r in self.reports]
        return sum(scores) / len(scores) if scores else None


def to_json(run: CheckRun) -> str:
    """The stable JSON report (schema: check-report.schema.json)."""
    counts = run.counts()
    document = {
        "version": 1,
        "tool": {"name": "niche-planner", "version": __version__},
        "posts": [
            {
                "path": display_path(r.path, run.root),
                "title": r.title,
                "score": r.score,
                "tags": [
                    {"tag": v.term, "score": v.score, "verdict": v.verdict, "reason": v.reason}
                    for v in r.tags
                ],
                "findings": [_finding(f, run.root) for f in r.findings],
            }
            for r in run.reports
        ],
        "problems": [_finding(f, run.root) for f in run.problems],
        "summary": {
            "posts": len(run.reports),
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "average_score": _round(run.average_score()),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False)


def _finding(finding: Finding, root: Path) -> dict[str, Any]:
    return {
        "path": display_path(finding.path, root),
        "line": max(finding.line, 1),
        "column": max(finding.col, 1),
        "severity": str(finding.severity),
        "rule": finding.rule,
        "message": finding.message,
        "suggestions": list(finding.suggestions),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def to_sarif(run: CheckRun) -> str:
    """A SARIF 2.1.0 log with one run; paths are relative to the site (%SRCROOT%)."""
    findings = run.findings
    rule_ids = list(RULES) + sorted({f.rule for f in findings} - set(RULES))
    rules = [_sarif_rule(rule_id) for rule_id in rule_ids]
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = [
        {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": SARIF_LEVELS[f.severity],
            "message": {"text": _with_suggestions(f)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {
                            "uri": Path(display_path(f.path, run.root)).as_posix(),
                            "uriBaseId": "%SRCROOT%",
                        },
                        "region": {"startLine": max(f.line, 1), "startColumn": max(f.col, 1)},
                    }
                }
            ],
        }
        for f in findings
    ]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "niche-planner",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": run.root.resolve().as_uri() + "/"}},
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)


def _sarif_rule(rule_id: str) -> dict[str, Any]:
    rule = RULES.get(rule_id)
    if rule is None:  # a loading problem: a broken file, an unknown rule id
        return {
            "id": rule_id,
            "shortDescription": {"text": f"{rule_id}: a problem reading the site's files"},
            "defaultConfiguration": {"level": "error"},
        }
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.rationale},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.severity]},
    }


def _with_suggestions(finding: Finding) -> str:
    if not finding.suggestions:
        return finding.message
    return finding.message + "\nTry: " + "; ".join(finding.suggestions)


def to_github(findings: Sequence[Finding], root: Path) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for f in findings:
        props = ",".join(
            [
                f"file={_escape_property(Path(display_path(f.path, root)).as_posix())}",
                f"line={max(f.line, 1)}",
                f"col={max(f.col, 1)}",
                f"title={_escape_property(f.rule)}",
            ]
        )
        lines.append(
            f"::{GITHUB_COMMANDS[f.severity]} {props}::{_escape_data(_with_suggestions(f))}"
        )
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
