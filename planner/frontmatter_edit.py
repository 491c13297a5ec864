"""Lossless edits of a post's `date:` line, written atomically.

YAML libraries that round-trip (ruamel.yaml) still re-emit the whole front matter and
can change quoting, spacing or flow-style lists; python-frontmatter rewrites it
entirely. Changing one line by hand is the only way to keep every other byte as the
writer left it, so that is what this module does: it finds the top-level `date:` key
line in the front matter and replaces it (or inserts one line before the closing
`---`, or removes it), keeping the file's line endings, a byte-order mark and any
trailing `# comment` on the date line.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

_DELIMITER = re.compile(r"-{3,}[ \t]*(\r\n|\n|\r)?\Z")
_DATE_KEY = re.compile(
    r"""(?P<key>(?:date|"date"|'date')[ \t]*:)"""
    r"(?P<value>[^\r\n]*?)(?P<comment>[ \t]+#[^\r\n]*)?(?P<end>\r\n|\n|\r)?\Z"
)
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+\Z")
BOM = "\ufeff"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
"""How dates are written: naive wall-clock time in the site timezone, as the posts use."""


class EditError(Exception):
    """The file cannot be edited safely; the message says why and the file is untouched."""


class ChangedOnDisk(EditError):
    """The file changed between reading and writing it."""


@dataclass(frozen=True)
class Snapshot:
    """A file as read: its bytes and its text (for the edit and the change check)."""

    path: Path
    raw: bytes
    text: str


Stamp = tuple[int, int]
"""A file's modification time (ns) and size: what says it changed since it was read."""


def file_stamp(path: Path) -> Stamp | None:
    """`path`'s stamp (following symlinks), or None when it cannot be read."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def read_snapshot(path: Path, stamp: Stamp | None = None) -> Snapshot:
    """Read `path` for editing: the file a symlink points to, if it is one.

    With `stamp` (taken when the post was first read), a file changed since then is
    refused. Read-only files are refused too: a date is not worth overriding that.
    """
    if path.is_symlink() and not path.exists():
        raise EditError(f"{path}: a symlink to {os.readlink(path)}, which does not exist")
    target = path.resolve()
    with open(target, "rb") as handle:
        status = os.fstat(handle.fileno())
        raw = handle.read()
    if stamp is not None and (status.st_mtime_ns, status.st_size) != stamp:
        raise ChangedOnDisk(f"{path}: changed on disk since it was read; not writing it")
    if not status.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise EditError(f"{path}: the file is read-only; not editing it (make it writable)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EditError(f"{path}: not UTF-8 text; not editing it") from None
    return Snapshot(target, raw, text)


def format_date(when: datetime, tz: object | None = None) -> str:
    """`when` as the wall-clock text written into the file (in `tz` when given)."""
    if tz is not None:
        when = when.astimezone(tz)  # type: ignore[arg-type]
    return when.strftime(DATE_FORMAT)


def _front_matter(lines: list[str], path: Path) -> tuple[int, int]:
    """(index of the opening delimiter line, index of the closing one)."""
    opening = next((i for i, line in enumerate(lines) if line.strip()), None)
    if opening is None or not _DELIMITER.match(lines[opening].lstrip(BOM)):
        raise EditError(f"{path}: no front matter (the file must start with a '---' line)")
    for index in range(opening + 1, len(lines)):
        if _DELIMITER.match(lines[index]):
            return opening, index
    raise EditError(f"{path}: the front matter has no closing '---' line")


def _newline(lines: list[str]) -> str:
    for line in lines:
        for ending in ("\r\n", "\n", "\r"):
            if line.endswith(ending):
                return ending
    return "\n"


def set_date(text: str, when: str | None, path: Path = Path("<post>")) -> str:
    """`text` with its front-matter `date:` set to `when` (None removes the line).

    Only the date line changes: an existing line (even `date:` with no value) is
    rewritten in place, keeping its key spelling and trailing comment; a missing one
    is inserted just before the closing delimiter. Indented lines that continue the
    old value are removed with it.
    """
    lines = _LINES.findall(text)
    opening, closing = _front_matter(lines, path)
    for index in range(opening + 1, closing):
        match = _DATE_KEY.match(lines[index])
        if not match:
            continue
        end = index + 1
        while end < closing and lines[end][:1] in (" ", "\t") and lines[end].strip():
            end += 1
        if when is None:
            del lines[index:end]
        else:
            newline = match["end"] or _newline(lines)
            lines[index:end] = [f"{match['key']} {when}{match['comment'] or ''}{newline}"]
        return "".join(lines)
    if when is not None:
        lines.insert(closing, f"date: {when}{_newline(lines)}")
    return "".join(lines)


def date_text(text: str, path: Path = Path("<post>")) -> str | None:
    """The value written on the front matter's `date:` line ("" when empty), or None."""
    lines = _LINES.findall(text)
    opening, closing = _front_matter(lines, path)
    for line in lines[opening + 1 : closing]:
        if match := _DATE_KEY.match(line):
            return match["value"].strip()
    return None


def write_atomic(snapshot: Snapshot, text: str) -> None:
    """Replace the file with `text` if it still holds what `snapshot` read.

    Writes a temporary file in the same directory, copies the mode, then renames it
    over the original (atomic on POSIX), so a crash leaves the old or the new file,
    never half of one. Raises `ChangedOnDisk` when the file changed since it was read.
    """
    path = snapshot.path
    _unchanged(snapshot)
    mode = path.stat().st_mode
    try:
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except PermissionError:
        raise EditError(f"{path}: cannot write in {path.parent} (permission denied)") from None
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(text.encode("utf-8"))
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode & 0o7777)
        _unchanged(snapshot)  # again, as late as possible: an editor may have saved meanwhile
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _unchanged(snapshot: Snapshot) -> None:
    """Raise `ChangedOnDisk` unless the file still holds the bytes `snapshot` read."""
    try:
        current = snapshot.path.read_bytes()
    except FileNotFoundError:
        raise ChangedOnDisk(f"{snapshot.path}: removed since it was read; not writing it") from None
    if current != snapshot.raw:
        raise ChangedOnDisk(
            f"{snapshot.path}: changed on disk since it was read; not overwriting it"
        )


def edit_date(snapshot: Snapshot, when: str | None) -> bool:
    """Set (or with None remove) the date of the file read into `snapshot`.

    Returns False when the file already says so (nothing is written).
    """
    text = set_date(snapshot.text, when, snapshot.path)
    if text == snapshot.text:
        return False
    write_atomic(snapshot, text)
    return True


@dataclass(frozen=True)
class DateEdit:
    """The outcome of setting one file's date: written, unchanged, or refused (why)."""

    path: Path
    written: bool
    error: str | None = None


def write_dates(
    edits: list[tuple[Path, str | None]],
    *,
    expect_undated: bool,
    stamps: Mapping[Path, Stamp | None] | None = None,
) -> list[DateEdit]:
    """Set each file's date (None removes it); one file's failure never stops the rest.

    With `expect_undated`, a file that has gained a date since it was planned is
    refused: the plan was made for an undated post. A file whose stamp differs from
    the one in `stamps` (taken before the posts were read) is refused as changed.
    """

    def one(edit: tuple[Path, str | None]) -> DateEdit:
        path, when = edit
        try:
            snapshot = read_snapshot(path, (stamps or {}).get(path))
            if expect_undated and date_text(snapshot.text, path):
                raise ChangedOnDisk(f"{path}: has a date now; not replacing it (plan again)")
            return DateEdit(path, edit_date(snapshot, when))
        except EditError as err:
            return DateEdit(path, False, str(err))
        except OSError as err:
            return DateEdit(path, False, f"{path}: {err.strerror or err}")

    if len(edits) < 64:
        return [one(edit) for edit in edits]
    # Each file is its own read, temp write, fsync and rename; threads overlap the waits.
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, edits))
