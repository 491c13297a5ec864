"""What every command shares: loading the site, `--now`, `--format`, exit codes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import click

from planner.cli.output import echo_findings
from planner.content import FieldError, parse_date
from planner.site import Site, open_site

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class PlannerError(click.ClickException):
    """A problem the user can fix; printed as one line, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"planner: error: {self.format_message()}", err=True)


@dataclass
class Options:
    """The global options, given before the command name."""

    config_path: Path | None = None
    debug: bool = False


def load_site(ctx: click.Context, *, audience: bool = False) -> Site:
    """The site for this invocation; prints config problems, exits 2 on config errors.

    With `audience=True` the profile's problems are printed too (for the commands that
    use the profile).
    """
    options = ctx.find_object(Options) or Options()
    site = open_site(options.config_path)
    echo_findings(site.config_problems)
    if site.has_config_errors:
        raise click.exceptions.Exit(EXIT_USAGE)
    if audience:
        echo_findings(site.audience_problems)
    return site


def now_option(func: F) -> F:
    """`--now`: the moment to treat as the present, so plans and builds are reproducible."""
    return click.option(
        "--now",
        metavar="DATETIME",
        help="Treat this moment as now (YYYY-MM-DD or YYYY-MM-DDTHH:MM, site timezone).",
    )(func)


def resolve_now(site: Site, text: str | None) -> datetime:
    """`--now` as an aware datetime in the site timezone; the clock when not given."""
    if text is None:
        return site.now()
    try:
        moment = parse_date(text, site.tz)
    except FieldError as err:
        raise click.BadParameter(str(err), param_hint="'--now'") from None
    if moment is None:
        raise click.BadParameter("must not be empty", param_hint="'--now'")
    return moment


def format_option(*choices: str) -> Callable[[F], F]:
    """`--format`: the first choice is the default (what a person reads)."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format; the machine formats are stable between versions.",
    )
