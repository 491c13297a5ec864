"""The output directory, replaced whole: the next version is assembled beside it and
swapped in only when complete, so a failed build leaves the previous site untouched and
files that no longer belong to the site disappear.

A file whose bytes did not change is hard-linked from the previous version instead of
written, so its modification time (and a deploy tool's idea of what changed) stays.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath


class UnsafePath(ValueError):
    """A page path that would land outside the output directory."""


def staging_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.next"


def start(out: Path) -> Path:
    """An empty staging directory beside `out` (a crashed build's leftovers removed)."""
    staging = staging_dir(out)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


def target(staging: Path, relative: str) -> Path:
    """`relative` under `staging`, refusing absolute paths and any `..`."""
    parts = PurePosixPath(relative).parts
    if not parts or PurePosixPath(relative).is_absolute() or ".." in parts:
        raise UnsafePath(f"refusing to write {relative!r} outside the output directory")
    return staging.joinpath(*parts)


def write(staging: Path, out: Path, relative: str, data: bytes) -> bool:
    """Write `data` to `relative`; True if written, False if kept from the previous build."""
    dest = target(staging, relative)
    dest.parent.mkdir(parents=True, exist_ok=True)
    previous = out / relative
    try:
        if previous.stat().st_size == len(data) and previous.read_bytes() == data:
            _link(previous, dest)
            return False
    except OSError:
        pass
    dest.write_bytes(data)
    return True


def keep(staging: Path, out: Path, relative: str) -> bool:
    """Carry `relative` over from the previous build unchanged; False if it is not there."""
    previous = out / relative
    if not previous.is_file():
        return False
    dest = target(staging, relative)
    dest.parent.mkdir(parents=True, exist_ok=True)
    _link(previous, dest)
    return True


def _link(source: Path, dest: Path) -> None:
    try:
        os.link(source, dest)
    except OSError:  # a filesystem without hard links
        shutil.copy2(source, dest)


def commit(staging: Path, out: Path) -> None:
    """Swap the finished staging directory in for `out`."""
    retired = out.parent / f".{out.name}.old"
    if retired.exists():
        shutil.rmtree(retired)
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    if retired.exists():
        shutil.rmtree(retired)


def abort(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
