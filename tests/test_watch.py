"""`planner check --watch`: re-checks saved posts and prints only what changed."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import write_site

from planner.findings import Finding, Severity
from planner.site import open_site
from planner.watch import Watcher, diff

AUDIENCE = 'interests = ["Muncie M21"]\ntoo_broad = ["cars"]\n'
POST = """\
---
title: Rebuilding the Muncie M21
tags: [cars]
---
The Muncie M21 came behind the L78 396 in 1968. Which one is in yours?
"""


def finding(line: int, rule: str = "vague-wording", message: str = "'stuff' is vague") -> Finding:
    return Finding(Path("a.md"), line, 1, rule, Severity.INFO, message)


def test_a_finding_that_moved_is_neither_new_nor_gone():
    assert diff([finding(3)], [finding(4)]) == ([], [])


def test_new_and_gone_findings_are_told_apart():
    before = [finding(3), finding(5, "tag-too-broad", "'cars'")]
    after = [finding(3), finding(9, "title-generic", "the title")]
    assert diff(before, after) == ([after[1]], [before[1]])


def test_a_repeated_finding_counts_each_time():
    new, gone = diff([finding(3)], [finding(3), finding(7)])
    assert new == [finding(7)] and gone == []


def make_watcher(tmp_path: Path) -> tuple[Watcher, Path]:
    root = write_site(tmp_path / "site", posts={"a.md": POST}, audience=AUDIENCE)
    watcher = Watcher(open_site(root / "planner.toml", start=root))
    post = root / "content" / "posts" / "a.md"
    watcher.recheck([post])
    return watcher, post


def test_a_fixed_tag_is_reported_gone(tmp_path: Path):
    watcher, post = make_watcher(tmp_path)
    post.write_text(POST.replace("[cars]", "[Muncie M21]"))
    [change] = watcher.recheck([post])
    assert [f.rule for f in change.gone] == ["tag-too-broad"] and change.new == ()


def test_a_save_without_change_changes_nothing(tmp_path: Path):
    watcher, post = make_watcher(tmp_path)
    [change] = watcher.recheck([post])
    assert not change.changed


def test_a_deleted_post_is_reported_removed(tmp_path: Path):
    watcher, post = make_watcher(tmp_path)
    post.unlink()
    [change] = watcher.recheck([post])
    assert change.removed


def test_a_changed_profile_reloads_the_site(tmp_path: Path):
    watcher, _ = make_watcher(tmp_path)
    (watcher.site.root / "audience.toml").write_text('interests = ["Muncie M21", "cars"]\n')
    [change] = watcher.reload()
    assert [f.rule for f in change.gone] == ["tag-too-broad"]


def test_config_files_and_posts_are_relevant_backups_are_not(tmp_path: Path):
    watcher, post = make_watcher(tmp_path)
    assert watcher.relevant(None, str(post))
    assert watcher.relevant(None, str(watcher.site.root / "audience.toml"))
    assert not watcher.relevant(None, str(post) + "~")
    assert not watcher.relevant(None, str(post.with_name(".a.md.swp")))


def test_only_the_posts_given_are_watched(tmp_path: Path):
    root = write_site(tmp_path / "site", posts={"a.md": POST, "b.md": POST}, audience=AUDIENCE)
    posts = root / "content" / "posts"
    watcher = Watcher(open_site(root / "planner.toml", start=root), [posts / "a.md"])
    assert watcher.relevant(None, str(posts / "a.md"))
    assert not watcher.relevant(None, str(posts / "b.md"))
    assert watcher.relevant(None, str(root / "audience.toml"))
    assert [c.path.name for c in watcher.reload()] == ["a.md"]


class Lines:
    """A subprocess's stdout, line by line, readable with a timeout."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.put(line)

    def until(self, text: str, timeout: float = 30) -> list[str]:
        seen, deadline = [], time.monotonic() + timeout
        while not seen or text not in seen[-1]:
            seen.append(self.lines.get(timeout=max(0.01, deadline - time.monotonic())))
        return seen


def test_watch_prints_what_a_save_changed_and_stops_on_ctrl_c(tmp_path: Path):
    root = write_site(tmp_path / "site", posts={"a.md": POST}, audience=AUDIENCE)
    env = {**os.environ, "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}
    errors = (tmp_path / "stderr.txt").open("w+")  # a file: an unread pipe could block it
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", "check", "--watch"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env=env,
        # As in a terminal: a shell that started this run in the background makes its
        # children ignore SIGINT, and Python then never turns Ctrl-C into an interrupt.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        out = Lines(process)
        assert any("tag-too-broad" in line for line in out.until("watching"))
        time.sleep(0.5)  # the watcher is set up right after it says so
        post = root / "content" / "posts" / "a.md"
        post.write_text(POST.replace("[cars]", "[Muncie M21]"))
        changed = out.until("tag-too-broad")
        assert changed[-1].startswith("  - content/posts/a.md:3:8: warning tag-too-broad")
        assert not [line for line in changed if line.startswith("  + ")]
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0  # generous: CI machines are shared
        errors.seek(0)
        assert "Traceback" not in errors.read()
        assert out.until("stopped watching")
    finally:
        if process.poll() is None:
            process.kill()
        errors.close()
