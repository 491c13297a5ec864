"""The `planner` command. Commands live in sibling modules and are listed in `COMMANDS`.

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
from planner.cli.common import EXIT_USAGE, Options, PlannerError
from planner.findings import DEBUG_ENV


class PlannerGroup(click.Group):
    """Loads each command from `COMMANDS` when it is asked for, and turns every
    unexpected exception into one clear line (a traceback with --debug)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, name = where.split(":")
        return getattr(importlib.import_module(module), name)

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


COMMANDS = {
    "init": "planner.cli.posts:init",
    "new": "planner.cli.posts:new",
    "list": "planner.cli.posts:list_posts",
    "check": "planner.cli.check:check",
    "score": "planner.cli.check:score",
    "tags": "planner.cli.check:tags",
    "audience": "planner.cli.audience:audience",
    "schedule": "planner.cli.schedule:schedule",
    "unschedule": "planner.cli.schedule:unschedule",
    "calendar": "planner.cli.schedule:calendar",
    "build": "planner.cli.build:build",
    "serve": "planner.cli.build:serve",
    "lsp": "planner.cli.editor:lsp",
    "snippets": "planner.cli.snippets:snippets",
}
"""Every command: its name and where it is defined. A command's module is imported
only when that command runs (or when help lists the commands), so `planner --version`
and a single command's start-up stay fast."""
