"""The build output: swapped in whole, or not at all, even when the build is killed."""

from __future__ import annotations

from pathlib import Path

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
