"""`planner build` on the example site and on small sites: pages, links, feeds, safety."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from conftest import copy_example

from planner.cli import cli
from planner.limits import MAX_NAME_CHARS
from planner.publish import BuildError, BuildOptions, build_site
from planner.site import open_site

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("America/New_York"))
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PUBLISHED = {
    "reading-the-trim-tag-on-a-1968-camaro-paint-code-trim-code-and-build-week",
    "rebuilding-the-muncie-m21-from-a-1968-camaro-sports-coupe-teardown-and-measurements",
    "10-tips-for-keeping-your-classic-car-happy",
    "rally-wheels-on-a-first-gen-camaro-reading-the-date-stamp-on-a-14x7-rim",
    "why-restoration-is-worth-it",
}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    site = tmp_path / "example"
    copy_example(site)
    return site


def build(site: Path, **options) -> tuple[Path, object]:
    out = site / "public"
    report = build_site(open_site(start=site), BuildOptions(out=out, now=NOW, **options))
    return out, report


class Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.hrefs.append(value)


def internal_targets(out: Path) -> list[tuple[Path, str]]:
    found = []
    for page in out.rglob("*.html"):
        parser = Hrefs()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            parts = urlsplit(href)
            if (
                parts.scheme
                or parts.netloc
                or href.startswith("#")
                or href.startswith("/__planner")
            ):
                continue
            found.append((page, parts.path))
    return found


def test_example_site_has_every_page(example):
    out, report = build(example)
    assert report.posts == 5
    for path in (
        "index.html",
        "404.html",
        "tags/index.html",
        "archive/index.html",
        "calendar/index.html",
        "feed.xml",
        "rss.xml",
        "feed.json",
        "sitemap.xml",
        "robots.txt",
        "calendar.ics",
        "static/style.css",
        "static/pygments.css",
    ):
        assert (out / path).is_file(), path
    assert {p.name for p in (out / "posts").iterdir()} == PUBLISHED
    assert (out / "tags" / "muncie-m21" / "index.html").is_file()
    assert (out / "tags" / "muncie-m21" / "feed.xml").is_file()


def test_every_internal_link_resolves(example):
    out, _ = build(example)
    missing = []
    for page, path in internal_targets(out):
        target = out / path.lstrip("/")
        if path.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            missing.append((page.relative_to(out), path))
    assert missing == []


def test_feeds_parse_with_the_required_elements(example):
    out, _ = build(example)
    feed = ET.parse(out / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 5
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{name}").text
    ids = {e.find(f"{ATOM}id").text for e in entries}
    assert all(i.startswith("https://norwood-road.example.com/posts/") for i in ids)
    channel = ET.parse(out / "rss.xml").getroot().find("channel")
    assert channel.find("title").text and channel.find("link").text
    assert len(channel.findall("item")) == 5
    jf = json.loads((out / "feed.json").read_text())
    assert jf["version"] == "https://jsonfeed.org/version/1.1"
    assert {item["id"] for item in jf["items"]} == ids


def test_sitemap_lists_exactly_the_published_posts(example):
    out, _ = build(example)
    locs = [e.text for e in ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    posts = {u.rstrip("/").rsplit("/", 1)[1] for u in locs if "/posts/" in u}
    assert posts == PUBLISHED


def test_drafts_and_future_posts_only_with_flags_and_never_in_feeds(example):
    out, _ = build(example)
    assert not (out / "posts" / "the-j52-front-disc-brake-option-on-a-1967-camaro").exists()
    out, report = build(example, drafts=True, future=True)
    assert report.posts == 13
    draft = out / "posts" / "the-j52-front-disc-brake-option-on-a-1967-camaro" / "index.html"
    assert "Draft" in draft.read_text()
    feed = (out / "feed.xml").read_text()
    assert "J52" not in feed and "Cowl induction" not in feed
    assert "j52" not in (out / "sitemap.xml").read_text()


def test_post_page_metadata(example):
    out, _ = build(example)
    page = (out / "posts" / "why-restoration-is-worth-it" / "index.html").read_text()
    assert (
        '<link rel="canonical" href="https://norwood-road.example.com/posts/why-restoration' in page
    )
    for needle in (
        'property="og:title"',
        'name="twitter:card"',
        'class="h-entry"',
        'class="p-name"',
        'class="e-content"',
        'class="dt-published"',
        'class="u-url',
        'class="p-category',
    ):
        assert needle in page, needle
    assert "min read" in page


def test_html_in_a_title_is_escaped(make_site):
    site = make_site(
        posts={
            "x.md": '---\ntitle: "<script>alert(1)</script> brakes"\ntags: [J52]\n'
            "date: 2026-01-01\n---\nBody.\n"
        }
    )
    out, _ = build(site, check=False)
    html = next((out / "posts").rglob("index.html")).read_text()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_site_theme_overrides_one_template(example):
    templates = example / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "404.html").write_text(
        '{% extends "base.html" %}{% block content %}Lost in the shop{% endblock %}'
    )
    out, _ = build(example)
    assert "Lost in the shop" in (out / "404.html").read_text()
    assert "Norwood Road Restorations" in (out / "index.html").read_text()  # base from default


def test_failing_template_leaves_the_old_output(example):
    out, _ = build(example)
    before = (out / "index.html").read_text()
    templates = example / "themes" / "default" / "templates"
    templates.mkdir(parents=True)
    (templates / "post.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ no_such_thing }}{% endblock %}"
    )
    with pytest.raises(BuildError, match=r"post\.html"):
        build(example)
    assert (out / "index.html").read_text() == before
    assert not any(p.name.startswith(".public.") for p in example.iterdir())


def test_stale_files_disappear_and_unchanged_files_keep_their_mtime(example):
    out, _ = build(example)
    page = out / "posts" / "why-restoration-is-worth-it" / "index.html"
    mtime = page.stat().st_mtime_ns
    (example / "content" / "posts" / "ten-tips-classic-car.md").unlink()
    out, _ = build(example)
    assert not (out / "posts" / "10-tips-for-keeping-your-classic-car-happy").exists()
    assert page.stat().st_mtime_ns == mtime
    (out / "stale.html").write_text("old")
    out, _ = build(example, cache=False)  # without the last build's file list: every file
    assert not (out / "stale.html").exists()
    assert page.stat().st_mtime_ns == mtime


def test_second_build_uses_the_cache_and_writes_nothing(example):
    build(example)
    _, report = build(example)
    assert report.rendered == 0 and report.cached == 5
    assert report.pages_written == 0


def test_post_facts_are_worked_out_once_per_change(example, monkeypatch):
    import planner.publish.phases

    calls: list[str] = []
    real = planner.publish.phases.covered_interests

    def counting(audience, post):
        calls.append(post.title)
        return real(audience, post)

    monkeypatch.setattr(planner.publish.phases, "covered_interests", counting)
    build(example)
    ready = len(calls)
    assert ready > 0
    build(example)
    assert len(calls) == ready  # nothing changed: every post's coverage came from the cache
    post = example / "content" / "posts" / "rally-wheels-date-codes.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    build(example)
    assert len(calls) == ready + 1


def test_calendar_coverage_follows_an_audience_change(example):
    out, _ = build(example)
    assert "Power steering" not in (out / "calendar" / "index.html").read_text(encoding="utf-8")
    profile = example / "audience.toml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("interests = [", 'interests = [\n    "Power steering",', 1))
    out, _ = build(example)
    assert "Power steering" in (out / "calendar" / "index.html").read_text(encoding="utf-8")


def test_gate_stops_on_error_findings_and_no_check_skips_it(make_site):
    site = make_site(
        posts={"x.md": "---\ntitle: Untagged M21 post\ndate: 2026-01-01\n---\nBody.\n"}
    )
    with pytest.raises(BuildError) as err:
        build(site)
    assert [f.rule for f in err.value.findings] == ["tags-missing"]
    assert not (site / "public").exists()
    _, report = build(site, check=False)
    assert report.checked == 0 and report.posts == 1


def test_broken_post_stops_the_build_with_its_location(make_site):
    site = make_site(posts={"bad.md": "---\ntitle: [oops\n---\n"})
    with pytest.raises(BuildError) as err:
        build(site)
    assert err.value.findings[0].path.name == "bad.md"


def test_cli_build_summary_and_exit_codes(example, monkeypatch):
    monkeypatch.chdir(example)
    result = CliRunner().invoke(cli, ["build", "--now", "2026-11-22T12:00"])
    assert result.exit_code == 0, result.output
    assert "built 5 post(s) into public" in result.output and "8 checked" in result.output
    (example / "content" / "posts" / "untagged.md").write_text(
        "---\ntitle: Untagged\ndate: 2026-01-01\n---\nBody.\n"
    )
    result = CliRunner().invoke(cli, ["build", "--now", "2026-11-22T12:00"])
    assert result.exit_code == 1
    assert "tags-missing" in result.output and "previous output is unchanged" in result.output


def test_refuses_to_clean_a_directory_it_did_not_make(example):
    foreign = example / "public"
    foreign.mkdir()
    (foreign / "precious.txt").write_text("mine")
    with pytest.raises(BuildError, match="did not make"):
        build(example)
    assert (foreign / "precious.txt").read_text() == "mine"


def test_gate_findings_are_cached_until_the_post_changes(make_site):
    post = "---\ntitle: Muncie M21 notes\ntags: [Muncie M21]\ndate: 2026-01-01\n---\nBody.\n"
    site = make_site(posts={"x.md": post})
    build(site)
    assert list((site / ".planner-cache" / "findings").glob("*.json"))
    (site / "content" / "posts" / "x.md").write_text(post.replace("tags: [Muncie M21]\n", ""))
    with pytest.raises(BuildError) as err:
        build(site)
    assert [f.rule for f in err.value.findings] == ["tags-missing"]


def sitemap_paths(out: Path) -> set[str]:
    """The site paths the sitemap lists (the example's base URL has no path)."""
    locs = ET.parse(out / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")
    return {urlsplit(loc.text or "").path for loc in locs}


def html_paths(out: Path) -> set[str]:
    """The site path of every HTML page in `out`."""
    return {
        "/" + p.relative_to(out).as_posix().removesuffix("index.html") for p in out.rglob("*.html")
    }


def test_sitemap_lists_exactly_the_public_pages_even_with_drafts(example):
    public, _ = build(example)
    pages = html_paths(public) - {"/404.html"}
    pages = {p for p in pages if not p.startswith("/page/")}  # later pages of the post list
    pages = {p for p in pages if not p.startswith("/share/")}  # the writer's, noindex
    preview = example / "preview"
    build_site(
        open_site(start=example),
        BuildOptions(out=preview, now=NOW, drafts=True, future=True),
    )
    assert sitemap_paths(preview) == sitemap_paths(public) == pages
    assert sitemap_paths(preview) < html_paths(preview)


def test_two_output_directories_built_alternately_stay_current(example):
    preview = example / "preview"

    def build_preview() -> object:
        options = BuildOptions(out=preview, now=NOW, drafts=True, future=True)
        return build_site(open_site(start=example), options)

    build_preview()
    build(example)
    post = example / "content" / "posts" / "rally-wheels-date-codes.md"
    text = post.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    post.write_text(text.replace(title, 'title: "Rally wheel date stamps, revised"'))
    out, _ = build(example)
    report = build_preview()
    for site in (out, preview):
        calendar = (site / "calendar" / "index.html").read_text(encoding="utf-8")
        assert "Rally wheel date stamps, revised" in calendar
    assert report.pages_written > 0


def _explode_on(body_text: str, monkeypatch) -> None:
    """Make rendering fail for any post whose body contains `body_text`."""
    from planner.publish.render import Renderer

    real = Renderer.render

    def render(self, body):
        if body_text in body:
            raise RuntimeError("renderer bug")
        return real(self, body)

    monkeypatch.setattr(Renderer, "render", render)


def test_build_names_every_broken_post_at_once(example, monkeypatch):
    out, _ = build(example)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    posts = example / "content" / "posts"
    (posts / "year-one.md").write_text("---\ntitle: A\ndate: 0001-01-01T00:00:00+05:00\n---\n")
    (posts / "digits.md").write_text(f"---\ntitle: B\npriority: {'9' * 5000}\n---\n")
    (posts / "nested.md").write_text("---\ntitle: C\n---\n" + "![" * 3000 + "x")
    rally = posts / "rally-wheels-date-codes.md"
    rally.write_text(rally.read_text(encoding="utf-8") + "\nEXPLODE\n", encoding="utf-8")
    _explode_on("EXPLODE", monkeypatch)
    with pytest.raises(BuildError) as err:
        build(example, check=False)
    named = {f.path.name for f in err.value.findings}
    assert named == {"year-one.md", "digits.md", "nested.md", "rally-wheels-date-codes.md"}
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_keep_going_builds_every_post_but_the_broken_ones(example, monkeypatch):
    posts = example / "content" / "posts"
    rally = posts / "rally-wheels-date-codes.md"
    rally.write_text(rally.read_text(encoding="utf-8") + "\nEXPLODE\n", encoding="utf-8")
    _explode_on("EXPLODE", monkeypatch)
    out, report = build(example, check=False, keep_going=True)
    assert [f.rule for f in report.problems] == ["render-failed"]
    built = {p.name for p in (out / "posts").iterdir()}
    assert built == PUBLISHED - {
        "rally-wheels-on-a-first-gen-camaro-reading-the-date-stamp-on-a-14x7-rim"
    }


def test_a_render_past_its_budget_is_that_posts_finding(example, monkeypatch):
    import planner.publish.parallel
    from planner.publish.render import Renderer

    real = Renderer.render

    def slow(self, body):
        while "SLOW" in body:
            pass
        return real(self, body)

    monkeypatch.setattr(Renderer, "render", slow)
    monkeypatch.setattr(planner.publish.parallel, "RENDER_SECONDS", 0.05)
    rally = example / "content" / "posts" / "rally-wheels-date-codes.md"
    rally.write_text(rally.read_text(encoding="utf-8") + "\nSLOW\n", encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(example, check=False)
    assert [(f.path.name, f.rule) for f in err.value.findings] == [
        ("rally-wheels-date-codes.md", "over-budget")
    ]


def test_long_tags_and_slugs_build_into_short_file_names(make_site):
    long_tag = "Muncie " * 60
    front = f"title: {'Gearbox ' * 60}\ntags: [{long_tag}]\ndate: 2026-01-01"
    site = make_site(posts={"long.md": f"---\n{front}\n---\nBody.\n"})
    out, report = build(site, check=False)
    assert report.posts == 1
    stems = [p.name.removesuffix(p.suffix) for p in out.rglob("*")]  # "<slug>.json" too
    assert max(len(stem) for stem in stems) <= MAX_NAME_CHARS


def test_control_characters_in_a_post_leave_the_feeds_valid_xml(make_site):
    front = 'title: "Bell \\x07 title"\ntags: ["\\x02tag"]\ndate: 2026-01-01'
    site = make_site(posts={"c.md": f"---\n{front}\n---\nBody \x01 text.\n"})
    out, _ = build(site, check=False)
    for feed in ("feed.xml", "rss.xml", "tags/tag/feed.xml"):
        ET.parse(out / feed)


def _calendar(out: Path) -> str:
    return (out / "calendar" / "index.html").read_text(encoding="utf-8")


def test_calendar_page_opens_on_the_agenda_then_coverage_then_months(example):
    page = _calendar(build(example)[0])
    agenda, coverage, months = (
        page.index(f'id="{name}"') for name in ("agenda", "coverage", "months")
    )
    assert agenda < coverage < months
    coming = page[agenda:coverage]
    assert "Adjusting the Hurst linkage on a Muncie M21 with a 1/4-inch gauge pin" in coming
    assert 'class="item scheduled"' in coming and "Shared on: mastodon, bluesky" in coming
    assert "No post, though the cadence has open slots" in coming


def test_calendar_page_shows_only_the_months_that_hold_posts(example):
    page = _calendar(build(example)[0])
    for month in (
        "August 2026",
        "September 2026",
        "November 2026",
        "December 2026",
        "January 2027",
    ):
        assert f">{month}</h3>" in page
    assert "October 2026" not in page


def test_calendar_page_links_the_ics_file_and_webcal(example):
    page = _calendar(build(example)[0])
    assert 'href="/calendar.ics"' in page
    assert 'href="webcal://norwood-road.example.com/calendar.ics"' in page


def test_calendar_page_marks_a_scheduled_post_with_check_errors(make_site):
    site = make_site(
        posts={"x.md": "---\ntitle: Untagged M21 post\ndate: 2026-12-01 09:00:00\n---\nBody.\n"},
        config='[site]\ntimezone = "America/New_York"\n',
    )
    out, report = build(site)
    assert report.checked == 1
    assert "1 error-level check finding(s); run &#39;planner check x.md&#39;" in _calendar(out)
    out, _ = build(site, check=False)
    assert "error-level" not in _calendar(out)


def test_calendar_page_without_show_upcoming_has_no_agenda(example):
    config = example / "planner.toml"
    config.write_text(config.read_text().replace("[site]\n", "[site]\nshow_upcoming = false\n", 1))
    page = _calendar(build(example)[0])
    assert 'id="agenda"' not in page and "Adjusting the Hurst linkage" not in page
    assert "Reading the trim tag on a 1968 Camaro" not in page  # June: before the months shown
    assert "Why restoration is worth it" in page


def test_gate_and_calendar_share_one_checker_pass(example, monkeypatch):
    import planner.publish.phases as build_module

    calls: list[list[str]] = []
    real = build_module.findings_for

    def counting(site, posts, cache_dir):
        calls.append(sorted(p.path.name for p in posts))
        return real(site, posts, cache_dir)

    monkeypatch.setattr(build_module, "findings_for", counting)
    _, report = build(example)
    assert len(calls) == 1 and report.checked == len(calls[0]) == 8
    assert "hurst-linkage-muncie-m21.md" in calls[0]  # scheduled, on the agenda


def test_calendar_page_marks_today_once(example):
    page = _calendar(build(example)[0])
    assert page.count('aria-current="date"') == 1
    assert '<span class="today-mark">today</span>' in page


def test_a_stopped_build_leaves_the_manifest_describing_the_old_output(example):
    build(example)
    posts = example / "content" / "posts"
    post = posts / "why-restoration-is-worth-it.md"
    text = post.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    post.write_text(text.replace(title, 'title: "Why restoration pays, revised"'))
    broken = posts / "year-one.md"
    broken.write_text("---\ntitle: A\ndate: 0001-01-01\n---\n")
    with pytest.raises(BuildError):
        build(example)
    broken.unlink()
    out, _ = build(example)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Why restoration pays, revised" in home
