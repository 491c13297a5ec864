"""The text core: one tokenizer, one comparison key for terms, one term matcher, the
prose of a Markdown body, and the word-frequency cut-offs the rules share.

Everything that reads words (the checker's rules, the specificity scorers, the
audience coverage the scheduler, the calendar and the build ask about) reads them
through this module, so they all agree on what a word, a code, a mention and a rare
word are. Word frequencies themselves come from `planner.specificity.words.zipf`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

# Word-frequency cut-offs (zipf scale: 0 = unseen, 3 = once per million words, 7 = "the").

RARE_ZIPF = 3.0
"""Words rarer than this are rare in English and so a concrete detail wherever they
stand ('countergear', 'detent', 'houndstooth'); a capitalised word at least this common
is an ordinary word, not a name, when it opens a sentence ('Rebuilding', 3.7)."""
NAME_ZIPF = 4.5
"""In a title, where Title Case capitalises every word, only capitalised words rarer
than this count as names: 'Muncie' (zipf 2.6) and 'Camaro' (3.1) do, 'Classic' (4.7)
does not."""
NAME_RUN_ZIPF = 5.0
"""A capitalised word at least this common ('The', 'When', 'Our') cannot start the name
of a thing: it is dropped from the front of a run of capitalised words."""
VOCABULARY_ZIPF = 5.5
"""Profile words at least this common ('work' 6.0, 'people' 6.2, 'your' 6.5) say
nothing about the audience, so relating a tag to the profile ignores them. Higher than
NAME_RUN_ZIPF on purpose: only the very commonest words are left out, and a word the
profile uses about its niche ('car', 5.45) still relates a tag to it."""
TEXT_RARE_ZIPF = 3.5
"""The text model's `rare_words` feature counts words rarer than this. Stricter than
RARE_ZIPF because the model's weight was fitted with this cut-off; change it only
together with a refit (benchmarks/train_specificity.py)."""

# Tokens.

TOKEN_RE = re.compile(
    r"([^\w$€£¥%&]*+)"  # what stands before the token: spaces, punctuation
    # A word: "Hydra-Matic", "owner's"; not when letters and digits join ("tag-029").
    r"(?:([^\W\d_]+(?:['\u2019-][^\W\d_]+)*)(?![^\W_]|-[\w-]*\d)"
    # A number: "1968", "0.027", "3/8"; not when letters join it ("12-bolt", "1960s").
    r"|(\d++(?![^\W\d_]|-[\w-]*[^\W\d_])(?:[.,:/]\d+)*)"
    r"|([^\W_]+(?:-[^\W_]+)*)"  # a code, letters and digits: "M21", "L78", "12-bolt"
    r"|([$€£¥%&])|)"  # an amount or percent sign, or nothing (see below)
)
"""One pass over a text with `findall`, the checker's hot loop: a token costs one match
and a one-character lookahead, and looks further only at a hyphen. Lookaheads go after
the first run of letters or digits (possessive, so it cannot backtrack into a shorter
match): one at the start of an alternative would cost every token about 10 %.

The separator is possessive and the token may be empty, so a long run of punctuation
with no token after it is one match, not a scan from every position of the run (which
took quadratic time); the empty matches are skipped."""
OPENERS = " \t*_\"'(\u201c\u2018-\u2013\u2014"
"""Emphasis, quotes, brackets and dashes that may stand before a sentence's first word."""
BREAKS = frozenset(".!?:;\n#|>")
"""What ends a sentence, a heading or a table cell: a capital after one is not a name."""


class Token(NamedTuple):
    """A token, what stands before it, its kind, and whether it opens a sentence.

    `kind` is "word", "num" (a number), "code" (letters and digits: "M21", "12-bolt",
    "1960s") or "sym" (one of $ € £ ¥ % &).
    """

    sep: str
    text: str
    kind: str
    opens: bool


def tokens(text: str) -> list[Token]:
    """Split `text` into tokens in one regex pass."""
    # The hot loop: tuple.__new__ skips the NamedTuple constructor's extra call, and a
    # plain space (the usual separator) never opens a sentence.
    found: list[Token] = []
    append, new = found.append, tuple.__new__
    for sep, word, number, code, symbol in TOKEN_RE.findall(text):
        if not (word or number or code or symbol):
            continue
        opens = (sep != " " and sep.rstrip(OPENERS)[-1:] in BREAKS) or not found
        if word:
            append(new(Token, (sep, word, "word", opens)))
        elif number:
            append(new(Token, (sep, number, "num", opens)))
        elif code:
            append(new(Token, (sep, code, "code", opens)))
        else:
            append(new(Token, (sep, symbol, "sym", opens)))
    return found


def is_year(token: Token) -> bool:
    """A four-digit number that reads as a year (1800-2099), or a decade like "1960s"."""
    text = token.text.rstrip("s") if token.kind == "code" else token.text
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2099


# Comparing and matching terms.


@functools.lru_cache(maxsize=65536)
def normalize_term(term: str) -> str:
    """A comparison key for a term: case, hyphens, spacing and a plural -s do not matter."""
    words = re.sub(r"[\s_-]+", " ", term.casefold()).strip().split(" ")
    return " ".join(_singular(w) for w in words)


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


class _KeyWords(dict[str, tuple[str, ...]]):
    """Token text -> its comparison words ("Rally-Wheels" -> ("rally", "wheel")), cached."""

    def __missing__(self, text: str) -> tuple[str, ...]:
        found = self[text] = tuple(w for w in normalize_term(text).split(" ") if w)
        return found


_KEY_WORDS = _KeyWords()


def key_words(toks: Iterable[Token]) -> list[str]:
    """Tokens as comparison words: case-folded, singular, hyphenated words split."""
    # All in C (map, itemgetter, chain): this runs over every paragraph of every post.
    return list(chain.from_iterable(map(_KEY_WORDS.__getitem__, map(_TEXT, toks))))


_TEXT = itemgetter(1)


class TermMatcher:
    """Counts mentions of many terms in one pass over tokens.

    A mention is the term's comparison words in a row (see `normalize_term`: case,
    hyphens, spacing and a plural -s do not matter), so "Muncie-M21s" mentions
    "Muncie M21" and "M210" does not. Looking each word up among the terms' first
    words costs microseconds where a regex per term would cost milliseconds.
    """

    def __init__(self, terms: Iterable[str]) -> None:
        self.terms: dict[tuple[str, ...], list[str]] = {}
        for term in dict.fromkeys(terms):
            key = tuple(key_words(tokens(term)))
            if key:
                self.terms.setdefault(key, []).append(term)
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        for key in self.terms:
            self.by_first.setdefault(key[0], []).append(key)
        self._candidates = [(max(key, key=len), re.compile(_candidate(key))) for key in self.terms]

    def may_mention(self, folded: str) -> bool:
        """False when `folded` (a case-folded text) cannot mention any of the terms.

        A term can be mentioned only where a loose pattern of it matches (its words,
        each maybe plural, anything but letters and digits between): a superset of the
        mentions, looked for only when the term's longest word occurs at all (a substring
        test in C), so the texts that mention nothing are never tokenised.
        """
        return any(
            anchor in folded and pattern.search(folded) for anchor, pattern in self._candidates
        )

    def count(self, toks: Sequence[Token], into: Counter[str] | None = None) -> Counter[str]:
        """How often each term is mentioned in `toks` (terms not mentioned are left out),
        added to `into` when given (one counter for the paragraphs of a post)."""
        by_first = self.by_first
        counts: Counter[str] = Counter() if into is None else into
        words = key_words(toks)
        for i in [i for i, word in enumerate(words) if word in by_first]:
            for key in by_first[words[i]]:
                if tuple(words[i : i + len(key)]) == key:
                    for term in self.terms[key]:
                        counts[term] += 1
        return counts

    def count_text(self, text: str) -> Counter[str]:
        """How often each term is mentioned in a plain `text` (a title, a sentence)."""
        if not self.may_mention(text.casefold()):
            return Counter()
        return self.count(tokens(text))

    def count_prose(self, body: str) -> Counter[str]:
        """How often each term is mentioned in the prose of a Markdown `body`."""
        counts: Counter[str] = Counter()
        if not self.may_mention(body.casefold()):
            return counts
        for lines in paragraph_lines(prose_lines(body, 1)):
            counts.update(self.count_text(paragraph_text(lines)))
        return counts


def _candidate(key: tuple[str, ...]) -> str:
    """A loose pattern for a term's words in case-folded text (see `may_mention`)."""
    return r"[\W_]*".join(re.escape(word) + "s?" for word in key)


# The prose of a Markdown body.

FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
MASK_RE = re.compile(
    r"`[^`]*`"  # inline code
    r"|(?<=\])\([^)\]]*\)"  # link target after [text]
    r"|<!--.*?(?:-->|$)"  # one-line HTML comment (to the end of the line when unclosed)
    r"|<[^<>\n]+>"  # HTML tag
    r"|https?://\S+"  # bare URL
)


@dataclass(frozen=True)
class Line:
    """A line of the body with code, URLs and comments blanked; `number` is the file line."""

    number: int
    text: str


def prose_lines(body: str, first_line: int) -> list[Line]:
    """The body's lines, numbered as in the file, with everything but prose blanked.

    Markdown is not rendered: code (fenced and inline), link targets, bare URLs and HTML
    comments are blanked with spaces, so line and column numbers still point into the file.
    """
    lines: list[Line] = []
    fence: str | None = None
    in_comment = False
    for offset, raw in enumerate(body.split("\n")):
        number = first_line + offset
        fence_match = FENCE_RE.match(raw)
        if fence is not None:
            if fence_match and fence_match.group(1) == fence:
                fence = None
            lines.append(Line(number, ""))
            continue
        if fence_match:
            fence = fence_match.group(1)
            lines.append(Line(number, ""))
            continue
        text, in_comment = _mask_comments(raw, in_comment)
        lines.append(Line(number, MASK_RE.sub(lambda m: " " * len(m.group()), text)))
    return lines


def _mask_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    """Blank the parts of `text` inside a multi-line HTML comment."""
    if in_comment:
        end = text.find("-->")
        if end < 0:
            return " " * len(text), True
        text = " " * (end + 3) + text[end + 3 :]
    start = text.find("<!--")
    if start >= 0 and text.find("-->", start) < 0:
        return text[:start] + " " * (len(text) - start), True
    return text, False


def paragraph_lines(lines: Sequence[Line]) -> list[tuple[Line, ...]]:
    """Group prose lines into paragraphs (blank lines and headings separate them; a
    heading is a paragraph of its own)."""
    found: list[tuple[Line, ...]] = []
    current: list[Line] = []
    for line in lines:
        heading = line.text.lstrip().startswith("#")
        if not line.text.strip() or heading:
            if current:
                found.append(tuple(current))
                current = []
            if heading:
                found.append((line,))
            continue
        current.append(line)
    if current:
        found.append(tuple(current))
    return found


def paragraph_text(lines: Sequence[Line]) -> str:
    return "\n".join(line.text for line in lines)
