"""`planner snippets` on the example site and on small sites."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from planner.cli import cli
from planner.snippets.platforms import PLATFORMS

NOW = "2026-12-03T12:00"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_every_published_and_scheduled_post_gets_six_fitting_snippets(example_site):
    result = run("snippets", "--now", NOW, "--format", "json")
    assert result.exit_code == 0, result.output
    posts = json.loads(result.output)
    assert len(posts) == 8  # 6 published, 2 scheduled
    for post in posts:
        assert [s["platform"] for s in post["snippets"]] == list(PLATFORMS)
        for snippet in post["snippets"]:
            assert snippet["fits"], (post["slug"], snippet["platform"])
            assert PLATFORMS[snippet["platform"]].fits(snippet["text"])
            assert post["url"] in snippet["text"]


def test_text_output_shows_each_count_against_its_limit(example_site):
    result = run("snippets", "--now", NOW, "hurst-linkage-muncie-m21", "--platform", "x")
    assert result.exit_code == 0
    [count] = re.findall(r"^x (\d+)/280$", result.output, re.M)
    assert 0 < int(count) <= 280
    assert "    #HurstShifter #MuncieM21" in result.output


def test_json_carries_bluesky_facets_with_byte_offsets(example_site):
    result = run("snippets", "content/posts/cowl-induction-1969-z28.md", "--format", "json")
    [post] = json.loads(result.output)
    [bluesky] = [s for s in post["snippets"] if s["platform"] == "bluesky"]
    raw = bluesky["text"].encode()
    spans = [
        raw[f["index"]["byteStart"] : f["index"]["byteEnd"]].decode() for f in bluesky["facets"]
    ]
    assert spans[0] == post["url"]
    assert spans[1:] == bluesky["hashtags"]


def test_a_too_long_override_is_reported_with_file_and_line_and_exit_1(example_site):
    path = example_site / "content/posts/hurst-linkage-muncie-m21.md"
    text = path.read_text()
    path.write_text(
        text.replace("---\n\nA fresh", "snippets:\n  x: " + "z" * 281 + "\n---\n\nA fresh")
    )
    line = path.read_text().split("\n").index("  x: " + "z" * 281) + 1
    result = run("snippets", "--now", NOW)
    assert result.exit_code == 1
    assert f"hurst-linkage-muncie-m21.md:{line}:1: error snippet-too-long" in result.stderr
    assert "x 281/280 too long" in result.stdout


def test_check_reports_the_too_long_override_too(example_site):
    path = example_site / "content/posts/hurst-linkage-muncie-m21.md"
    path.write_text(
        path.read_text().replace(
            "---\n\nA fresh", "snippets: {threads: " + "q" * 501 + "}\n---\n\nA fresh"
        )
    )
    result = run("check", str(path))
    assert result.exit_code == 1
    assert "error snippet-too-long the Threads snippet is too long: 501/500" in result.output


def test_an_unknown_post_is_a_usage_error(example_site):
    result = run("snippets", "no-such-post")
    assert result.exit_code == 2
    assert "neither a post file that loads nor a post's slug" in result.output


def test_help_has_examples(example_site):
    assert "Examples:" in run("snippets", "--help").output
