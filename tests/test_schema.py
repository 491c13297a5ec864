from planner.schema import key_lines, parse_toml


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


def test_a_number_past_the_digit_limit_is_a_syntax_finding_at_its_line(tmp_path):
    path = tmp_path / "planner.toml"
    problems: list = []
    assert (
        parse_toml(path, f'[site]\ntitle = "x"\nposts_per_page = {"9" * 5000}\n', problems) is None
    )
    [problem] = problems
    assert problem.line == 3 and "too many digits" in problem.message


def test_arrays_nested_past_the_stack_are_a_syntax_finding(tmp_path):
    problems: list = []
    assert parse_toml(tmp_path / "a.toml", "a = " + "[" * 5000 + "]" * 5000, problems) is None
    assert "nesting too deep" in problems[0].message
