"""`planner audience suggest`: a first audience profile drafted from the site's posts."""

from __future__ import annotations

import click

from planner.cli.common import PlannerError, load_site
from planner.cli.output import echo_findings
from planner.findings import display_path


@click.group()
def audience() -> None:
    """Work with the audience profile (audience.toml)."""


@audience.command()
@click.option(
    "--write", is_flag=True, help="Save the draft as audience.toml (only if none exists)."
)
@click.option("--diff", is_flag=True, help="Show what the current profile lacks of the draft.")
@click.pass_context
def suggest(ctx: click.Context, write: bool, diff: bool) -> None:
    """Draft an audience profile from the site's posts.

    Proposes the niche (a specific term on most posts), interests (specific
    terms the posts keep coming back to, and your own tags), a topics tree
    (interests grouped under the broader term they share) and too_broad tags,
    each with the posts it came from. Prints the draft as commented TOML.

    \b
    Examples:
      planner audience suggest            print a draft to review
      planner audience suggest --write    save it as audience.toml (never overwrites)
      planner audience suggest --diff     what the current profile does not have yet
    """
    from planner.audience_suggest import suggest_profile
    from planner.audience_toml import missing, render_draft
    from planner.scaffold import AlreadyExists, create_file

    if write and diff:
        raise click.UsageError("give --write or --diff, not both")
    site = load_site(ctx, audience=diff)
    loaded = site.load_posts()
    echo_findings(loaded.problems)
    if not loaded.posts:
        raise PlannerError(f"no posts to learn from in {display_path(site.config.content_dir)}")
    draft = suggest_profile(loaded.posts)
    if diff:
        lines = missing(draft, site.audience)
        click.echo("\n".join(lines) if lines else "the profile has everything the draft proposes")
        return
    text = render_draft(draft)
    if not write:
        click.echo(text, nl=False)
        return
    target = site.config.audience_path
    source = site.config.source
    if source is not None and "audience" in source.data:
        raise PlannerError("planner.toml has an [audience] table already; not writing a profile")
    try:
        create_file(target, text)
    except AlreadyExists:
        raise PlannerError(
            f"{display_path(target)} already exists; not overwriting it "
            "(see what it lacks with --diff)"
        ) from None
    click.echo(f"wrote {display_path(target)}: review it, then run planner check")
