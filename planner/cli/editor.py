"""`planner lsp`: the checker in the editor, over the Language Server Protocol."""

from __future__ import annotations

from typing import Any

import click


def _seconds(flag: str, default: float, minimum: float, text: str) -> Any:
    return click.option(
        flag,
        type=click.FloatRange(min=minimum),
        default=default,
        show_default=True,
        metavar="SECONDS",
        help=text,
    )


@click.command()
@_seconds(
    "--budget",
    2.0,
    0.1,
    "Time one document's check may take; a slower one gets one diagnostic saying so.",
)
@_seconds("--debounce", 0.3, 0.0, "Quiet time after an edit before the document is checked again.")
def lsp(budget: float, debounce: float) -> None:
    """Run the language server on stdin and stdout (for editors).

    Markdown posts inside a site (the nearest planner.toml above the file) get the
    checker's findings as diagnostics while you type, hover explanations, quick
    fixes (replace a broad tag with a specific one, add a suggested tag, switch a
    rule off for one line) and completion of tags from the audience profile.
    docs/editors.md has the setup for VS Code, Neovim, Helix and Zed.

    \b
    Examples:
      planner lsp                  what the editor runs
      planner lsp --budget 5       allow slower checks on a slow machine
    """
    from planner.lsp.server import run

    run(budget, debounce)
