"""Skipping a build whose inputs and clock have not moved (planner.publish.unchanged)."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from conftest import copy_example, write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cache import RACY_NS
from planner.cadence import Cadence, slots
from planner.cli import cli
from planner.publish import BuildError, BuildOptions, BuildReport, build_site, unchanged
from planner.site import open_site

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=NY)
AN_HOUR = timedelta(hours=1)
PUBLISHED = "why-restoration-is-worth-it.md"


def build(site: Path, now: datetime = NOW, **options) -> BuildReport:
    return build_site(open_site(start=site), BuildOptions(out=site / "public", now=now, **options))


def settle(site: Path) -> None:
    """Date every file of the site back a minute, as if written well before the build."""
    past = (os.stat(site).st_mtime_ns - 60 * 10**9) / 10**9
    for path in site.rglob("*"):
        if ".planner-cache" not in path.parts and "public" not in path.parts:
            os.utime(path, (past, past))


def tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture
def example(tmp_path: Path) -> Path:
    site = copy_example(tmp_path / "example")
    settle(site)
    return site


def test_a_second_build_with_nothing_changed_does_nothing(example):
    first = build(example)
    before = tree(example / "public")
    second = build(example)
    assert not first.untouched
    assert second.untouched
    files = first.pages_written + first.pages_unchanged
    assert (second.posts, second.pages_written, second.pages_unchanged) == (first.posts, 0, files)
    assert tree(example / "public") == before


def test_the_same_build_later_in_the_span_does_nothing(example):
    build(example)
    record = unchanged.recall(open_site(start=example).cache, (example / "public").resolve())
    assert record is not None and record.good_until > NOW
    assert build(example, now=NOW + (record.good_until - NOW) / 2).untouched
    assert not build(example, now=record.good_until).untouched


def test_an_earlier_clock_builds_again(example):
    build(example)
    assert not build(example, now=NOW - timedelta(seconds=1)).untouched


def test_an_edited_post_builds_again(example):
    build(example)
    post = example / "content" / "posts" / PUBLISHED
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    settle(example)
    report = build(example)
    assert not report.untouched
    assert report.rendered == 1


@pytest.mark.parametrize(
    "change",
    [
        lambda site: (site / "planner.toml").write_text(
            (site / "planner.toml").read_text(encoding="utf-8").replace("Ray Delgado", "R. D."),
            encoding="utf-8",
        ),
        lambda site: (site / "audience.toml").write_text(
            (site / "audience.toml").read_text(encoding="utf-8") + '\ntoo_broad = ["cars"]\n',
            encoding="utf-8",
        ),
        lambda site: (site / "content" / "posts" / "new.md").write_text(
            "---\ntitle: New\nstatus: draft\n---\nBody.\n", encoding="utf-8"
        ),
        lambda site: (site / "themes" / "default" / "static").mkdir(parents=True),
    ],
    ids=["config", "audience", "new post", "site theme"],
)
def test_a_changed_input_builds_again(example, change):
    build(example)
    change(example)
    if (example / "themes" / "default" / "static").is_dir():
        (example / "themes" / "default" / "static" / "extra.css").write_text("p {}\n")
    settle(example)
    assert not build(example).untouched


def test_other_options_build_again(example):
    build(example)
    assert not build(example, drafts=True).untouched


def test_a_deleted_output_file_is_made_again(example):
    build(example)
    index = example / "public" / "index.html"
    made = index.read_bytes()
    index.unlink()
    report = build(example)
    assert not report.untouched
    assert index.read_bytes() == made


def test_a_post_written_just_now_is_not_trusted_to_its_stat(example):
    post = next((example / "content" / "posts").glob("*.md"))
    now_ns = os.stat(example).st_mtime_ns + RACY_NS  # within the racy window of the build
    os.utime(post, ns=(now_ns, now_ns))
    build(example)
    assert not build(example).untouched


def test_a_stopped_build_forgets_the_record(example):
    build(example)
    post = next((example / "content" / "posts").glob("*.md"))
    post.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    settle(example)
    with pytest.raises(BuildError):
        build(example)
    path = open_site(start=example).cache.built_path((example / "public").resolve())
    assert path is not None and not path.exists()


def test_no_cache_keeps_no_record(example):
    build(example, cache=False)
    assert not build(example, cache=False).untouched


def test_a_post_going_live_ends_the_span(example):
    site = open_site(start=example)
    posts = site.load_posts().posts
    scheduled = min(p.date for p in posts if p.date and p.date > NOW)
    assert unchanged.good_until(site, posts, NOW) <= scheduled - unchanged.MARGIN


def test_a_moment_close_to_now_leaves_no_span(example):
    site = open_site(start=example)
    posts = site.load_posts().posts
    dated = next(p.date for p in posts if p.date)
    assert unchanged.good_until(site, posts, dated - AN_HOUR) == dated - AN_HOUR
    assert unchanged.good_until(site, posts, dated + AN_HOUR) == dated + AN_HOUR


# --- a build anywhere in the span gives the same output --------------------------------

INTERESTS = ("muncie gearbox", "trim tag", "rally wheel")
RULES = (
    "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0",
    "FREQ=DAILY;BYHOUR=18;BYMINUTE=30",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
    # slots a whole number of weeks apart are not all slots: passing one and the
    # horizon reaching the next are different moments
    "FREQ=MONTHLY;BYMONTHDAY=1,12,20;BYHOUR=10;BYMINUTE=0",
)
BASE = datetime(2026, 10, 25, 0, 0, tzinfo=NY)  # a week before daylight saving ends
QUARTER = timedelta(minutes=15)
quarters = st.integers

posts = st.lists(
    st.tuples(
        st.sampled_from(INTERESTS),
        st.sampled_from(["ready", "ready", "draft"]),
        st.one_of(st.none(), quarters(-21 * 96, 21 * 96).map(lambda q: BASE + q * QUARTER)),
    ),
    min_size=1,
    max_size=8,
)


def clock_site(root: Path, drawn: list, rule: str, horizon: int, coverage: int) -> Path:
    texts = {}
    for i, (interest, status, when) in enumerate(drawn):
        date = f"date: {when.isoformat()}\n" if when else ""
        tags = interest.replace(" ", "-")
        texts[f"p{i}.md"] = (
            f"---\ntitle: The {interest} of car {i}\nstatus: {status}\n{date}tags: [{tags}]\n---\n"
            f"Notes on the {interest} of car {i}.\n"
        )
    config = (
        '[site]\ntitle = "T"\nbase_url = "https://example.com/"\n'
        'timezone = "America/New_York"\n'
        f'[schedule]\nrules = ["{rule}"]\nhorizon_weeks = {horizon}\n'
        f"coverage_weeks = {coverage}\n"
    )
    audience = f"interests = {list(INTERESTS)!r}\n".replace("'", '"')
    return write_site(root, texts, config=config, audience=audience)


def near_a_moment(data, drawn, rule: str, horizon: int, coverage: int) -> datetime:
    """A clock a little before a moment the output may turn at (a cadence slot, a post's
    date, or either shifted by the horizon or the coverage window), or anywhere: where a
    forgotten moment would show."""
    kind = data.draw(st.sampled_from(["slot", "post", "anywhere"]))
    dates = [when for _, _, when in drawn if when]
    if kind == "slot":
        cadence = Cadence((rule,), (), NY)
        slot = data.draw(st.sampled_from(slots(cadence, BASE, BASE + timedelta(weeks=2))))
        anchor = slot - data.draw(st.sampled_from([timedelta(0), timedelta(weeks=horizon)]))
    elif kind == "post" and dates:
        shifts = [timedelta(weeks=w) for w in (0, -horizon, -coverage, coverage)]
        anchor = data.draw(st.sampled_from(dates)) + data.draw(st.sampled_from(shifts))
    else:
        return BASE + data.draw(quarters(-14 * 96, 14 * 96)) * QUARTER
    return anchor - data.draw(quarters(9, 10 * 4)) * QUARTER  # more than MARGIN before


CLOCK_EXAMPLES = int(os.environ.get("PLANNER_CLOCK_EXAMPLES", "15"))
"""A fast profile; benchmarks/clock_fuzz.py runs it with hundreds of examples."""


@settings(max_examples=CLOCK_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.data(),
    drawn=posts,
    rule=st.sampled_from(RULES),
    horizon=st.integers(1, 3),
    coverage=st.integers(1, 3),
    future=st.booleans(),
)
def test_a_build_anywhere_in_the_span_makes_the_same_output(
    data, drawn, rule, horizon, coverage, future
):
    start = near_a_moment(data, drawn, rule, horizon, coverage)
    with tempfile.TemporaryDirectory() as temporary:
        site_dir = clock_site(Path(temporary), drawn, rule, horizon, coverage)
        options = {"check": False, "future": future}
        build(site_dir, now=start, **options)
        made = tree(site_dir / "public")
        site = open_site(start=site_dir)
        until = unchanged.good_until(site, site.load_posts().posts, start)
        # the span's last second, where a forgotten moment is most likely passed, and one
        # anywhere in it
        ends = [max(start, until - timedelta(seconds=1))]
        ends.append(start + (until - start) * data.draw(st.floats(0, 1, exclude_max=True)))
        for later in ends:
            unchanged.forget(site.cache, (site_dir / "public").resolve())  # no shortcut
            report = build(site_dir, now=later, **options)
            assert not report.untouched
            assert tree(site_dir / "public") == made, later


def test_a_build_without_the_cache_leaves_no_stale_record(example, tmp_path):
    build(example)
    build(example, cache=False, drafts=True)  # the same output directory, more pages
    assert not build(example).untouched
    fresh = tmp_path / "fresh"
    build_site(open_site(start=example), BuildOptions(out=fresh, now=NOW, cache=False))
    assert tree(example / "public") == tree(fresh)


def test_the_command_says_the_output_is_up_to_date(example, monkeypatch):
    monkeypatch.chdir(example)
    runner = CliRunner()
    args = ["build", "--now", "2026-11-22T12:00"]
    first = runner.invoke(cli, args)
    second = runner.invoke(cli, args)
    assert first.exit_code == second.exit_code == 0, first.output
    assert "file(s) written" in first.output
    assert second.output.startswith("public is up to date: no post, theme file or setting")
