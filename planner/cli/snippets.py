"""`planner snippets`: each post's cross-post text for every platform, counted exactly."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli.common import EXIT_FINDINGS, format_option, load_site, now_option, resolve_now
from planner.cli.output import echo_findings, style
from planner.findings import display_path

if TYPE_CHECKING:
    from planner.content import Post
    from planner.snippets.posts import PostSnippets

PLATFORM_NAMES = ("x", "mastodon", "bluesky", "threads", "linkedin", "facebook")


@click.command()
@click.argument("posts", nargs=-1, metavar="[PATH|SLUG]...")
@click.option(
    "--platform",
    "platforms",
    multiple=True,
    type=click.Choice(PLATFORM_NAMES),
    help="Only this platform (repeat for more).",
)
@format_option("text", "json")
@now_option
@click.pass_context
def snippets(
    ctx: click.Context,
    posts: tuple[str, ...],
    platforms: tuple[str, ...],
    output_format: str,
    now: str | None,
) -> None:
    """Print the snippets that point readers to each post, one per platform.

    Each is counted as its platform counts (X's weighted characters, Mastodon's
    characters with links as 23, Bluesky's graphemes and bytes) against its limit:
    "x 241/280". Without arguments: every published and scheduled post. A snippet
    override in front matter that does not fit is reported at its line, and the
    command exits 1. --format json adds share links and Bluesky's facets.

    \b
    Examples:
      planner snippets                                 every published and scheduled post
      planner snippets content/posts/mono-leaf-springs.md --platform x
      planner snippets mono-leaf-springs                by file name or slug
      planner snippets --format json > snippets.json
    """
    from planner.check.terms import AudienceLens
    from planner.content import State
    from planner.findings import Severity
    from planner.snippets.posts import SnippetWriter, override_findings

    site = load_site(ctx, audience=True)
    loaded = site.load_posts()
    echo_findings(loaded.problems)
    if posts:
        chosen = _select(posts, loaded.posts)
    else:
        moment = resolve_now(site, now)
        wanted = (State.PUBLISHED, State.SCHEDULED)
        chosen = [p for p in loaded.posts if p.state(moment) in wanted]
    writer = SnippetWriter(site.config, AudienceLens(site.audience))
    found = [f for post in chosen for f in override_findings(post, _text(post.path), writer)]
    made = [writer.for_post(post, platforms) for post in chosen]
    if output_format == "json":
        click.echo(json.dumps([m.as_json() for m in made], indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(_text_block(m) for m in made) or "No published or scheduled post.")
    echo_findings(found)
    if any(f.severity is Severity.ERROR for f in found):
        ctx.exit(EXIT_FINDINGS)


def _select(wanted: tuple[str, ...], posts: Sequence[Post]) -> list[Post]:
    """The posts named by path, slug or file name without `.md`, in the order given; an
    unknown name is an error."""
    by_path = {p.path.resolve(): p for p in posts}
    by_slug = {p.slug: p for p in posts} | {p.path.stem: p for p in posts}
    chosen = []
    for name in wanted:
        post = by_path.get(Path(name).resolve()) or by_slug.get(name)
        if post is None:
            raise click.BadParameter(
                f"{name!r} is neither a post file that loads nor a post's slug",
                param_hint="PATH|SLUG",
            )
        chosen.append(post)
    return chosen


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _text_block(made: PostSnippets) -> str:
    lines = [style(made.post.title, bold=True) + f"  ({display_path(made.post.path)})"]
    for shared in made.snippets:
        snippet = shared.snippet
        count = f"{snippet.platform} {snippet.length}/{snippet.limit}"
        note = "" if snippet.fits else " too long"
        kind = " (override)" if snippet.override else ""
        lines.append(style(count + note, fg=None if snippet.fits else "red") + kind)
        lines.extend("    " + line if line else "" for line in snippet.text.split("\n"))
    return "\n".join(lines)
