"""`planner schedule`, `unschedule` and `calendar` from the command line."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import icalendar
import pytest
from conftest import copy_example

NOW = "2026-11-22T12:00"
CONFIG = """
[site]
base_url = "https://shop.example.com/"
timezone = "America/New_York"
[schedule]
rules = ["FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9;BYMINUTE=0"]
blackout = ["2026-12-24..2027-01-01"]
min_days_between = 0
horizon_weeks = 4
[channels.mastodon]
[channels.linkedin]
enabled = false
"""
AUDIENCE = 'name = "owners"\ninterests = ["rally wheels", "trim tag"]\n'
POSTS = {
    "pinned.md": "---\ntitle: Pinned\ndate: 2026-11-24 09:00:00\ntags: [trim tag]\n---\nx\n",
    "waiting.md": "---\r\ntitle: Waiting  # keep\r\ntags: [rally wheels]\r\n---\r\nx\r\n",
    "empty.md": "---\ntitle: Empty date\ndate:\npriority: 1\n---\nx\n",
    "draft.md": "---\ntitle: Draft\nstatus: draft\n---\nx\n",
}


@pytest.fixture
def site(make_site):
    return make_site(posts=POSTS, config=CONFIG, audience=AUDIENCE)


@pytest.mark.parametrize("command", ["schedule", "unschedule", "calendar"])
def test_help_has_examples(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Examples:" in result.output


def test_dry_run_prints_the_plan_and_writes_nothing(run, site):
    before = {p.name: p.read_bytes() for p in (site / "content/posts").iterdir()}
    result = run("schedule", "--now", NOW, cwd=site)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "2026-11-26  Thu  09:00  Empty date" in lines[2]
    assert "2026-12-01  Tue  09:00  Waiting" in lines[3] and "rally wheels" in lines[3]
    assert "Dry run: nothing written" in result.output
    assert {p.name: p.read_bytes() for p in (site / "content/posts").iterdir()} == before


def test_write_changes_only_the_date_lines(run, site):
    posts = site / "content/posts"
    before = {p.name: p.read_bytes() for p in posts.iterdir()}
    result = run("schedule", "--now", NOW, "--write", cwd=site)
    assert result.exit_code == 0, result.output
    assert "dated content/posts/empty.md" in result.output
    for name in ("pinned.md", "draft.md"):
        assert (posts / name).read_bytes() == before[name]
    for name, date_line in (
        ("empty.md", "date: 2026-11-26 09:00:00\n"),
        ("waiting.md", "date: 2026-12-01 09:00:00\r\n"),
    ):
        diff = difflib.ndiff(
            before[name].decode().splitlines(True),
            (posts / name).read_bytes().decode().splitlines(True),
        )
        assert [d for d in diff if d[:1] in "+"] == [f"+ {date_line}"]
    again = run("schedule", "--now", NOW, cwd=site)
    assert "Nothing to place" in again.output


def test_json_output(run, site):
    result = run("schedule", "--now", NOW, "--format", "json", cwd=site)
    data = json.loads(result.stdout)
    assert [a["path"] for a in data["assignments"]] == [
        "content/posts/empty.md",
        "content/posts/waiting.md",
    ]
    assert data["assignments"][0]["date"] == "2026-11-26T09:00:00-05:00"


def test_unschedule_removes_the_date_line(run, site):
    path = site / "content/posts/pinned.md"
    result = run("unschedule", str(path), cwd=site)
    assert result.exit_code == 0, result.output
    assert path.read_text() == "---\ntitle: Pinned\ntags: [trim tag]\n---\nx\n"
    assert "unchanged" in run("unschedule", str(path), cwd=site).output


def test_unschedule_refuses_a_file_without_front_matter(run, site):
    path = site / "content/posts/plain.md"
    path.write_text("no front matter\n")
    result = run("unschedule", str(path), cwd=site)
    assert result.exit_code == 1
    assert "no front matter" in result.output
    assert path.read_text() == "no front matter\n"


def test_calendar_month_grid_shows_statuses(run, site):
    result = run("calendar", "--now", NOW, "--month", "2026-11", cwd=site)
    assert result.exit_code == 0, result.output
    assert "November 2026" in result.output
    assert "▸ Tue 2026-11-24 09:00  Pinned  (scheduled)" in result.output
    assert "○ Thu 2026-11-26 09:00  Empty date  (planned)" in result.output
    plain = run("calendar", "--now", NOW, "--month", "2026-11", "--no-plan", cwd=site)
    assert "(planned)" not in plain.output


def test_calendar_grid_weeks_shows_every_month_in_range(run, site):
    result = run("calendar", "--now", NOW, "--grid", "--weeks", "6", cwd=site)
    assert "November 2026" in result.output and "December 2026" in result.output
    assert "January 2027" in result.output


def test_calendar_rejects_a_bad_month(run, site):
    result = run("calendar", "--month", "2026-13", cwd=site)
    assert result.exit_code == 2 and "month must be 01-12" in result.output


def test_calendar_agenda_is_the_default_week_by_week(run, site):
    result = run("calendar", "--now", NOW, cwd=site)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:2] == ["This week Mon 2026-11-16", "  no post"]
    assert lines[2] == "Week of Mon 2026-11-23"
    assert lines[3].split(None, 6) == ["Tue", "2026-11-24", "09:00", "▸", "scheduled", "Pinned"]
    assert lines[4].strip() == "tags: trim tag; channels: mastodon"
    assert "Thu 2026-11-26 09:00  ○ planned    Empty date" in result.output


def test_calendar_agenda_marks_an_empty_week(run, site):
    result = run("calendar", "--now", NOW, "--no-plan", cwd=site)
    lines = result.output.splitlines()
    week = lines.index("Week of Mon 2026-11-30")
    assert lines[week + 1] == "  ⚠ no post, though the cadence has open slots"
    assert "Empty date" not in result.output  # planned, left out by --no-plan


def test_calendar_agenda_marks_a_post_with_check_errors(run, site):
    (site / "content/posts/untagged.md").write_text(
        "---\ntitle: Untagged M21 post\ndate: 2026-12-01 09:00:00\n---\nBody.\n"
    )
    result = run("calendar", "--now", NOW, cwd=site)
    lines = result.output.splitlines()
    title = next(i for i, line in enumerate(lines) if line.endswith("Untagged M21 post"))
    assert lines[title + 2].strip().startswith("⚠ 1 error-level check finding(s)")
    quiet = run("calendar", "--now", NOW, "--no-check", cwd=site)
    assert "error-level" not in quiet.output


def test_calendar_ics_alone_prints_no_agenda(run, site, tmp_path):
    result = run("calendar", "--now", NOW, "--ics", str(tmp_path / "out.ics"), cwd=site)
    assert result.output.startswith("wrote 3 event(s)") and "Week of" not in result.output


def test_calendar_coverage_grid(run, site):
    result = run("calendar", "--now", NOW, "--coverage", "--weeks", "2", cwd=site)
    lines = result.output.splitlines()
    assert lines[0].split() == ["interest", "11-02", "11-09", "11-16*", "11-23", "11-30"]
    assert lines[1].split() == ["rally", "wheels", ".", ".", ".", ".", "1"]
    assert lines[2].split() == ["trim", "tag", ".", ".", ".", "1", "."]


def test_calendar_ics(run, site, tmp_path):
    target = tmp_path / "out.ics"
    result = run("calendar", "--now", NOW, "--ics", str(target), cwd=site)
    assert result.exit_code == 0, result.output
    events = list(icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    assert [str(e["uid"]) for e in events] == [
        "pinned@shop.example.com",
        "empty-date@shop.example.com",
        "waiting@shop.example.com",
    ]
    assert str(events[0]["url"]) == "https://shop.example.com/posts/pinned/"


def test_example_site_plan_is_sensible(run, tmp_path):
    site = tmp_path / "example"
    copy_example(site)
    result = run("schedule", "--now", NOW, "--format", "json", cwd=site)
    data = json.loads(result.stdout)
    placed = {Path(a["path"]).name: a["date"] for a in data["assignments"]}
    assert set(placed) == {
        "vin-and-engine-stamp-1969-ss-396.md",
        "mono-leaf-springs.md",
        "restoring-your-classic.md",
    }
    taken = {"2026-12-01T09:00:00-05:00", "2026-12-08T09:00:00-05:00", "2027-01-07T09:00:00-05:00"}
    for when in placed.values():
        assert when[11:16] == "09:00" and when not in taken
        assert not "2026-12-24" <= when[:10] <= "2027-01-01"
    # priority 1 first, then priority 2, then the post without a priority
    assert placed["mono-leaf-springs.md"] == "2026-11-24T09:00:00-05:00"
    assert placed["vin-and-engine-stamp-1969-ss-396.md"] == "2026-11-26T09:00:00-05:00"
    assert placed["restoring-your-classic.md"] == "2026-12-03T09:00:00-05:00"
    before = {p.name: p.read_bytes() for p in (site / "content/posts").iterdir()}
    assert run("schedule", "--now", NOW, "--write", cwd=site).exit_code == 0
    for path in (site / "content/posts").iterdir():
        diff = [
            d
            for d in difflib.ndiff(
                before[path.name].decode().splitlines(True), path.read_text().splitlines(True)
            )
            if d[:1] in "+-"
        ]
        expected = [f"+ date: {placed[path.name][:10]} 09:00:00\n"] if path.name in placed else []
        assert diff == expected


def test_write_refuses_a_post_edited_while_the_plan_was_made(run, site, monkeypatch):
    import planner.schedule

    waiting = site / "content" / "posts" / "waiting.md"
    real = planner.schedule.plan_site

    def plan_while_editing(*args, **kwargs):
        plan = real(*args, **kwargs)
        waiting.write_bytes(waiting.read_bytes() + b"added while planning\r\n")
        return plan

    monkeypatch.setattr(planner.schedule, "plan_site", plan_while_editing)
    result = run("schedule", "--write", "--now", NOW, cwd=site)
    assert result.exit_code == 1
    assert "waiting.md: changed on disk since it was read" in result.output
    assert waiting.read_bytes().endswith(b"added while planning\r\n")
    assert b"date:" not in waiting.read_bytes()
