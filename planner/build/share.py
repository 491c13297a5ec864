"""The build's share outputs: `snippets/<slug>.json` for scripts and `/share/<slug>/`, a
page listing each platform's snippet with its count, a copy button and a share link.

Share pages are for the writer, not for readers: `noindex`, never in the sitemap or
the feeds, and linked from a post's page only with `[site] share_pages = "public"` (or
in `planner serve`). Snippets are worked out once per post and settings and kept in
the build cache.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from planner import __version__
from planner.build.cache import Cache, digest
from planner.build.pages import Links, Page
from planner.content import Post, State
from planner.site import Site


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
    cache: Cache,
    post_keys: Mapping[Path, str],
    serving: bool,
) -> tuple[list[Page], dict[str, bytes]]:
    """`pages` with the share pages added (and linked from the post pages when public or
    `serving`), and the snippet JSON files."""
    built = {page.path for page in pages}
    share_pages, files = share_outputs(site, posts, links, cache, post_keys, built)
    if share_pages and (site.config.site.share_pages == "public" or serving):
        pages = link_share_pages(pages, {post.slug for post in posts}, links)
    return pages + share_pages, files


def share_outputs(
    site: Site,
    posts: Sequence[Post],
    links: Links,
    cache: Cache,
    post_keys: Mapping[Path, str],
    built: set[str],
) -> tuple[list[Page], dict[str, bytes]]:
    """The share pages (unless `share_pages = "off"`) and the snippet JSON files; a share
    page links to its post when the post's page is among the `built` paths."""
    from planner.check.terms import AudienceLens  # only builds with posts to share need it
    from planner.snippets.posts import SnippetWriter

    writer: SnippetWriter | None = None
    settings = digest(__version__, repr(site.audience), repr(site.config.channels), links.base_url)

    def made(post: Post) -> dict[str, Any]:
        nonlocal writer
        if writer is None:
            writer = SnippetWriter(site.config, AudienceLens(site.audience), links.base_url)
        return writer.for_post(post).as_json()

    pages: list[Page] = []
    files: dict[str, bytes] = {}
    for post in posts:
        key = digest("snippets", settings, post_keys[post.path])
        data = cache.fact(key, lambda p=post: made(p))
        text = json.dumps(data, ensure_ascii=False) + "\n"  # no indent: C-fast at 5,000 posts
        files[f"snippets/{post.slug}.json"] = text.encode("utf-8")
        if site.config.site.share_pages != "off":
            pages.append(
                Page(
                    f"share/{post.slug}/index.html",
                    "share.html",
                    {
                        "share": data,
                        "post_href": links.href(f"posts/{post.slug}/")
                        if f"posts/{post.slug}/index.html" in built
                        else None,
                        "json_href": links.href(f"snippets/{post.slug}.json"),
                        "canonical": links.url(f"share/{post.slug}/"),
                    },
                )
            )
    return pages, files


def link_share_pages(pages: list[Page], slugs: set[str], links: Links) -> list[Page]:
    """`pages` with each post page given the link to its share page (`share` in its
    context), for `share_pages = "public"` and `planner serve`."""
    linked = []
    for page in pages:
        slug = page.path.removeprefix("posts/").removesuffix("/index.html")
        if page.template == "post.html" and slug in slugs:
            page = replace(page, context={**page.context, "share": links.href(f"share/{slug}/")})
        linked.append(page)
    return linked
