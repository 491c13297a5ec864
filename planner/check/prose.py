"""The prose of a post as the checker sees it: paragraphs with their file lines, the
concrete details in them, vague wording, and questions to the reader.

Markdown is not rendered: code (fenced and inline), link targets, bare URLs and HTML
comments are blanked with spaces, so line and column numbers still point into the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planner.specificity.lexicon import STOPWORDS, UNITS
from planner.specificity.words import tokenize, zipf

FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
MASK_RE = re.compile(
    r"`[^`]*`"  # inline code
    r"|(?<=\])\([^)]*\)"  # link target after [text]
    r"|<!--.*?-->"  # one-line HTML comment
    r"|<[^>\n]+>"  # HTML tag
    r"|https?://\S+"  # bare URL
)
RARE_ZIPF = 3.0
"""Words rarer than this are concrete details: 'countergear', 'detent', 'houndstooth'."""
LISTICLE_WORDS = frozenset(
    ["tips", "tricks", "things", "ways", "reasons", "ideas", "steps", "secrets", "facts"]
)

VAGUE_RE = re.compile(
    r"\b(?:a lot of|lots of|a few|a bunch of|pretty much|kind of|sort of|and so on|"
    r"things?|stuff|various|variety|everyone|everybody|everything|anyone|anything|"
    r"something|amazing|awesome|incredible|fantastic|great|tips|tricks|really|very|"
    r"basically|etc)\b",
    re.IGNORECASE,
)
"""Wording that stands in for a detail the writer did not give."""

PROMPT_RE = re.compile(
    r"\?|\b(?:let (?:us|me) know|tell (?:us|me)|write to (?:us|me)|leave a comment|"
    r"comment below|reply|email (?:us|me)|send (?:us|me)|share your|drop (?:us|me) a line)\b",
    re.IGNORECASE,
)
"""A question, or an invitation to answer: the post talks with its readers."""


@dataclass(frozen=True)
class Line:
    """A line of the body with code, URLs and comments blanked; `number` is the file line."""

    number: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    """Consecutive non-blank prose lines; a heading is a paragraph of its own."""

    lines: tuple[Line, ...]

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def is_heading(self) -> bool:
        return self.lines[0].text.lstrip().startswith("#")


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


NAME_ZIPF = 4.5
"""In a title, where Title Case capitalises every word, only rarer words count as names."""


def details(text: str, *, title: bool = False) -> list[str]:
    """The concrete details in `text`: numbers, years, codes, amounts, names, rare words.

    A capitalised word counts as a name only where a sentence does not start (in a
    title, only when it is not an ordinary word); a number in front of a listicle word
    ("10 tips") is not a detail.
    """
    found: list[str] = []
    tokens = tokenize(text)
    for i, token in enumerate(tokens):
        following = tokens[i + 1].text.lower() if i + 1 < len(tokens) else ""
        if token.kind in {"num", "code"}:
            if following not in LISTICLE_WORDS:
                found.append(token.text)
        elif token.kind == "sym" and token.text in "$€£¥%":
            found.append(token.text)
        elif token.kind == "word":
            low = token.text.lower()
            if low in STOPWORDS or low in UNITS:
                continue
            name = token.text[0].isupper() and not starts_sentence(text, token.start)
            if (name and (not title or zipf(low) < NAME_ZIPF)) or zipf(low) < RARE_ZIPF:
                found.append(token.text)
    return found


OPENERS = " \t*_\"'(\u201c\u2018-\u2013\u2014"
"""Emphasis, quotes, brackets and dashes that may stand before a sentence's first word."""


def starts_sentence(text: str, start: int) -> bool:
    """True when the token at `start` begins a sentence, a heading or a table cell."""
    before = text[:start].rstrip(OPENERS)
    return not before or before[-1] in ".!?:;\n#|>"


def word_count(text: str) -> int:
    return sum(token.kind != "sym" for token in tokenize(text))


def vague_wording(lines: list[Line]) -> Iterator[tuple[int, int, str]]:
    """(line, column, words) for each piece of vague wording in the prose."""
    for line in lines:
        for match in VAGUE_RE.finditer(line.text):
            yield line.number, match.start() + 1, match.group()


def asks_readers(lines: list[Line]) -> bool:
    """True when the prose asks a question or invites an answer."""
    return any(PROMPT_RE.search(line.text) for line in lines)
