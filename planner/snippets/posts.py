"""A site's posts as snippets: which channels each post goes to, which of its tags are
worth a hashtag there, the writer's overrides, and the overrides that do not fit.

The tag verdicts are the checker's (planner.check.terms): a tag it calls too broad or
off-audience for the site's audience never becomes a hashtag.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from planner.calendar import post_channels
from planner.config import Config
from planner.content import Post
from planner.findings import Finding, Severity
from planner.snippets.compose import (
    Parts,
    Snippet,
    compose,
    distinct,
    from_override,
    hashtags,
    with_utm,
)
from planner.snippets.facets import facets
from planner.snippets.length import utf8_length
from planner.snippets.platforms import PLATFORMS, Platform
from planner.snippets.share import mastodon_host, share_link
from planner.urls import Links

if TYPE_CHECKING:  # the lens brings the checker's modules; a build passes stored verdicts
    from planner.check.terms import AudienceLens

UNWANTED_VERDICTS = ("too-broad", "off-audience")


@dataclass(frozen=True)
class Shared:
    """One platform's snippet for a post, with what a person or a script needs to post it."""

    snippet: Snippet
    label: str
    share: str
    facets: tuple[dict[str, Any], ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The stable JSON form (`planner snippets --format json`, snippets/<slug>.json)."""
        data: dict[str, Any] = {
            "platform": self.snippet.platform,
            "platform_label": self.label,
            "text": self.snippet.text,
            "length": self.snippet.length,
            "limit": self.snippet.limit,
            "counted": self.snippet.counted,
            "fits": self.snippet.fits,
            "override": self.snippet.override,
            "url": self.snippet.url,
            "hashtags": list(self.snippet.hashtags),
            "share": self.share,
        }
        if self.snippet.platform == "bluesky":
            data["facets"] = list(self.facets)
        return data


@dataclass(frozen=True)
class PostSnippets:
    """Every snippet of one post, in platform order."""

    post: Post = field(repr=False)
    url: str
    """The post's link as such, without any channel's UTM parameters."""
    snippets: tuple[Shared, ...]

    def as_json(self) -> dict[str, Any]:
        """The stable JSON form: the post's slug, title and URL, and its snippets."""
        snippets = [shared.as_json() for shared in self.snippets]
        return {
            "slug": self.post.slug,
            "title": self.post.title,
            "url": self.url,
            "snippets": snippets,
        }


@dataclass(frozen=True)
class _Channel:
    """What one platform's snippets take from planner.toml."""

    hashtags: tuple[str, ...] = ()
    """The channel's own hashtags, after the post's."""
    utm: Mapping[str, str] = field(default_factory=dict)
    host: str = ""
    """Mastodon's instance, for the share link."""


class SnippetWriter:
    """Writes the snippets of one site's posts (the tag verdicts are cached across posts)."""

    def __init__(self, config: Config, lens: AudienceLens, base_url: str | None = None) -> None:
        self.config = config
        self.lens = lens
        self.base_url = base_url or config.site.base_url
        self.platforms = _platforms(config)
        self._links = Links.of(self.base_url)
        self._hashtags: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._names: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._channels = {name: _channel(config, name) for name in (*PLATFORMS, *config.channels)}

    def channels(self, post: Post) -> tuple[str, ...]:
        """Where `post` is shared: its front-matter `channels`, else every enabled channel
        in planner.toml, else all six platforms (the known ones, in platform order)."""
        names = self._names.get(post.channels)
        if names is None:
            names = self._names[post.channels] = channels_for(post, self.config)
        return names

    def parts(self, post: Post, platform: str) -> Parts:
        """The parts of `post`'s snippet for `platform`, hashtags most specific first."""
        return self._parts(self._common(post), platform)

    def snippet(self, post: Post, platform: str) -> Shared:
        """`post`'s snippet for `platform`: the writer's override, else composed."""
        return self._shared(post, self._common(post), platform)

    def findings(self, post: Post, text: str) -> list[Finding]:
        """The overrides of `post` that do not fit (see `override_findings`)."""
        return override_findings(post, text, self)

    def for_post(self, post: Post, only: Iterable[str] = ()) -> PostSnippets:
        """Every snippet of `post` (or those of the platforms in `only`)."""
        wanted = set(only)
        names = [n for n in self.channels(post) if not wanted or n in wanted]
        common = self._common(post)
        return PostSnippets(
            post, common.url, tuple(self._shared(post, common, name) for name in names)
        )

    def _common(self, post: Post) -> Parts:
        """The parts every platform shares: the post's link without UTM parameters, the
        hashtags of its wanted tags without any channel's."""
        made = self._hashtags.get(post.tags)
        if made is None:
            made = hashtags(
                [t for t in post.tags if self.lens.judge(t).verdict not in UNWANTED_VERDICTS]
            )
            self._hashtags[post.tags] = made
        return Parts(
            title=post.title,
            hook=_one_line(post.summary or post.title),
            url=self._links.post_url(post.slug),
            hashtags=made,
            ask=_one_line(post.ask),
        )

    def _parts(self, common: Parts, platform: str) -> Parts:
        channel = self._channels.get(platform)
        if channel is None or not (channel.utm or channel.hashtags):
            return common
        return replace(
            common,
            url=with_utm(common.url, channel.utm),
            hashtags=distinct(common.hashtags + channel.hashtags),
        )

    def _shared(self, post: Post, common: Parts, platform: str) -> Shared:
        rules = self.platforms[platform]
        parts = self._parts(common, platform)
        override = post.snippets.get(platform)
        if isinstance(override, str) and override.strip():
            made = from_override(override, parts, rules)
        else:
            made = compose(parts, rules)
        host = self._channels[platform].host
        return Shared(
            made,
            rules.label,
            share_link(rules, made.text, made.url, host),
            tuple(facets(made.text)) if platform == "bluesky" else (),
        )


def _channel(config: Config, platform: str) -> _Channel:
    """`platform`'s settings from planner.toml (none when it has no `[channels.<name>]`)."""
    channel = config.channels.get(platform)
    if channel is None:
        return _Channel()
    return _Channel(
        hashtags=hashtags([t.lstrip("#") for t in channel.hashtags]),
        utm=channel.utm,
        host=mastodon_host(channel.instance, channel.handle),
    )


def _one_line(text: str) -> str:
    """`text` with its runs of white space (line breaks of a YAML block) as one space."""
    return " ".join(text.split())


def _platforms(config: Config) -> dict[str, Platform]:
    """The platforms with the limits set in planner.toml (`max_chars`)."""
    result = dict(PLATFORMS)
    for name, channel in config.channels.items():
        if name in result and channel.max_chars:
            result[name] = result[name].with_limit(channel.max_chars)
    return result


def channels_for(post: Post, config: Config) -> tuple[str, ...]:
    """The platforms `post` is shared on, in platform order: the calendar's channels
    (`planner.calendar.post_channels`: front matter, else the enabled `[channels]`), or
    all six when planner.toml has no `[channels]` and the post names none."""
    named = {name.lower() for name in post_channels(post, config.channels)}
    if not named and not config.channels:
        named = set(PLATFORMS)
    return tuple(name for name in PLATFORMS if name in named)


def override_findings(post: Post, text: str, writer: SnippetWriter) -> list[Finding]:
    """A finding for each front-matter snippet override that does not fit its platform
    (error, `snippet-too-long`), and for each override or `channels` entry that names no
    platform (warning, `snippet-unknown-platform`), at its line. `text` is the file's text."""
    found = [
        _unknown(post, post.line_of("channels"), f"channels: {name}", name)
        for name in post.channels
        if name.lower() not in PLATFORMS
    ]
    for name, value in post.snippets.items():
        line = override_line(text, post.line_of("snippets"), name)
        if name not in PLATFORMS:
            found.append(_unknown(post, line, f"snippets.{name}", name))
        elif not isinstance(value, str):
            kind = type(value).__name__
            message = f"the {PLATFORMS[name].label} snippet must be text, not {kind}"
            found.append(Finding(post.path, line, 1, "snippet-too-long", Severity.ERROR, message))
        elif not (made := writer.snippet(post, name).snippet).fits:
            message = _too_long(writer.platforms[name], made)
            found.append(Finding(post.path, line, 1, "snippet-too-long", Severity.ERROR, message))
    return found


ALIASES = {"twitter": "x", "fb": "facebook", "bsky": "bluesky", "fediverse": "mastodon"}
"""Names writers use for the platforms, for the "did you mean"."""


def _unknown(post: Post, line: int, where: str, name: str) -> Finding:
    key = name.lower()
    close = (
        [ALIASES[key]]
        if key in ALIASES
        else difflib.get_close_matches(key, list(PLATFORMS), 1, 0.5)
    )
    hint = f"did you mean '{close[0]}'?" if close else f"platforms: {', '.join(PLATFORMS)}"
    message = f"{where} is no platform planner knows ({hint})"
    return Finding(post.path, line, 1, "snippet-unknown-platform", Severity.WARNING, message)


def _too_long(platform: Platform, made: Snippet) -> str:
    """Why `made` does not fit: its count against each limit it is over."""
    over = []
    if made.length > made.limit:
        over.append(f"{made.length}/{made.limit} {made.counted}")
    size = utf8_length(made.text)
    if platform.byte_limit is not None and size > platform.byte_limit:
        over.append(f"{size}/{platform.byte_limit} UTF-8 bytes")
    return f"the {platform.label} snippet is too long: {' and '.join(over)}; shorten it"


def override_line(text: str, snippets_line: int, name: str) -> int:
    """The line of override `name` under the `snippets:` key at `snippets_line` (1-based);
    that line itself for a one-line `snippets: {x: ...}` or when the key is not found."""
    lines = text.split("\n")
    if snippets_line > len(lines) or "{" in lines[snippets_line - 1]:
        return snippets_line
    key = re.compile(rf"""^\s+["']?{re.escape(name)}["']?\s*:""")
    for number in range(snippets_line + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() and not line[0].isspace():
            break
        if key.match(line):
            return number
    return snippets_line
