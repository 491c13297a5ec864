"""The build output: swapped in whole, or not at all, even when the build is killed."""

from __future__ import annotations

from pathlib import Path

import pytest
from kill_harness import kill_builds, snapshot, write_small_site

from planner.publish import output


def test_a_killed_build_leaves_the_previous_site_or_the_next_one_whole(tmp_path):
    site = write_small_site(tmp_path / "site", posts=250)
    result = kill_builds(site, kills=4, seed=7)
    assert result.broken == 0 and result.kills == 4


def test_applying_over_an_old_site_replaces_it_whole_and_drops_stale_files(tmp_path):
    out = tmp_path / "public"
    (out / "posts").mkdir(parents=True)
    (out / "index.html").write_text("old home")
    (out / "posts" / "gone.html").write_text("stale")
    (out / "kept.html").write_text("unchanged")
    kept_inode = (out / "kept.html").stat().st_ino
    staging = output.start(out)
    output.write(staging, out, "index.html", b"new home")
    output.write(staging, out, "kept.html", b"unchanged")
    output.apply(
        staging, out, {"index.html", "kept.html"}, {"index.html", "kept.html", "posts/gone.html"}
    )
    assert snapshot(out).keys() == {"index.html", "kept.html"}
    assert (out / "index.html").read_text() == "new home"
    assert (out / "kept.html").stat().st_ino == kept_inode  # unchanged: linked, not rewritten
    assert not output.staging_dir(out).exists()


def test_files_the_last_build_did_not_make_are_kept(tmp_path):
    out = tmp_path / "public"
    out.mkdir()
    (out / "index.html").write_text("old")
    (out / "CNAME").write_text("example.com")
    staging = output.start(out)
    output.write(staging, out, "index.html", b"new")
    output.apply(staging, out, {"index.html"}, {"index.html"})
    assert (out / "CNAME").read_text() == "example.com"
    assert Path(out / "index.html").read_text() == "new"


def old_site(out: Path, files: int) -> set[str]:
    """An output directory of `files` pages, as a build left it; their paths."""
    paths = {f"posts/p{n}/index.html" for n in range(files)}
    for relative in paths:
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_text("old")
    return paths


def test_a_large_change_is_swapped_in_as_a_whole_directory(tmp_path):
    out = tmp_path / "public"
    paths = old_site(out, output.IN_PLACE_MOST + 1)
    before = out.stat().st_ino
    staging = output.start(out)
    for relative in paths:
        output.write(staging, out, relative, b"new")
    output.apply(staging, out, paths, paths)
    assert {(out / relative).read_text() for relative in paths} == {"new"}
    assert out.stat().st_ino != before  # the staging directory took its place


def test_a_small_change_is_applied_file_by_file_in_the_same_directory(tmp_path):
    out = tmp_path / "public"
    paths = old_site(out, 10)
    before = out.stat().st_ino
    staging = output.start(out)
    output.write(staging, out, "posts/p3/index.html", b"new")
    output.apply(staging, out, paths - {"posts/p9/index.html"}, paths)
    assert out.stat().st_ino == before
    assert (out / "posts" / "p3" / "index.html").read_text() == "new"
    assert not (out / "posts" / "p9").exists()  # its stale page gone, and the empty folder
    assert not output.staging_dir(out).exists()


def test_an_apply_killed_half_way_is_finished_by_the_next_build(tmp_path, monkeypatch):
    out = tmp_path / "public"
    paths = old_site(out, 10)
    staging = output.start(out)
    output.write(staging, out, "posts/p1/index.html", b"new 1")
    output.write(staging, out, "posts/p2/index.html", b"new 2")
    real_replace = output.os.replace
    renamed: list[str] = []

    def killed_after_one(source, dest):  # the note, then one of the two pages
        if len(renamed) == 2:
            raise KeyboardInterrupt  # stands for SIGKILL: nothing after it runs
        renamed.append(dest)
        real_replace(source, dest)

    monkeypatch.setattr(output.os, "replace", killed_after_one)
    with pytest.raises(KeyboardInterrupt):
        output.apply(staging, out, paths - {"posts/p9/index.html"}, paths)
    assert sorted(snapshot(out)) == sorted(paths)  # half done: p9 still there
    monkeypatch.setattr(output.os, "replace", real_replace)
    output.start(out)  # the next build
    assert (out / "posts" / "p1" / "index.html").read_text() == "new 1"
    assert (out / "posts" / "p2" / "index.html").read_text() == "new 2"
    assert not (out / "posts" / "p9").exists()
