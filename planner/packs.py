"""Large cached values (the posts' HTML) in pack files, a table of the cache store
(planner.cache) that keeps its values outside the JSON: each batch a process adds is
one file, and an index (a `Table`) says where each value is."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import Any

from planner.cache import Table


class Packs:
    """A table of large text values (rendered bodies) kept in pack files: each batch of
    values a process adds is one file, written once (`flush`), and an index says where
    each value is, so a run reads only the values it needs, by offset.

    One file a batch, not one a value: a cold build of thousands of posts writes a few
    dozen files instead of thousands. Forked workers each `flush` their own batch and
    hand the parent the index entries (`adopt`). Cleanup as for a `Table`: the run says
    which keys it used (`keep`); when it saves, packs holding none of them are deleted,
    and packs that are mostly unused or small are merged into one, so edits do not
    leave a growing trail of files.
    """

    SUFFIX = ".pack"
    INDEX = "index.json"
    MERGE_BELOW = 64 * 1024
    """Packs smaller than this (what an edit or two leaves) are merged when there are several."""

    def __init__(self, directory: Path | None, settings: str) -> None:
        self.directory = directory
        self.index = Table(None if directory is None else directory / self.INDEX, settings, None)
        self._pending: dict[str, str] = {}

    def key(self, *parts: str | bytes) -> str:
        return self.index.key(*parts)

    def keep(self, key: str) -> None:
        """Mark `key` as used by this run, whether or not it is read."""
        self.index.get(key)

    def get(self, key: str) -> str | None:
        if key in self._pending:
            return self._pending[key]
        where = self.index.get(key)
        if self.directory is None or not _is_place(where):
            return None
        name, offset, length = where
        try:
            with open(self.directory / f"{name}{self.SUFFIX}", "rb") as pack:
                pack.seek(offset)
                data = pack.read(length)
            return data.decode("utf-8") if len(data) == length else None
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, key: str, text: str) -> None:
        """Add `text` under `key`; it is written with the next `flush`."""
        if self.directory is not None:
            self._pending[key] = text

    def flush(self) -> dict[str, list]:
        """Write the values added since the last flush as one pack; their index entries
        (also to be `adopt`ed by the parent when this runs in a worker)."""
        if not self._pending or self.directory is None:
            return {}
        pending, self._pending = self._pending, {}
        entries = self._write_pack(pending)
        self.adopt(entries)
        return entries

    def adopt(self, entries: dict[str, list]) -> None:
        """Record index entries of a pack another process wrote."""
        for key, where in entries.items():
            self.index.put(key, where)

    def save(self) -> None:
        """Flush, drop what this run did not use, merge the packs not worth keeping."""
        self.flush()
        if self.directory is None:
            return
        self._merge()
        self.index.save()
        places = [where for where in self.index.used().values() if _is_place(where)]
        keep = {self.INDEX, *(f"{name}{self.SUFFIX}" for name, _, _ in places)}
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.directory):
                if entry.name not in keep:  # packs no longer used, files of older layouts
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)

    def _merge(self) -> None:
        """Rewrite into one pack the used values of packs that are mostly unused, or of
        several small ones."""
        assert self.directory is not None
        live: dict[str, int] = {}
        for where in self.index.used().values():
            if _is_place(where):
                live[where[0]] = live.get(where[0], 0) + where[2]
        wasteful, small = set(), set()
        for name, size in live.items():
            try:
                total = os.stat(self.directory / f"{name}{self.SUFFIX}").st_size
            except OSError:
                continue
            if size * 2 < total:
                wasteful.add(name)
            elif total < self.MERGE_BELOW:
                small.add(name)
        if not wasteful and len(small) < 2:
            return
        chosen = wasteful | small
        moved = {
            key: text
            for key, where in self.index.used().items()
            if _is_place(where) and where[0] in chosen and (text := self.get(key)) is not None
        }
        self.adopt(self._write_pack(moved))

    def _write_pack(self, values: dict[str, str]) -> dict[str, list]:
        """One new pack file holding `values`, written atomically; their index entries
        ({} when it cannot be written: a miss next time, nothing worse)."""
        assert self.directory is not None
        name = secrets.token_hex(8)
        entries: dict[str, list] = {}
        chunks: list[bytes] = []
        offset = 0
        for key, text in values.items():
            data = text.encode("utf-8")
            entries[key] = [name, offset, len(data)]
            chunks.append(data)
            offset += len(data)
        path = self.directory / f"{name}{self.SUFFIX}"
        temporary = path.with_name(f".{name}.tmp")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(b"".join(chunks))
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return {}
        return entries


def _is_place(where: Any) -> bool:
    """Whether an index entry is [pack name, offset, length]."""
    return (
        isinstance(where, list)
        and len(where) == 3
        and isinstance(where[0], str)
        and all(isinstance(n, int) and n >= 0 for n in where[1:])
    )
