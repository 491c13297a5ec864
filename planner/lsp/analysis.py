"""One editor buffer checked: diagnostics at exact ranges, their quick fixes, tag verdicts.

This runs inside the checker process (planner.lsp.worker), so everything that grows
with the document, parsing the front matter included, is under the time budget; what
comes back is plain data the server turns into LSP messages as it is: named tuples,
which cross the process boundary on every keystroke and pickle small and fast.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from planner.audience import normalize_term
from planner.check.checker import Checker
from planner.check.prose import VAGUE_RE
from planner.check.rules import RULES
from planner.check.terms import TermVerdict
from planner.content import MAX_FILE_BYTES, parse_post
from planner.findings import Finding, Severity
from planner.lsp.layout import Layout, Tag, layout, yaml_term
from planner.lsp.positions import UTF16, Lines, Span


class Fix(NamedTuple):
    """A quick fix: the title the editor's menu shows, and the one edit it makes."""

    title: str
    span: Span
    """What the edit replaces; an empty span inserts `text` there."""
    text: str
    preferred: bool = False
    """The fix an editor's own "fix it" key applies: the best replacement of a tag."""


class Diagnostic(NamedTuple):
    """A finding placed in the document, with its suggestions and quick fixes."""

    span: Span
    severity: Severity
    rule: str
    message: str
    suggestions: tuple[str, ...] = ()
    fixes: tuple[Fix, ...] = ()
    """Best first; every checker rule can at least be switched off for its line."""


class TagNote(NamedTuple):
    """A tag's place and its verdict, for hover."""

    span: Span
    verdict: TermVerdict


class Analysis(NamedTuple):
    """Everything the editor shows for one version of one document."""

    diagnostics: tuple[Diagnostic, ...]
    tags: tuple[TagNote, ...] = ()
    """Every tag that could be placed, with its verdict (not only the flagged ones)."""
    score: int | None = None


MAX_DIAGNOSTICS = 500
"""More than this in one document is noise an editor cannot show usefully anyway."""
TAG_RULES = ("tag-too-broad", "tag-off-audience")
QUOTED_RE = re.compile(r"'(.+?)'(?=[\s),;:]|$)")
"""The first quoted term of a suggestion: "'Muncie M21' (mentioned 3)" -> Muncie M21."""


def analyse(checker: Checker, path: Path, text: str, encoding: str = UTF16) -> Analysis:
    """Check the buffer `text` of the post at `path` and place every finding."""
    lines = Lines(text, encoding)
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8")) > MAX_FILE_BYTES:
        size = len(text.encode("utf-8")) / (1024 * 1024)
        message = f"the post is {size:.1f} MB; posts over 2 MB are not checked"
        span = lines.span(0, 0, 0)
        return Analysis((Diagnostic(span, Severity.ERROR, "file-too-large", message),))
    post, problems = parse_post(path, text, checker.site.tz)
    report = checker.check(post, text) if post is not None else None
    findings = [*problems, *(report.findings if report else ())]
    verdicts = report.tags if report else ()
    front = layout(lines.lines) if report else None
    shown = sorted(findings, key=lambda f: (-f.severity, f.line, f.col))[:MAX_DIAGNOSTICS]
    placer = _Placer(lines, front, verdicts)
    diagnostics = [placer.diagnostic(f) for f in sorted(shown, key=lambda f: (f.line, f.col))]
    if len(findings) > len(shown):
        more = len(findings) - len(shown)
        diagnostics.append(
            Diagnostic(
                lines.span(0, 0, len(lines.text(0))),
                Severity.INFO,
                "too-many-findings",
                f"{more} more finding(s) not shown; run planner check on this file for all",
            )
        )
    return Analysis(tuple(diagnostics), placer.tag_notes(), report.score if report else None)


def timed_out(text: str, budget: float, encoding: str = UTF16) -> Analysis:
    """The one diagnostic for a document that could not be checked within `budget` s."""
    lines = Lines(text[:10000], encoding)
    message = (
        f"this post is too large or complex to check within {budget:g} s; "
        "run planner check on it to see its findings"
    )
    span = lines.span(0, 0, len(lines.text(0)))
    return Analysis((Diagnostic(span, Severity.WARNING, "check-timeout", message),))


def failed(text: str, error: str, encoding: str = UTF16) -> Analysis:
    """The one diagnostic for a document whose check failed (a bug, not the writer's)."""
    lines = Lines(text[:10000], encoding)
    message = f"planner could not check this post: {error}"
    span = lines.span(0, 0, len(lines.text(0)))
    return Analysis((Diagnostic(span, Severity.ERROR, "check-failed", message),))


class _Placer:
    """Places findings in one document and works out their quick fixes."""

    def __init__(
        self, lines: Lines, front: Layout | None, verdicts: tuple[TermVerdict, ...]
    ) -> None:
        self.lines = lines
        self.front = front
        self.verdicts = verdicts
        self.tag_keys = {normalize_term(v.term) for v in verdicts}

    def diagnostic(self, finding: Finding) -> Diagnostic:
        tag = self._tag_of(finding)
        span = self._span(finding, tag)
        return Diagnostic(
            span,
            finding.severity,
            finding.rule,
            finding.message,
            finding.suggestions,
            self._fixes(finding, tag),
        )

    def tag_notes(self) -> tuple[TagNote, ...]:
        if self.front is None:
            return ()
        notes = []
        for verdict in self.verdicts:
            tag = self.front.tag(verdict.term)
            if tag is not None:
                notes.append(TagNote(self._place(tag.place), verdict))
        return tuple(notes)

    def _tag_of(self, finding: Finding) -> Tag | None:
        if finding.rule not in TAG_RULES or self.front is None:
            return None
        for verdict in self.verdicts:
            if finding.message.startswith(f"'{verdict.term}' "):
                return self.front.tag(verdict.term)
        return None

    def _span(self, finding: Finding, tag: Tag | None) -> Span:
        line, col = max(finding.line - 1, 0), max(finding.col - 1, 0)
        front = self.front
        if tag is not None:
            return self._place(tag.place)
        if front is not None and finding.rule == "tags-missing" and front.tags_key is not None:
            return self._place(front.tags_key)
        titled = finding.rule in ("title-generic", "post-off-audience")
        if titled and front is not None and front.title is not None:
            return self._place(front.title)
        if finding.rule == "vague-wording":
            match = VAGUE_RE.match(self.lines.text(line), col)
            if match:
                return self.lines.span(line, match.start(), match.end())
        return self.lines.rest_of_line(line, col)

    def _place(self, place: tuple[int, int, int, int]) -> Span:
        return self.lines.span(place[0], place[1], place[3], place[2])

    def _fixes(self, finding: Finding, tag: Tag | None) -> tuple[Fix, ...]:
        terms = [
            t
            for t in dict.fromkeys(_term(s) for s in finding.suggestions)
            if t and normalize_term(t) not in self.tag_keys
        ]
        fixes: list[Fix | None] = []
        if tag is not None and self.front is not None:
            fixes += [
                Fix(
                    f"Replace '{tag.text}' with '{term}'",
                    self._place(tag.outer),
                    self._written(term),
                    preferred=number == 0,
                )
                for number, term in enumerate(terms)
            ]
            fixes += [self._add(term) for term in terms[:1]]
        elif finding.rule == "tags-missing" and self.front is not None:
            fixes += [self._add(term) for term in terms]
        if finding.rule in RULES and finding.line >= 1:
            fixes.append(self._disable(finding))
        return tuple(f for f in fixes if f is not None)

    def _written(self, term: str) -> str:
        """`term` as it must be written where the tags are."""
        if self.front is not None and self.front.form == "comma" and "," not in term:
            return term.strip()
        return yaml_term(term)

    def _add(self, term: str) -> Fix | None:
        front = self.front
        assert front is not None
        line, col = front.insert_at
        written = self._written(term)
        text = {
            "block": f"{front.indent}{written}\n",
            "flow": f", {written}" if front.tags else written,
            "comma": f", {written}",
            "empty": f" [{written}]",
            "none": f"tags: [{written}]\n",
        }.get(front.form)
        if text is None:  # `tags: ~` or a mapping: not something to rewrite
            return None
        return Fix(f"Add tag '{term}'", self.lines.span(line, col, col), text)

    def _disable(self, finding: Finding) -> Fix:
        line = finding.line - 1
        if self.front is not None and self.front.in_front_matter(line):
            text = self.lines.text(line)
            indent = text[: len(text) - len(text.lstrip())]
            comment = f"{indent}# planner-disable-next-line {finding.rule}\n"
        else:
            comment = f"<!-- planner-disable-next-line {finding.rule} -->\n"
        at = self.lines.span(line, 0, 0)
        return Fix(f"Disable {finding.rule} for this line", at, comment)


def _term(suggestion: str) -> str | None:
    match = QUOTED_RE.search(suggestion)
    return match.group(1).strip() if match else None
