"""LSP values from analyses: diagnostics, hover, code actions, tag completion."""

from __future__ import annotations

from lsprotocol import types

from planner.audience import Audience
from planner.check.terms import TermVerdict
from planner.findings import Severity
from planner.lsp.analysis import Analysis, Diagnostic, Fix, TagNote
from planner.lsp.features import code_actions, completions, diagnostics, hover, tag_terms
from planner.lsp.positions import UTF16, Span
from planner.specificity import Signal

URI = "file:///site/content/posts/post.md"
AUDIENCE = Audience(
    interests=("Muncie M21", "Hurst shifter"),
    too_broad=("cars", "transmission"),
    topics={"transmission": ("Muncie M20", "Muncie M21")},
)
REPLACE = Fix("Replace 'cars' with 'Muncie M21'", Span(2, 7, 2, 11), "Muncie M21", True)
BROAD = Diagnostic(
    Span(2, 7, 2, 11),
    Severity.WARNING,
    "tag-too-broad",
    "'cars' is too broad",
    ("'Muncie M21' (mentioned 3)",),
    (REPLACE,),
)
VAGUE = Diagnostic(Span(5, 3, 5, 8), Severity.INFO, "vague-wording", "'stuff' is vague")
VERDICT = TermVerdict(
    "cars", 0.05, "too-broad", "the profile lists 'cars'", (Signal("frequency", -1.5, "common"),)
)
ANALYSIS = Analysis((BROAD, VAGUE), (TagNote(Span(2, 7, 2, 11), VERDICT),), 40)


def test_a_diagnostic_carries_the_rule_id_as_code_and_suggestions_as_related_info():
    [broad, _] = diagnostics(ANALYSIS, URI)
    assert broad.code == "tag-too-broad" and broad.source == "planner"
    assert broad.severity == types.DiagnosticSeverity.Warning
    assert broad.range == types.Range(types.Position(2, 7), types.Position(2, 11))
    [related] = broad.related_information
    assert related.message == "try 'Muncie M21' (mentioned 3)" and related.location.uri == URI


def test_hover_on_a_tag_shows_its_score_verdict_and_signals():
    found = hover(ANALYSIS, 2, 9)
    assert found is not None
    assert "**cars**: too-broad for this audience (specificity 0.05)" in found.contents.value
    assert "- frequency (-1.50): common" in found.contents.value


def test_hover_on_a_flagged_phrase_shows_the_rules_rationale():
    found = hover(ANALYSIS, 5, 4)
    assert found is not None and "Why: a vague word stands in for a detail" in found.contents.value


def test_hover_elsewhere_shows_nothing():
    assert hover(ANALYSIS, 7, 0) is None


def test_code_actions_are_the_fixes_of_the_diagnostics_under_the_cursor():
    [action] = code_actions(ANALYSIS, URI, Span(2, 8, 2, 8))
    assert action.title == REPLACE.title and action.is_preferred
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.edit.changes[URI][0].new_text == "Muncie M21"
    assert action.diagnostics[0].code == "tag-too-broad"


def test_no_code_actions_away_from_diagnostics():
    assert code_actions(ANALYSIS, URI, Span(0, 0, 0, 3)) == []


def test_tag_terms_are_interests_then_narrower_topics_never_too_broad_ones():
    assert [t for t, _ in tag_terms(AUDIENCE)] == ["Muncie M21", "Hurst shifter", "Muncie M20"]


def complete(text: str, line: int, char: int) -> list[types.CompletionItem]:
    return completions(text, line, char, AUDIENCE, UTF16)


def test_completion_in_a_block_list_item_replaces_what_was_typed():
    text = "---\ntitle: T\ntags:\n  - Hurst shifter\n  - Mun\n---\nbody"
    items = complete(text, 4, 7)
    assert [i.label for i in items] == ["Muncie M21", "Muncie M20"]  # not the tag it has
    assert items[0].text_edit.range == types.Range(types.Position(4, 4), types.Position(4, 7))


def test_completion_in_a_flow_list_starts_after_the_last_comma():
    text = "---\ntitle: T\ntags: [Hurst shifter, Mu\n"
    items = complete(text, 2, 24)
    assert items[0].text_edit.range.start == types.Position(2, 22)


def test_completion_on_an_empty_tags_line():
    items = complete("---\ntags: \n---\n", 1, 6)
    assert [i.label for i in items][:1] == ["Muncie M21"]


def test_completion_inside_quotes_does_not_quote_again():
    items = complete('---\ntags: ["Mu\n', 1, 10)
    assert items[0].text_edit.new_text == "Muncie M21"


def test_no_completion_on_other_keys():
    assert complete("---\ntitle: Mu\ntags: [a]\n---\n", 1, 9) == []


def test_no_completion_in_the_body():
    assert complete("---\ntags: [a]\n---\n- Mu\n", 3, 4) == []


def test_no_completion_in_a_list_under_another_key():
    assert complete("---\nchannels:\n  - Mu\ntags: [a]\n---\n", 2, 6) == []


def test_completion_before_the_closing_line_is_typed():
    items = complete("---\ntitle: T\ntags: [Mu", 2, 9)
    assert [i.label for i in items][:1] == ["Muncie M21"]


def test_a_term_mentioned_in_the_body_is_still_offered():
    text = "---\ntags:\n  - Mu\n---\n- Muncie M21\n"
    assert "Muncie M21" in [i.label for i in complete(text, 2, 6)]
