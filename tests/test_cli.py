"""The `planner` group: every listed command loads, and only when it is asked for."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from planner.cli import COMMANDS, cli


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_listed_command_loads_under_its_own_name(name: str) -> None:
    command = cli.get_command(click.Context(cli), name)
    assert isinstance(command, click.Command)
    assert command.name == name


def test_an_unknown_command_is_a_usage_error() -> None:
    assert cli.get_command(click.Context(cli), "publish") is None


def test_importing_the_cli_loads_no_command_module() -> None:
    code = (
        "import sys, planner.cli; "
        "print(sorted(m for m in sys.modules if m.startswith('planner.cli.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "['planner.cli.common', 'planner.cli.output']"
