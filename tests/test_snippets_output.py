"""Every post's snippet JSON equals the one recorded in tests/data/snippets/: the example
site, the fly-tying fixture, and a fixture of hard texts (emoji, CJK, combining marks,
CRLF, many URLs, overrides, a summary longer than the shortening window).

After an intended change of output, record again with
`python tests/test_snippets_output.py` and review the diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from planner.check.terms import AudienceLens
from planner.site import open_site
from planner.snippets.posts import SnippetWriter

TESTS = Path(__file__).resolve().parent
SITES = {
    "example": TESTS.parent,
    "flytying": TESTS / "fixtures" / "flytying",
    "snippet_texts": TESTS / "fixtures" / "snippet_texts",
}
RECORDED = TESTS / "data" / "snippets"


def site_snippets(root: Path) -> dict[str, Any]:
    """The snippet JSON of every post of the site at `root` (drafts too), by slug."""
    site = open_site(start=root)
    writer = SnippetWriter(site.config, AudienceLens(site.audience))
    posts = site.load_posts(cached=False).posts
    return {post.slug: writer.for_post(post).as_json() for post in posts}


@pytest.mark.parametrize("name", sorted(SITES))
def test_snippets_equal_the_recorded_ones(name):
    recorded = json.loads((RECORDED / f"{name}.json").read_text(encoding="utf-8"))
    made = site_snippets(SITES[name])
    assert sorted(made) == sorted(recorded)
    for slug, snippets in made.items():  # as text: the order of the keys counts too
        assert _text(snippets) == _text(recorded[slug]), slug


def _text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def record() -> None:
    """Write the current output as the recorded one."""
    RECORDED.mkdir(parents=True, exist_ok=True)
    for name, root in SITES.items():
        text = json.dumps(site_snippets(root), indent=1, ensure_ascii=False)
        (RECORDED / f"{name}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(record())
