"""`planner build`: the static site."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from planner.cli.common import EXIT_FINDINGS, PlannerError, load_site, now_option, resolve_now
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
    from planner.publish import BuildError, BuildOptions, build_site

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
    if report.untouched:
        click.echo(
            f"{display_path(report.out)} is up to date: no post, theme file or setting has "
            f"changed since the last build ({report.posts} post(s), {report.seconds:.2f} s)"
        )
        return
    checked = f", {report.checked} checked" if report.checked else ", not checked"
    click.echo(
        f"built {report.posts} post(s) into {display_path(report.out)} in {report.seconds:.2f} s: "
        f"{report.pages_written} file(s) written, {report.pages_unchanged} unchanged; "
        f"{report.rendered} rendered, {report.cached} from cache{checked}"
    )


@click.command()
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to bind (this machine only)."
)
@click.option("--drafts", is_flag=True, help="Show drafts, with a banner of their findings.")
@click.option("--future", is_flag=True, help="Show posts not published yet.")
@now_option
@click.pass_context
def serve(
    ctx: click.Context, port: int, host: str, drafts: bool, future: bool, now: str | None
) -> None:
    """Preview the site locally, rebuilding and reloading on every change.

    Builds the site (into .planner-cache/serve, never into your output
    directory), serves it on http://127.0.0.1:PORT/, and rebuilds when a post,
    the theme, planner.toml or audience.toml changes; open pages reload by
    themselves. Drafts and future posts carry a banner listing their check
    findings. Stop with Ctrl-C.

    \b
    Examples:
      planner serve
      planner serve --drafts --future --port 8080
    """
    from planner.cli.common import Options
    from planner.publish import BuildOptions
    from planner.serve import Preview

    site = load_site(ctx, audience=True)
    options = BuildOptions(drafts=drafts, future=future, now=resolve_now(site, now))
    config_path = (ctx.find_object(Options) or Options()).config_path
    try:
        preview = Preview(config_path, site.root, options, host, port, log=_log)
    except OSError as err:
        raise PlannerError(f"cannot listen on {host}:{port}: {err.strerror}") from None
    report = preview.build()
    if report is not None:
        _log(f"built {report.posts} post(s) in {report.seconds:.2f} s")
    preview.start()
    _log(f"serving {preview.url} (Ctrl-C to stop)")
    signal.signal(signal.SIGTERM, _interrupt)  # stop as cleanly as on Ctrl-C
    try:
        preview.watch()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
        _log("stopped")


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _log(message: str) -> None:
    click.echo(message, err=True)
