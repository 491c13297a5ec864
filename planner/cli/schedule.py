"""`planner schedule`, `planner unschedule` and `planner calendar`: the posting calendar."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from planner.cli.common import (
    EXIT_FINDINGS,
    format_option,
    load_site,
    now_option,
    resolve_now,
)
from planner.cli.output import echo_findings, style, table
from planner.findings import display_path

if TYPE_CHECKING:
    from planner.calendar import Entry
    from planner.content import Post
    from planner.schedule import Plan
    from planner.site import Site


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
@click.option(
    "--agenda",
    "view",
    flag_value="agenda",
    default=True,
    help="Week by week: date, time, status, full title, tags, channels, warnings (the default).",
)
@click.option("--month", "month_text", metavar="YYYY-MM", help="Show this month as a grid.")
@click.option("--grid", "view", flag_value="grid", help="Show month grids instead of the agenda.")
@click.option("--coverage", "view", flag_value="coverage", help="Show audience interests by week.")
@click.option(
    "--weeks",
    type=click.IntRange(min=1, max=520),
    help="The agenda's length (default: horizon_weeks), the grids' range (default: this "
    "month and the next), or with --coverage N weeks back and ahead.",
)
@click.option(
    "--ics", type=click.Path(dir_okay=False, path_type=Path), help="Write an iCalendar file."
)
@click.option(
    "--plan/--no-plan",
    default=True,
    show_default=True,
    help="Include the posts `planner schedule` would place (shown as planned).",
)
@click.option(
    "--check/--no-check",
    default=True,
    show_default=True,
    help="Mark agenda posts with error-level check findings (cached like the build's).",
)
@click.pass_context
def calendar(
    ctx: click.Context,
    now: str | None,
    view: str,
    month_text: str | None,
    weeks: int | None,
    ics: Path | None,
    plan: bool,
    check: bool,
) -> None:
    """Show the posting calendar: published, scheduled and planned posts.

    The default is the agenda: the coming weeks one by one, each post with its
    weekday, date, time, status, full title, tags and channels, and a warning
    where the scheduler warns (a week with open slots but no post, an interest
    left uncovered) or the checker finds error-level problems in a post.
    --month and --grid show month grids, --coverage which audience interest is
    covered in which week (a row of dots is a gap). --ics writes the published
    and scheduled posts (and planned ones unless --no-plan) as an RFC 5545
    calendar for any calendar application.

    \b
    Examples:
      planner calendar                       the agenda of the next horizon_weeks weeks
      planner calendar --weeks 4 --no-plan   four weeks, only posts that have a date
      planner calendar --month 2026-12       one month as a grid
      planner calendar --grid --weeks 12     every month of the next 12 weeks
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
    proposal = plan_site(site, loaded.posts, moment) if plan else None
    items = entries(
        loaded.posts,
        now=moment,
        audience=site.audience,
        base_url=site.config.site.base_url,
        plan=[(a.post, a.when) for a in proposal.assignments] if proposal else [],
        channels=site.config.channels,
    )
    if ics is not None:
        ics.write_bytes(to_ics(items, calendar_name=site.config.site.title, tz=site.tz))
        click.echo(f"wrote {len(items)} event(s) to {display_path(ics)}")
        if ctx.get_parameter_source("view") is ParameterSource.DEFAULT and not (
            month_text or weeks
        ):
            return
    today = moment.date()
    if view == "coverage":
        span = weeks or site.config.schedule.coverage_weeks
        start = today - timedelta(weeks=span)
        grid = coverage(items, site.audience, start, 2 * span + 1)
        if not grid.rows:
            click.echo("The audience profile lists no interests; nothing to show.")
            return
        click.echo(render_coverage(grid, current=span))
        return
    if view == "agenda" and not month_text:
        click.echo(_agenda_text(site, loaded.posts, items, proposal, moment, weeks, check))
        click.echo(f"\n{LEGEND}")
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


def _agenda_text(
    site: Site,
    posts: Sequence[Post],
    items: Sequence[Entry],
    proposal: Plan | None,
    moment: datetime,
    weeks: int | None,
    check: bool,
) -> str:
    """The agenda with the plan's warnings (or, with --no-plan, the dated posts' own) and
    the error-level check findings of the posts still to come."""
    from planner.calendar import agenda, monday
    from planner.cli.calendar_text import render_agenda
    from planner.publish.gate import findings_for
    from planner.schedule import dated_warnings

    length = weeks or site.config.schedule.horizon_weeks
    first = monday(moment.date())
    coming = {
        e.path
        for e in items
        if e.status != "published" and first <= e.when.date() < first + timedelta(weeks=length)
    }
    findings = []
    if check and coming:  # from the cache the build keeps; a few posts: nothing saved
        findings = findings_for(site, [p for p in posts if p.path in coming], site.cache)
    if proposal is not None:
        warnings = list(proposal.warnings)
    else:
        warnings = dated_warnings(site, posts, moment, {e.path: e.interests for e in items})
    return render_agenda(
        agenda(items, today=moment.date(), weeks=length, warnings=warnings, findings=findings)
    )


def _next_month_end(day: date) -> date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, 1)
