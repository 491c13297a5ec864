"""The six platforms snippets are written for: one small record each.

A record says how long a post may be and how the platform counts it (each rule cited
to the platform's published document), how many hashtags read naturally there, and
the link that opens the platform's composer with the text filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from planner.snippets import length


@dataclass(frozen=True)
class Platform:
    """How one platform counts a post and takes a shared one."""

    name: str
    """The id used in planner.toml (`[channels.<name>]`) and front matter."""
    label: str
    limit: int
    """The most the counter may say."""
    count: Callable[[str], int]
    counted: str
    """What `count` counts, in words, for output and the share page."""
    url_weight: int | None
    """What one URL counts (None: as written)."""
    hashtags: int
    """At most this many hashtags (CamelCase, for screen readers)."""
    share: str
    """The share link; `{text}` is the percent-encoded snippet, `{host}` the instance."""
    byte_limit: int | None = None
    """A second ceiling in UTF-8 bytes (Bluesky)."""

    def fits(self, text: str, counted: int | None = None) -> bool:
        """True when `text` (whose `count` is `counted`, if known) is within every limit."""
        if self.byte_limit is not None and length.utf8_length(text) > self.byte_limit:
            return False
        return (self.count(text) if counted is None else counted) <= self.limit

    def with_limit(self, limit: int) -> Platform:
        """The same platform with another limit (a Mastodon instance's `max_chars`)."""
        return replace(self, limit=limit)


PLATFORMS: dict[str, Platform] = {
    p.name: p
    for p in (
        # twitter-text v3 (github.com/twitter/twitter-text config/v3.json): 280 weighted
        # characters; Latin and general punctuation weigh 1, everything else 2, an emoji
        # sequence 2, a URL 23. Web intent: developer.x.com "Web Intents" (intent/tweet).
        Platform(
            "x",
            "X",
            280,
            length.x_length,
            "weighted characters",
            length.URL_LENGTH,
            2,
            "https://x.com/intent/tweet?text={text}",
        ),
        # Mastodon: 500 by default, set per instance (configuration.statuses.max_characters
        # in GET /api/v2/instance); counted in grapheme clusters with each URL as 23
        # (mastodon/mastodon app/validators/status_length_validator.rb). Share page:
        # docs.joinmastodon.org "/share?text=" on the writer's own instance.
        Platform(
            "mastodon",
            "Mastodon",
            500,
            length.mastodon_length,
            "characters",
            length.URL_LENGTH,
            4,
            "https://{host}/share?text={text}",
        ),
        # Bluesky: app.bsky.feed.post `text` has maxGraphemes 300 and maxLength 3000
        # (UTF-8 bytes) in the lexicon (bluesky-social/atproto lexicons/app/bsky/feed/
        # post.json); a URL counts as written. Compose intent: docs.bsky.app
        # "Action Intent Links" (bsky.app/intent/compose?text=).
        Platform(
            "bluesky",
            "Bluesky",
            300,
            length.grapheme_length,
            "graphemes",
            None,
            3,
            "https://bsky.app/intent/compose?text={text}",
            byte_limit=3000,
        ),
        # Threads: 500 characters, an emoji counted as its UTF-8 bytes, one topic tag per
        # post (developers.facebook.com/docs/threads/posts). Web intent:
        # threads.net/intent/post?text= (Threads "Web Intents").
        Platform(
            "threads",
            "Threads",
            500,
            length.threads_length,
            "characters",
            None,
            1,
            "https://www.threads.net/intent/post?text={text}",
        ),
        # LinkedIn: a post's commentary holds 3,000 characters (LinkedIn Posts API,
        # learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api),
        # counted here in UTF-16 code units as LinkedIn's composer does.
        Platform(
            "linkedin",
            "LinkedIn",
            3000,
            length.utf16_length,
            "characters",
            None,
            3,
            "https://www.linkedin.com/feed/?shareActive=true&text={text}",
        ),
        # Facebook: a post may be 63,206 characters, but the feed folds it behind
        # "See more" after about 477; the snippet is kept within the fold so all of it
        # is read. The sharer takes the link (`u`); its `quote` text is no longer shown
        # by Facebook, so the copy button is the way to post the text.
        Platform(
            "facebook",
            "Facebook",
            477,
            length.utf16_length,
            "characters before “See more”",
            None,
            2,
            "https://www.facebook.com/sharer/sharer.php?u={url}&quote={text}",
        ),
    )
}
