"""The `planner` command. Commands live in sibling modules and are registered here.

Command modules import only what their options need at import time and load the
rest inside the command, so `planner --help` stays fast.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from pathlib import Path
from typing import Any

import click

from planner import __version__
from planner.cli.common import EXIT_USAGE, Options
from planner.findings import DEBUG_ENV


class PlannerError(click.ClickException):
    """A problem the user can fix; printed as one line, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file: Any = None) -> None:
        click.echo(f"planner: error: {self.format_message()}", err=True)


class PlannerGroup(click.Group):
    """Turns every unexpected exception into one clear line (a traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except OSError as err:
            if _debug(ctx):
                raise
            where = f"{err.filename}: " if err.filename else ""
            raise PlannerError(f"{where}{err.strerror or err}") from None
        except Exception as err:  # the last line of defence
            if _debug(ctx):
                raise
            click.echo(
                f"planner: internal error: {type(err).__name__}: {err}\n"
                "This is a bug in planner. Run the command again with --debug "
                "(planner --debug ...) to see where it happened.",
                err=True,
            )
            ctx.exit(EXIT_USAGE)


def _debug(ctx: click.Context) -> bool:
    options = ctx.find_object(Options)
    return bool(options and options.debug) or bool(os.environ.get(DEBUG_ENV))


@click.group(
    cls=PlannerGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Run 'planner COMMAND --help' for a command's options and examples.",
)
@click.version_option(__version__, "-V", "--version", prog_name="planner")
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this planner.toml instead of the one found in the current or a parent directory.",
)
@click.option("--debug", is_flag=True, help="Show a traceback when something goes wrong.")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None, debug: bool) -> None:
    """Plan, check and publish a static site for a small, specific audience.

    Run inside a site directory (one with planner.toml, or any directory below it).

    \b
    Examples:
      planner init my-site      start a new site
      planner new "Title"       write a new draft
      planner list              see every post and its status
    """
    ctx.obj = Options(config_path=config_path, debug=debug)
    if debug:
        sys.excepthook = traceback.print_exception
        os.environ[DEBUG_ENV] = "1"  # per-post failures print their traceback too


def main() -> None:
    """Entry point of the `planner` console script."""
    cli(prog_name="planner")


COMMAND_MODULES = (
    "planner.cli.posts",
    "planner.cli.schedule",
    "planner.cli.check",
    "planner.cli.build",
)
"""Each module lists its click commands in COMMANDS; one line here registers them."""


def _register() -> None:
    for name in COMMAND_MODULES:
        for command in importlib.import_module(name).COMMANDS:
            cli.add_command(command)


_register()
