"""The exact places of the title and each tag in the front matter."""

from __future__ import annotations

import yaml

from planner.lsp.layout import layout, yaml_term


def lines(text: str) -> list[str]:
    return text.split("\n")


def test_tags_in_a_flow_list_are_placed_on_the_tags_line():
    front = layout(lines("---\ntitle: T\ntags: [cars, Muncie M21]\n---\nbody"))
    assert front is not None and front.form == "flow"
    assert [(t.text, t.place) for t in front.tags] == [
        ("cars", (2, 7, 2, 11)),
        ("Muncie M21", (2, 13, 2, 23)),
    ]


def test_tags_in_a_block_list_are_placed_on_their_item_lines():
    front = layout(lines("---\ntitle: T\ntags:\n  - cars\n  - 'Z/28'\n---\n"))
    assert front is not None and front.form == "block"
    assert front.tag("cars").place == (3, 4, 3, 8)
    assert front.tag("Z/28").place == (4, 5, 4, 9)  # inside the quotes
    assert front.tag("Z/28").outer == (4, 4, 4, 10)  # with them
    assert front.insert_at == (5, 0) and front.indent == "  - "


def test_tags_in_a_comma_separated_string_are_each_placed():
    front = layout(lines("---\ntags: cars,  Muncie M21\n---\n"))
    assert front is not None and front.form == "comma"
    assert [t.place for t in front.tags] == [(1, 6, 1, 10), (1, 13, 1, 23)]


def test_places_count_code_points_after_non_ascii_text():
    front = layout(lines('---\ntags: ["Café 😀", cars]\n---\n'))
    assert front is not None and front.tag("cars").place == (1, 17, 1, 21)


def test_the_title_value_is_placed():
    front = layout(lines('---\ntitle: "Some tips"\n---\n'))
    assert front is not None and front.title == (1, 7, 1, 18)


def test_an_empty_tags_key_takes_new_tags_after_its_colon():
    front = layout(lines("---\ntags:\ntitle: T\n---\n"))
    assert front is not None and front.form == "empty" and front.insert_at == (1, 5)


def test_without_a_tags_key_new_tags_go_before_the_closing_line():
    front = layout(lines("---\ntitle: T\n---\n"))
    assert front is not None and front.form == "none" and front.insert_at == (2, 0)


def test_a_post_without_front_matter_has_no_layout():
    assert layout(lines("just text\n")) is None


def test_broken_yaml_has_no_layout():
    assert layout(lines("---\ntags: [cars\n---\n")) is None


def test_an_alias_bomb_is_composed_without_expanding():
    bomb = ["---", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    front = layout([*bomb, "tags: [cars]", "---"])  # 10**12 items, were they built
    assert front is not None and front.tag("cars") is not None


def test_yaml_term_reads_back_as_the_same_text():
    for term in ("Muncie M21", "Z/28", "1968", "yes", "a: b", "#1 part", "x, y", 'say "hi"', "-x"):
        written = yaml_term(term)
        assert str(yaml.safe_load(f"[{written}]")[0]) == term
        assert str(yaml.safe_load(f"- {written}")[0]) == term


def test_yaml_term_leaves_plain_terms_unquoted():
    assert yaml_term("Muncie M21") == "Muncie M21"
