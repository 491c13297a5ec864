import json

import pytest

from planner import __version__

POSTS = {
    "published.md": "---\ntitle: Published one\ndate: 2026-11-01T09:00\ntags: [cowl tag]\n---\nx\n",
    "scheduled.md": "---\ntitle: Scheduled one\ndate: 2026-12-01T09:00\n---\nx\n",
    "unscheduled.md": "---\ntitle: Waiting one\nstatus: ready\n---\nx\n",
    "draft.md": "---\ntitle: Draft one\nstatus: draft\n---\nx\n",
}
CONFIG = '[site]\ntimezone = "America/New_York"\n'


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("command", ["init", "new", "list"])
def test_every_command_has_help_with_examples(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output


def test_init_scaffolds_a_working_site(run, tmp_path):
    result = run("init", "mysite", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    site = tmp_path / "mysite"
    assert (site / "planner.toml").is_file()
    assert (site / "audience.toml").is_file()
    assert [p.name for p in (site / "content" / "posts").iterdir()] == ["first-post.md"]
    listed = run("list", "--format", "json", cwd=site)
    assert listed.exit_code == 0, listed.output
    assert listed.stderr == ""
    assert [p["status"] for p in json.loads(listed.stdout)] == ["draft"]


def test_init_refuses_to_overwrite_and_writes_nothing(run, tmp_path):
    (tmp_path / "planner.toml").write_text("# mine\n")
    result = run("init", cwd=tmp_path)
    assert result.exit_code == 2
    assert "not overwriting" in result.stderr
    assert "planner.toml" in result.stderr
    assert (tmp_path / "planner.toml").read_text() == "# mine\n"
    assert not (tmp_path / "audience.toml").exists()


def test_new_writes_a_draft_and_prints_its_path(run, make_site):
    site = make_site(config=CONFIG)
    result = run("new", "Decoding a 1967 Cowl Tag", "--tags", "cowl tag, 1967 Camaro", cwd=site)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "content/posts/decoding-a-1967-cowl-tag.md"
    listed = json.loads(run("list", "--format", "json", cwd=site).stdout)
    assert listed == [
        {
            "path": "content/posts/decoding-a-1967-cowl-tag.md",
            "slug": "decoding-a-1967-cowl-tag",
            "title": "Decoding a 1967 Cowl Tag",
            "status": "draft",
            "date": None,
            "tags": ["cowl tag", "1967 Camaro"],
            "summary": "",
            "priority": 0,
        }
    ]


def test_new_quotes_awkward_titles(run, make_site):
    site = make_site(config=CONFIG)
    title = 'Z/28: "302" vs. 350 #1 - a: b'
    result = run("new", title, "--slug", "z28-302", cwd=site)
    assert result.exit_code == 0, result.output
    listed = json.loads(run("list", "--format", "json", cwd=site).stdout)
    assert listed[0]["title"] == title


def test_new_never_overwrites(run, make_site):
    site = make_site(config=CONFIG, posts={"same.md": "---\ntitle: Mine\n---\nkeep me\n"})
    result = run("new", "Same", cwd=site)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert (site / "content/posts/same.md").read_text() == "---\ntitle: Mine\n---\nkeep me\n"


def test_new_rejects_unsafe_slug(run, make_site):
    site = make_site(config=CONFIG)
    result = run("new", "x", "--slug", "../escape", cwd=site)
    assert result.exit_code == 2
    assert "escape the output directory" in result.output


def test_list_table_orders_by_state_then_date(run, make_site):
    site = make_site(config=CONFIG, posts=POSTS)
    result = run("list", "--now", "2026-11-22", cwd=site)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["STATUS", "DATE", "TITLE", "TAGS"]
    assert [line.split()[0] for line in lines[1:]] == [
        "published",
        "scheduled",
        "unscheduled",
        "draft",
    ]
    assert "2026-11-01 09:00  Published one  cowl tag" in lines[1]


def test_list_json_status_depends_on_now(run, make_site):
    site = make_site(config=CONFIG, posts=POSTS)
    before = json.loads(run("list", "--format", "json", "--now", "2026-11-22", cwd=site).stdout)
    after = json.loads(run("list", "--format", "json", "--now", "2026-12-02", cwd=site).stdout)
    scheduled = next(p for p in before if p["title"] == "Scheduled one")
    assert scheduled["status"] == "scheduled"
    assert scheduled["date"] == "2026-12-01T09:00:00-05:00"
    assert next(p for p in after if p["title"] == "Scheduled one")["status"] == "published"


def test_list_status_filter(run, make_site):
    site = make_site(config=CONFIG, posts=POSTS)
    result = run(
        "list", "--status", "draft", "--status", "unscheduled", "--format", "json", cwd=site
    )
    assert sorted(p["title"] for p in json.loads(result.stdout)) == ["Draft one", "Waiting one"]


def test_list_reports_bad_files_and_lists_the_rest(run, make_site):
    site = make_site(config=CONFIG, posts={**POSTS, "broken.md": "---\ntitle: [\n---\n"})
    result = run("list", "--format", "json", cwd=site)
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 4
    assert "content/posts/broken.md:2:1: error bad-front-matter invalid YAML" in result.stderr
    assert "Traceback" not in result.output


def test_bad_now_is_a_usage_error(run, make_site):
    site = make_site(config=CONFIG)
    result = run("list", "--now", "next tuesday", cwd=site)
    assert result.exit_code == 2
    assert "--now" in result.output


def test_config_error_exits_2_with_file_and_line(run, make_site):
    site = make_site(config="[site]\ntimezone = 5\n")
    result = run("list", cwd=site)
    assert result.exit_code == 2
    assert "planner.toml:2:1: error config-invalid site.timezone must be a string" in result.stderr


def test_config_option_selects_another_site(run, make_site, tmp_path):
    site = make_site(config=CONFIG, posts=POSTS)
    result = run("--config", str(site / "planner.toml"), "list", "--format", "json", cwd=tmp_path)
    assert len(json.loads(result.stdout)) == 4


def test_works_from_a_subdirectory(run, make_site):
    site = make_site(config=CONFIG, posts=POSTS)
    result = run("list", "--format", "json", cwd=site / "content" / "posts")
    assert len(json.loads(result.stdout)) == 4


def test_unexpected_errors_are_one_line_without_traceback(run, make_site, monkeypatch):
    site = make_site(config=CONFIG, posts=POSTS)

    def boom(*args, **kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr("planner.site.Site.load_posts", boom)
    result = run("list", cwd=site)
    assert result.exit_code == 2
    assert "internal error: RuntimeError: kaput" in result.stderr
    assert "Traceback" not in result.output
