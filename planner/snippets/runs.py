"""The runs of non-space in a text that hold a given character: where a URL (a dot) or
a hashtag ('#') can be, found with `str.split` instead of a regular expression.

A URL or a tag never spans white space, so the autolinker and the facets look only at
these runs. White space is the `regex` module's `\\s` (Unicode White_Space), which is
what the platforms' own patterns use; `str.split` also splits at the four information
separators U+001C..U+001F, so a text holding one of those takes the regular expression.
"""

from __future__ import annotations

import regex

_RUN = regex.compile(r"\S+")


def runs_holding(text: str, char: str) -> list[tuple[int, str]]:
    """Each whole run of non-space in `text` holding `char` (not white space), with its
    code-point offset, in order."""
    if char not in text:
        return []
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return runs_holding_general(text, char)  # str.split splits there, \s does not
    found = []
    cursor = 0
    for run in [r for r in text.split() if char in r]:
        # The first occurrence from the end of the previous such run is this run itself:
        # one starting earlier would have `char` outside every run holding it.
        cursor = text.find(run, cursor)
        found.append((cursor, run))
        cursor += len(run)
    return found


def runs_holding_general(text: str, char: str) -> list[tuple[int, str]]:
    """`runs_holding` by the regular expression, for any text."""
    return [(m.start(), m.group()) for m in _RUN.finditer(text) if char in m.group()]
