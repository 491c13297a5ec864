"""`planner init`, `planner new` and `planner list`: creating and seeing posts."""

from __future__ import annotations

import json
from pathlib import Path

import click

from planner.cli.common import (
    EXIT_FINDINGS,
    PlannerError,
    format_option,
    load_site,
    now_option,
    resolve_now,
)
from planner.cli.output import echo_findings, table
from planner.content import FieldError, Post, State, validate_slug
from planner.findings import display_path


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new site in DIRECTORY (default: here).

    Writes planner.toml, an example audience.toml and a first draft in
    content/posts/. Refuses to overwrite any file that is already there.

    \b
    Examples:
      planner init                 make this directory a site
      planner init ~/sites/camaro  create a site in a new directory
    """
    from planner.scaffold import AlreadyExists, init_site

    try:
        created = init_site(directory)
    except AlreadyExists as err:
        names = ", ".join(display_path(p.resolve()) for p in err.paths)
        raise PlannerError(f"not overwriting what is already there: {names}") from None
    for path in created:
        click.echo(f"created {display_path(path.resolve())}")
    where = "" if directory == Path(".") else f"cd {directory} && "
    click.echo(
        f'\nNext: describe your readers in audience.toml, then {where}planner new "Your first post"'
    )


@click.command()
@click.argument("title")
@click.option(
    "--tags", default="", help="Comma-separated tags, e.g. --tags 'Muncie M21,1968 Camaro'."
)
@click.option("--slug", help="File name and URL name (default: made from the title).")
@click.pass_context
def new(ctx: click.Context, title: str, tags: str, slug: str | None) -> None:
    """Write a new draft post titled TITLE and print its path.

    The draft goes to content/posts/<slug>.md with 'status: draft'; it is never
    scheduled or published until you change that to 'ready'. An existing file is
    never overwritten.

    \b
    Examples:
      planner new "Rebuilding a Muncie M21" --tags "Muncie M21,1968 Camaro"
      planner new "Cowl tags, decoded" --slug cowl-tags
    """
    from planner.scaffold import AlreadyExists, new_post

    site = load_site(ctx)
    if slug is not None:
        try:
            slug = validate_slug(slug)
        except FieldError as err:
            raise click.BadParameter(str(err), param_hint="'--slug'") from None
    tag_list = [t.strip() for t in tags.split(",") if t.strip()]
    try:
        path = new_post(site.config.content_dir / "posts", title, tag_list, slug)
    except AlreadyExists as err:
        raise PlannerError(
            f"{display_path(err.paths[0])} already exists; choose another title or --slug"
        ) from None
    except ValueError as err:
        raise PlannerError(str(err)) from None
    click.echo(display_path(path))


STATE_ORDER = {State.PUBLISHED: 0, State.SCHEDULED: 1, State.UNSCHEDULED: 2, State.DRAFT: 3}


@click.command("list")
@format_option("table", "json")
@click.option(
    "--status",
    "states",
    multiple=True,
    type=click.Choice([s.value for s in State]),
    help="Only posts in this state (repeat for several).",
)
@now_option
@click.pass_context
def list_posts(
    ctx: click.Context, output_format: str, states: tuple[str, ...], now: str | None
) -> None:
    """List every post with its status, date, title and tags.

    Status is derived from the front matter and the current time: draft,
    unscheduled (ready, no date), scheduled (ready, future date) or published.
    Files that cannot be loaded are reported on stderr (exit code 1).

    \b
    Examples:
      planner list
      planner list --status scheduled --status unscheduled
      planner list --format json --now 2026-12-01
    """
    site = load_site(ctx)
    moment = resolve_now(site, now)
    result = site.load_posts()
    echo_findings(result.problems)
    posts = sorted(result.posts, key=lambda p: _list_order(p, moment))
    if states:
        posts = [p for p in posts if p.state(moment) in states]
    if output_format == "json":
        click.echo(json.dumps([post_json(p, moment, site.root) for p in posts], indent=2))
    elif posts:
        rows = [(p.state(moment), _when(p), p.title, p.tags) for p in posts]
        click.echo(table(("STATUS", "DATE", "TITLE", "TAGS"), rows, widths=(0, 0, 60, 50)))
    else:
        click.echo(f"no posts in {display_path(site.config.content_dir)}", err=True)
    if result.has_errors:
        ctx.exit(EXIT_FINDINGS)


def _list_order(post: Post, now) -> tuple:
    stamp = post.date.timestamp() if post.date else float("inf")
    return (STATE_ORDER[post.state(now)], stamp, str(post.path))


def _when(post: Post) -> str:
    return post.date.strftime("%Y-%m-%d %H:%M") if post.date else "-"


def post_json(post: Post, now, root: Path) -> dict:
    """The stable JSON form of a post, as `planner list --format json` prints it."""
    try:
        path = post.path.relative_to(root).as_posix()
    except ValueError:
        path = str(post.path)
    return {
        "path": path,
        "slug": post.slug,
        "title": post.title,
        "status": str(post.state(now)),
        "date": post.date.isoformat() if post.date else None,
        "tags": list(post.tags),
        "summary": post.summary,
        "priority": post.priority,
    }
