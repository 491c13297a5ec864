"""The output directory, changed only when a build has succeeded.

Everything a build draws goes first to a staging directory beside the output: the
whole site on a first build, only the files whose bytes changed on later ones. Only
when every page has been drawn is the staging directory applied:

- on a first build, renamed into place;
- when many files change, the unchanged files are hard-linked into it (they keep their
  modification time: a deploy tool sees exactly what changed) and the two directories
  are exchanged in one atomic step (Linux `renameat2`);
- when at most IN_PLACE_MOST files change or go (an edit or two), linking the whole
  site would cost far more than the change: a note listing the files to delete is
  written into the staging directory, then each staged file is renamed over its old
  version (each an atomic replace) and the stale files are deleted. A build killed in
  those few renames leaves the note, and the next build finishes the job before it
  starts (`start`).

A build that fails or is killed while drawing therefore leaves the previous site
whole. Where the exchange is not available, every apply goes file by file.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
from pathlib import Path


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


IN_PLACE_MOST = 64
"""Change sets of at most this many files are applied file by file, not by exchange."""
APPLYING = ".planner-apply"
"""The note in a staging directory being applied file by file: the files to delete."""


def start(out: Path) -> Path:
    """An empty staging directory beside `out`. A crashed build's leftovers are removed,
    unless it was killed while applying file by file: then its apply is finished first."""
    staging = staging_dir(out)
    if (staging / APPLYING).is_file() and out.is_dir():
        _finish_in_place(staging, out)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


def target(staging: Path, relative: str) -> str:
    """`relative` under `staging`, refusing absolute paths and any `..`.

    Plain strings: this runs for every file of the site."""
    parts = relative.split("/")
    if not relative or relative.startswith("/") or ".." in parts:
        raise UnsafePath(f"refusing to write {relative!r} outside the output directory")
    return os.path.join(staging, relative)


def write(staging: Path, out: Path, relative: str, data: bytes) -> bool:
    """Stage `data` for `relative` unless the output already has these bytes there.

    A directory is made the first time a file goes into it (one failed open, not a
    `mkdir` per file)."""
    dest = target(staging, relative)
    try:
        previous = os.path.join(out, relative)
        if os.stat(previous).st_size == len(data):
            with open(previous, "rb") as old:
                if old.read() == data:
                    return False
    except OSError:
        pass
    try:
        _write_file(dest, data)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        _write_file(dest, data)
    return True


def _write_file(path: str, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)


def apply(staging: Path, out: Path, expected: set[str], previous: set[str] | None) -> None:
    """Make `out` the new site: staged files in place, files not in `expected` gone.

    `previous` is the file list of the last build, when known: then only its files that
    are not expected any more are deleted; otherwise the whole tree is looked through.
    """
    if not out.exists():
        staging.rename(out)
        return
    staged = _staged_files(staging)
    if previous is None:
        previous = set(_tree_files(out))
    stale = sorted(r for r in previous - expected if os.path.lexists(os.path.join(out, r)))
    if not staged and not stale:
        shutil.rmtree(staging)  # nothing changed: leave the site as it is
        return
    if len(staged) + len(stale) > IN_PLACE_MOST and _exchange_supported(staging, out):
        _link_unchanged(staging, out, set(stale))
        if _exchange(staging, out):
            shutil.rmtree(staging)  # the previous site, now at the staging path
            return
    note = os.path.join(staging, APPLYING)
    with open(note + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(stale, handle)
    os.replace(note + ".tmp", note)
    _finish_in_place(staging, out)
    shutil.rmtree(staging)


def _finish_in_place(staging: Path, out: Path) -> None:
    """Rename each file still staged over its old version, then delete the stale files
    the note lists (and the folders they leave empty)."""
    try:
        stale = json.loads((staging / APPLYING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        stale = []
    for relative in _staged_files(staging):
        dest = target(out, relative)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        os.replace(os.path.join(staging, relative), dest)
    for relative in stale if isinstance(stale, list) else []:
        path = Path(target(out, str(relative)))
        path.unlink(missing_ok=True)
        for parent in path.parents:
            if parent == out or any(parent.iterdir()):
                break
            parent.rmdir()
    (staging / APPLYING).unlink(missing_ok=True)


def _staged_files(staging: Path) -> list[str]:
    """The files of the staging directory, its note (at the top) left out."""
    return sorted(f for f in _tree_files(staging) if not f.startswith(APPLYING))


def _tree_files(directory: Path) -> list[str]:
    """Every file under `directory`, as a relative POSIX path."""
    found = []
    for root, _, files in os.walk(directory):
        inside = os.path.relpath(root, directory)
        prefix = "" if inside == "." else inside.replace(os.sep, "/") + "/"
        found += [prefix + name for name in files]
    return found


def _link_unchanged(staging: Path, out: Path, stale: set[str]) -> None:
    """Complete `staging` with the files of `out` that stay (all but the `stale` ones):
    hard links, same inode.

    Plain strings and `os` calls: a site has thousands of files, and this runs on every
    build that changes any of them.
    """
    top, new = str(out), str(staging)
    for root, _, files in os.walk(top):
        inside = os.path.relpath(root, top)
        prefix = "" if inside == "." else inside.replace(os.sep, "/") + "/"
        target_dir = os.path.join(new, inside)
        made = os.path.isdir(target_dir)
        for name in files:
            if prefix + name in stale:
                continue
            dest = os.path.join(target_dir, name)
            if not made:
                os.makedirs(target_dir, exist_ok=True)
                made = True
            try:
                os.link(os.path.join(root, name), dest)
            except FileExistsError:
                continue  # staged: this file changed
            except OSError:
                shutil.copy2(os.path.join(root, name), dest)


_renameat2 = (
    getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None) if os.name == "posix" else None
)
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange_supported(staging: Path, out: Path) -> bool:
    return _renameat2 is not None and out.is_dir() and not out.is_symlink()


def _exchange(a: Path, b: Path) -> bool:
    """Swap directories `a` and `b` atomically; False where the system cannot."""
    assert _renameat2 is not None
    result = _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EXDEV, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def abort(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
