"""Checking a whole site on every core gives what checking it in one process gives."""

from __future__ import annotations

from test_check import AUDIENCE, GENERIC, SPECIFIC

from planner.check.batch import PARALLEL_MIN_POSTS, check_files, iter_checks
from planner.site import open_site

POSTS = PARALLEL_MIN_POSTS + 50


def with_slug(post: str, slug: str) -> str:
    return post.replace("---\n", f"---\nslug: {slug}\n", 1)


def big_site(make_site):
    posts = {
        f"p{i:04}.md": with_slug(SPECIFIC if i % 3 else GENERIC, f"p{i}") for i in range(POSTS)
    }
    posts["p0007.md"] = "---\ntitle: [unclosed\n---\nbody\n"
    posts["p0300.md"] = with_slug(SPECIFIC, "p1")  # the slug of a post in another chunk
    return open_site(start=make_site(posts=posts, audience=AUDIENCE))


def summary(reports):
    return [(r.path.name, r.score, [(f.line, f.rule) for f in r.findings]) for r in reports]


def test_workers_give_the_same_reports_in_file_order(make_site):
    site = big_site(make_site)
    files = site.post_files()
    alone, alone_problems = check_files(site, files, workers=1)
    shared, shared_problems = check_files(site, files, workers=2)
    assert summary(shared) == summary(alone)
    assert [r.path.name for r in shared] == sorted(r.path.name for r in shared)
    assert len(shared) == POSTS - 2
    assert [(p.path.name, p.line, p.rule) for p in shared_problems] == [
        (p.path.name, p.line, p.rule) for p in alone_problems
    ]
    assert [(p.path.name, p.rule) for p in shared_problems] == [
        ("p0007.md", "bad-front-matter"),
        ("p0300.md", "duplicate-slug"),
    ]


def test_reports_come_in_chunks(make_site):
    site = big_site(make_site)
    chunks = list(iter_checks(site, site.post_files(), workers=2))
    assert len(chunks) > 2
    names = [r.path.name for reports, _ in chunks for r in reports]
    assert names == sorted(names)


def test_stopping_early_leaves_no_workers_behind(make_site):
    site = big_site(make_site)
    chunks = iter_checks(site, site.post_files(), workers=2)
    first_reports, _ = next(chunks)
    chunks.close()
    assert first_reports and first_reports[0].path.name == "p0000.md"


def _checker_that_fails_on(monkeypatch, marker: str, failure) -> None:
    from planner.check.checker import Checker

    real = Checker.check

    def check(self, post, text=None):
        if marker in post.body:
            failure()
        return real(self, post, text)

    monkeypatch.setattr(Checker, "check", check)


def _check_good_and_marked(make_site, marker: str):
    """Check a.md (fine) and b.md (with `marker`): (the one report, the problems)."""
    posts = {"a.md": SPECIFIC, "b.md": f"{SPECIFIC}\n{marker}\n"}
    site = open_site(start=make_site(posts=posts, audience=AUDIENCE))
    [report], problems = check_files(site, site.post_files())
    return report.path.name, [(p.path.name, p.rule) for p in problems]


def _raise() -> None:
    raise RuntimeError("checker bug")


def test_a_failing_check_is_that_posts_finding_and_the_rest_are_checked(make_site, monkeypatch):
    _checker_that_fails_on(monkeypatch, "BOOM", _raise)
    assert _check_good_and_marked(make_site, "BOOM") == ("a.md", [("b.md", "check-failed")])


def test_a_check_past_its_budget_is_reported_not_waited_on(make_site, monkeypatch):
    import planner.check.batch

    def spin() -> None:
        while True:
            pass

    _checker_that_fails_on(monkeypatch, "SLOW", spin)
    monkeypatch.setattr(planner.check.batch, "CHECK_SECONDS", 0.05)
    assert _check_good_and_marked(make_site, "SLOW") == ("a.md", [("b.md", "over-budget")])


def test_debug_prints_the_traceback_of_a_post_that_failed(make_site, monkeypatch):
    from click.testing import CliRunner

    from planner.cli import cli

    _checker_that_fails_on(monkeypatch, "BOOM", _raise)
    monkeypatch.setenv("PLANNER_DEBUG", "")  # restored after the test, which --debug sets
    monkeypatch.chdir(make_site(posts={"b.md": SPECIFIC + "\nBOOM\n"}, audience=AUDIENCE))
    quiet = CliRunner().invoke(cli, ["check"])
    assert "check-failed" in quiet.output and "Traceback" not in quiet.output
    loud = CliRunner().invoke(cli, ["--debug", "check"])
    assert "check-failed" in loud.output and "RuntimeError: checker bug" in loud.output
    assert "Traceback" in loud.output and loud.exit_code == 1
