"""Date write-back: only the date line changes, atomically, never over a changed file."""

from __future__ import annotations

import difflib
import os
import shutil
import stat
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from planner.content import read_post
from planner.frontmatter_edit import (
    ChangedOnDisk,
    EditError,
    date_text,
    edit_date,
    file_stamp,
    format_date,
    read_snapshot,
    set_date,
    write_atomic,
    write_dates,
)

FIXTURES = Path(__file__).parent / "fixtures" / "schedule"
NY = ZoneInfo("America/New_York")
WHEN = "2026-12-03 09:00:00"


def changed_lines(before: bytes, after: bytes) -> list[str]:
    """The lines difflib reports as removed or added (keeping their line endings)."""
    diff = difflib.ndiff(before.decode().splitlines(True), after.decode().splitlines(True))
    return [line for line in diff if line[:1] in "+-"]


@pytest.fixture
def copy(tmp_path: Path):
    def make(name: str) -> Path:
        target = tmp_path / name
        shutil.copyfile(FIXTURES / name, target)
        return target

    return make


@pytest.mark.parametrize("name", ["crlf.md", "bom.md", "empty-date.md", "comments.md", "dated.md"])
def test_writing_a_date_changes_only_the_date_line(copy, name: str) -> None:
    path = copy(name)
    before = path.read_bytes()
    assert edit_date(read_snapshot(path), WHEN)
    after = path.read_bytes()
    changes = changed_lines(before, after)
    added = [line for line in changes if line.startswith("+ ")]
    removed = [line for line in changes if line.startswith("- ")]
    assert len(added) == 1 and added[0][2:].startswith(f"date: {WHEN}")
    assert len(removed) <= 1 and all(line[2:].startswith("date:") for line in removed)
    post, problems = read_post(path, NY)
    assert not problems
    assert post is not None and post.date == datetime(2026, 12, 3, 9, 0, tzinfo=NY)


def test_crlf_bom_and_trailing_comment_are_kept(copy) -> None:
    crlf = copy("crlf.md")
    edit_date(read_snapshot(crlf), WHEN)
    assert f"date: {WHEN}\r\n".encode() in crlf.read_bytes()
    assert b"\n" not in crlf.read_bytes().replace(b"\r\n", b"")
    bom = copy("bom.md")
    edit_date(read_snapshot(bom), WHEN)
    assert bom.read_bytes().startswith(b"\xef\xbb\xbf---\n")
    dated = copy("dated.md")
    edit_date(read_snapshot(dated), WHEN)
    assert f"date: {WHEN}  # shop time\n" in dated.read_text()


def test_removing_a_date_removes_only_that_line(copy) -> None:
    path = copy("dated.md")
    before = path.read_bytes()
    assert edit_date(read_snapshot(path), None)
    changes = changed_lines(before, path.read_bytes())
    assert len(changes) == 1 and changes[0].startswith("- date: 2026-07-14")
    assert not edit_date(read_snapshot(path), None)  # already undated: nothing written


def test_schedule_then_unschedule_restores_an_undated_file(copy) -> None:
    path = copy("comments.md")
    original = path.read_bytes()
    edit_date(read_snapshot(path), WHEN)
    edit_date(read_snapshot(path), None)
    assert path.read_bytes() == original


def test_continuation_lines_of_an_old_value_go_with_it() -> None:
    text = "---\ntitle: x\ndate:\n  2026-01-01\ntags: [a]\n---\n"
    assert set_date(text, WHEN) == f"---\ntitle: x\ndate: {WHEN}\ntags: [a]\n---\n"


def test_a_body_delimiter_is_not_the_front_matter() -> None:
    text = "---\ntitle: x\n---\nbody\n---\nmore\n"
    assert set_date(text, WHEN) == f"---\ntitle: x\ndate: {WHEN}\n---\nbody\n---\nmore\n"


def test_files_without_front_matter_are_refused() -> None:
    with pytest.raises(EditError, match="no front matter"):
        set_date("just text\n", WHEN)
    with pytest.raises(EditError, match="no closing"):
        set_date("---\ntitle: x\n", WHEN)


def test_date_text_reads_the_value() -> None:
    assert date_text("---\ndate: 2026-01-01  # c\n---\n") == "2026-01-01"
    assert date_text("---\ndate:\n---\n") == ""
    assert date_text("---\ntitle: x\n---\n") is None


def test_a_file_changed_since_it_was_read_is_refused(copy) -> None:
    path = copy("comments.md")
    snapshot = read_snapshot(path)
    path.write_text(path.read_text() + "edited elsewhere\n")
    edited = path.read_bytes()
    with pytest.raises(ChangedOnDisk):
        write_atomic(snapshot, set_date(snapshot.text, WHEN))
    assert path.read_bytes() == edited
    assert [p.name for p in path.parent.iterdir()] == ["comments.md"]  # no temp file left


def test_write_keeps_the_file_mode(copy) -> None:
    path = copy("comments.md")
    os.chmod(path, 0o640)
    edit_date(read_snapshot(path), WHEN)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_write_dates_reports_each_file_and_keeps_going(copy, tmp_path: Path) -> None:
    dated = copy("dated.md")
    fresh = copy("comments.md")
    missing = tmp_path / "missing.md"
    results = write_dates([(dated, WHEN), (missing, WHEN), (fresh, WHEN)], expect_undated=True)
    assert [(r.path.name, r.written, bool(r.error)) for r in results] == [
        ("dated.md", False, True),
        ("missing.md", False, True),
        ("comments.md", True, False),
    ]
    assert "has a date now" in (results[0].error or "")
    assert "2026-07-14" in dated.read_text()


def test_format_date_is_wall_time_in_the_site_timezone() -> None:
    when = datetime(2026, 12, 3, 14, 0, tzinfo=ZoneInfo("UTC"))
    assert format_date(when, NY) == "2026-12-03 09:00:00"


_plain = st.text(st.characters(codec="ascii", categories=["L", "N"]), min_size=1, max_size=12)


@given(
    keys=st.lists(
        _plain.filter(lambda k: k.lower() != "date"), min_size=1, max_size=5, unique=True
    ),
    values=st.lists(_plain, min_size=5, max_size=5),
    newline=st.sampled_from(["\n", "\r\n"]),
    old=st.sampled_from([None, "", "2026-01-01", "'2026-01-01 09:00'"]),
    position=st.integers(0, 5),
)
def test_round_trip_on_generated_front_matter(keys, values, newline, old, position) -> None:
    lines = [f"{k}: {v}" for k, v in zip(keys, values, strict=False)]
    if old is not None:
        lines.insert(min(position, len(lines)), f"date: {old}".rstrip())
    text = newline.join(["---", *lines, "---", "body", ""])
    edited = set_date(text, WHEN)
    diff = [
        line
        for line in difflib.ndiff(text.splitlines(True), edited.splitlines(True))
        if line[:1] in "+-"
    ]
    assert [line for line in diff if line.startswith("+")] == [f"+ date: {WHEN}{newline}"]
    assert len(diff) == (1 if old is None else 2)
    meta = yaml.safe_load(edited.split(f"---{newline}")[1])
    assert str(meta["date"]) == WHEN
    assert set_date(edited, None).replace(f"date: {old}".rstrip() + newline, "") == text.replace(
        f"date: {old}".rstrip() + newline, ""
    )


def test_a_file_edited_while_the_new_one_is_written_is_refused(copy, monkeypatch) -> None:
    path = copy("comments.md")
    snapshot = read_snapshot(path)
    real_fsync = os.fsync

    def fsync_and_edit(fd: int) -> None:
        real_fsync(fd)
        path.write_text(snapshot.text + "saved by an editor meanwhile\n")

    monkeypatch.setattr(os, "fsync", fsync_and_edit)
    with pytest.raises(ChangedOnDisk):
        write_atomic(snapshot, set_date(snapshot.text, WHEN))
    assert path.read_text().endswith("saved by an editor meanwhile\n")
    assert [p.name for p in path.parent.iterdir()] == ["comments.md"]


def test_a_file_changed_since_its_stamp_was_taken_is_refused(copy) -> None:
    path = copy("comments.md")
    stamp = file_stamp(path)
    path.write_text(path.read_text() + "x\n")
    [result] = write_dates([(path, WHEN)], expect_undated=False, stamps={path: stamp})
    assert not result.written and "changed on disk" in result.error


def test_a_read_only_file_is_refused_with_a_clear_message(copy) -> None:
    path = copy("comments.md")
    before = path.read_bytes()
    os.chmod(path, 0o444)
    [result] = write_dates([(path, WHEN)], expect_undated=False)
    assert "read-only" in result.error and path.read_bytes() == before


def test_a_symlink_is_followed_and_stays_a_symlink(copy, tmp_path: Path) -> None:
    target = copy("comments.md")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    [result] = write_dates([(link, WHEN)], expect_undated=False)
    assert result.written and link.is_symlink()
    assert date_text(target.read_text()) == WHEN


def test_a_broken_symlink_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "gone.md")
    [result] = write_dates([(link, WHEN)], expect_undated=False)
    assert "does not exist" in result.error and link.is_symlink()
