"""`planner check`, `planner score` and `planner tags`: specificity for the audience."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from planner.cli.common import EXIT_FINDINGS, EXIT_OK, format_option, load_site
from planner.cli.output import SEVERITY_COLORS, echo_findings, table, use_color
from planner.findings import Finding, Severity, display_path

if TYPE_CHECKING:
    from planner.check.batch import Chunk
    from planner.check.checker import PostReport
    from planner.check.report import CheckRun
    from planner.site import Site
    from planner.watch import Change

SEVERITIES = ("error", "warning", "info")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@format_option("text", "json", "sarif", "github")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    help="Exit 1 when a finding is at least this severe (default: [check] fail_on, 'error').",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running: re-check posts as they are saved and print what changed (Ctrl-C stops).",
)
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[Path, ...],
    output_format: str,
    fail_on: str | None,
    watch: bool,
):
    """Check posts for specificity against the audience profile.

    Every post is checked, or only PATHS (files or directories). Findings are
    printed as path:line:col: severity rule-id message, grouped per post with
    the post's specificity score (0-100) and suggestions. Exit 0 when clean,
    1 when a finding is at or above --fail-on, 2 on a usage or config error.

    Rules are turned off or made stricter in [check] rules of planner.toml, or
    inline: <!-- planner-disable rule-id --> (whole post) and
    <!-- planner-disable-next-line rule-id -->.

    \b
    Examples:
      planner check                              every post
      planner check content/posts/new-post.md    one post
      planner check --fail-on warning            stricter, for pre-commit
      planner check --format sarif > check.sarif GitHub code scanning
      planner check --watch                      re-check on every save
    """
    from planner.check.batch import check_files, iter_checks
    from planner.check.report import CheckRun, to_github, to_json, to_sarif
    from planner.check.rules import unknown_rules

    if watch and output_format != "text":
        raise click.UsageError("--watch prints text for a person; leave out --format")
    site = load_site(ctx, audience=True)
    files = _expand(paths) if paths else site.post_files()
    if site.audience.is_empty:
        click.echo(
            "notice: the audience profile is empty or missing; only the rules that need "
            "no profile run (describe your readers in audience.toml: docs/audience.md)",
            err=True,
        )
    if output_format == "text":
        run = _print_text(site.root, iter_checks(site, files), unknown_rules(site.config))
        if watch:
            _watch(site, run, paths)
            ctx.exit(EXIT_OK)
    else:
        reports, problems = check_files(site, files)
        run = CheckRun(site.root, tuple(reports), (*unknown_rules(site.config), *problems))
    if output_format == "json":
        click.echo(to_json(run))
    elif output_format == "sarif":
        click.echo(to_sarif(run))
    elif output_format == "github" and run.findings:
        click.echo(to_github(run.findings, Path.cwd()))
    threshold = Severity.parse(fail_on or site.config.check.fail_on)
    failed = any(f.severity >= threshold for f in run.findings)
    ctx.exit(EXIT_FINDINGS if failed else EXIT_OK)


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given, and the Markdown files under directories; each file once."""
    from planner.content import post_files

    files: dict[Path, Path] = {}
    for path in paths:
        for file in post_files(path) if path.is_dir() else [path]:
            files.setdefault(file.resolve(), file)
    return list(files.values())


def _print_text(root: Path, chunks: Iterable[Chunk], problems: Sequence[Finding]) -> CheckRun:
    """Print findings grouped per post as the chunks come, then a summary; the whole run."""
    from planner.check.report import CheckRun

    echo_findings(problems)
    reports: list[PostReport] = []
    all_problems = list(problems)
    color = use_color()
    for chunk_reports, chunk_problems in chunks:
        echo_findings(chunk_problems)
        for report in chunk_reports:
            if report.findings:
                click.echo(_report_text(report, color), color=color)
        reports += chunk_reports
        all_problems += chunk_problems
    run = CheckRun(root, tuple(reports), tuple(all_problems))
    counts = run.counts()
    flagged = sum(1 for r in run.reports if r.findings)
    average = run.average_score()
    click.echo(
        f"{len(run.reports)} post(s) checked, {flagged} with findings: "
        f"{counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
        f"{counts[Severity.INFO]} info"
        + (f"; average specificity {average:.0f}/100" if average is not None else "")
    )
    return run


def _watch(site: Site, run: CheckRun, paths: tuple[Path, ...]) -> None:
    """Re-check on every save of a post in `paths` (all, when none) until Ctrl-C, printing
    only what changed."""
    from planner.watch import Watcher, watch

    watcher = Watcher(site, paths)
    watcher.remember(run.reports, run.problems)
    where = ", ".join(display_path(p) for p in watcher.watched())
    click.echo(f"watching {where} for changes (Ctrl-C to stop)")
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C during a check, not a wait
        watch(watcher, _print_changes)
    click.echo("stopped watching")


def _print_changes(changes: list[Change], reloaded: bool) -> None:
    """One block per re-checked file: its score, then new (+) and gone (-) findings."""
    color = use_color()
    if reloaded:
        click.echo("the config or the audience profile changed: every post re-checked")
    for change in changes:
        path = display_path(change.path)
        if change.removed:
            click.echo(f"{path}: removed")
            continue
        if not change.changed:
            if not reloaded:
                click.echo(f"{path}: no change")
            continue
        score = f"  (specificity {_arrow(change.score_before, change.score)}/100)"
        click.echo(click.style(path, bold=True) + score if color else path + score, color=color)
        for sign, findings, fg in (("-", change.gone, "green"), ("+", change.new, "yellow")):
            for finding in findings:
                line = f"  {sign} {finding.format()}"
                click.echo(click.style(line, fg=fg) if color else line, color=color)


def _arrow(before: int | None, after: int | None) -> str:
    if before == after or before is None:
        return "-" if after is None else str(after)
    return f"{before} -> {after if after is not None else '-'}"


def _report_text(report: PostReport, color: bool) -> str:
    """One post's block: a header with its score, its findings, their suggestions."""
    header = f"{display_path(report.path)}  (specificity {report.score}/100)"
    lines = [click.style(header, bold=True) if color else header]
    for finding in report.findings:
        severity = str(finding.severity)
        if color:
            severity = click.style(severity, fg=SEVERITY_COLORS[finding.severity])
        lines.append(f"  {finding.location()}: {severity} {finding.rule} {finding.message}")
        lines.extend(f"      try {suggestion}" for suggestion in finding.suggestions)
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("terms", nargs=-1)
@click.option("--stdin", "from_stdin", is_flag=True, help="Read one term or text per line.")
@click.option(
    "--kind",
    type=click.Choice(["term", "text"]),
    default="term",
    show_default=True,
    help="Score tags/short phrases (term) or sentences, titles, paragraphs (text).",
)
@click.option(
    "--no-audience", is_flag=True, help="Give verdicts relative to general English, not the site."
)
@format_option("text", "json")
@click.pass_context
def score(
    ctx: click.Context,
    terms: tuple[str, ...],
    from_stdin: bool,
    kind: str,
    no_audience: bool,
    output_format: str,
) -> None:
    """Score how specific terms or texts are.

    `score` (0-1, higher is more specific) is the same for every site; `verdict`
    (too-broad, ok, specific or off-audience) is relative to the site's audience
    profile, or to general English with --no-audience.

    \b
    Examples:
      planner score cars "1968 Camaro" "Muncie M21"
      planner score --kind text "Here are some tips for your car."
      planner score --stdin --no-audience --format json < tags.txt
    """
    from planner.audience import Audience
    from planner.check.terms import AudienceLens, judge_text

    if from_stdin:
        terms = (*terms, *(line.rstrip("\r\n") for line in sys.stdin))
    if not terms:
        raise click.UsageError("give terms to score, or --stdin")
    audience = Audience() if no_audience else load_site(ctx, audience=True).audience
    lens = AudienceLens(audience)
    judge = lens.judge if kind == "term" else (lambda text: judge_text(lens, text))
    verdicts = [judge(term) for term in terms]
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "text": v.term,
                        "kind": kind,
                        "score": v.score,
                        "verdict": v.verdict,
                        "reason": v.reason,
                        "signals": [
                            {"name": s.name, "value": s.value, "note": s.note} for s in v.signals
                        ],
                    }
                    for v in verdicts
                ],
                ensure_ascii=False,
            )
        )
        return
    rows = [(v.term, f"{v.score:.2f}", v.verdict, v.reason) for v in verdicts]
    click.echo(
        table(("TEXT" if kind == "text" else "TERM", "SCORE", "VERDICT", "WHY"), rows, (50,))
    )


@click.command()
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(["posts", "score", "verdict", "name"]),
    default="posts",
    show_default=True,
    help="Order: most used, least specific, worst verdict first, or by name.",
)
@format_option("text", "json")
@click.pass_context
def tags(ctx: click.Context, sort_by: str, output_format: str) -> None:
    """List every tag the site uses with its specificity for the audience.

    For each tag: how many posts use it, its score, its verdict for the
    audience, and for too-broad or off-audience tags the specific alternatives
    its posts mention most.

    \b
    Examples:
      planner tags
      planner tags --sort verdict
      planner tags --format json
    """
    from planner.check.tags import tag_summaries

    site = load_site(ctx, audience=True)
    loaded = site.load_posts()
    echo_findings(loaded.problems)
    summaries = tag_summaries(site, loaded.posts, sort_by)
    if output_format == "json":
        click.echo(json.dumps([s.as_dict() for s in summaries], indent=2, ensure_ascii=False))
        return
    rows = [
        (s.tag, s.posts, f"{s.score:.2f}", s.verdict, ", ".join(s.suggestions[:3]))
        for s in summaries
    ]
    click.echo(table(("TAG", "POSTS", "SCORE", "VERDICT", "TRY INSTEAD"), rows, (30, 0, 0, 0, 70)))
