from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.content import MAX_FILE_BYTES, State, post_files, read_post
from planner.findings import Severity
from planner.limits import MAX_NAME_CHARS

TZ = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=TZ)


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def load_one(tmp_path: Path, text: str | bytes, name: str = "post.md"):
    return read_post(write(tmp_path, name, text), TZ)


def only_problem(problems):
    assert len(problems) == 1, problems
    return problems[0]


def test_reads_every_field(tmp_path):
    post, problems = load_one(
        tmp_path,
        "---\n"
        "title: Rebuilding a Muncie M21\n"
        "tags: [Muncie M21, 1968 Camaro, 396]\n"
        "summary: Synchro rings and shims.\n"
        "slug: muncie-m21\n"
        "status: ready\n"
        "date: 2026-12-01T09:00\n"
        "channels: mastodon, bluesky\n"
        "snippets:\n"
        "  mastodon: Our M21 rebuild\n"
        "priority: 2\n"
        "hero: m21.jpg\n"
        "---\n"
        "\n"
        "The M21 has a 2.20 first gear.\n",
    )
    assert problems == []
    assert post.title == "Rebuilding a Muncie M21"
    assert post.tags == ("Muncie M21", "1968 Camaro", "396")
    assert post.summary == "Synchro rings and shims."
    assert post.slug == "muncie-m21"
    assert post.status == "ready"
    assert post.date == datetime(2026, 12, 1, 9, 0, tzinfo=TZ)
    assert post.channels == ("mastodon", "bluesky")
    assert post.snippets == {"mastodon": "Our M21 rebuild"}
    assert post.priority == 2
    assert post.meta["hero"] == "m21.jpg"
    assert post.body == "The M21 has a 2.20 first gear.\n"


def test_reads_the_question_and_the_syndication_links(tmp_path):
    post, problems = load_one(
        tmp_path,
        "---\ntitle: M21\nask: What did yours measure?\n"
        "syndication:\n  - https://example.social/@shop/1\n  - https://bsky.app/x\n---\nB\n",
    )
    assert problems == []
    assert post.ask == "What did yours measure?"
    assert post.syndication == ("https://example.social/@shop/1", "https://bsky.app/x")


def test_a_syndication_entry_that_is_no_url_is_an_error_at_its_line(tmp_path):
    _, problems = load_one(tmp_path, "---\ntitle: M21\nsyndication: [mastodon]\n---\nB\n")
    problem = only_problem(problems)
    assert (problem.line, problem.rule) == (3, "bad-syndication")
    assert "http(s) URLs, not 'mastodon'" in problem.message


def test_defaults_status_ready_and_slug_from_title(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: Cowl Tags, Decoded (1967)\n---\nBody\n")
    assert problems == []
    assert post.status == "ready"
    assert post.slug == "cowl-tags-decoded-1967"
    assert post.tags == ()
    assert post.date is None


def test_slug_from_non_ascii_title_is_ascii(tmp_path):
    post, _ = load_one(tmp_path, "---\ntitle: Café racer über alles\n---\n")
    assert post.slug == "cafe-racer-uber-alles"


def test_tags_as_one_comma_separated_string(tmp_path):
    post, _ = load_one(
        tmp_path, '---\ntitle: x\ntags: "rally wheels, date codes ,rally wheels"\n---\n'
    )
    assert post.tags == ("rally wheels", "date codes")


def test_hugo_draft_true_means_draft(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: x\ndraft: true\n---\n")
    assert problems == []
    assert post.status == "draft"


def test_draft_contradicting_status_is_an_error(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: x\nstatus: ready\ndraft: true\n---\n")
    assert post is None
    assert only_problem(problems).line == 4


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-12-01", datetime(2026, 12, 1, tzinfo=TZ)),
        ("2026-12-01 09:30", datetime(2026, 12, 1, 9, 30, tzinfo=TZ)),
        ("2026-07-01T09:00:00", datetime(2026, 7, 1, 9, 0, tzinfo=TZ)),
        ("2026-12-01T09:00:00Z", datetime(2026, 12, 1, 9, 0, tzinfo=UTC)),
        ("'2026-12-01T09:00:00+01:00'", datetime(2026, 12, 1, 8, 0, tzinfo=UTC)),
    ],
)
def test_dates_naive_in_site_timezone_aware_converted(tmp_path, value, expected):
    post, problems = load_one(tmp_path, f"---\ntitle: x\ndate: {value}\n---\n")
    assert problems == []
    assert post.date == expected
    assert post.date.tzinfo == TZ


def test_empty_date_means_no_date(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: x\ndate:\n---\n")
    assert problems == []
    assert post.date is None


def test_state_is_derived_from_status_date_and_now(tmp_path):
    def state(front: str) -> State:
        post, _ = load_one(tmp_path, f"---\ntitle: x\n{front}\n---\n")
        return post.state(NOW)

    assert state("status: draft\ndate: 2026-01-01") is State.DRAFT
    assert state("status: ready") is State.UNSCHEDULED
    assert state("date: 2026-11-22T12:00") is State.PUBLISHED
    assert state("date: 2026-11-22T12:01") is State.SCHEDULED


def test_field_lines_and_body_line_are_kept(tmp_path):
    post, _ = load_one(
        tmp_path,
        "\n---\n# a comment\ntitle: x\ntags:\n  - a\n  - b\n"
        "summary: >\n  folded\n---\n\n\nFirst.\n",
    )
    assert post.lines["title"] == 4
    assert post.lines["tags"] == 5
    assert post.lines["summary"] == 8
    assert post.line_of("slug") == 2  # not present: the opening '---'
    assert post.body_line == 13
    assert post.body.startswith("First.")


def test_crlf_and_bom_files_load(tmp_path):
    text = "\ufeff---\r\ntitle: Windows\r\ntags: [a]\r\n---\r\nBody\r\n"
    post, problems = load_one(tmp_path, text.encode("utf-8"))
    assert problems == []
    assert post.title == "Windows"
    assert post.lines["tags"] == 3
    assert post.body_line == 5


# --- bad input: one clear message with a line, and the file is left out -----------------


def test_broken_yaml_points_at_the_open_construct(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: ok\ntags: [a, b\n---\nbody\n")
    problem = only_problem(problems)
    assert post is None
    assert (problem.rule, problem.line, problem.severity) == ("bad-front-matter", 3, Severity.ERROR)
    assert problem.message.startswith("invalid YAML:")


def test_non_utf8_bytes_are_reported_at_their_line(tmp_path):
    post, problems = load_one(tmp_path, b"---\ntitle: ok\n---\nCaf\xe9 racer\n")
    problem = only_problem(problems)
    assert post is None
    assert (problem.rule, problem.line, problem.col) == ("not-utf8", 4, 4)


def test_missing_title(tmp_path):
    post, problems = load_one(tmp_path, "---\ntags: [a]\n---\nbody\n")
    assert post is None
    assert only_problem(problems).rule == "missing-title"


def test_misspelled_title_is_named(tmp_path):
    _, problems = load_one(tmp_path, "---\ntags: [a]\ntitel: Hi\n---\n")
    problem = only_problem(problems)
    assert problem.line == 3
    assert "'titel' looks like a misspelling" in problem.message


def test_impossible_date_is_reported_at_the_date_line(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: x\n\ndate: 2026-02-30\n---\n")
    problem = only_problem(problems)
    assert post is None
    assert (problem.rule, problem.line) == ("bad-date", 4)
    assert "'2026-02-30' is not a valid date" in problem.message


@pytest.mark.parametrize("slug", ["../../etc/passwd", "a/b", ".hidden", "..", "x\\y"])
def test_slug_escaping_the_output_directory_is_refused(tmp_path, slug):
    post, problems = load_one(tmp_path, f"---\ntitle: x\nslug: '{slug}'\n---\n")
    assert post is None
    problem = only_problem(problems)
    assert problem.rule == "bad-slug"
    assert problem.line == 3


def test_slug_with_capitals_gets_a_suggestion(tmp_path):
    _, problems = load_one(tmp_path, "---\ntitle: x\nslug: My Post\n---\n")
    assert "try 'my-post'" in only_problem(problems).message


def test_python_object_tags_are_not_executed(tmp_path):
    marker = tmp_path / "pwned"
    post, problems = load_one(
        tmp_path,
        f"---\ntitle: x\nx: !!python/object/apply:os.system ['touch {marker}']\n---\n",
    )
    assert post is None
    assert only_problem(problems).rule == "bad-front-matter"
    assert not marker.exists()


def test_file_without_front_matter(tmp_path):
    post, problems = load_one(tmp_path, "# Just Markdown\n")
    assert post is None
    assert only_problem(problems).rule == "no-front-matter"


def test_front_matter_that_is_not_a_mapping(tmp_path):
    _, problems = load_one(tmp_path, "---\n- a\n- b\n---\n")
    assert only_problem(problems).rule == "bad-front-matter"


def test_binary_file(tmp_path):
    _, problems = load_one(tmp_path, b"\x89PNG\r\n\x1a\n\0\0\0")
    assert only_problem(problems).rule == "not-text"


def test_enormous_file_is_reported_not_read(tmp_path):
    _, problems = load_one(tmp_path, "---\ntitle: x\n---\n" + "word " * (MAX_FILE_BYTES // 4))
    assert only_problem(problems).rule == "file-too-large"


@pytest.mark.parametrize(
    ("front", "rule"),
    [
        ("status: published", "bad-status"),
        ("tags: {a: b}", "bad-tags"),
        ("priority: high", "bad-priority"),
        ("title: [a, b]", "bad-title"),
        ("draft: maybe", "bad-draft"),
    ],
)
def test_wrong_field_values(tmp_path, front, rule):
    text = f"---\n{front}\n---\n" if front.startswith("title") else f"---\ntitle: x\n{front}\n---\n"
    post, problems = load_one(tmp_path, text)
    assert post is None
    assert only_problem(problems).rule == rule


def test_status_typo_gets_a_suggestion(tmp_path):
    _, problems = load_one(tmp_path, "---\ntitle: x\nstatus: redy\n---\n")
    assert "did you mean 'ready'?" in only_problem(problems).message


def test_misspelled_optional_key_is_a_warning_and_post_loads(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: x\ntag: [a]\n---\n")
    assert post is not None
    problem = only_problem(problems)
    assert (problem.severity, problem.line) == (Severity.WARNING, 3)
    assert "did you mean 'tags'?" in problem.message


def test_post_files_recurses_and_skips_hidden(tmp_path):
    write(tmp_path, "posts/2026/a.md", "")
    write(tmp_path, "posts/b.md", "")
    write(tmp_path, "posts/.draft.md", "")
    write(tmp_path, ".git/c.md", "")
    write(tmp_path, "posts/notes.txt", "")
    names = [p.relative_to(tmp_path).as_posix() for p in post_files(tmp_path)]
    assert names == ["posts/2026/a.md", "posts/b.md"]


def test_post_files_of_a_missing_directory_is_empty(tmp_path):
    assert post_files(tmp_path / "nope") == []


@pytest.mark.parametrize(
    "value",
    [
        "0001-01-01T00:00:00+05:00",
        "9999-12-31T23:59:59-12:00",
        "1899-12-31",
        "!!timestamp 0001-01-01 00:00:00 +05:00",
    ],
)
def test_dates_out_of_range_are_reported_at_the_date_line(tmp_path, value):
    post, problems = load_one(tmp_path, f"---\ntitle: T\ndate: {value}\n---\n")
    problem = only_problem(problems)
    assert post is None and problem.line == 3
    assert problem.rule in ("bad-date", "bad-front-matter")


@pytest.mark.parametrize("value", ["2026-W09-8", "20260230", "!!timestamp 2026-02-30"])
def test_impossible_dates_in_odd_forms_are_reported(tmp_path, value):
    post, problems = load_one(tmp_path, f"---\ntitle: T\ndate: {value}\n---\n")
    assert post is None and only_problem(problems).line == 3


def test_a_number_past_the_digit_limit_is_a_finding_at_its_line(tmp_path):
    post, problems = load_one(tmp_path, f"---\ntitle: T\npriority: {'9' * 5000}\n---\n")
    problem = only_problem(problems)
    assert post is None and problem.line == 3 and "too many digits" in problem.message


def test_a_priority_too_large_to_use_is_refused(tmp_path):
    post, problems = load_one(tmp_path, f"---\ntitle: T\npriority: {10**12}\n---\n")
    assert post is None and only_problem(problems).rule == "bad-priority"


def test_an_alias_bomb_is_refused_without_expanding_it(tmp_path):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    post, problems = load_one(tmp_path, "---\ntitle: T\n" + "\n".join(lines) + "\n---\n")
    assert post is None and "too many values" in only_problem(problems).message


def test_a_value_that_contains_itself_is_refused(tmp_path):
    post, problems = load_one(tmp_path, "---\ntitle: T\nmeta: &r [*r]\n---\n")
    assert post is None and "refers to itself" in only_problem(problems).message


def test_a_long_title_gives_a_short_stable_unique_slug(tmp_path):
    first, _ = load_one(tmp_path, f"---\ntitle: {'word ' * 80}one\n---\n", "a.md")
    second, _ = load_one(tmp_path, f"---\ntitle: {'word ' * 80}two\n---\n", "b.md")
    again, _ = load_one(tmp_path, f"---\ntitle: {'word ' * 80}one\n---\n", "c.md")
    assert len(first.slug) <= MAX_NAME_CHARS and len(second.slug) <= MAX_NAME_CHARS
    assert first.slug != second.slug and first.slug == again.slug


def test_a_long_written_slug_is_shortened_with_a_warning(tmp_path):
    post, problems = load_one(tmp_path, f"---\ntitle: T\nslug: {'a' * 300}\n---\n")
    assert len(post.slug) <= MAX_NAME_CHARS
    assert only_problem(problems).rule == "long-slug"


def test_a_body_nested_too_deeply_is_reported_at_its_line(tmp_path):
    body = "Intro.\n\n" + "![" * 5000 + "x" + "](y)" * 5000 + "\n"
    post, problems = load_one(tmp_path, f"---\ntitle: T\n---\n{body}")
    problem = only_problem(problems)
    assert post is None and problem.rule == "too-deeply-nested" and problem.line == 6


def test_an_unexpected_failure_costs_only_its_own_post(tmp_path, monkeypatch):
    import planner.content

    def explode(value):
        if value == "boom":
            raise RuntimeError("unforeseen")
        return str(value)

    specs = [replace(f, parse=explode) if f.key == "summary" else f for f in planner.content.FIELDS]
    monkeypatch.setattr(planner.content, "FIELDS", tuple(specs))
    bad = write(tmp_path, "bad.md", "---\ntitle: Bad\nsummary: boom\n---\n")
    good = write(tmp_path, "good.md", "---\ntitle: Good\n---\n")
    posts, problems = read_each([bad, good])
    assert [p.title for p in posts] == ["Good"]
    problem = only_problem(problems)
    assert problem.rule == "load-failed" and "RuntimeError" in problem.message


def read_each(paths):
    """`read_post` over `paths`: the posts that loaded, and every file's findings."""
    posts, problems = [], []
    for path in paths:
        post, found = read_post(path, TZ)
        problems += found
        if post is not None:
            posts.append(post)
    return posts, problems


def test_hostile_posts_each_cost_only_their_own_post(tmp_path):
    files = {
        "year-one.md": "---\ntitle: A\ndate: 0001-01-01T00:00:00+05:00\n---\n",
        "odd-day.md": "---\ntitle: B\ndate: 2026-W09-8\n---\n",
        "digits.md": f"---\ntitle: C\npriority: {'9' * 5000}\n---\n",
        "nested.md": "---\ntitle: D\n---\n" + "![" * 8000 + "x" + "](y)" * 8000,
        "good.md": "---\ntitle: Good\n---\nBody.\n",
    }
    posts, problems = read_each([write(tmp_path, n, t) for n, t in files.items()])
    assert [p.title for p in posts] == ["Good"]
    assert sorted(p.path.name for p in problems) == sorted(set(files) - {"good.md"})
