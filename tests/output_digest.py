"""Digests of a built site, to show that a change to the build leaves its output as it was.

`file_digests` gives one digest per file (small sites: a mismatch names the file);
`group_digests` one per top-level entry (a folder such as `posts/`, or a file), for sites
of thousands of files where a per-file list would be megabytes.

Record a reference: `python tests/output_digest.py OUT [--groups] > tests/data/output/NAME.json`
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

IGNORED = {".planner-build"}
"""The marker names the planner version: it changes with every release, not with output."""


def file_digests(root: Path) -> dict[str, str]:
    """Each file under `root` (relative POSIX path) -> a digest of its bytes."""
    found = {}
    for directory, _, names in os.walk(root):
        for name in names:
            path = Path(directory, name)
            relative = path.relative_to(root).as_posix()
            if relative not in IGNORED:
                found[relative] = hashlib.blake2b(path.read_bytes(), digest_size=8).hexdigest()
    return dict(sorted(found.items()))


def group_digests(root: Path) -> dict[str, str]:
    """Each top-level entry under `root` -> a digest of its files' paths and bytes."""
    groups: dict[str, hashlib.blake2b] = {}
    for relative, value in file_digests(root).items():
        group = relative.split("/", 1)[0]
        hasher = groups.setdefault(group, hashlib.blake2b(digest_size=8))
        hasher.update(f"{relative}\0{value}\0".encode())
    return {group: hasher.hexdigest() for group, hasher in sorted(groups.items())}


if __name__ == "__main__":
    digests = group_digests if "--groups" in sys.argv[2:] else file_digests
    print(json.dumps(digests(Path(sys.argv[1])), indent=1))
