"""`planner lsp`: the checker in the editor, over the Language Server Protocol."""

from __future__ import annotations

import click


@click.command()
@click.option(
    "--budget",
    type=click.FloatRange(min=0.1),
    default=2.0,
    show_default=True,
    help="Seconds one document's check may take; a slower one gets one diagnostic saying so.",
)
@click.option(
    "--debounce",
    type=click.FloatRange(min=0.0),
    default=0.3,
    show_default=True,
    help="Seconds of quiet after an edit before the document is checked again.",
)
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
