"""The cache store in `<site>/.planner-cache/`: what earlier runs worked out, kept as JSON.

One store, a few tables (parsed posts, check findings, per-post facts, rendered bodies,
the page manifest of each output directory), and three rules for all of them:

- Key: a digest of the store's version, the table's settings (what every value in it
  depends on: the timezone, the audience profile, the renderer...) and the value's own
  inputs (a post file's path and bytes, a body's Markdown).
- Cleanup: a table a run opens keeps only the entries that run used; a page manifest
  lives as long as its output directory. Tables a run did not open stay as they were.
- Failure: a cache that cannot be read, cannot be decoded or cannot be written is a
  miss, never an error: the run does the work again.

Always JSON, never pickle: the cache sits in the site directory, which may come from a
cloned repository, and loading a pickle would run its code. Deleting the directory is
always safe: the next run is a cold one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from planner import __version__

if TYPE_CHECKING:
    from planner.packs import Packs

CACHE_DIR = ".planner-cache"
STORE_VERSION = "2"
"""Part of every key: change it when what a table holds changes shape."""
RETIRED = (
    "check.json",
    "pages.json",
    "snippets",
    "posts.json",
    "facts.json",
    "findings.json",
    "stamps.json",
)
"""Files and folders of earlier cache layouts, removed when a run saves."""
MANIFEST_PREFIX = "pages-"
BUILT = "-built.json"
"""Beside an output directory's manifest: the record of its last complete build."""
SHARDS = 16
"""Files of a table with an entry or more per post: an edit rewrites one or two of them
(1/16 of the table each), not the whole table."""
RACY_NS = 2_000_000_000
"""A file changed less than this long ago may change again with the same stamp (file
systems with coarse timestamps): its stored digest is not trusted."""

T = TypeVar("T")
MISSING = object()
"""What `Table.lookup` gives for a key with no usable value."""


def digest(*parts: str | bytes) -> str:
    """A short hex digest of `parts` (each one delimited, so ("ab", "c") != ("a", "bc"))."""
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part.encode("utf-8") if isinstance(part, str) else part)
        hasher.update(b"\0")
    return hasher.hexdigest()


def stable_repr(value: Any) -> str:
    """`repr(value)`, except that each set (at any depth) lists its items sorted by their
    own text: a set's order follows hash randomisation, which differs from process to
    process, and a key made from its repr would never be found again.

    Works through nested values with a stack of its own, so no depth the YAML loader can
    build overflows Python's."""
    try:
        text = repr(value)
        if "{" not in text:  # no set with items (nor mapping) anywhere: as fast as repr
            return text
    except RecursionError:
        pass
    parts: list[str] = []
    pending: list[Any] = [value]
    while pending:
        item = pending.pop()
        if type(item) is _Text:
            parts.append(item)
        elif isinstance(item, set | frozenset):
            items = sorted(stable_repr(element) for element in item)
            parts.append("{" + ", ".join(items) + "}" if items else "set()")
        elif isinstance(item, dict | list | tuple):
            pending += reversed(_opened(item))
        else:
            parts.append(repr(item))
    return "".join(parts)


class _Text(str):
    """Punctuation `stable_repr` has already written out (not a value to repr)."""


def _opened(item: dict | list | tuple) -> list[Any]:
    """A container as its brackets and items, the way its repr lays them out."""
    if isinstance(item, dict):
        inside: list[Any] = []
        for i, (key, value) in enumerate(item.items()):
            inside += [_Text(", ") if i else _Text(""), key, _Text(": "), value]
        return [_Text("{"), *inside, _Text("}")]
    if isinstance(item, list):
        opener, closer = "[", "]"
    else:
        opener, closer = "(", ",)" if len(item) == 1 else ")"
    inside = []
    for i, element in enumerate(item):
        inside += [_Text(", "), element] if i else [element]
    return [_Text(opener), *inside, _Text(closer)]


def read_json(path: Path) -> dict[str, Any]:
    """The JSON object stored at `path`, or {} when there is none to use."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: Any) -> bool:
    """Store `data` at `path` atomically (a reader never sees half a file); False when
    it cannot be written, which for a cache only means the next run redoes the work."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(data), encoding="utf-8")
        os.replace(temporary, path)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True


class Table:
    """One table of the store: key -> JSON value, read once per run.

    In one file, or with `shards` > 1 in that many files of a directory (each key's file
    chosen by a checksum of the key): a run that changes a few entries of a large table
    rewrites only their files. Each file is a table document of its own, so one that
    cannot be read costs only its entries; the number of shards is part of the settings,
    so an entry is always found in the file its key names."""

    def __init__(
        self, path: Path | None, settings: str, meta: dict[str, Any] | None, shards: int = 1
    ) -> None:
        self.path = path
        self.shards = shards
        sharding = (f"{shards} shards",) if shards > 1 else ()
        self.settings = digest(STORE_VERSION, __version__, settings, *sharding)
        self.meta = meta or {}
        self._stored: list[dict[str, Any]] = []
        """What each file holds."""
        for shard in range(shards if path is not None else 0):
            stored = read_json(self._file(shard))
            entries = stored.get("entries") if stored.get("settings") == self.settings else None
            self._stored.append(entries if isinstance(entries, dict) else {})
        self._known = self._stored[0] if len(self._stored) == 1 else _merged(self._stored)
        self._used: dict[str, Any] = {}
        self._new: set[str] = set()
        """The keys this run stored a new value under."""

    def key(self, *parts: str | bytes) -> str:
        """The key of a value made from `parts` under this table's settings."""
        return digest(self.settings, *parts)

    def get(self, key: str) -> Any:
        """The stored value (kept, as used by this run), or None."""
        if key in self._used:
            return self._used[key]
        value = self._known.get(key)
        if value is not None:
            self._used[key] = value
        return value

    def put(self, key: str, value: Any) -> None:
        """Store `value` (JSON data) under `key`."""
        if self._known.get(key) != value:
            self._new.add(key)
        self._used[key] = value

    def lookup(self, key: str, decode: Callable[[Any], T]) -> T | object:
        """The value under `key`, decoded, or MISSING; a stored value that does not
        decode is a miss (and is dropped)."""
        data = self.get(key)
        if data is None:
            return MISSING
        try:
            return decode(data)
        except (KeyError, TypeError, ValueError, AttributeError):
            self._used.pop(key, None)
            return MISSING

    def fetch(
        self,
        key: str,
        compute: Callable[[], T],
        encode: Callable[[T], Any] = lambda value: value,
        decode: Callable[[Any], T] = lambda data: data,
    ) -> T:
        """The value under `key`, or `compute()` stored there. A stored value that does
        not decode is a miss; a computed one that does not encode is just not stored."""
        found = self.lookup(key, decode)
        if found is not MISSING:
            return found  # type: ignore[return-value]
        value = compute()
        with contextlib.suppress(TypeError, ValueError):
            self.put(key, encode(value))
        return value

    def used(self) -> dict[str, Any]:
        """The entries this run used or added."""
        return self._used

    def save(self) -> None:
        """Write the entries this run used, in each file whose entries differ from what
        it holds: one with a new value, or one holding an entry this run did not use."""
        if self.path is None:
            return
        new: dict[int, list[str]] = {}
        for key in self._new:
            new.setdefault(self._shard(key), []).append(key)
        used = self._used
        for shard, stored in enumerate(self._stored):
            if shard not in new and stored.keys() <= used.keys():
                continue
            entries = {key: used[key] for key in stored if key in used}
            entries.update((key, used[key]) for key in new.get(shard, ()) if key in used)
            document = {"settings": self.settings, **self.meta, "entries": entries}
            if write_json(self._file(shard), document):
                self._stored[shard] = entries
                self._new.difference_update(new.get(shard, ()))
        self._known = self._stored[0] if len(self._stored) == 1 else _merged(self._stored)

    def _file(self, shard: int) -> Path:
        assert self.path is not None
        return self.path if self.shards == 1 else self.path / f"{shard:02x}.json"

    def _shard(self, key: str) -> int:
        return 0 if self.shards == 1 else zlib.crc32(key.encode("utf-8")) % self.shards


def _merged(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """The entries of every shard, in one mapping for lookups."""
    merged: dict[str, Any] = {}
    for part in parts:
        merged.update(part)
    return merged


class Store:
    """The cache of one site (`Site.cache`); `Store(None)` caches nothing (--no-cache)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._tables: dict[str, Table | Packs] = {}

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def table(
        self, name: str, settings: str = "", meta: dict[str, Any] | None = None, shards: int = 1
    ) -> Table:
        """The table `name`, whose values all depend on `settings` (opened once per run);
        kept in `shards` files (a directory `name`) when more than one."""
        if name not in self._tables:
            file = name if shards > 1 else f"{name}.json"
            path = None if self.directory is None else self.directory / file
            self._tables[name] = Table(path, settings, meta, shards)
        table = self._tables[name]
        assert isinstance(table, Table)
        return table

    def packs(self, name: str, settings: str = "") -> Packs:
        """The packed table `name`, for large values (opened once per run)."""
        from planner.packs import Packs  # built on Table, so defined after it

        if name not in self._tables:
            directory = None if self.directory is None else self.directory / name
            self._tables[name] = Packs(directory, settings)
        table = self._tables[name]
        assert isinstance(table, Packs)
        return table

    def manifest(self, out: Path, settings: str = "") -> Table:
        """The page manifest of the output directory `out`: what each file was made from."""
        return self.table(self._manifest_name(out), settings, meta={"out": str(out)}, shards=SHARDS)

    @staticmethod
    def _manifest_name(out: Path) -> str:
        return MANIFEST_PREFIX + digest(str(out))

    def drop_output(self, out: Path) -> None:
        """Forget the page manifest of `out` and the record of its last build: a build
        that does not use the cache (`Store(None)`) is about to change it."""
        if self.directory is None:
            return
        name = self._manifest_name(out)
        for path in (self.directory / name, self.directory / f"{name}{BUILT}"):
            _remove(path)

    def built_path(self, out: Path) -> Path | None:
        """Where the record of the last complete build into `out` is kept (None without a
        store); dropped with the page manifest when `out` is gone."""
        if self.directory is None:
            return None
        return self.directory / f"{self._manifest_name(out)}{BUILT}"

    def file_digest(self, path: Path) -> str:
        """A digest of the file's bytes, "" when it cannot be read.

        Like git's index, the digest is kept with the file's size and modification time
        and the file is read again only when they change (or changed too recently to
        tell a second edit in the same tick apart)."""
        stamps = self.table("stamps", shards=SHARDS)
        try:
            status = os.stat(path)
        except OSError:
            return ""
        stamp = [status.st_mtime_ns, status.st_size]
        known = stamps.get(str(path))
        settled = time.time_ns() - status.st_mtime_ns > RACY_NS
        if isinstance(known, list) and len(known) == 3 and known[:2] == stamp and settled:
            return str(known[2])
        try:
            found = digest(path.read_bytes())
        except OSError:
            return ""
        stamps.put(str(path), [*stamp, found])
        return found

    def save(self) -> None:
        """Save every table this run opened; drop manifests of output directories that
        are gone and files of earlier cache layouts. The next run starts afresh."""
        opened = set(self._tables)
        for table in self._tables.values():
            table.save()
        self._tables.clear()
        if self.directory is None:
            return
        for name in RETIRED:
            _remove(self.directory / name)
        with contextlib.suppress(OSError):
            for path in self.directory.glob(f"{MANIFEST_PREFIX}*"):
                if path.name not in opened and not _manifest_in_use(path):
                    _remove(path)


def _manifest_in_use(path: Path) -> bool:
    """Whether the manifest (a directory of shards) or last-build record at `path` is of
    an output directory that still exists; a manifest of an earlier layout (one file)
    never is."""
    if path.is_dir():
        found = next(path.glob("*.json"), None)
    else:
        found = path if path.name.endswith(BUILT) else None
    out = None if found is None else read_json(found).get("out")
    return isinstance(out, str) and Path(out).is_dir()


def _remove(path: Path) -> None:
    """Remove a file or a directory of the cache, if it can be."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
