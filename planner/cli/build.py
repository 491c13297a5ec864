"""`planner build`: the static site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from planner.cli.common import EXIT_FINDINGS, load_site, now_option, resolve_now
from planner.cli.output import echo_findings
from planner.findings import display_path


@click.command()
@click.option("--drafts", is_flag=True, help="Include drafts (marked; never in feeds or sitemap).")
@click.option(
    "--future", is_flag=True, help="Include posts not published yet (marked; never in feeds)."
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output directory (default: [paths] output, 'public').",
)
@click.option("--base-url", help="Public URL of the site (default: [site] base_url).")
@click.option("--no-check", is_flag=True, help="Skip the pre-publish check gate.")
@click.option("--no-cache", is_flag=True, help="Render everything again, ignoring the cache.")
@now_option
@click.pass_context
def build(
    ctx: click.Context,
    drafts: bool,
    future: bool,
    out: Path | None,
    base_url: str | None,
    no_check: bool,
    no_cache: bool,
    now: str | None,
) -> None:
    """Build the static site: pages, feeds, calendar.

    Renders every published post (status ready, date not in the future) with the
    theme, plus home, tag, archive and calendar pages, Atom/RSS/JSON feeds, a
    sitemap and calendar.ics. The new site is assembled beside the output
    directory and swapped in only when complete. Posts about to be published
    are checked first; an error-level finding stops the build (exit 1) and
    leaves the previous output as it was.

    \b
    Examples:
      planner build
      planner build --drafts --future --out preview
      planner build --base-url https://example.com/blog/
    """
    from planner.build import BuildError, BuildOptions, build_site

    site = load_site(ctx, audience=True)
    options = BuildOptions(
        out=out.resolve() if out else None,
        drafts=drafts,
        future=future,
        base_url=base_url,
        now=resolve_now(site, now),
        check=not no_check,
        cache=not no_cache,
        progress=sys.stderr.isatty(),
    )
    try:
        report = build_site(site, options)
    except BuildError as err:
        echo_findings(err.findings)
        click.echo(f"planner: build stopped: {err}; the previous output is unchanged", err=True)
        ctx.exit(EXIT_FINDINGS)
    checked = f", {report.checked} checked" if report.checked else ", not checked"
    click.echo(
        f"built {report.posts} post(s) into {display_path(report.out)} in {report.seconds:.2f} s: "
        f"{report.pages_written} file(s) written, {report.pages_unchanged} unchanged; "
        f"{report.rendered} rendered, {report.cached} from cache{checked}"
    )


COMMANDS = (build,)
