"""Finding the URLs in a text the way the platforms' own autolinkers do, closely enough
to count them: X and Mastodon count every URL they link as 23 characters.

Modelled on twitter-text's URL extraction (github.com/twitter/twitter-text, the
`extractUrlsWithIndices` rules and conformance/validate.yml): an optional http(s)
scheme, host labels of letters, digits, hyphens (and underscores below the registered
domain), each at most 63 characters once punycode-encoded, a top-level domain that
exists (the Public Suffix List's, bundled with `publicsuffixlist`), an optional port,
and a path whose parentheses balance and that does not end in punctuation. Without
a scheme the host must be ASCII, and a country-code domain without a path is not a
link unless it is `.co` or `.tv` (twitter-text's special short domains).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex
from publicsuffixlist import PSLFILE, PublicSuffixList

from planner.snippets.runs import runs_holding

_LABEL = r"[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_-]*[\p{L}\p{M}\p{N}_])?"
_PATH = r"[\p{L}\p{M}\p{N}\-_~!*';:@&=+$/%#\[\],.|()?]"
URL_RE = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}@\uFF20$\x23\uFF03_./-])          # not inside a word, a mention or a hashtag
    (?P<scheme>https?://)?
    (?P<host>(?:{_LABEL}\.)+{_LABEL})
    (?![\p{{L}}\p{{M}}\p{{N}}_-])
    (?::\d{{1,5}})?
    (?P<path>[/?]{_PATH}*)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
LONGEST_REMEMBERED_RUN = 256
"""Runs up to this long have their URLs remembered (a post's link recurs in every
platform's snippet and in every count of it); longer ones are worked out each time."""
TRAILING = ".,!?;:'\"*[]"
"""Punctuation a URL does not end with: it belongs to the sentence around it."""
SPECIAL_CCTLDS = frozenset({"co", "tv"})
"""Country-code domains twitter-text links without a scheme or path (t.co, a.tv)."""


@dataclass(frozen=True)
class Span:
    """A URL in a text: code-point offsets (end exclusive) and the URL as written."""

    start: int
    end: int
    url: str


@functools.cache
def _suffixes() -> PublicSuffixList:
    """The bundled list's rules for top-level domains: a host is judged by its last
    label alone, and a label's verdict depends only on the rules `x`, `*.x` and `!x`,
    so the rest of the list (nine rules in ten, most of its loading time) is left out."""
    with open(PSLFILE, "rb") as source:
        rules = [line for line in source if _for_one_label(line)]
    return PublicSuffixList(rules, accept_unknown=False)


def _for_one_label(line: bytes) -> bool:
    """Whether a line of the list is a rule about a single label (`x`, `*.x`, `!x`)."""
    rule = line.split(b" ")[0].strip()
    return not rule.startswith(b"//") and b"." not in rule.lstrip(b"!").removeprefix(b"*.")


def find_urls(text: str, *, schemeless: bool = True) -> list[Span]:
    """Every URL in `text` the platforms would link, in order.

    `schemeless=False` finds only URLs written with http:// or https:// (Mastodon
    links nothing else).
    """
    return [Span(*found) for found in url_spans(text, schemeless=schemeless)]


def url_spans(text: str, *, schemeless: bool = True) -> list[tuple[int, int, str]]:
    """`find_urls` as plain (start, end, URL) tuples, for the counters."""
    found = []
    for offset, run in runs_holding(text, "."):  # a URL is inside one run of non-space
        spans = _in_remembered_run(run) if len(run) <= LONGEST_REMEMBERED_RUN else _in_run(run)
        found += [
            (offset + start, offset + end, url)
            for start, end, url, scheme in spans
            if scheme or schemeless
        ]
    return found


@functools.lru_cache(maxsize=4096)
def _in_remembered_run(run: str) -> tuple[tuple[int, int, str, bool], ...]:
    return _in_run(run)


def _in_run(run: str) -> tuple[tuple[int, int, str, bool], ...]:
    """The URLs in one run of non-space: (start, end, URL, whether it has a scheme),
    offsets within the run."""
    found = []
    for match in URL_RE.finditer(run):
        scheme, host = match.group("scheme"), match.group("host")
        if not _valid_host(host, bool(scheme), bool(match.group("path"))):
            continue
        url = _trim(match.group(0))
        found.append((match.start(), match.start() + len(url), url, bool(scheme)))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _valid_host(host: str, scheme: bool, path: bool) -> bool:
    labels = host.lower().split(".")
    *lower, tld = labels
    if not scheme and not host.isascii():
        return False
    if any(_too_long(label) for label in labels):
        return False
    if any("_" in label for label in labels[-2:]):
        return False
    if tld.isdigit():
        return scheme and len(labels) == 4 and all(int(part) <= 255 for part in labels)
    if not _suffixes().is_public(tld):
        return False
    if not scheme and not path and len(tld) == 2 and tld not in SPECIAL_CCTLDS:
        return False
    return bool(lower)


def _too_long(label: str) -> bool:
    """Longer than DNS allows (63 octets), counted as punycode for non-ASCII labels."""
    if label.isascii():
        return len(label) > 63
    try:
        return len(b"xn--" + label.encode("punycode")) > 63
    except UnicodeError:
        return True


def _trim(url: str) -> str:
    """`url` without the sentence's punctuation after it, or a ')' closing a parenthesis
    opened before the URL ("(see example.com/a)")."""
    while url[-1] in TRAILING or (url[-1] == ")" and url.count(")") > url.count("(")):
        url = url[:-1]
    return url
