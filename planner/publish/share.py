"""The build's share outputs: `snippets/<slug>.json` for scripts and `/share/<slug>/`, a
page listing each platform's snippet with its count, a copy button and a share link.

Share pages are for the writer, not for readers: `noindex`, never in the sitemap or
the feeds, and linked from a post's page only with `[site] share_pages = "public"` (or
in `planner serve`). Both files of a post are pages drawn with the others, on every
core: a post's snippets are worked out where its files are drawn, once for the two,
and only when one of them must be drawn again (their key is the post's source and the
settings the snippets depend on, so an unchanged post's are not worked out at all).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from planner import urls
from planner.audience import Audience
from planner.cache import Store, Table, digest
from planner.content import Post, State
from planner.publish.pages import Page
from planner.site import Site
from planner.urls import Links
from planner.workers import in_child

if TYPE_CHECKING:  # imported when a writer is made: they bring the checker with them
    from planner.check.terms import AudienceLens
    from planner.snippets.posts import SnippetWriter


class Snippets:
    """A post's snippets (the JSON form) for a template, worked out only when a page or
    file needs them; its repr is its key, so page keys stay cheap.

    Only the last post's snippets are kept (`_last`, per process): a post's JSON file and
    share page are drawn one after the other, and a worker drawing thousands of posts
    should not hold all their snippets."""

    _last: tuple[str, dict[str, Any]] = ("", {})

    def __init__(self, key: str, post: Post, writer: LazyWriter) -> None:
        self.key = key
        self._post = post
        self._writer = writer

    @property
    def data(self) -> dict[str, Any]:
        if Snippets._last[0] != self.key:
            Snippets._last = (self.key, self._writer.get().for_post(self._post).as_json())
        return Snippets._last[1]

    @property
    def tags(self) -> tuple[str, ...]:
        return self._post.tags

    @property
    def verdicts(self) -> StoredVerdicts:
        return self._writer.verdicts

    def __getattr__(self, name: str) -> Any:  # `share.title` in templates
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"<snippets {self.key}>"


class LazyWriter:
    """The site's snippet writer, made the first time a post's snippets are needed (a
    build that draws no share page does without it)."""

    def __init__(self, site: Site, base_url: str, verdicts: Table) -> None:
        self.site = site
        self.base_url = base_url
        self.verdicts = StoredVerdicts(site.audience, verdicts)

    @functools.cache  # noqa: B019  (one writer per build, kept as long as the build)
    def get(self) -> SnippetWriter:
        from planner.snippets.posts import SnippetWriter

        return SnippetWriter(self.site.config, self.verdicts, self.base_url)  # type: ignore[arg-type]


class Judged(NamedTuple):
    verdict: str


class StoredVerdicts:
    """What the audience lens says of each tag (all a snippet needs of it), kept in the
    cache store: an edit that brings no new tag does not load the term model (word
    frequencies, WordNet: most of a second) at all."""

    def __init__(self, audience: Audience, table: Table) -> None:
        self.audience = audience
        self.table = table

    @functools.cached_property
    def lens(self) -> AudienceLens:
        from planner.check.terms import AudienceLens

        return AudienceLens(self.audience)

    def judge(self, tag: str) -> Judged:
        """The tag's verdict; judged here if `judge_all` has not judged it."""
        if self._stored(tag) is None:
            self._keep(_verdicts(self.lens, [tag]))
        return Judged(self._stored(tag) or "")

    def keep(self, tags: set[str]) -> None:
        """Keep the stored verdicts of `tags` (the tags of every post with snippets) for
        later builds, whether or not this one draws a share page: the cache drops what a
        run does not use, and an unchanged build draws none."""
        for tag in tags:
            self._stored(tag)

    def judge_all(self, tags: set[str]) -> None:
        """Judge every tag not judged yet, at once, in a child process: the term model
        (~90 MB of word data) then never enters this process, nor the workers it forks."""
        missing = sorted(tag for tag in tags if self._stored(tag) is None)
        if missing:
            self._keep(in_child(lambda: _verdicts(self.lens, missing)))

    def _stored(self, tag: str) -> str | None:
        verdict = self.table.get(self.table.key(tag))
        return verdict if isinstance(verdict, str) else None

    def _keep(self, verdicts: dict[str, str]) -> None:
        for tag, verdict in verdicts.items():
            self.table.put(self.table.key(tag), verdict)


def _verdicts(lens: AudienceLens, tags: list[str]) -> dict[str, str]:
    return {tag: str(lens.judge(tag).verdict) for tag in tags}


def judge_tags(pages: Sequence[Page]) -> None:
    """Judge the tags of the posts whose snippets `pages` will draw, once, before they
    are drawn: the processes that draw the pages inherit the verdicts instead of each
    redoing them."""
    shared = [page.context["share"] for page in pages if "share" in page.context]
    snippets = [share for share in shared if isinstance(share, Snippets)]
    if snippets:
        snippets[0].verdicts.judge_all({tag for share in snippets for tag in share.tags})


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
    post_keys: Mapping[Path, str],
    store: Store,
    serving: bool,
) -> list[Page]:
    """`pages` with the snippet JSON files and share pages added (and the share pages
    linked from the post pages when public or `serving`)."""
    built = {page.path for page in pages}
    shared = share_outputs(site, posts, links, post_keys, store, built)
    listed = site.config.site.share_pages
    if posts and listed != "off" and (listed == "public" or serving):
        pages = link_share_pages(pages, {post.slug for post in posts}, links)
    return pages + shared


def share_outputs(
    site: Site,
    posts: Sequence[Post],
    links: Links,
    post_keys: Mapping[Path, str],
    store: Store,
    built: set[str],
) -> list[Page]:
    """Each post's snippet JSON file and (unless `share_pages = "off"`) share page; a
    share page links to its post when the post's page is among the `built` paths."""
    writer = LazyWriter(site, links.base_url, store.table("verdicts", repr(site.audience)))
    settings = digest(repr((site.audience, site.config.channels, links.base_url)))
    writer.verdicts.keep({tag for post in posts for tag in post.tags})
    pages: list[Page] = []
    for post in posts:
        snippets = Snippets(digest(settings, post.slug, post_keys[post.path]), post, writer)
        pages.append(
            Page(urls.snippets_path(post.slug), "snippets.json", {"share": snippets}, draw=_json)
        )
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
    return pages


def _json(context: dict[str, Any]) -> bytes:
    """A snippet JSON file, from its page's context."""
    return (json.dumps(context["share"].data, ensure_ascii=False) + "\n").encode("utf-8")


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
