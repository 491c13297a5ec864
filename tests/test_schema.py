from planner.schema import key_lines


def test_key_lines_follow_tables_dotted_keys_and_arrays_of_tables():
    text = """\
title = "x"

[site]
base_url = "https://example.com/"
"quoted key" = 1
dotted.key = 2

[check.rules]
tag-too-broad = "off"

[[personas]]
name = "a"

[[personas]]
name = "b"
"""
    lines = key_lines(text)
    assert lines[("title",)] == 1
    assert lines[("site",)] == 3
    assert lines[("site", "base_url")] == 4
    assert lines[("site", "quoted key")] == 5
    assert lines[("site", "dotted", "key")] == 6
    assert lines[("check", "rules", "tag-too-broad")] == 9
    assert lines[("personas", 0, "name")] == 12
    assert lines[("personas", 1, "name")] == 15


def test_key_lines_skip_multiline_strings():
    text = 'description = """\nfake = 1\n"""\nreal = 2\n'
    lines = key_lines(text)
    assert ("fake",) not in lines
    assert lines[("real",)] == 4
