"""Markdown to HTML for one post: Python-Markdown with heading anchors, tables, fenced
code highlighted by Pygments; plus the summary and word count the pages show."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import markdown

if TYPE_CHECKING:
    from markdown.extensions import Extension

RENDERER_VERSION = "1"
"""Part of every cache key: change it when the HTML for the same Markdown changes."""
WORDS_PER_MINUTE = 230
SUMMARY_CHARS = 240
SUMMARY_BLOCKS = 12
"""The summary comes from the first blocks of a post; the rest is never split."""
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")

MARKUP_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`#>]+|<[^>]+>")
"""Links and images (kept: their text), emphasis, code ticks, headings, quotes, tags."""


def extensions() -> list[Extension]:
    """Python-Markdown's extensions as posts are converted with them: fenced code
    highlighted by Pygments, tables, heading anchors, list numbering as written.

    Given as objects, not names: a name makes Python-Markdown look it up among every
    installed package's entry points, which costs more than converting a post.
    Imported here: a build that converts nothing does without them (and Pygments)."""
    from markdown.extensions.codehilite import CodeHiliteExtension
    from markdown.extensions.fenced_code import FencedCodeExtension
    from markdown.extensions.sane_lists import SaneListExtension
    from markdown.extensions.tables import TableExtension
    from markdown.extensions.toc import TocExtension

    return [
        FencedCodeExtension(),
        TableExtension(),
        CodeHiliteExtension(guess_lang=False, css_class="highlight"),
        TocExtension(permalink="#", permalink_title="Link to this section"),
        SaneListExtension(),
    ]


class Renderer:
    """One Markdown converter, reset between posts (building one costs more than a post)."""

    def __init__(self) -> None:
        self._markdown = markdown.Markdown(extensions=extensions(), output_format="html")

    def render(self, body: str) -> str:
        """The body as HTML."""
        self._markdown.reset()
        return self._markdown.convert(body)


def word_count(body: str) -> int:
    """Words in the Markdown body (for reading time)."""
    return len(body.split())


def first_paragraph(body: str) -> str:
    """The first prose paragraph as plain text, cut at a word near SUMMARY_CHARS."""
    in_fence = False
    for block in PARAGRAPH_BREAK.split(body.strip(), maxsplit=SUMMARY_BLOCKS):
        stripped = block.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence if stripped.count("```") % 2 else in_fence
            continue
        if in_fence or not stripped or stripped.startswith(("#", "|", "<", "-", "*", ">")):
            continue
        text = " ".join(MARKUP_RE.sub(lambda m: m.group(1) or "", stripped).split())
        if len(text) <= SUMMARY_CHARS:
            return text
        cut = text.rfind(" ", 0, SUMMARY_CHARS)
        return text[: cut if cut > 0 else SUMMARY_CHARS].rstrip(",;:") + "…"
    return ""


def pygments_css() -> bytes:
    """The stylesheet for highlighted code (a theme may override static/pygments.css)."""
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style="friendly").get_style_defs(".highlight").encode("utf-8")
