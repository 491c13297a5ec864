"""The prose of a post as the checker sees it: paragraphs with their file lines, the
concrete details in them, vague wording, and questions to the reader.

Markdown is not rendered: code (fenced and inline), link targets, bare URLs and HTML
comments are blanked with spaces, so line and column numbers still point into the file.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from planner.specificity.lexicon import STOPWORDS, UNITS
from planner.specificity.words import zipf

FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
MASK_RE = re.compile(
    r"`[^`]*`"  # inline code
    r"|(?<=\])\([^)\]]*\)"  # link target after [text]
    r"|<!--.*?(?:-->|$)"  # one-line HTML comment (to the end of the line when unclosed)
    r"|<[^<>\n]+>"  # HTML tag
    r"|https?://\S+"  # bare URL
)
RARE_ZIPF = 3.0
"""Words rarer than this are concrete details: 'countergear', 'detent', 'houndstooth'."""
LISTICLE_WORDS = frozenset(
    ["tips", "tricks", "things", "ways", "reasons", "ideas", "steps", "secrets", "facts"]
)

VAGUE_WORDING = (
    "a lot of|lots of|a few|a bunch of|pretty much|kind of|sort of|and so on|"
    "things?|stuff|various|variety|everyone|everybody|everything|anyone|anything|"
    "something|amazing|awesome|incredible|fantastic|great|tips|tricks|really|very|"
    "basically|etc"
)
VAGUE_RE = re.compile(
    # The lookahead on the first letters lets the scan skip most positions at once:
    # Python's re would otherwise try every alternative at every word start.
    rf"\b(?=[{''.join(sorted({w[0] for w in VAGUE_WORDING.split('|')}))}])(?:{VAGUE_WORDING})\b",
    re.IGNORECASE,
)
"""Wording that stands in for a detail the writer did not give."""

INVITATIONS = (
    "let us know",
    "let me know",
    "tell us",
    "tell me",
    "write to us",
    "write to me",
    "leave a comment",
    "comment below",
    "reply",
    "email us",
    "email me",
    "send us",
    "send me",
    "share your",
    "drop us a line",
    "drop me a line",
)
"""A question, or an invitation to answer: the post talks with its readers."""


TOKEN_RE = re.compile(
    r"([^\w$€£¥%&]*+)"  # what stands before the token: spaces, punctuation
    r"(?:([^\W\d_]+(?:['\u2019-][^\W\d_]+)*)(?!\w)"  # a word: "Hydra-Matic", "owner's"
    r"|(\d+(?:[.,:/]\d+)*)(?!\w)"  # a number: "1968", "0.027", "3/8"
    r"|([^\W_]+(?:-[^\W_]+)*)"  # a code, letters and digits: "M21", "L78", "1960s", "14x7"
    r"|([$€£¥%&])|)"  # an amount or percent sign, or nothing (see below)
)
"""One pass over a paragraph with `findall`: the checker's hot loop, so no lookbehinds.

The separator is possessive and the token may be empty, so a long run of punctuation
with no token after it is one match, not a scan from every position of the run (which
took quadratic time); the empty matches are skipped."""


"""One pass over a paragraph with `findall`: the checker's hot loop, so no lookbehinds."""
OPENERS = " \t*_\"'(\u201c\u2018-\u2013\u2014"
"""Emphasis, quotes, brackets and dashes that may stand before a sentence's first word."""
BREAKS = frozenset(".!?:;\n#|>")
"""What ends a sentence, a heading or a table cell: a capital after one is not a name."""
NAME_ZIPF = 4.5
"""In a title, where Title Case capitalises every word, only rarer words count as names."""


class ProseToken(NamedTuple):
    """A token, what stands before it, its kind, and whether it opens a sentence."""

    sep: str
    text: str
    kind: str  # "word", "num", "code" or "sym"
    opens: bool


def tokens(text: str) -> list[ProseToken]:
    """Split prose into tokens in one regex pass."""
    # The checker's hot loop: tuple.__new__ skips the NamedTuple constructor's extra
    # call, and a plain space (the usual separator) never opens a sentence.
    found: list[ProseToken] = []
    append, new = found.append, tuple.__new__
    for sep, word, number, code, symbol in TOKEN_RE.findall(text):
        if not (word or number or code or symbol):
            continue
        opens = (sep != " " and sep.rstrip(OPENERS)[-1:] in BREAKS) or not found
        if word:
            append(new(ProseToken, (sep, word, "word", opens)))
        elif number:
            append(new(ProseToken, (sep, number, "num", opens)))
        elif code:
            append(new(ProseToken, (sep, code, "code", opens)))
        else:
            append(new(ProseToken, (sep, symbol, "sym", opens)))
    return found


@dataclass(frozen=True)
class Line:
    """A line of the body with code, URLs and comments blanked; `number` is the file line."""

    number: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """Consecutive non-blank prose lines; a heading is a paragraph of its own.

    Its tokens and details are worked out once, on first use, and shared by the rules.
    """

    lines: tuple[Line, ...]

    @property
    def line(self) -> int:
        return self.lines[0].number

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def is_heading(self) -> bool:
        return self.lines[0].text.lstrip().startswith("#")

    @cached_property
    def tokens(self) -> list[ProseToken]:
        return tokens(self.text)

    @cached_property
    def words(self) -> int:
        return len([token for token in self.tokens if token.kind != "sym"])

    @cached_property
    def details(self) -> list[str]:
        return details(self.text, prose=self.tokens)

    @property
    def density(self) -> float:
        """Concrete details per 100 words."""
        return len(self.details) * 100 / self.words if self.words else 0.0


def prose_lines(body: str, first_line: int) -> list[Line]:
    """The body's lines, numbered as in the file, with everything but prose blanked."""
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


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group prose lines into paragraphs (blank lines and headings separate them)."""
    found: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        heading = line.text.lstrip().startswith("#")
        if not line.text.strip() or heading:
            if current:
                found.append(Paragraph(tuple(current)))
                current = []
            if heading:
                found.append(Paragraph((line,)))
            continue
        current.append(line)
    if current:
        found.append(Paragraph(tuple(current)))
    return found


def details(text: str, *, title: bool = False, prose: list[ProseToken] | None = None) -> list[str]:
    """The concrete details in `text`: numbers, years, codes, amounts, names, rare words.

    A capitalised word counts as a name only where a sentence does not start (in a
    title, only when it is not an ordinary word); a number in front of a listicle word
    ("10 tips") is not a detail. `prose` is `text` already tokenised.
    """
    found: list[str] = []
    prose = tokens(text) if prose is None else prose
    rare, name = WordKind.RARE, WordKind.NAME
    capitalised = WordKind.NAME if title else WordKind.CAPITALISED
    for i, (_, text, kind, opens) in enumerate(prose):  # unpacked: the hot loop
        if kind == "word":
            word_kind = _word_kind(text)  # compared by identity: Enum.__hash__ is slow
            if word_kind is rare or (not opens and (word_kind is name or word_kind is capitalised)):
                found.append(text)
        elif kind == "num" or kind == "code":
            following = prose[i + 1].text.lower() if i + 1 < len(prose) else ""
            if following not in LISTICLE_WORDS:
                found.append(text)
        elif text in "$€£¥%":
            found.append(text)
    return found


class WordKind(enum.Enum):
    """What a word can be as a detail, before its place in the sentence is known."""

    FUNCTION = "function"  # a stopword or a unit: never a detail on its own
    RARE = "rare"  # rare in English: a detail wherever it stands
    NAME = "name"  # capitalised and not an ordinary word: a name unless it opens a sentence
    CAPITALISED = "capitalised"  # capitalised ordinary word: a name only in running prose
    COMMON = "common"


@functools.cache
def _word_kind(word: str) -> WordKind:
    low = word.lower()
    if low in STOPWORDS or low in UNITS:
        return WordKind.FUNCTION
    frequency = zipf(low)
    if frequency < RARE_ZIPF:
        return WordKind.RARE
    if word[0].isupper():
        return WordKind.NAME if frequency < NAME_ZIPF else WordKind.CAPITALISED
    return WordKind.COMMON


def vague_wording(lines: list[Line]) -> Iterator[tuple[int, int, str]]:
    """(line, column, words) for each piece of vague wording in the prose."""
    for line in lines:
        for match in VAGUE_RE.finditer(line.text):
            yield line.number, match.start() + 1, match.group()


def asks_readers(lines: list[Line]) -> bool:
    """True when the prose asks a question or invites an answer."""
    # Substring tests, not one regex of alternatives: this runs on every post, and
    # Python's re tries each alternative at every position of a long text.
    text = "\n".join(line.text for line in lines)
    if "?" in text:
        return True
    lowered = text.lower()
    return any(phrase in lowered for phrase in INVITATIONS)
