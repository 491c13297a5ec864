"""The prose of a post as the checker sees it: paragraphs with their file lines, the
concrete details in them, vague wording, and questions to the reader.

Lines, tokens and the zipf cut-offs come from `planner.text`, which the specificity
scorers and the audience coverage read too.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from planner.specificity.lexicon import STOPWORDS, UNITS
from planner.specificity.words import zipf
from planner.text import (
    NAME_ZIPF,
    RARE_ZIPF,
    Line,
    Token,
    paragraph_lines,
    paragraph_text,
    tokens,
)

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
        return paragraph_text(self.lines)

    @property
    def is_heading(self) -> bool:
        return self.lines[0].text.lstrip().startswith("#")

    @cached_property
    def tokens(self) -> list[Token]:
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


def paragraphs(lines: list[Line]) -> list[Paragraph]:
    """Group prose lines into paragraphs (blank lines and headings separate them)."""
    return [Paragraph(group) for group in paragraph_lines(lines)]


def details(text: str, *, title: bool = False, prose: list[Token] | None = None) -> list[str]:
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
