"""Creating files for the user: whole or not at all, never over an existing file."""

from __future__ import annotations

import pytest

from planner.scaffold import AlreadyExists, create_file


def test_create_file_writes_the_whole_text(tmp_path):
    target = tmp_path / "audience.toml"
    create_file(target, 'niche = ["fly tying"]\n')
    assert target.read_text() == 'niche = ["fly tying"]\n'
    assert [p.name for p in tmp_path.iterdir()] == ["audience.toml"]


def test_create_file_never_overwrites_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "audience.toml"
    target.write_text("mine\n")
    with pytest.raises(AlreadyExists):
        create_file(target, "draft\n")
    assert target.read_text() == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["audience.toml"]
