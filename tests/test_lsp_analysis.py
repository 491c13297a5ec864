"""One buffer checked and placed: exact ranges, quick fixes, caps."""

from __future__ import annotations

import pytest
from conftest import write_site

from planner.check.checker import Checker
from planner.lsp.analysis import MAX_DIAGNOSTICS, Analysis, Diagnostic, analyse
from planner.lsp.positions import UTF8, Span
from planner.site import open_site

AUDIENCE = """\
name = "First-generation Camaro owners"
niche = ["Camaro"]
interests = ["Muncie M21", "Hurst shifter", "rally wheels"]
too_broad = ["cars", "tips"]
"""
BODY = """\
The Muncie M21 close-ratio gearbox came behind the L78 396 in 1968. We pulled the
Muncie M21 from a 1968 Camaro SS and measured 0.012 in of cluster gear end play,
so the Muncie M21 got new thrust washers. Which gearbox is in yours?
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Checker:
    root = write_site(tmp_path_factory.mktemp("analysis") / "site", audience=AUDIENCE)
    return Checker(open_site(root / "planner.toml", start=root))


def check(checker: Checker, front: str, body: str = BODY, encoding: str = "utf-16") -> Analysis:
    path = checker.site.root / "content" / "posts" / "post.md"
    return analyse(checker, path, f"---\n{front}---\n{body}", encoding)


def only(analysis: Analysis, rule: str) -> Diagnostic:
    [found] = [d for d in analysis.diagnostics if d.rule == rule]
    return found


def apply(text: str, diagnostic: Diagnostic, fix: int) -> str:
    """`text` with one fix's edit made (a single-line ASCII edit)."""
    lines = text.split("\n")
    edit = diagnostic.fixes[fix]
    line = lines[edit.span.start_line]
    lines[edit.span.start_line] = (
        line[: edit.span.start_char] + edit.text + line[edit.span.end_char :]
    )
    return "\n".join(lines)


def test_a_broad_tag_in_a_flow_list_spans_the_tag(checker: Checker):
    found = only(
        check(checker, "title: Rebuilding the Muncie M21\ntags: [Z/28, cars]\n"), "tag-too-broad"
    )
    assert found.span == Span(2, 13, 2, 17)


def test_a_broad_tag_in_a_block_list_spans_its_item(checker: Checker):
    front = "title: Rebuilding the Muncie M21\ntags:\n  - Hurst shifter\n  - cars\n"
    assert only(check(checker, front), "tag-too-broad").span == Span(4, 4, 4, 8)


def test_a_tag_inside_another_tag_is_placed_at_its_own_item(checker: Checker):
    front = "title: Rebuilding the Muncie M21\ntags: [rally wheels cars, cars]\n"
    assert only(check(checker, front), "tag-too-broad").span == Span(2, 26, 2, 30)


def test_a_tag_after_an_emoji_is_placed_in_utf16_units(checker: Checker):
    front = 'title: Rebuilding the Muncie M21\ntags: ["😀 Muncie M21", cars]\n'
    assert only(check(checker, front), "tag-too-broad").span == Span(2, 24, 2, 28)
    assert only(check(checker, front, encoding=UTF8), "tag-too-broad").span == Span(2, 26, 2, 30)


def test_vague_wording_spans_the_phrase(checker: Checker):
    body = "😀 We did a lot of work on the car over the long winter. Is yours running?\n"
    found = only(
        check(checker, "title: The 1968 Muncie M21\ntags: [Muncie M21]\n", body), "vague-wording"
    )
    assert found.span == Span(4, 10, 4, 18)  # "a lot of", after a two-unit emoji


def test_replacing_a_broad_tag_offers_the_best_suggestion_first(checker: Checker):
    found = only(
        check(checker, "title: Rebuilding the Muncie M21\ntags: [cars]\n"), "tag-too-broad"
    )
    assert found.fixes[0].title == "Replace 'cars' with 'Muncie M21'" and found.fixes[0].preferred
    assert not any(fix.preferred for fix in found.fixes[1:])


def test_the_replacement_keeps_the_rest_of_the_line(checker: Checker):
    front = "title: Rebuilding the Muncie M21\ntags: [cars, Hurst shifter]\n"
    text = f"---\n{front}---\n{BODY}"
    fixed = apply(text, only(check(checker, front), "tag-too-broad"), 0)
    assert fixed.split("\n")[2] == "tags: [Muncie M21, Hurst shifter]"


def test_adding_a_suggested_tag_appends_a_block_item(checker: Checker):
    front = "title: Rebuilding the Muncie M21\ntags:\n  - cars\n"
    found = only(check(checker, front), "tag-too-broad")
    add = next(i for i, f in enumerate(found.fixes) if f.title == "Add tag 'Muncie M21'")
    fixed = apply(f"---\n{front}---\n{BODY}", found, add)
    assert fixed.split("\n")[2:6] == ["tags:", "  - cars", "  - Muncie M21", "---"]


def test_a_post_without_tags_is_offered_its_mentioned_terms(checker: Checker):
    found = only(check(checker, "title: Rebuilding the Muncie M21\n"), "tags-missing")
    assert found.fixes[0].title == "Add tag 'Muncie M21'"
    assert found.fixes[0].text == "tags: [Muncie M21]\n"


def test_disabling_a_front_matter_rule_writes_a_yaml_comment_that_works(checker: Checker):
    front = "title: Rebuilding the Muncie M21\ntags:\n  - cars\n"
    found = only(check(checker, front), "tag-too-broad")
    assert found.fixes[-1].text == "  # planner-disable-next-line tag-too-broad\n"
    fixed = apply(f"---\n{front}---\n{BODY}", found, -1)
    path = checker.site.root / "content" / "posts" / "post.md"
    assert "tag-too-broad" not in [d.rule for d in analyse(checker, path, fixed).diagnostics]


def test_disabling_a_body_rule_writes_an_html_comment_that_works(checker: Checker):
    front = "title: The 1968 Muncie M21\ntags: [Muncie M21]\n"
    body = "We did a lot of work on the car over the long winter. Is yours running?\n"
    found = only(check(checker, front, body), "vague-wording")
    comment = "<!-- planner-disable-next-line vague-wording -->\n"
    assert found.fixes[-1].text == comment
    fixed = apply(f"---\n{front}---\n{body}", found, -1)
    path = checker.site.root / "content" / "posts" / "post.md"
    assert "vague-wording" not in [d.rule for d in analyse(checker, path, fixed).diagnostics]


def test_a_loading_problem_is_a_diagnostic_at_its_line(checker: Checker):
    found = only(check(checker, "title: T\ndate: someday\n"), "bad-date")
    assert found.span.start_line == 2 and not found.fixes


def test_a_buffer_over_2_mb_is_one_diagnostic(checker: Checker):
    analysis = check(checker, "title: T\n", "word " * 450_000)
    assert [d.rule for d in analysis.diagnostics] == ["file-too-large"]


def test_findings_past_the_cap_are_summed_up_in_one(checker: Checker):
    body = "Some stuff. " * (MAX_DIAGNOSTICS + 50) + "\n"
    analysis = check(checker, "title: T\ntags: [Muncie M21]\n", body)
    assert len(analysis.diagnostics) == MAX_DIAGNOSTICS + 1
    assert analysis.diagnostics[-1].rule == "too-many-findings"


def test_each_tag_is_noted_with_its_verdict(checker: Checker):
    analysis = check(checker, "title: Rebuilding the Muncie M21\ntags: [cars, Muncie M21]\n")
    notes = {n.verdict.term: (n.span, n.verdict.verdict) for n in analysis.tags}
    assert notes == {
        "cars": (Span(2, 7, 2, 11), "too-broad"),
        "Muncie M21": (Span(2, 13, 2, 23), "specific"),
    }
