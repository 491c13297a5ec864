"""Reading front-matter YAML: the quick reader of plain `key: value` lines must give
exactly what the loader gives, and leave everything else to it."""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import yaml
from fuzz_strategies import post_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.content import read_post
from planner.frontmatter_yaml import FrontMatterLoader, load_front_matter, simple_front_matter

REPO = Path(__file__).resolve().parents[1]

KEYS = st.sampled_from(
    ["title", "tags", "date", "draft", "summary", "Title", "_x", "a-b", "k1", "on", "null", "1"]
)
TRICKY_WORDS = (
    "yes", "No", "ON", "off", "true", "False", "null", "Null", "~", "", "0", "3", "-1", "017",
    "0x1f", "0o17", "1_000", "1:20", "1.5", "1e3", ".inf", ".NaN", "<<", "=", "2026-01-05",
    "2026-01-05 09:00", "2026-01-05T09:00:00", "Muncie M21", "Z/28", "C#", "a: b", "a:b",
    "a #b", "a# b", "-a", "- a", "?a", "[a]", "{a}", "&a", "*a", "!a", "'a'", '"a"',
    "a, b", "a ,b", " a", "a ", "a\\nb", "\\t", "\t", "1" * 19, "a?b", "x\u2028y", "x\x85y",
    "x\ufeffy", "x\ud800y", "😀", "é", "a\xa0", "1" * 5000,
)  # fmt: skip
WORDS = st.sampled_from(TRICKY_WORDS)
ODD_TEXT = st.text(
    st.sampled_from([*"aZ09 :#,-?[]{}&*!|>'\"%@`.~=<\\/", *"\t\r\x85\u2028\ufeff\ud800é\xa0😀"]),
    max_size=8,
)
TEXT = st.text(st.sampled_from([*"aZ09 :-/.,'é"]), min_size=1, max_size=12) | ODD_TEXT
SCALARS = st.one_of(
    WORDS,
    TEXT,
    st.builds(lambda t: f'"{t}"', TEXT),
    st.builds(lambda t: f"'{t}'", TEXT),
)
LISTS = st.builds(
    lambda items, sep: "[" + sep.join(items) + "]",
    st.lists(SCALARS, max_size=4),
    st.sampled_from([", ", ", ", ",", " , ", ",  "]),
)
LINES = st.one_of(
    st.builds(lambda k, v: f"{k}: {v}", KEYS, SCALARS),
    st.builds(lambda k, s, v: f"{k}:{s}{v}", KEYS, st.sampled_from(["  ", ""]), SCALARS),
    st.builds(lambda k, v: f"{k}: {v}", KEYS, LISTS),
    st.builds(
        lambda k, indent, items: f"{k}:" + "".join(f"\n{indent}- {v}" for v in items),
        KEYS,
        st.sampled_from(["", "  "]),
        st.lists(SCALARS, min_size=1, max_size=3),
    ),
    st.builds(
        lambda indent, blank, v: f"{indent}-{blank}{v}",
        st.sampled_from(["", " ", "  ", "    "]),
        st.sampled_from([" ", "  ", ""]),
        SCALARS,
    ),
    st.sampled_from(["", " ", "# note", "  key: a", "---", "..."]),
)
GOOD_TEXT = st.text(st.sampled_from([*"aZ09 :-/.,'é"]), min_size=1, max_size=12).filter(
    lambda t: t[0] not in " :-.,'" and t[-1] not in " :" and ": " not in t
)
GOOD_LINES = st.builds(
    lambda key, value: f"{key}: {value}",
    st.text("abcdefgh", min_size=4, max_size=4),
    st.one_of(GOOD_TEXT, st.builds(lambda t: f'"{t}"', TEXT), st.builds("[{}]".format, GOOD_TEXT)),
)
"""Lines the quick reader should read, so that most documents mix them with the others."""
FRONT_MATTER = (
    st.tuples(st.lists(GOOD_LINES, max_size=4), st.lists(LINES, max_size=2))
    .flatmap(lambda lines: st.permutations(lines[0] + lines[1]))
    .map(lambda lines: "\n" + "\n".join(lines) + "\n")
)


class PureLoader(yaml.SafeLoader):
    """The loader's settings without libyaml: where the quick reader agrees with both,
    it agrees with whichever one is installed."""

    yaml_implicit_resolvers = FrontMatterLoader.yaml_implicit_resolvers


def agrees_with_the_loaders(text: str) -> bool:
    quick = simple_front_matter(text)
    return quick is None or all(quick == yaml.load(text, Loader=loader) for loader in LOADERS)


LOADERS = (FrontMatterLoader, PureLoader)
FORMS = (
    *("k: {}", "k: [{}]", "k: [a, {}]", "k: [{}, a]", "k:\n  - {}", "k:\n- a\n- {}"),
    *("k: {}\n  - a", 'k: "{}"', "k: '{}'", "{}: a", "k: a\n{}"),
)
"""Places a word can take in front matter."""


@settings(max_examples=1000, deadline=None)
@given(FRONT_MATTER)
def test_the_quick_reader_gives_what_the_loader_gives(text):
    assert agrees_with_the_loaders(text)


@pytest.mark.parametrize("form", FORMS)
def test_the_quick_reader_gives_what_the_loader_gives_for_every_tricky_word(form):
    for word in TRICKY_WORDS:
        assert agrees_with_the_loaders("\n" + form.format(word) + "\n"), word


def test_the_quick_reader_reads_the_example_posts():
    for path in sorted((REPO / "content" / "posts").glob("*.md")):
        fm_text = path.read_text(encoding="utf-8").split("---\n", 2)[1]
        assert simple_front_matter(fm_text) == yaml.load(fm_text, Loader=FrontMatterLoader) != {}, (
            path
        )


@pytest.mark.parametrize(
    "text",
    [
        "title: a # a comment\n",
        "title: a\ntitle: b\n",
        "priority: 0x1f\n",
        "priority: 1234567890123456789\n",
        "tags:\n  - a\n    - b\n",
        "tags:\n  - a\n\n  - b\n",
        "tags:\n  - a\n    b\n",
        "title: &x a\nsummary: *x\n",
        "tags:\n  - a: b\n",
        "snippets: {x: a}\n",
        'title: "a\\tb"\n',
        "title: 'it''s'\n",
        "title: a\r\n",
        "on: a\n",
        "\n\n",
    ],
)
def test_the_quick_reader_leaves_anything_unsure_to_the_loader(text):
    assert simple_front_matter(text) is None


def test_loading_reads_what_the_quick_reader_leaves():
    assert load_front_matter("title: a\npriority: 3\n") == {"title": "a", "priority": 3}


def test_loading_keeps_the_loaders_errors():
    with pytest.raises(yaml.MarkedYAMLError):
        load_front_matter("title: [a\n")


def read_both_ways(path: Path) -> tuple[str, str]:
    """`read_post` of `path` as text, with the quick reader and with the loader alone."""
    tz = ZoneInfo("America/Chicago")
    quick = repr(read_post(path, tz))
    with mock.patch("planner.frontmatter_yaml.simple_front_matter", return_value=None):
        return quick, repr(read_post(path, tz))


@pytest.mark.parametrize(
    "path", sorted((REPO / "content" / "posts").glob("*.md")), ids=lambda path: path.name
)
def test_example_posts_load_the_same_without_the_quick_reader(path):
    quick, loader = read_both_ways(path)
    assert quick == loader


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
@given(post_files())
def test_hostile_posts_load_the_same_without_the_quick_reader(data):
    path = Path(tempfile.mkdtemp()) / "post.md"
    path.write_bytes(data)
    quick, loader = read_both_ways(path)
    assert quick == loader
