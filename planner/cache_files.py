"""JSON files in the cache directory (`.planner-cache/`): read leniently, written whole.

A cache file that is missing, unreadable or not a JSON object reads as empty, so the
run just does the work again; a write goes to a temporary file renamed over the old
one, so a reader never sees half a file.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any


def read_json(path: Path) -> dict[str, Any]:
    """The JSON object stored at `path`, or {} when there is none to use."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_json(path: Path, data: Any) -> None:
    """Store `data` at `path` atomically, making its directory if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, path)


def try_write_json(path: Path, data: Any) -> None:
    """`write_json`, ignoring a cache that cannot be written: the next run only redoes work."""
    with contextlib.suppress(OSError):
        write_json(path, data)
