"""Hypothesis strategies for hostile site files: posts, planner.toml and audience.toml.

Shared by tests/test_fuzz.py (a fast profile on every run) and benchmarks/fuzz.py (tens
of thousands of inputs through the commands). Everything is generated as text or
bytes, not through a YAML or TOML writer, so the files can hold what a writer would
never produce: tags, anchors and alias bombs, invalid UTF-8, NUL bytes, a BOM, CRLF.
"""

from __future__ import annotations

from hypothesis import strategies as st

POST_FIELDS = ("title", "tags", "summary", "status", "date", "slug", "priority", "channels")
MORE_FIELDS = ("snippets", "draft", "tittle", "", "? complex", "date ", "1", "null")

# --- YAML values -------------------------------------------------------------------

DATES = st.sampled_from(
    [
        "2026-11-19",
        "2026-11-19 09:00",
        "2026-11-19T09:00:00+05:30",
        "2026-02-30",
        "2026-13-01",
        "2026-00-10",
        "0000-01-01",
        "0001-01-01T00:00:00+05:00",
        "0001-01-01T00:00:00-23:59",
        "9999-12-31T23:59:59-12:00",
        "9999-12-31T23:59:59.999999-23:59",
        "2026-W09-8",
        "2026-W53-1",
        "2026-366",
        "20260230",
        "2026-11-19T25:61:61",
        "2026-11-19T09:00:00+25:00",
        "2026-11-19T09:00:00+05:30:15.5",
        "2026-11-19T09:00:00Z",
        "2026-11-19T09:00:00 America/Chicago",
        "1899-12-31",
        "3000-01-01",
        "  2026-11-19  ",
        "2026-11-19\t09:00",
        "'2026-02-29'",
        "!!timestamp 2026-02-30",
        "!!timestamp 0001-01-01 00:00:00 +05:00",
        "!!timestamp 9999-12-31T23:59:59-12:00",
        "!!timestamp 2026-11-19",
        "!!str 2026-11-19",
        "2026-11-19T09:00:00.123456789+00:00",
    ]
)

TAGGED = st.sampled_from(
    [
        "!!binary aGVsbG8=",
        "!!binary '%%%'",
        "!!int 0x1F",
        "!!int 1_000",
        "!!float .nan",
        "!!float -.inf",
        "!!float 1e400",
        "!!bool yes",
        "!!null ''",
        "!!set {a, b}",
        "!!omap [a: 1, b: 2]",
        "!!pairs [a: 1, a: 2]",
        "!!python/object:os.system ls",
        "!!python/name:os.system ''",
        "!custom value",
        "!!map [1, 2]",
        "!!seq {a: 1}",
        "!!str [a]",
        "!<tag:example.com,2026:x> value",
        "&anchor value",
        "*undefined_alias",
    ]
)


@st.composite
def big_numbers(draw: st.DrawFn) -> str:
    digits = draw(st.sampled_from([20, 400, 4300, 4301, 6000, 20_000]))
    sign = draw(st.sampled_from(["", "-", "+"]))
    tag = draw(st.sampled_from(["", "!!int "]))
    return f"{tag}{sign}{'9' * digits}"


@st.composite
def huge_strings(draw: st.DrawFn) -> str:
    size = draw(st.sampled_from([1_000, 50_000, 300_000]))
    char = draw(st.sampled_from(["a", "é", "字", " ", "-", "[", "A b", "x,"]))
    text = (char * size)[:size]
    return draw(st.sampled_from([text, f'"{text}"', f"'{text}'"]))


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


ODD_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\0"),
    max_size=40,
).map(_quoted)
ESCAPES = st.sampled_from(
    ['"\\0nul"', '"\\x01\\x02\\x7f"', '"\\u202e rtl"', '"\\ud800"', '"\\e\\a\\b"', '"a\\x00b"']
)

scalars = st.one_of(
    st.sampled_from(
        ["", "~", "null", "true", "no", "0", "-1", "3.5", ".inf", "'x'", '"y"', "ready", "draft"]
    ),
    st.integers(-(10**12), 10**12).map(str),
    DATES,
    TAGGED,
    big_numbers(),
    ODD_TEXT,
    ESCAPES,
    st.text(alphabet="abcXYZ 0123:-_,#&*!|>'\"%@`[]{}?", max_size=30),
)


@st.composite
def alias_bombs(draw: st.DrawFn) -> str:
    """Billion laughs: each level repeats the one before `width` times."""
    depth = draw(st.integers(2, 12))
    width = draw(st.integers(2, 10))
    lines = ["x0: &a0 [lol, lol]"]
    for level in range(1, depth):
        refs = ", ".join(f"*a{level - 1}" for _ in range(width))
        lines.append(f"x{level}: &a{level} [{refs}]")
    key = draw(st.sampled_from(["tags", "meta", "title", "snippets", "channels"]))
    lines.append(f"{key}: *a{depth - 1}")
    return "\n".join(lines)


RECURSIVE = st.sampled_from(
    [
        "meta: &r [*r]",
        "meta: &r {a: *r}",
        "tags: &t [a, *t]",
        "snippets: &s {mastodon: *s}",
        "deep: " + "[" * 3000 + "]" * 3000,
        "deep: " + "{a: " * 2000 + "1" + "}" * 2000,
    ]
)

values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
        st.dictionaries(st.sampled_from(["a", "b", "mastodon", "1"]), inner, max_size=3).map(
            lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
        ),
    ),
    max_leaves=6,
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """YAML front-matter text: known and unknown keys, each with any kind of value."""
    lines = []
    if draw(st.integers(0, 3)) == 3:
        lines.append(f"title: {draw(st.one_of(ODD_TEXT, scalars))}")
    else:
        lines.append("title: A fuzzed post")
    keys = draw(st.lists(st.sampled_from(POST_FIELDS + MORE_FIELDS), max_size=5))
    for key in keys:
        value = draw(st.one_of(values, big_numbers(), huge_strings(), DATES))
        lines.append(f"{key}: {value}")
    if draw(st.integers(0, 9)) == 9:
        lines.append(draw(alias_bombs()))
    if draw(st.integers(0, 19)) == 19:
        lines.append(draw(RECURSIVE))
    if draw(st.integers(0, 9)) == 9:
        lines.append(draw(st.sampled_from(["- a list", "  bad: indent", "key: [unclosed", "%"])))
    return "\n".join(lines)


# --- Markdown bodies ---------------------------------------------------------------

NESTING = {
    "image": lambda n: "![" * n + "x" + "](y)" * n,
    "link": lambda n: "[" * n + "x" + "](y)" * n,
    "brackets": lambda n: "[" * n,
    "quote": lambda n: ">" * n + " deep",
    "quote-spaced": lambda n: "> " * n + "deep",
    "list": lambda n: "\n".join("  " * i + "- item" for i in range(n)),
    "emphasis": lambda n: "*" * n + "x" + "*" * n,
    "underscores": lambda n: "_" * n + "x" + "_" * n,
    "html": lambda n: "<div>" * n + "x" + "</div>" * n,
    "parens": lambda n: "[a](" + "(" * n + ")" * n,
    "code": lambda n: "`" * n + "x" + "`" * (n - 1),
    "mask": lambda n: "<!--" * n + "](" * n + "<" * n,
    "tokens": lambda n: " ." * n + "_",
    "names": lambda n: " ".join(f"Zorblax{i} Quux{i}" for i in range(n)) * 2,
}


@st.composite
def nested(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(sorted(NESTING)))
    depth = draw(st.sampled_from([5, 99, 101, 500, 3000]))
    return NESTING[kind](depth)


@st.composite
def huge_lines(draw: st.DrawFn) -> str:
    size = draw(st.sampled_from([10_000, 100_000, 400_000]))
    unit = draw(st.sampled_from(["word ", "x", "[", "<", "*a", "http://x.y/", "&#", "|", "\t"]))
    return (unit * (size // len(unit) + 1))[:size]


RAW_HTML = st.sampled_from(
    [
        "<script>alert(1)</script>",
        "<div><p>unclosed",
        "<!-- never closed",
        "<![CDATA[ x ]]>",
        "<?xml version='1.0'?>",
        "&#0; &#xD800; &#1114112; &bogus;",
        "<a href='javascript:alert(1)'>x</a>",
        "</body></html>",
    ]
)
CONTROL = st.text(alphabet=[chr(c) for c in (*range(1, 9), 11, 12, *range(14, 32), 127)])
PLAIN = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"], exclude_characters="\0"),
    max_size=200,
)
MARKDOWN = st.sampled_from(
    [
        "# Heading",
        "```python\ncode\n",
        "```\nunclosed fence",
        "| a | b |\n|---|---|\n| 1 |",
        "[ref]: http://example.com",
        "<!-- planner-disable -->",
        "<!-- planner-disable-next-line tags-missing -->",
        "---",
        "***",
        "- a\n    - b\n        - c",
        "1. one\n1. one",
        "[TOC]",
        "Muncie M21 gearbox on a 1968 Camaro SS 396.",
    ]
)


@st.composite
def bodies(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(
            st.one_of(PLAIN, MARKDOWN, RAW_HTML, CONTROL, nested(), huge_lines()),
            max_size=5,
        )
    )
    return "\n\n".join(parts)


# --- whole post files --------------------------------------------------------------


@st.composite
def post_files(draw: st.DrawFn) -> bytes:
    """The bytes of one hostile post file."""
    text = f"---\n{draw(front_matter())}\n---\n{draw(bodies())}\n"
    # Hypothesis leans towards the smallest choice: 0 is always the ordinary case.
    if draw(st.integers(0, 7)) == 7:
        text = text.replace("\n---\n", "\n", 1)  # no closing delimiter
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8", "surrogatepass")
    mangle = draw(st.integers(0, 11))
    if mangle == 11:
        data = b"\xef\xbb\xbf" + data  # a BOM
    elif mangle == 10:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + data[at:]
    elif mangle == 9:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b"\0" + data[at:]
    elif mangle == 8:
        data = data[: draw(st.integers(0, len(data)))]  # cut short
    elif mangle == 7:
        data = b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")
    return data


# --- planner.toml and audience.toml ------------------------------------------------

TOML_VALUES = st.one_of(
    st.sampled_from(
        [
            '""',
            '"UTC"',
            '"Mars/Olympus"',
            '"../../etc"',
            '"/"',
            '"\\u0000"',
            "0",
            "-1",
            "99999999999999999999999",
            "1e400",
            "nan",
            "inf",
            "true",
            "[]",
            "{}",
            '["FREQ=WEEKLY;BYDAY=TU"]',
            '["FREQ=SECONDLY"]',
            '["FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"]',
            '["RRULE:FREQ=DAILY;COUNT=0"]',
            '["nonsense"]',
            '["2026-02-30"]',
            '["9999-12-31..0001-01-01"]',
            '["0001-01-01..9999-12-31"]',
            "1979-05-27T07:32:00Z",
            "0001-01-01",
            '"' + "x" * 100_000 + '"',
            "[" * 50 + "]" * 50,
            "[" * 5000 + "]" * 5000,
            "9" * 5000,
            "{a = " * 3000 + "1" + "}" * 3000,
            '"""multi\nline"""',
            '"error"',
            '"off"',
        ]
    ),
    st.integers(-(10**20), 10**20).map(str),
    ODD_TEXT,
)
CONFIG_KEYS = {
    "site": [
        *("title", "description", "base_url", "language", "timezone", "author"),
        *("show_upcoming", "posts_per_page", "unknown"),
    ],
    "paths": ["content", "theme", "output", "audience"],
    "schedule": ["rules", "blackout", "min_days_between", "horizon_weeks", "coverage_weeks"],
    "check": ["fail_on", "rules"],
    "channels.mastodon": ["enabled", "handle", "hashtags"],
    "audience": ["name", "niche", "interests", "too_broad", "topics"],
}
AUDIENCE_KEYS = ["name", "description", "niche", "interests", "too_broad", "bogus"]


@st.composite
def toml_tables(draw: st.DrawFn, tables: dict[str, list[str]]) -> str:
    lines = []
    for table in draw(st.lists(st.sampled_from(sorted(tables)), max_size=4)):
        lines.append(f"[{table}]")
        for key in draw(st.lists(st.sampled_from(tables[table]), max_size=4)):
            lines.append(f"{key} = {draw(TOML_VALUES)}")
    return "\n".join(lines)


@st.composite
def config_files(draw: st.DrawFn) -> bytes:
    """The bytes of one hostile planner.toml."""
    text = draw(toml_tables(CONFIG_KEYS))
    return _mangled(draw, text)


@st.composite
def audience_files(draw: st.DrawFn) -> bytes:
    """The bytes of one hostile audience.toml."""
    top = [f"{key} = {draw(TOML_VALUES)}" for key in draw(st.lists(st.sampled_from(AUDIENCE_KEYS)))]
    tables = draw(
        toml_tables(
            {
                "topics": ["Muncie M21", "x", '"quoted key"'],
                "personas": ["name"],
                "[personas]": ["name", "description", "age"],
            }
        )
    )
    return _mangled(draw, "\n".join(top) + "\n" + tables)


def _mangled(draw: st.DrawFn, text: str) -> bytes:
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8", "surrogatepass")
    mangle = draw(st.integers(0, 7))
    if mangle == 7:
        data = b"\xef\xbb\xbf" + data
    elif mangle == 6:
        data += b"\xff"
    elif mangle == 5:
        data += b"\0"
    return data
