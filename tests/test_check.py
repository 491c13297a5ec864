"""The checker on small sites: each rule, suggestions, levels, inline switches, scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.check import Checker, check_posts
from planner.check.rules import unknown_rules
from planner.check.terms import AudienceLens
from planner.findings import Severity
from planner.site import open_site

AUDIENCE = """
name = "First-generation Camaro owners"
description = "People restoring 1967-69 Camaros who want part numbers and measurements."
niche = ["Camaro", "first-generation Camaro"]
interests = ["Muncie M21", "trim tag", "rally wheels"]
too_broad = ["cars", "tips"]
[topics]
"transmission" = ["Muncie M20", "Muncie M21", "Powerglide"]
"Camaro" = ["1967 Camaro", "1968 Camaro"]
[[personas]]
name = "The weekend rebuilder"
description = "Has the gearbox on the bench this winter."
"""

SPECIFIC = """
---
title: "Rebuilding the Muncie M21 from a 1968 Camaro: countergear end play"
tags: [Muncie M21, 1968 Camaro]
---

The 1968 Camaro came in with a Muncie M21 that jumped out of third. The case carries
casting number 3925660 and the countergear end play measured 0.027 in. against a
0.018 in. limit, so the thrust washers were finished.

We replaced all four synchro rings; new rings measured 0.058 in. against their cones.
The Muncie M21 now shifts cleanly from 2.20 first to 1.00 fourth.

What end play did you find on your M21?
"""

GENERIC = """
---
title: "10 tips for keeping your classic car happy"
tags: [cars, tips]
---

Owning a classic car is an amazing experience, and everyone who has one knows there
are a lot of things to keep on top of. Here are some tips that apply to pretty much
any older car, and various things can go wrong when they sit.

Keep it clean and check the fluids. There are various fluids and all of them matter,
so look at them every so often and top them up when needed. Everyone loves a clean
car, and a good mechanic is worth a lot of money to anyone with an old car.
"""


def check(make_site, posts: dict[str, str], audience: str = AUDIENCE, config: str = ""):
    site = open_site(start=make_site(posts=posts, audience=audience, config=config))
    checker = Checker(site)
    loaded = site.load_posts()
    return {p.path.name: checker.check(p) for p in loaded.posts}


def rules(report) -> list[str]:
    return [f.rule for f in report.findings]


def test_specific_post_has_no_warnings_and_scores_high(make_site):
    report = check(make_site, {"m21.md": SPECIFIC})["m21.md"]
    assert [f for f in report.findings if f.severity >= Severity.WARNING] == []
    assert report.score >= 80
    assert {v.verdict for v in report.tags} == {"specific"}


def test_generic_post_gets_every_expected_finding(make_site):
    report = check(make_site, {"tips.md": GENERIC})["tips.md"]
    found = rules(report)
    assert found.count("tag-too-broad") == 2
    for rule in ("title-generic", "body-thin-on-specifics", "post-off-audience"):
        assert rule in found
    assert "no-conversation-prompt" in found
    assert "vague-wording" in found
    assert report.score <= 20


def test_findings_point_at_the_tag_in_the_front_matter(make_site):
    report = check(make_site, {"tips.md": GENERIC})["tips.md"]
    broad = {f.message.split("'")[1]: f for f in report.findings if f.rule == "tag-too-broad"}
    assert (broad["cars"].line, broad["cars"].col) == (3, 8)
    assert (broad["tips"].line, broad["tips"].col) == (3, 14)


def test_vague_wording_has_line_and_column_in_the_file(make_site):
    report = check(make_site, {"tips.md": GENERIC})["tips.md"]
    vague = [(f.line, f.col) for f in report.findings if f.rule == "vague-wording"]
    assert (6, 28) in vague  # 'amazing' on the first body line (file line 6)


def test_too_broad_tag_suggests_what_the_post_mentions(make_site):
    post = """
    ---
    title: "Rebuilding a gearbox"
    tags: [cars]
    ---

    The Muncie M21 in this 1968 Camaro needed new synchro rings. The Muncie M21 case
    number was 3925660. Another Muncie M21 detail: the 1968 Camaro used a 2.20 first gear.
    """
    report = check(make_site, {"p.md": post})["p.md"]
    (finding,) = [f for f in report.findings if f.rule == "tag-too-broad"]
    assert "'Muncie M21' 3 times" in finding.message
    assert "'1968 Camaro' 2 times" in finding.message
    assert finding.suggestions[0].startswith("'Muncie M21' (mentioned 3 times")


def test_broad_topic_tag_suggests_narrower_terms_from_the_profile(make_site):
    post = """
    ---
    title: "Shifting a 1968 Camaro"
    tags: [transmission]
    ---

    Short note.
    """
    report = check(make_site, {"p.md": post})["p.md"]
    (finding,) = [f for f in report.findings if f.rule == "tag-too-broad"]
    assert "narrower" in finding.message
    assert any("'Powerglide'" in s for s in finding.suggestions)


def test_niche_tag_is_too_broad_for_its_own_audience(make_site):
    lens = AudienceLens(open_site(start=make_site(audience=AUDIENCE)).audience)
    assert lens.judge("Camaro").verdict == "too-broad"
    assert lens.judge("first generation camaros").verdict == "too-broad"  # spelling variants
    assert lens.judge("1968 Camaro").verdict == "specific"
    assert lens.judge("Muncie M21").verdict == "specific"
    assert lens.judge("knitting patterns").verdict in {"off-audience", "too-broad"}
    assert lens.judge("gearbox").verdict in {"ok", "specific"}  # a persona mentions it


def test_off_audience_tag(make_site):
    post = SPECIFIC.replace("tags: [Muncie M21, 1968 Camaro]", "tags: [Muncie M21, sourdough]")
    report = check(make_site, {"p.md": post})["p.md"]
    (finding,) = [f for f in report.findings if f.rule == "tag-off-audience"]
    assert "'sourdough'" in finding.message


def test_missing_tags_is_an_error_with_suggestions(make_site):
    post = SPECIFIC.replace("tags: [Muncie M21, 1968 Camaro]\n", "")
    report = check(make_site, {"p.md": post})["p.md"]
    (finding,) = [f for f in report.findings if f.rule == "tags-missing"]
    assert finding.severity is Severity.ERROR
    assert any("Muncie M21" in s for s in finding.suggestions)


def test_config_changes_levels_and_turns_rules_off(make_site):
    config = """
    [check.rules]
    tag-too-broad = "error"
    vague-wording = "off"
    """
    report = check(make_site, {"tips.md": GENERIC}, config=config)["tips.md"]
    assert "vague-wording" not in rules(report)
    assert {f.severity for f in report.findings if f.rule == "tag-too-broad"} == {Severity.ERROR}


def test_unknown_rule_in_config_is_a_warning_with_a_suggestion(make_site):
    site = open_site(start=make_site(config='[check.rules]\ntag-too-brod = "off"\n'))
    (problem,) = unknown_rules(site.config)
    assert problem.rule == "unknown-rule"
    assert "did you mean 'tag-too-broad'" in problem.message
    assert problem.line == 2


def test_inline_switch_for_the_whole_post(make_site):
    post = GENERIC + "\n<!-- planner-disable tag-too-broad vague-wording -->\n"
    found = rules(check(make_site, {"p.md": post})["p.md"])
    assert "tag-too-broad" not in found and "vague-wording" not in found
    assert "title-generic" in found


def test_inline_switch_for_the_next_line(make_site):
    post = GENERIC.replace(
        "Owning a classic", "<!-- planner-disable-next-line vague-wording -->\nOwning a classic"
    )
    report = check(make_site, {"p.md": post})["p.md"]
    vague_lines = {f.line for f in report.findings if f.rule == "vague-wording"}
    assert 7 not in vague_lines  # the switched line
    assert 8 in vague_lines  # the line after it still reports


def test_front_matter_comment_switch(make_site):
    post = GENERIC.replace(
        "tags: [cars, tips]", "# planner-disable-next-line tag-too-broad\ntags: [cars, tips]"
    )
    assert "tag-too-broad" not in rules(check(make_site, {"p.md": post})["p.md"])


def test_code_and_links_are_not_prose(make_site):
    post = """
    ---
    title: "Muncie M21 notes"
    tags: [Muncie M21]
    ---

    See [various things](https://example.com/things) for the case.

    ```
    stuff things various amazing
    ```
    """
    report = check(make_site, {"p.md": post})["p.md"]
    vague = [f for f in report.findings if f.rule == "vague-wording"]
    assert [(f.line, f.message.split("'")[1]) for f in vague] == [
        (6, "various"),
        (6, "things"),
    ]


def test_empty_profile_runs_the_audience_independent_rules(make_site):
    report = check(make_site, {"tips.md": GENERIC}, audience="")["tips.md"]
    found = rules(report)
    assert "post-off-audience" not in found
    assert "title-generic" in found and "body-thin-on-specifics" in found
    assert "tag-too-broad" in found  # 'cars' and 'tips' are broad in plain English too


def test_check_posts_is_sorted_and_covers_every_post(make_site):
    site = open_site(start=make_site(posts={"a.md": GENERIC, "b.md": SPECIFIC}, audience=AUDIENCE))
    findings = check_posts(site, site.load_posts().posts)
    assert findings == sorted(findings, key=lambda f: (str(f.path), f.line, f.col, f.rule))
    assert {Path(f.path).name for f in findings} >= {"a.md"}


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Which casting number is on yours?", True),
        ("Let us know what you find.", True),
        ("That is all.", False),
    ],
)
def test_conversation_prompt(make_site, text, question):
    post = SPECIFIC.replace("What end play did you find on your M21?", text)
    found = rules(check(make_site, {"p.md": post})["p.md"])
    assert ("no-conversation-prompt" not in found) is question


def test_a_passing_mention_of_an_interest_is_off_audience(make_site):
    post = """
    ---
    title: "Choosing a paint shop"
    tags: [paint]
    ---

    We compared three shops near us. One had just finished a car with a Muncie M21, but
    the paint work is what we looked at: prep, primer and the clear coat.
    """
    report = check(make_site, {"p.md": post})["p.md"]
    (finding,) = [f for f in report.findings if f.rule == "post-off-audience"]
    assert "'Muncie M21' once, in passing" in finding.message


def test_two_body_mentions_of_an_interest_are_on_audience(make_site):
    post = """
    ---
    title: "Choosing a paint shop"
    tags: [paint]
    ---

    One shop had just finished a car with a Muncie M21. The Muncie M21 was out for paint.
    """
    report = check(make_site, {"p.md": post})["p.md"]
    assert "post-off-audience" not in rules(report)
