"""The output directory, changed only when a build has succeeded.

Everything a build draws goes first to a staging directory beside the output: the
whole site on a first build, only the files whose bytes changed on later ones. Only
when every page has been drawn is the staging directory applied: renamed into place
on a first build; otherwise each changed file is renamed over its old version (an
atomic replace) and files that no longer belong to the site are deleted. A failed
build therefore leaves the previous site untouched, and unchanged files keep their
modification time (a deploy tool sees exactly what changed).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath


class UnsafePath(ValueError):
    """A page path that would land outside the output directory."""


MARKER = ".planner-build"
"""A file in every built site: only a directory holding it is ever cleaned of stale files."""


class ForeignOutput(ValueError):
    """The output directory has files, but not from a planner build: never clean it."""


def check_owned(out: Path) -> None:
    """Refuse an output directory that has files but was not made by planner build."""
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise ForeignOutput(
            f"{out} has files that planner build did not make; build into an empty or new "
            "directory (--out), or remove it first"
        )


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
    """Stage `data` for `relative` unless the output already has these bytes there."""
    dest = target(staging, relative)
    previous = out / relative
    try:
        if previous.stat().st_size == len(data) and previous.read_bytes() == data:
            return False
    except OSError:
        pass
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    return True


def apply(staging: Path, out: Path, expected: set[str], previous: set[str] | None) -> None:
    """Make `out` the new site: staged files in place, files not in `expected` gone.

    `previous` is the file list of the last build, when known: then only its files that
    are not expected any more are deleted; otherwise the whole tree is looked through.
    """
    if not out.exists():
        staging.rename(out)
        return
    for path in sorted(p for p in staging.rglob("*") if p.is_file()):
        relative = path.relative_to(staging)
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, out / relative)
    if previous is None:
        previous = {
            Path(root, name).relative_to(out).as_posix()
            for root, _, files in os.walk(out)
            for name in files
        }
    for relative in sorted(previous - expected, reverse=True):
        path = out / relative
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == out or any(parent.iterdir()):
                break
            parent.rmdir()
    shutil.rmtree(staging)


def abort(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
