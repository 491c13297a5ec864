"""Terminal output: aligned tables, colour only on a TTY (and never with NO_COLOR)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

import click

from planner.findings import Finding, Severity

SEVERITY_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def use_color(stream: IO[str] | None = None) -> bool:
    """Whether to colour output on `stream` (default stdout): a TTY, and NO_COLOR unset."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def style(text: str, *, err: bool = False, **styles: Any) -> str:
    """`text` with click styles applied when the target stream gets colour."""
    return click.style(text, **styles) if use_color(sys.stderr if err else sys.stdout) else text


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[int] = ()) -> str:
    """Rows as aligned columns under a header; `widths` caps columns (0 = no cap)."""
    cells = [[str(h) for h in headers], *([_cell(v) for v in row] for row in rows)]
    caps = list(widths) + [0] * (len(headers) - len(widths))
    cells = [[_truncate(c, cap) for c, cap in zip(row, caps, strict=False)] for row in cells]
    sizes = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for number, row in enumerate(cells):
        line = "  ".join(c.ljust(s) for c, s in zip(row, sizes, strict=False)).rstrip()
        lines.append(style(line, bold=True) if number == 0 else line)
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _truncate(text: str, cap: int) -> str:
    return text if not cap or len(text) <= cap else text[: cap - 1] + "…"


def echo_findings(findings: Iterable[Finding], relative_to: Path | None = None) -> None:
    """Print findings to stderr, one `path:line:col: severity rule message` line each."""
    for finding in findings:
        severity = style(str(finding.severity), err=True, fg=SEVERITY_COLORS[finding.severity])
        location = finding.location(relative_to)
        click.echo(f"{location}: {severity} {finding.rule} {finding.message}", err=True)
