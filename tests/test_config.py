from datetime import date
from pathlib import Path

import pytest

from planner.config import Config, find_config, load_config, parse_blackout
from planner.findings import Severity


def load(tmp_path: Path, text: str):
    path = tmp_path / "planner.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def messages(problems) -> list[str]:
    return [f"{p.line}:{p.severity}:{p.message}" for p in problems]


def test_missing_config_gives_defaults_rooted_at_start(tmp_path):
    config, problems = load_config(None, root=tmp_path)
    assert problems == []
    assert config.root == tmp_path.resolve()
    assert config.site.timezone == "UTC"
    assert config.content_dir == tmp_path.resolve() / "content"
    assert config.schedule.rules == ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0",)


def test_empty_config_gives_defaults(tmp_path):
    config, problems = load(tmp_path, "")
    assert problems == []
    assert config.site == Config(root=tmp_path).site
    assert config.root == tmp_path.resolve()


def test_values_are_read_into_sections(tmp_path):
    config, problems = load(
        tmp_path,
        """
[site]
title = "Camaro notes"
timezone = "America/Chicago"
base_url = "https://example.com/"

[paths]
content = "posts"

[schedule]
rules = ["FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=9"]
blackout = ["2026-12-24..2027-01-01"]
min_days_between = 3

[channels.mastodon]
handle = "@me@example.social"
hashtags = ["Camaro"]

[check]
fail_on = "warning"
[check.rules]
no-conversation-prompt = "off"
""",
    )
    assert problems == []
    assert config.site.title == "Camaro notes"
    assert config.tz.key == "America/Chicago"
    assert config.content_dir == tmp_path.resolve() / "posts"
    assert config.schedule.min_days_between == 3
    assert config.channels["mastodon"].hashtags == ("Camaro",)
    assert config.check.rules == {"no-conversation-prompt": "off"}


def test_channel_limits_instance_utm_and_share_pages(tmp_path):
    config, problems = load(
        tmp_path,
        '[site]\nshare_pages = "public"\n'
        '[channels.mastodon]\nmax_chars = 1000\ninstance = "fosstodon.org"\n'
        'utm = { utm_source = "mastodon", utm_medium = "social" }\n',
    )
    assert problems == []
    assert config.site.share_pages == "public"
    mastodon = config.channels["mastodon"]
    assert (mastodon.max_chars, mastodon.instance) == (1000, "fosstodon.org")
    assert dict(mastodon.utm) == {"utm_source": "mastodon", "utm_medium": "social"}


def test_bad_share_pages_and_negative_max_chars_are_errors(tmp_path):
    _, problems = load(
        tmp_path, '[site]\nshare_pages = "everywhere"\n[channels.x]\nmax_chars = -1\n'
    )
    assert [(p.line, p.rule) for p in problems] == [(2, "config-invalid"), (4, "config-invalid")]


def test_config_is_frozen(tmp_path):
    config, _ = load(tmp_path, "")
    with pytest.raises(AttributeError):
        config.site.title = "changed"  # type: ignore[misc]


def test_unknown_key_warns_with_suggestion_and_line(tmp_path):
    config, problems = load(tmp_path, '[site]\ntitle = "x"\ntimezon = "UTC"\n')
    assert messages(problems) == ["3:warning:unknown key 'site.timezon' (did you mean 'timezone'?)"]
    assert config.site.title == "x"


def test_unknown_section_warns_with_suggestion(tmp_path):
    _, problems = load(tmp_path, "[schedul]\nrules = []\n")
    assert messages(problems) == ["1:warning:unknown key 'schedul' (did you mean 'schedule'?)"]


def test_wrong_type_is_an_error_naming_key_and_line_and_keeps_default(tmp_path):
    config, problems = load(tmp_path, '[site]\ntitle = "x"\n\nposts_per_page = "ten"\n')
    assert messages(problems) == [
        "4:error:site.posts_per_page must be an integer, not a string ('ten')"
    ]
    assert problems[0].path == tmp_path.resolve() / "planner.toml"
    assert config.site.posts_per_page == 10
    assert config.site.title == "x"


def test_boolean_is_not_accepted_as_integer(tmp_path):
    _, problems = load(tmp_path, "[schedule]\nmin_days_between = true\n")
    assert "must be an integer, not a boolean" in problems[0].message


def test_bad_values_are_errors(tmp_path):
    _, problems = load(
        tmp_path,
        '[site]\ntimezone = "Mars/Base"\nbase_url = "example.com"\n'
        '[schedule]\nrules = ["FREQ=SOMETIMES"]\nblackout = ["2026-13-01"]\n'
        '[check.rules]\ntag-too-broad = "loud"\n',
    )
    lines = {p.line: p.message for p in problems}
    assert all(p.severity is Severity.ERROR for p in problems)
    assert "unknown timezone 'Mars/Base'" in lines[2]
    assert "not an absolute http(s) URL" in lines[3]
    assert "invalid recurrence rule 'FREQ=SOMETIMES'" in lines[5]
    assert "'2026-13-01' is not a date" in lines[6]
    assert "must be one of 'error', 'warning', 'info', 'off', not 'loud'" in lines[8]


def test_syntax_error_reports_line_and_column(tmp_path):
    config, problems = load(tmp_path, '[site]\ntitle = "x\n')
    assert len(problems) == 1
    assert problems[0].rule == "config-syntax"
    assert problems[0].line == 2
    assert problems[0].message.startswith("invalid TOML:")
    assert config.site.title == "My niche site"


def test_error_at_end_of_document_points_at_the_last_line(tmp_path):
    _, problems = load(tmp_path, '[site]\ntitle = "x"\ntags = [\n')
    assert [(p.rule, p.line) for p in problems] == [("config-syntax", 3)]
    assert "end of document" not in problems[0].message


def test_non_utf8_config_is_reported(tmp_path):
    path = tmp_path / "planner.toml"
    path.write_bytes(b'[site]\ntitle = "caf\xe9"\n')
    _, problems = load_config(path)
    assert problems[0].rule == "config-syntax"
    assert "not UTF-8" in problems[0].message


def test_find_config_walks_up(tmp_path):
    (tmp_path / "planner.toml").write_text("")
    deep = tmp_path / "content" / "posts"
    deep.mkdir(parents=True)
    assert find_config(deep) == (tmp_path / "planner.toml").resolve()


def test_find_config_returns_none_without_one(tmp_path):
    assert find_config(tmp_path) is None


def test_blackout_ranges():
    assert parse_blackout("2026-12-24") == (date(2026, 12, 24), date(2026, 12, 24))
    assert parse_blackout("2026-12-24..2027-01-01") == (date(2026, 12, 24), date(2027, 1, 1))
    with pytest.raises(ValueError):
        parse_blackout("2027-01-01..2026-12-24")
