"""Posts: Markdown files with YAML front matter, loaded into plain `Post` values.

What a post must have and may have is declared once here (`FIELDS`, `STATUSES`,
`State`), in the manner of Pelican's content classes. Loading never raises on bad
input: each problem becomes a `Finding` with the file and line, the faulty file is
left out, and every other file still loads.
"""

from __future__ import annotations

import difflib
import enum
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from slugify import slugify

from planner.findings import Finding, Severity, display_path, failure
from planner.frontmatter_yaml import load_front_matter
from planner.limits import (
    CYCLE,
    MAX_FRONT_MATTER_VALUES,
    MAX_NAME_CHARS,
    expanded_size,
    nesting_problem,
    short_name,
)
from planner.schema import empty_mapping

STATUSES = ("draft", "ready")
DEFAULT_STATUS = "ready"  # as in Hugo and Jekyll: an existing blog migrates as it is
MAX_FILE_BYTES = 2 * 1024 * 1024
SLUG_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")
_URL = re.compile(r"https?://[^/\s]+")
FIRST_YEAR, LAST_YEAR = 1900, 2999
"""Post dates outside these years are refused: far from any real post, and near
Python's own limits, where moving a date by a day or a time zone overflows."""
MAX_PRIORITY = 10**9
"""Priorities are whole numbers of at most this size, either way."""


class State(enum.StrEnum):
    """Where a post is in its life, derived from status, date and "now"."""

    DRAFT = "draft"
    UNSCHEDULED = "unscheduled"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"


@dataclass(frozen=True)
class Post:
    """One post. `lines` maps each front-matter key to its line, for diagnostics."""

    path: Path
    title: str
    slug: str
    body: str
    status: str = DEFAULT_STATUS
    date: datetime | None = None
    tags: tuple[str, ...] = ()
    summary: str = ""
    channels: tuple[str, ...] = ()
    snippets: Mapping[str, Any] = field(default_factory=empty_mapping)
    ask: str = ""
    """The post's question to its readers, carried into its cross-post snippets."""
    syndication: tuple[str, ...] = ()
    """Where the writer also posted it (rendered as u-syndication links)."""
    priority: int = 0
    body_line: int = 1
    lines: Mapping[str, int] = field(default_factory=empty_mapping)
    meta: Mapping[str, Any] = field(default_factory=empty_mapping)
    """Every front-matter key as written, including ones planner does not use."""

    def state(self, now: datetime) -> State:
        """Draft, unscheduled (ready, no date), scheduled (future date) or published."""
        if self.status == "draft":
            return State.DRAFT
        if self.date is None:
            return State.UNSCHEDULED
        return State.PUBLISHED if self.date <= now else State.SCHEDULED

    def line_of(self, key: str) -> int:
        """The line of front-matter `key`, or of the front matter's first line."""
        return self.lines.get(key, self.lines.get("---", 1))


class FieldError(ValueError):
    """A front-matter value that cannot be used; the message says why."""


@dataclass(frozen=True)
class LoadResult:
    """The posts that loaded, and what was wrong with the files that did not."""

    posts: tuple[Post, ...]
    problems: tuple[Finding, ...]

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


# --- front-matter fields -------------------------------------------------------------


def _text(value: Any) -> str:
    if isinstance(value, (list, dict)):
        raise FieldError(f"must be text, not a {'list' if isinstance(value, list) else 'mapping'}")
    return "" if value is None else str(value).strip()


def _required_text(value: Any) -> str:
    text = _text(value)
    if not text:
        raise FieldError("must not be empty")
    return text


def _string_list(value: Any) -> tuple[str, ...]:
    """A YAML list, or one comma-separated string, as unique non-empty strings."""
    if value is None:
        return ()
    if isinstance(value, str):
        items: Iterable[Any] = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        raise FieldError(f"must be a list or a comma-separated string, not {_shown(value)}")
    result = []
    for item in items:
        if isinstance(item, (list, dict)) or item is None:
            raise FieldError(f"must hold plain words or phrases, not {_shown(item)}")
        if text := str(item).strip():
            result.append(text)
    return tuple(dict.fromkeys(result))


def _urls(value: Any) -> tuple[str, ...]:
    urls = _string_list(value)
    for url in urls:
        if not _URL.match(url):
            raise FieldError(f"must list http(s) URLs, not {url!r}")
    return urls


def _status(value: Any) -> str:
    status = _text(value).lower()
    if status not in STATUSES:
        close = difflib.get_close_matches(status, STATUSES, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise FieldError(f"must be 'draft' or 'ready', not {_shown(value)}{hint}")
    return status


def _priority(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(f"must be a whole number, not {_shown(value)}")
    if abs(value) > MAX_PRIORITY:
        raise FieldError(f"must be a whole number from {-MAX_PRIORITY} to {MAX_PRIORITY}")
    return value


def _shown(value: Any, limit: int = 60) -> str:
    """`value` as it is quoted in a message, cut short when long."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _mapping(value: Any) -> Mapping[str, Any]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, dict):
        raise FieldError("must be a mapping of platform name to text or settings")
    return MappingProxyType({str(k): v for k, v in value.items()})


def validate_slug(value: Any) -> str:
    """A front-matter slug, checked to be safe as a file name inside the output."""
    slug = _text(value)
    if ".." in slug or "/" in slug or "\\" in slug or slug.startswith("."):
        raise FieldError(f"{_shown(slug)} would escape the output directory; use a plain name")
    if not SLUG_RE.fullmatch(slug):
        suggestion = short_name(slugify(slug))
        hint = f"; try '{suggestion}'" if suggestion else ""
        raise FieldError(
            f"{_shown(slug)} must be lower-case ASCII letters, digits and hyphens{hint}"
        )
    return slug


def parse_date(value: Any, tz: tzinfo) -> datetime | None:
    """A front-matter date or datetime as an aware datetime; naive values are in `tz`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            raise FieldError(
                f"{_shown(value)} is not a valid date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            ) from None
    else:
        raise FieldError(f"{_shown(value)} is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    try:
        moment = moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)
        moment.utcoffset()  # a zone's offset rule can overflow, too
    except (OverflowError, ValueError):
        moment = datetime.min
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise FieldError(
            f"{_shown(value)} is out of range; use a date from {FIRST_YEAR} to {LAST_YEAR}"
        )
    return moment


@dataclass(frozen=True)
class FieldSpec:
    """How one front-matter key is read into a `Post` attribute."""

    key: str
    parse: Callable[[Any], Any]
    required: bool = False


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title", _required_text, required=True),
    FieldSpec("slug", validate_slug),
    FieldSpec("status", _status),
    FieldSpec("tags", _string_list),
    FieldSpec("summary", _text),
    FieldSpec("channels", _string_list),
    FieldSpec("snippets", _mapping),
    FieldSpec("ask", _text),
    FieldSpec("syndication", _urls),
    FieldSpec("priority", _priority),
)
KNOWN_KEYS = (*(f.key for f in FIELDS), "date", "draft")
REQUIRED_KEYS = tuple(f.key for f in FIELDS if f.required)


# --- reading one file ------------------------------------------------------------------


_HANDLER = YAMLHandler()
_KEY_LINE = re.compile(
    r"""^(?:"([^"\n]+)"|'([^'\n]+)'|([^\s#'"\-?:,\[\]{}][^:\n]*?))[ \t]*:(?:[ \t]|$)"""
)
_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)*")


def read_post(path: Path, tz: tzinfo) -> tuple[Post | None, list[Finding]]:
    """Load one post file. Returns (None, problems) when it cannot be used.

    Never raises: even a failure nobody foresaw becomes a finding for this file.
    """
    try:
        return _read_post(path, tz)
    except Exception as err:  # a bug must cost one post, not the whole command
        return None, [failure(path, 1, "load", err)]


def _read_post(path: Path, tz: tzinfo) -> tuple[Post | None, list[Finding]]:
    problems: list[Finding] = []

    def error(line: int, rule: str, message: str, col: int = 1) -> tuple[None, list[Finding]]:
        problems.append(Finding(path, line, col, rule, Severity.ERROR, message))
        return None, problems

    try:
        raw = path.read_bytes()
    except OSError as err:
        return error(1, "unreadable", f"cannot read the file: {err.strerror}")
    if len(raw) > MAX_FILE_BYTES:
        size = len(raw) / (1024 * 1024)
        return error(1, "file-too-large", f"file is {size:.1f} MB; posts over 2 MB are skipped")
    if b"\0" in raw:
        return error(1, "not-text", "binary file (it contains NUL bytes); not a Markdown post")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        col = err.start - raw.rfind(b"\n", 0, err.start)
        return error(
            line,
            "not-utf8",
            f"not UTF-8 text: byte 0x{raw[err.start]:02x} here; save the file as UTF-8",
            col,
        )
    return parse_post(path, text, tz)


def parse_post(path: Path, text: str, tz: tzinfo) -> tuple[Post | None, list[Finding]]:
    """Parse a post from `text` (an editor's unsaved buffer, or the file's decoded text)."""
    problems: list[Finding] = []

    def error(line: int, rule: str, message: str, col: int = 1) -> tuple[None, list[Finding]]:
        problems.append(Finding(path, line, col, rule, Severity.ERROR, message))
        return None, problems

    split = _split_front_matter(text)
    if split is None:
        return error(
            1,
            "no-front-matter",
            "no front matter; start the file with a '---' line, "
            "then 'title: ...', then another '---' line",
        )
    fm_text, fm_line, body, body_line = split
    try:
        data = load_front_matter(fm_text)
    except yaml.MarkedYAMLError as err:
        return error(*_yaml_error(err, fm_text, fm_line))
    except yaml.YAMLError as err:
        return error(fm_line, "bad-front-matter", f"invalid YAML: {_shown(str(err), 200)}")
    except RecursionError:
        return error(fm_line, "bad-front-matter", "front matter is nested too deeply to read")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return error(fm_line, "bad-front-matter", "front matter must be 'key: value' lines")
    if not 0 < (size := expanded_size(data, MAX_FRONT_MATTER_VALUES)) <= MAX_FRONT_MATTER_VALUES:
        what = "refers to itself" if size == CYCLE else "expands to too many values"
        return error(
            fm_line,
            "bad-front-matter",
            f"front matter {what} (YAML aliases?); at most "
            f"{MAX_FRONT_MATTER_VALUES} values are read",
        )
    if too_deep := nesting_problem(body):
        return error(
            body_line + too_deep.line - 1,
            "too-deeply-nested",
            f"the body has {too_deep.message}; not rendered or checked",
        )

    lines = _key_lines(fm_text, fm_line)
    values: dict[str, Any] = {}
    for spec in FIELDS:
        if spec.key not in data:
            if spec.required:
                problems.append(_missing(path, spec.key, lines, fm_line))
            continue
        try:
            values[spec.key] = spec.parse(data[spec.key])
        except FieldError as err:
            error(lines.get(spec.key, fm_line), f"bad-{spec.key}", f"{spec.key} {err}")
    try:
        values["date"] = parse_date(data.get("date"), tz)
    except FieldError as err:
        error(lines.get("date", fm_line), "bad-date", f"date {err}")
    status = _draft_flag(data, values, path, lines, problems)
    for key in data:
        if key in KNOWN_KEYS:
            continue
        close = difflib.get_close_matches(str(key), KNOWN_KEYS, 1, 0.8)
        reported = close and close[0] in REQUIRED_KEYS and close[0] not in data  # as missing
        if close and not reported:
            problems.append(
                Finding(
                    path,
                    lines.get(str(key), fm_line),
                    1,
                    "unknown-key",
                    Severity.WARNING,
                    f"unknown front-matter key '{key}' (did you mean '{close[0]}'?)",
                )
            )
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems

    written = values.pop("slug", None)
    slug = short_name(written or slugify(values["title"]) or slugify(path.stem))
    if not slug:
        return error(
            lines.get("title", fm_line),
            "bad-slug",
            "cannot derive a slug from the title; add 'slug: some-name'",
        )
    if written and slug != written:
        problems.append(
            Finding(
                path,
                lines.get("slug", fm_line),
                1,
                "long-slug",
                Severity.WARNING,
                f"slug is longer than {MAX_NAME_CHARS} characters; shortened to '{slug}'",
            )
        )
    post = Post(
        path=path,
        slug=slug,
        body=body,
        body_line=body_line,
        lines=MappingProxyType({"---": fm_line, **lines}),
        meta=MappingProxyType({str(k): v for k, v in data.items()}),
        **{**values, "status": status},
    )
    return post, problems


def _split_front_matter(text: str) -> tuple[str, int, str, int] | None:
    """(front matter, its first line, body, body's first line), or None without one.

    Uses python-frontmatter's own delimiter rules; the line numbers are counted here
    because the library strips the text before splitting and keeps no positions.
    """
    stripped = text.lstrip()
    lead = text.count("\n", 0, len(text) - len(stripped))
    if not _HANDLER.detect(stripped):
        return None
    boundaries = _HANDLER.FM_BOUNDARY.finditer(stripped)
    opening, closing = next(boundaries), next(boundaries, None)  # `detect` saw the first
    if closing is None:
        return None
    fm_text = stripped[opening.end() : closing.start()]
    fm_line = lead + 1 + stripped.count("\n", 0, opening.end())  # line of fm_text's first line
    start = closing.end() + 1 if stripped.startswith("\n", closing.end()) else closing.end()
    blank = _BLANK_LINES.match(stripped, start)
    skipped = blank.group(0) if blank else ""
    body_line = lead + 1 + stripped.count("\n", 0, closing.end()) + 1 + skipped.count("\n")
    return fm_text, fm_line, stripped[start + len(skipped) :], body_line


def _yaml_error(err: yaml.MarkedYAMLError, fm_text: str, fm_line: int) -> tuple[int, str, str, int]:
    """(line, rule, message, col) for a YAML error, pointing at the construct left open."""
    mark, message = err.problem_mark, f"invalid YAML: {err.problem or err.context}"
    opened = err.context_mark
    if opened and err.context and (mark is None or opened.index < mark.index):
        mark, message = opened, f"{message} ({err.context} that starts here)"
    if mark is None:
        return fm_line, "bad-front-matter", message, 1
    last_line = len(fm_text.rstrip().split("\n")) - 1  # an error at the end: the last line
    if mark.line > last_line:
        return fm_line + last_line, "bad-front-matter", message, 1
    return fm_line + mark.line, "bad-front-matter", message, mark.column + 1


def _key_lines(fm_text: str, fm_line: int) -> dict[str, int]:
    """The file line of each top-level key (the YAML constructor keeps no positions)."""
    lines: dict[str, int] = {}
    for offset, line in enumerate(fm_text.split("\n")):
        if match := _KEY_LINE.match(line):
            key = next(g for g in match.groups() if g is not None).strip()
            lines.setdefault(key, fm_line + offset)
    return lines


def _missing(path: Path, key: str, lines: Mapping[str, int], fm_line: int) -> Finding:
    close = difflib.get_close_matches(key, list(lines), n=1, cutoff=0.7)
    hint = f" ('{close[0]}' looks like a misspelling of it)" if close else ""
    line = lines[close[0]] if close else fm_line
    return Finding(
        path, line, 1, f"missing-{key}", Severity.ERROR, f"front matter has no {key}{hint}"
    )


def _draft_flag(
    data: Mapping[Any, Any],
    values: Mapping[str, Any],
    path: Path,
    lines: Mapping[str, int],
    problems: list[Finding],
) -> str:
    """The status, accepting Hugo's `draft: true` as `status: draft`."""
    status = values.get("status", DEFAULT_STATUS)
    draft = data.get("draft")
    if draft is None:
        return status
    if not isinstance(draft, bool):
        wrong = f"draft must be true or false, not {_shown(draft)}"
    elif "status" in values and (status == "draft") != draft:
        wrong = f"draft: {str(draft).lower()} contradicts status: {status}; keep only 'status'"
    else:
        return "draft" if draft else status
    problems.append(Finding(path, lines.get("draft", 1), 1, "bad-draft", Severity.ERROR, wrong))
    return status


# --- the whole content directory -------------------------------------------------------


def post_files(content_dir: Path) -> list[Path]:
    """Every `*.md` under `content_dir`, in a stable order, skipping hidden files and dirs."""
    return sorted(Path(name) for name in post_file_names(content_dir))


def post_file_names(content_dir: Path) -> list[str]:
    """`post_files` as plain strings, in no set order: for callers that only stat them."""
    found: list[str] = []
    for root, dirs, files in os.walk(content_dir, followlinks=True):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(root, f) for f in files if f.endswith(".md") and f[0] != "."]
    return found


def slug_line(post: Post) -> int:
    """The line that sets the post's slug: `slug:`, or the title it is derived from."""
    return post.line_of("slug" if "slug" in post.lines else "title")


def duplicate_slug(path: Path, line: int, slug: str, owner: Path) -> Finding:
    """The finding for the post at `path`, whose slug the post at `owner` already has."""
    return Finding(
        path,
        line,
        1,
        "duplicate-slug",
        Severity.ERROR,
        f"slug '{slug}' is already used by {display_path(owner)}; give this post its own 'slug:'",
    )
