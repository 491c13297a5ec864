"""LSP messages from analyses: diagnostics, hover, code actions and tag completion.

Pure functions from plain data (an `Analysis`, the document's text, the audience
profile) to lsprotocol values, so they are tested without a server.
"""

from __future__ import annotations

import re

from lsprotocol import types

from planner.audience import Audience, normalize_term
from planner.check.rules import RULES
from planner.findings import Severity
from planner.lsp.analysis import Analysis, Diagnostic, Fix
from planner.lsp.layout import front_matter_lines, yaml_term
from planner.lsp.positions import Lines, Span

SOURCE = "planner"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
KEY_RE = re.compile(r"^([^\s#:-][^:]*?)\s*:(?:\s|$)")
ITEM_RE = re.compile(r"^(\s*-\s+)(['\"]?)")
MAX_SCAN_LINES = 5000
"""How far up completion looks for the `tags:` key above the cursor."""


def range_of(span: Span) -> types.Range:
    """`span` as an LSP range."""
    return types.Range(
        types.Position(span.start_line, span.start_char),
        types.Position(span.end_line, span.end_char),
    )


def diagnostics(analysis: Analysis, uri: str) -> list[types.Diagnostic]:
    """The LSP diagnostics of an analysis: rule id as code, suggestions as related info."""
    return [_diagnostic(d, uri) for d in analysis.diagnostics]


def _diagnostic(diagnostic: Diagnostic, uri: str) -> types.Diagnostic:
    where = range_of(diagnostic.span)
    related = [
        types.DiagnosticRelatedInformation(types.Location(uri, where), f"try {suggestion}")
        for suggestion in diagnostic.suggestions
    ]
    return types.Diagnostic(
        range=where,
        message=diagnostic.message,
        severity=SEVERITIES[diagnostic.severity],
        code=diagnostic.rule,
        source=SOURCE,
        related_information=related or None,
    )


def hover(analysis: Analysis, line: int, char: int) -> types.Hover | None:
    """What a tag's verdict rests on, or why the rule under the cursor exists."""
    for note in analysis.tags:
        if note.span.contains(line, char):
            verdict = note.verdict
            signals = [s for s in verdict.signals if s.value]
            text = [
                f"**{verdict.term}**: {verdict.verdict} for this audience "
                f"(specificity {verdict.score:.2f})",
                "",
                verdict.reason,
            ]
            if signals:
                text += ["", "Signals:"]
                text += [f"- {s.name} ({s.value:+.2f}): {s.note}" for s in signals]
            return types.Hover(_markdown(text), range_of(note.span))
    for diagnostic in analysis.diagnostics:
        if diagnostic.span.contains(line, char):
            rule = RULES.get(diagnostic.rule)
            text = [f"**{diagnostic.rule}** ({diagnostic.severity})", "", diagnostic.message]
            if rule is not None:
                text += ["", f"Why: {rule.rationale}."]
            return types.Hover(_markdown(text), range_of(diagnostic.span))
    return None


def _markdown(lines: list[str]) -> types.MarkupContent:
    return types.MarkupContent(types.MarkupKind.Markdown, "\n".join(lines))


def code_actions(analysis: Analysis, uri: str, wanted: Span) -> list[types.CodeAction]:
    """The quick fixes of the diagnostics that overlap `wanted`, best first."""
    actions = []
    for diagnostic in analysis.diagnostics:
        if diagnostic.span.overlaps(wanted):
            lsp_diagnostic = _diagnostic(diagnostic, uri)
            actions += [_action(fix, uri, lsp_diagnostic) for fix in diagnostic.fixes]
    return actions


def _action(fix: Fix, uri: str, diagnostic: types.Diagnostic) -> types.CodeAction:
    edits = [types.TextEdit(range_of(fix.span), fix.text)]
    return types.CodeAction(
        title=fix.title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: edits}),
        is_preferred=fix.preferred or None,
    )


def tag_terms(audience: Audience) -> list[tuple[str, str]]:
    """(term, why) for every term worth tagging: interests, then narrower topics."""
    found: dict[str, tuple[str, str]] = {}
    for interest in audience.interests:
        found.setdefault(normalize_term(interest), (interest, "an interest of the audience"))
    for broad, narrower in audience.topics.items():
        for term in narrower:
            found.setdefault(normalize_term(term), (term, f"narrower than '{broad}'"))
    too_broad = {normalize_term(t) for t in audience.too_broad}
    return [v for k, v in found.items() if k not in too_broad]


def completions(
    text: str, line: int, char: int, audience: Audience, encoding: str
) -> list[types.CompletionItem]:
    """Tags from the audience profile, when the cursor is in the front matter's tag list."""
    lines = Lines(text, encoding)
    region = _front_matter(lines)
    if region is None or not region[0] <= line < region[1]:
        return []
    col = lines.from_client(line, char)
    start = _tag_item_start(lines, line, col, region[0])
    if start is None:
        return []
    quoted = start > 0 and lines.text(line)[start - 1] in "'\""
    present = _present_tags(lines, region[0], min(region[1], line + MAX_SCAN_LINES))
    items = []
    for number, (term, why) in enumerate(tag_terms(audience)):
        if normalize_term(term) in present:
            continue
        written = term if quoted else yaml_term(term)
        items.append(
            types.CompletionItem(
                label=term,
                kind=types.CompletionItemKind.Value,
                detail=why,
                sort_text=f"{number:05d}",
                filter_text=term,
                text_edit=types.TextEdit(range_of(lines.span(line, start, col)), written),
            )
        )
    return items


def _front_matter(lines: Lines) -> tuple[int, int] | None:
    """(first line inside, closing line) of the front matter; while its closing `---` is
    not typed yet, the end of the document stands in for it."""
    return front_matter_lines(lines.lines) or front_matter_lines([*lines.lines, "---"])


def _tag_item_start(lines: Lines, line: int, col: int, first: int) -> int | None:
    """Where the tag being typed at (line, col) starts, or None outside the tags list."""
    text = lines.text(line)[:col]
    key = KEY_RE.match(text)
    if key:  # on the key's own line: `tags: [a, b|` or `tags: a, b|`
        if key.group(1).strip("'\"") != "tags":
            return None
        return _after_separator(text, key.end())
    item = ITEM_RE.match(text)
    if item is None:
        return None
    for number in range(line - 1, max(first, line - MAX_SCAN_LINES) - 1, -1):
        above = lines.text(number)
        if not above.strip() or ITEM_RE.match(above) or above.lstrip().startswith("#"):
            continue
        key = KEY_RE.match(above)
        if key and key.group(1).strip("'\"") == "tags" and not above[key.end() :].strip():
            return item.end()
        return None
    return None


def _after_separator(text: str, start: int) -> int:
    """The start of the last list item in `text`, after `[`, a comma, spaces or a quote."""
    at = max(text.rfind("[", start), text.rfind(",", start), start - 1) + 1
    while at < len(text) and text[at] in " \t'\"":
        at += 1
    return at


def _present_tags(lines: Lines, first: int, end: int) -> set[str]:
    """Every list item or comma-separated piece written in the front matter's lines."""
    found = set()
    for number in range(first, end):
        for piece in re.split(r"[\[\],]|^\s*-\s|^tags:", lines.text(number)):
            piece = piece.strip().strip("'\"")
            if piece:
                found.add(normalize_term(piece))
    return found
