"""Creating files for the user: a new site (`planner init`) and a new draft (`planner new`).

Both refuse to overwrite anything: a file that exists is never touched.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from slugify import slugify

SKELETON = files("planner") / "skeleton"


class AlreadyExists(Exception):
    """Raised instead of overwriting; `paths` are the files that are already there."""

    def __init__(self, paths: Sequence[Path]):
        super().__init__(", ".join(str(p) for p in paths))
        self.paths = tuple(paths)


def _skeleton_files(root: Traversable, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found.extend(_skeleton_files(entry, (*prefix, entry.name)))
        elif not entry.name.startswith("."):
            found.append((*prefix, entry.name))
    return found


def init_site(directory: Path, examples: bool = True) -> list[Path]:
    """Write planner.toml, audience.toml and a first draft into `directory`; only
    planner.toml without `examples` (a directory that has posts of its own, whose
    profile `planner audience suggest` drafts from them).

    Raises AlreadyExists, writing nothing, when any of those files is already there.
    """
    parts = [p for p in _skeleton_files(SKELETON) if examples or p == ("planner.toml",)]
    targets = [directory.joinpath(*p) for p in parts]
    if existing := [t for t in targets if t.exists()]:
        raise AlreadyExists(existing)
    for part, target in zip(parts, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as out:
            out.write(SKELETON.joinpath(*part).read_text(encoding="utf-8"))
    return targets


def create_file(path: Path, text: str) -> None:
    """Write `path` whole or not at all, and never over an existing file.

    The text goes to a temporary file beside it, which is then linked into place: a
    link fails when the name exists, so nothing is overwritten, even in a race.
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.link(temporary, path)
    except FileExistsError:
        raise AlreadyExists([path]) from None
    finally:
        os.unlink(temporary)


def draft_text(title: str, tags: Sequence[str], slug: str) -> str:
    """The Markdown of a new draft: front matter with `status: draft` and writing prompts."""
    # JSON strings are valid YAML double-quoted scalars, so this quotes any title safely.
    tag_list = ", ".join(json.dumps(t, ensure_ascii=False) for t in tags)
    return (
        "---\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        f"slug: {slug}\n"
        "status: draft\n"
        f"tags: [{tag_list}]\n"
        'summary: ""\n'
        "---\n\n"
        "Start with the specific thing this post is about: the model, the part, the year,\n"
        "the measurement. Then end with a question your readers can answer.\n"
    )


def new_post(
    posts_dir: Path, title: str, tags: Sequence[str] = (), slug: str | None = None
) -> Path:
    """Create `posts_dir/<slug>.md` as a draft and return its path.

    Raises AlreadyExists when a file of that name is there, and ValueError when no
    slug can be made from the title.
    """
    slug = slug or slugify(title)
    if not slug:
        raise ValueError(f"cannot make a file name from {title!r}; pass --slug")
    path = posts_dir / f"{slug}.md"
    posts_dir.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(draft_text(title, tags, slug))
    except FileExistsError:
        raise AlreadyExists([path]) from None
    return path
