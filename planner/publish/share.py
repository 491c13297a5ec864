"""The build's share outputs: `snippets/<slug>.json` for scripts and `/share/<slug>/`, a
page listing each platform's snippet with its count, a copy button and a share link.

Share pages are for the writer, not for readers: `noindex`, never in the sitemap or
the feeds, and linked from a post's page only with `[site] share_pages = "public"` (or
in `planner serve`). A post's snippets are keyed by its source and the settings they
depend on, and kept in the site's cache store (the `snippets` file table): an
unchanged post's snippets are neither worked out, nor read, nor written again.
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from planner import urls
from planner.cache import Store
from planner.content import Post, State
from planner.publish.pages import Page
from planner.site import Site
from planner.urls import Links

MachineFiles = dict[str, tuple[str, Callable[[], bytes]]]
"""Path -> (what it depends on, how to make it), as the build's feeds are written."""


class Snippets:
    """A post's snippets (the JSON form) for a template, worked out or read from the cache
    only when a page or file needs them; its repr is its key, so page keys stay cheap."""

    def __init__(self, key: str, make: Callable[[], dict[str, Any]]) -> None:
        self.key = key
        self._make = make
        self._data: dict[str, Any] | None = None

    @property
    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self._make()
        return self._data

    def __getattr__(self, name: str) -> Any:  # `share.title` in templates
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"<snippets {self.key}>"


def shared_posts(posts: Sequence[Post], chosen: Sequence[Post], now: datetime) -> list[Post]:
    """The posts that get snippets: published and scheduled ones, and any other post the
    build shows (drafts and unscheduled posts in a preview)."""
    shown = {post.path for post in chosen}
    wanted = (State.PUBLISHED, State.SCHEDULED)
    return [p for p in posts if p.state(now) in wanted or p.path in shown]


def with_share_outputs(
    pages: list[Page],
    site: Site,
    posts: Sequence[Post],
    links: Links,
    store: Store,
    post_keys: Mapping[Path, str],
    serving: bool,
) -> tuple[list[Page], MachineFiles]:
    """`pages` with the share pages added (and linked from the post pages when public or
    `serving`), and the snippet JSON files."""
    built = {page.path for page in pages}
    share_pages, files = share_outputs(site, posts, links, store, post_keys, built)
    if share_pages and (site.config.site.share_pages == "public" or serving):
        pages = link_share_pages(pages, {post.slug for post in posts}, links)
    return pages + share_pages, files


def share_outputs(
    site: Site,
    posts: Sequence[Post],
    links: Links,
    store: Store,
    post_keys: Mapping[Path, str],
    built: set[str],
) -> tuple[list[Page], MachineFiles]:
    """The share pages (unless `share_pages = "off"`) and the snippet JSON files; a share
    page links to its post when the post's page is among the `built` paths.

    Snippets not in the cache are worked out here, before the pages are drawn, so the
    drawing processes inherit them (and the tag verdicts) instead of each redoing them.
    """
    from planner.check.terms import AudienceLens  # only builds with posts to share need it
    from planner.snippets.posts import SnippetWriter

    settings = repr((site.audience, site.config.channels, links.base_url))
    table = store.files("snippets", settings=settings)

    @functools.cache
    def writer() -> SnippetWriter:
        return SnippetWriter(site.config, AudienceLens(site.audience), links.base_url)

    def make(post: Post, key: str) -> dict[str, Any]:
        stored = table.get(key)
        if stored is not None:
            with contextlib.suppress(ValueError):
                return json.loads(stored)
        data = writer().for_post(post).as_json()
        table.put(key, json.dumps(data, ensure_ascii=False))
        return data

    pages: list[Page] = []
    files: MachineFiles = {}
    for post in posts:
        key = table.key(post_keys[post.path])
        table.keep(key)
        snippets = Snippets(key, lambda p=post, k=key: make(p, k))
        if not table.has(key):
            snippets.data  # noqa: B018  (worked out now, in this process: see above)
        files[urls.snippets_path(post.slug)] = (key, lambda s=snippets: _json(s.data))
        if site.config.site.share_pages != "off":
            pages.append(
                Page(
                    urls.file_of(urls.share_path(post.slug)),
                    "share.html",
                    {
                        "share": snippets,
                        "post_href": links.href(urls.post_path(post.slug))
                        if urls.file_of(urls.post_path(post.slug)) in built
                        else None,
                        "json_href": links.href(urls.snippets_path(post.slug)),
                        "canonical": links.url(urls.share_path(post.slug)),
                    },
                )
            )
    return pages, files


def _json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")


def link_share_pages(pages: list[Page], slugs: set[str], links: Links) -> list[Page]:
    """`pages` with each post page given the link to its share page (`share` in its
    context), for `share_pages = "public"` and `planner serve`."""
    linked = []
    for page in pages:
        slug = page.path.removeprefix("posts/").removesuffix("/index.html")
        if page.template == "post.html" and slug in slugs:
            share = links.href(urls.share_path(slug))
            page = replace(page, context={**page.context, "share": share})
        linked.append(page)
    return linked
