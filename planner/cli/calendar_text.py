"""Terminal rendering of the calendar model: the agenda, month grids and the coverage grid."""

from __future__ import annotations

import calendar as _stdlib_calendar
from typing import TYPE_CHECKING

from planner.calendar import LEGEND as STATUS_KEYS
from planner.calendar import MARKS, WARNING_MARK, Agenda, Coverage, Entry, Month
from planner.cli.output import style, table

if TYPE_CHECKING:
    from planner.schedule import PlanWarning

COLORS = {"published": "green", "scheduled": "cyan", "planned": "yellow"}
LEGEND = "   ".join(f"{key.mark} {key.status}" for key in STATUS_KEYS) + (
    f" ({STATUS_KEYS[-1].meaning})   {WARNING_MARK} warning"
)


def _cell(text: str, width: int) -> str:
    return text[: width - 1] + "…" if len(text) > width else text.ljust(width)


def _entry_text(entry: Entry, width: int) -> str:
    text = _cell(f"{MARKS[entry.status]}{entry.title}", width)
    return style(text, fg=COLORS[entry.status])


def cell_width(columns: int) -> int:
    """The width of a day column that fits seven in `columns` terminal columns."""
    return max(10, min(24, (columns - 6) // 7))


def render_month(month: Month, width: int = 16) -> str:
    """One month as a Monday-first grid with each post's title in its day, then a list
    of the month's posts with their full date, time, title and status."""
    title = f"{_stdlib_calendar.month_name[month.month]} {month.year}"
    lines = [style(title, bold=True)]
    lines.append(" ".join(_cell(name, width) for name in _stdlib_calendar.day_abbr).rstrip())
    for week in month.weeks:
        lines.append(
            " ".join(
                _cell(f"{day.date.day:>2}" if day.in_month else "  .", width) for day in week
            ).rstrip()
        )
        for row in range(max(len(day.entries) for day in week)):
            cells = [
                _entry_text(day.entries[row], width) if row < len(day.entries) else " " * width
                for day in week
            ]
            lines.append(" ".join(cells).rstrip())
    listed = [
        entry for week in month.weeks for day in week if day.in_month for entry in day.entries
    ]
    if listed:
        lines.append("")
        lines.extend(
            style(
                f"  {MARKS[e.status]} {e.when:%a %Y-%m-%d %H:%M}  {e.title}  ({e.status})",
                fg=COLORS[e.status],
            )
            for e in listed
        )
    return "\n".join(lines)


def render_coverage(grid: Coverage, current: int | None = None) -> str:
    """Interests down, weeks across: a count where a post covers the interest, '.' where none.

    `current` marks the column of this week.
    """
    headers = ["interest"] + [
        f"{monday:%m-%d}{'*' if index == current else ''}"
        for index, monday in enumerate(grid.weeks)
    ]
    rows = [
        [interest] + [str(count) if count else "." for count in counts]
        for interest, counts in grid.rows
    ]
    text = table(headers, rows, widths=[28])
    if grid.gaps:
        text += "\n\nNo post in these weeks: " + ", ".join(grid.gaps)
    return text


def _note(note: PlanWarning, indent: str, *, named: bool = False) -> str:
    """A warning line; `named` puts the post's file name first (when not under the post)."""
    message = "no post, though the cadence has open slots" if note.code == "empty-week" else None
    file = f"{note.path.name}: " if named and note.path else ""
    return style(f"{indent}{WARNING_MARK} {file}{message or note.message}", fg="yellow")


def render_agenda(plan: Agenda) -> str:
    """Week by week: each post's weekday, date, time, status and full title, then its tags
    and channels, with a warning line under a post or week the scheduler or checker warns
    about; warnings about the whole plan come last."""
    lines = []
    for number, week in enumerate(plan.weeks):
        label = "This week" if number == 0 else "Week of"
        lines.append(style(f"{label} {week.monday:%a %Y-%m-%d}", bold=True))
        lines.extend(_note(note, "  ") for note in week.notes)
        if not week.items and not week.notes:
            lines.append("  no post")
        for item in week.items:
            e = item.entry
            head = f"  {e.when:%a %Y-%m-%d %H:%M}  {MARKS[e.status]} {e.status:<9}  {e.title}"
            lines.append(style(head, fg=COLORS[e.status]))
            pad = " " * (len(head) - len(e.title))  # under the title
            facts = [f"tags: {', '.join(e.tags)}" if e.tags else "no tags"]
            if e.channels:
                facts.append(f"channels: {', '.join(e.channels)}")
            lines.append(pad + "; ".join(facts))
            lines.extend(_note(note, pad) for note in item.notes)
    if plan.notes:
        lines.append("")
        lines.extend(_note(note, "", named=True) for note in plan.notes)
    return "\n".join(lines)
