"""A drafted audience profile as commented TOML, and what a current profile lacks of it."""

from __future__ import annotations

import json
from collections.abc import Sequence

from planner.audience import Audience
from planner.audience_suggest import Entry, ProfileDraft
from planner.text import normalize_term

SHOWN_POSTS = 2
"""Posts named in an entry's comment; the rest are counted."""


def _string(text: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def _from(entry: Entry) -> str:
    shown = ", ".join(entry.posts[:SHOWN_POSTS])
    more = len(entry.posts) - SHOWN_POSTS
    where = f"; from {shown}" + (f" and {more} more" if more > 0 else "") if shown else ""
    return f"{entry.why}{where}"


def _array(key: str, entries: Sequence[Entry]) -> list[str]:
    if not entries:
        return [f"{key} = []"]
    return [f"{key} = [", *(f"    {_string(e.term)},  # {_from(e)}" for e in entries), "]"]


def render_draft(draft: ProfileDraft) -> str:
    """The draft as an audience.toml a writer edits: every entry commented with its posts."""
    lines = [
        f"# Audience profile drafted by `planner audience suggest` from {draft.posts} posts.",
        "# Each entry says which posts it came from: keep what describes your readers,",
        "# delete the rest, and say who they are in name and description (docs/audience.md).",
        "",
        'name = ""',
        'description = ""',
        "",
        "# On most posts: what the whole site is about (too broad to tag one post with).",
        *_array("niche", draft.niche),
        "",
        "# Specific things the posts keep coming back to.",
        *_array("interests", draft.interests),
        "",
        "# Tags that reach nobody in particular.",
        *_array("too_broad", draft.too_broad),
        "",
        "# Broad term -> the interests it groups; used to suggest a better tag.",
        "[topics]",
    ]
    for broad, members in draft.topics:
        children = ", ".join(_string(m.term) for m in members)
        lines.append(f"{_string(broad.term)} = [{children}]  # {broad.why}")
    return "\n".join(lines) + "\n"


def missing(draft: ProfileDraft, audience: Audience) -> list[str]:
    """What `audience` lacks of `draft`, one line each ("+ interests: 'Muncie M22' …")."""
    lines = []
    fields = (
        ("niche", draft.niche, audience.niche),
        ("interests", draft.interests, (*audience.interests, *_children(audience))),
        ("too_broad", draft.too_broad, audience.too_broad),
    )
    for name, proposed, current in fields:
        have = {normalize_term(t) for t in current}
        lines += [
            f"+ {name}: {_string(e.term)}  ({_from(e)})"
            for e in proposed
            if normalize_term(e.term) not in have
        ]
    topics = {normalize_term(k): {normalize_term(c) for c in v} for k, v in audience.topics.items()}
    for broad, members in draft.topics:
        have = topics.get(normalize_term(broad.term))
        absent = [m.term for m in members if have is None or normalize_term(m.term) not in have]
        if absent:
            what = "new topic" if have is None else "more under topic"
            listed = ", ".join(_string(t) for t in absent)
            lines.append(f"+ topics ({what}) {_string(broad.term)}: {listed}")
    return lines


def _children(audience: Audience) -> list[str]:
    return [child for children in audience.topics.values() for child in children]
