"""Post views: values worked out once per post for the templates."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime

from post_views import post_view

SET_POST = """---
title: Sets
extra: !!set {%s}
nested: {inner: [!!set {%s}]}
---
Body.
"""
KEY_OF = (
    "import sys; from pathlib import Path; from zoneinfo import ZoneInfo;"
    "from planner.content import read_post; from planner.publish.pages import post_key;"
    "print(post_key(read_post(Path(sys.argv[1]), ZoneInfo('UTC'))[0]))"
)


def test_a_post_view_gives_its_date_for_time_elements_and_for_readers():
    post = post_view(date=datetime(2026, 11, 2, 9, 30, tzinfo=UTC))
    assert (post.date_iso, post.date_text) == ("2026-11-02T09:30:00+00:00", "2 November 2026")


def test_a_post_view_without_a_date_gives_empty_dates():
    post = post_view(date=None)
    assert (post.date_iso, post.date_text) == ("", "")


def test_a_changed_date_is_worked_out_again_in_the_new_view():
    post = post_view(date=datetime(2026, 11, 2, tzinfo=UTC))
    assert post.date_text == "2 November 2026"
    assert replace(post, date=datetime(2026, 1, 5, tzinfo=UTC)).date_text == "5 January 2026"


def test_a_post_with_yaml_sets_has_the_same_key_in_every_process(tmp_path):
    words = ", ".join(f"word{i}" for i in range(30))
    post = tmp_path / "sets.md"
    post.write_text(SET_POST % (words, words), encoding="utf-8")
    keys = {
        subprocess.run(
            [sys.executable, "-c", KEY_OF, str(post)],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3)
    }
    assert len(keys) == 1 and keys != {""}
