"""Check findings for the posts a build shows: the pre-publish gate, and the banners of
drafts in serve mode.

Each post's findings are cached (the store's `findings` table) under a key of the file's
path and bytes, with the audience profile and the `[check]` settings as the table's
settings, so an unchanged site is not checked again; posts that need checking are
checked on every core.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.cache import SHARDS, Store
from planner.content import Post
from planner.findings import Finding
from planner.site import FINDINGS, Site


def findings_for(site: Site, posts: Sequence[Post], store: Store) -> list[Finding]:
    """Every check finding for `posts`, from the cache where the post has not changed."""
    from planner.check.batch import check_files  # the checker's word data loads slowly

    table = store.table("findings", settings=_settings(site), shards=SHARDS)
    keys = {post.path: table.key(str(post.path), store.file_digest(post.path)) for post in posts}
    known: dict[Any, list[Finding]] = {}
    for post in posts:
        data = table.get(keys[post.path])
        try:
            known[post.path] = [FINDINGS.decode(row, path=post.path) for row in data]
        except (KeyError, TypeError, ValueError):
            continue
    stale = [post.path for post in posts if post.path not in known]
    if stale:
        reports, _ = check_files(site, stale)
        for report in reports:
            known[report.path] = list(report.findings)
            table.put(keys[report.path], [FINDINGS.encode(f) for f in report.findings])
    return [finding for post in posts for finding in known.get(post.path, ())]


def _settings(site: Site) -> str:
    """What a post's findings depend on besides its file: the profile, the `[check]`
    settings, and the channels and base URL that snippet overrides are measured with."""
    config = site.config
    return repr((site.audience, config.check, config.channels, config.site.base_url))
