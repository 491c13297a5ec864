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
