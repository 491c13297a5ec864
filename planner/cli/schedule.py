"""`planner schedule`, `planner unschedule` and `planner calendar`: the posting calendar."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import click

from planner.cli.common import (
    EXIT_FINDINGS,
    format_option,
    load_site,
    now_option,
    resolve_now,
)
from planner.cli.output import echo_findings, style, table
from planner.findings import display_path


def _echo_warnings(warnings: list) -> None:  # list[PlanWarning]
    for warning in warnings:
        where = f"{display_path(warning.path)}:{warning.line}: " if warning.path else ""
        label = style("warning", err=True, fg="yellow")
        click.echo(f"{where}{label} {warning.code} {warning.message}", err=True)


def _write_results(results: list, verb: str) -> int:  # list[DateEdit]
    failed = 0
    for result in results:
        if result.error:
            failed += 1
            click.echo(f"planner: refused: {result.error}", err=True)
        elif result.written:
            click.echo(f"{verb} {display_path(result.path)}")
        else:
            click.echo(f"unchanged {display_path(result.path)}")
    return EXIT_FINDINGS if failed else 0


def _horizon_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--weeks",
        "horizon_weeks",
        type=click.IntRange(min=1),
        help="Plan this many weeks ahead (default: horizon_weeks in [schedule]).",
    )(func)


@click.command()
@now_option
@_horizon_option
@click.option("--write", is_flag=True, help="Write the planned dates into the post files.")
@format_option("text", "json")
@click.pass_context
def schedule(
    ctx: click.Context, now: str | None, horizon_weeks: int | None, write: bool, output_format: str
) -> None:
    """Place every ready post without a date in a free posting slot.

    Slots come from the [schedule] rules in planner.toml, minus blackout days and
    slots other posts already have. Posts with a date never move. Higher priority
    goes first, then the audience interest that has waited longest, then the
    oldest file; posts sharing a tag or interest stay min_days_between days apart.
    Without --write this is a dry run that only prints the plan. --write changes
    only the date line of each file, atomically, and refuses a file that changed
    since it was read.

    \b
    Examples:
      planner schedule                         show the plan (nothing is written)
      planner schedule --write                 write the planned dates into the posts
      planner schedule --now 2026-11-22 --weeks 26
    """
    from planner.frontmatter_edit import file_stamp, format_date, write_dates
    from planner.schedule import check_warnings, plan_site

    site = load_site(ctx, audience=True)
    moment = resolve_now(site, now)
    files = site.post_files()
    stamps = {path: file_stamp(path) for path in files}  # before reading: edits since refuse
    loaded = site.load_posts(files)
    echo_findings(loaded.problems)
    plan = plan_site(site, loaded.posts, moment, horizon_weeks)
    scheduled = [
        (p, p.date) for p in loaded.posts if p.status == "ready" and p.date and p.date > moment
    ]
    warnings = [
        *plan.warnings,
        *check_warnings(site, [*scheduled, *((a.post, a.when) for a in plan.assignments)]),
    ]
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "now": moment.isoformat(),
                    "until": plan.until.isoformat(),
                    "free_slots": plan.free_slots,
                    "assignments": [
                        {
                            "path": display_path(a.post.path),
                            "title": a.post.title,
                            "date": a.when.isoformat(),
                            "interests": list(a.interests),
                        }
                        for a in plan.assignments
                    ],
                    "unplaced": [display_path(p.path) for p in plan.unplaced],
                    "warnings": [
                        {
                            "code": w.code,
                            "message": w.message,
                            "path": display_path(w.path) if w.path else None,
                        }
                        for w in warnings
                    ],
                },
                indent=2,
            )
        )
    else:
        click.echo(
            f"Plan from {moment:%a %Y-%m-%d %H:%M} to {plan.until:%a %Y-%m-%d} "
            f"({plan.free_slots} free slot(s), {len(plan.assignments)} post(s) placed)"
        )
        if plan.assignments:
            rows = [
                [
                    f"{a.when:%Y-%m-%d}",
                    f"{a.when:%a}",
                    f"{a.when:%H:%M}",
                    a.post.title,
                    a.interests or "-",
                ]
                for a in plan.assignments
            ]
            click.echo(table(["date", "day", "time", "title", "interests"], rows, [0, 0, 0, 60]))
        else:
            click.echo("Nothing to place: no ready post is without a date.")
    if output_format == "text":
        _echo_warnings(warnings)
    if not write:
        if plan.assignments and output_format == "text":
            click.echo("\nDry run: nothing written. Run with --write to write these dates.")
        return
    results = write_dates(
        [(a.post.path, format_date(a.when, site.tz)) for a in plan.assignments],
        expect_undated=True,
        stamps=stamps,
    )
    ctx.exit(_write_results(results, "dated"))


@click.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.pass_context
def unschedule(ctx: click.Context, paths: tuple[Path, ...]) -> None:
    """Remove the date from each post in PATHS, so `planner schedule` may place it again.

    Only the date line is removed; every other byte stays. A file that changes
    while it is being edited is refused.

    \b
    Examples:
      planner unschedule content/posts/mono-leaf-springs.md
      planner unschedule content/posts/*.md
    """
    from planner.frontmatter_edit import write_dates

    load_site(ctx)
    ctx.exit(
        _write_results(write_dates([(p, None) for p in paths], expect_undated=False), "undated")
    )


def _month(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{1,2}", text.strip()):
        raise click.BadParameter(f"{text!r} is not a month; use YYYY-MM", param_hint="'--month'")
    year, month = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12:
        raise click.BadParameter(f"{text!r}: month must be 01-12", param_hint="'--month'")
    return date(year, month, 1)


@click.command()
@now_option
@click.option("--month", "month_text", metavar="YYYY-MM", help="Show this month.")
@click.option(
    "--weeks",
    type=click.IntRange(min=1),
    help="Show the months of the next N weeks (with --coverage: N weeks around now).",
)
@click.option(
    "--ics", type=click.Path(dir_okay=False, path_type=Path), help="Write an iCalendar file."
)
@click.option("--coverage", "show_coverage", is_flag=True, help="Show audience interests by week.")
@click.option(
    "--plan/--no-plan",
    default=True,
    show_default=True,
    help="Include the posts `planner schedule` would place (shown as planned).",
)
@click.pass_context
def calendar(
    ctx: click.Context,
    now: str | None,
    month_text: str | None,
    weeks: int | None,
    ics: Path | None,
    show_coverage: bool,
    plan: bool,
) -> None:
    """Show the posting calendar: published, scheduled and planned posts.

    The default is this month and the next as grids with each post's time and
    title in its day. --coverage shows which audience interest is covered in
    which week (a row of dots is a gap). --ics writes the published and
    scheduled posts (and planned ones unless --no-plan) as an RFC 5545 calendar
    for any calendar application.

    \b
    Examples:
      planner calendar                       this month and the next
      planner calendar --month 2026-12       one month
      planner calendar --weeks 12            every month of the next 12 weeks
      planner calendar --coverage            interests by week, 8 weeks back and ahead
      planner calendar --ics posting.ics     write an iCalendar file
    """
    from planner.calendar import coverage, entries, month_grid, months, to_ics
    from planner.cli.calendar_text import LEGEND, cell_width, render_coverage, render_month
    from planner.schedule import plan_site

    site = load_site(ctx, audience=True)
    moment = resolve_now(site, now)
    loaded = site.load_posts()
    echo_findings(loaded.problems)
    planned = (
        [(a.post, a.when) for a in plan_site(site, loaded.posts, moment).assignments]
        if plan
        else []
    )
    items = entries(
        loaded.posts,
        now=moment,
        audience=site.audience,
        base_url=site.config.site.base_url,
        plan=planned,
    )
    if ics is not None:
        ics.write_bytes(to_ics(items, calendar_name=site.config.site.title, tz=site.tz))
        click.echo(f"wrote {len(items)} event(s) to {display_path(ics)}")
        if not (month_text or weeks or show_coverage):
            return
    today = moment.date()
    if show_coverage:
        span = weeks or site.config.schedule.coverage_weeks
        start = today - timedelta(weeks=span)
        grid = coverage(items, site.audience, start, 2 * span + 1)
        if not grid.rows:
            click.echo("The audience profile lists no interests; nothing to show.")
            return
        click.echo(render_coverage(grid, current=span))
        return
    if month_text:
        first = _month(month_text)
        grids = [month_grid(items, first.year, first.month)]
    else:
        end = today + timedelta(weeks=weeks) if weeks else _next_month_end(today)
        grids = months(items, today, end)
    width = cell_width(shutil.get_terminal_size((100, 24)).columns)
    click.echo("\n\n".join(render_month(grid, width) for grid in grids))
    click.echo(f"\n{LEGEND}")


def _next_month_end(day: date) -> date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, 1)


COMMANDS = (schedule, unschedule, calendar)
