from pathlib import Path

from planner.audience import BODY_MENTIONS, Audience, covered_interests, load_audience
from planner.config import load_config
from planner.content import Post
from planner.findings import Severity

PROFILE = """
name = "First-generation Camaro owners"
description = "Owners and restorers of 1967-69 Camaros."
niche = ["Camaro", "first-generation Camaro"]
interests = ["Muncie M21", "rally wheels", "cowl tag"]
too_broad = ["cars", "tips"]

[topics]
"transmission" = ["Muncie M20", "Muncie M21", "Muncie M22"]
"Muncie M22" = ["Rock Crusher"]
"rally wheels" = ["15x7 rally wheel"]

[[personas]]
name = "Purist"
description = "Wants every date code right."
"""


def load(tmp_path, planner_toml=None, audience_toml=None):
    if audience_toml is not None:
        (tmp_path / "audience.toml").write_text(audience_toml, encoding="utf-8")
    config_path = None
    if planner_toml is not None:
        config_path = tmp_path / "planner.toml"
        config_path.write_text(planner_toml, encoding="utf-8")
    config, _ = load_config(config_path, root=tmp_path)
    problems = []
    return load_audience(config, problems), problems


def test_loads_audience_toml(tmp_path):
    audience, problems = load(tmp_path, audience_toml=PROFILE)
    assert problems == []
    assert audience.name == "First-generation Camaro owners"
    assert audience.niche == ("Camaro", "first-generation Camaro")
    assert audience.interests == ("Muncie M21", "rally wheels", "cowl tag")
    assert audience.too_broad == ("cars", "tips")
    assert audience.topics["transmission"] == ("Muncie M20", "Muncie M21", "Muncie M22")
    assert audience.personas[0].name == "Purist"
    assert not audience.is_empty


def test_audience_table_in_planner_toml(tmp_path):
    audience, problems = load(tmp_path, planner_toml='[audience]\nniche = ["sourdough"]\n')
    assert problems == []
    assert audience.niche == ("sourdough",)


def test_audience_table_wins_over_file_with_a_warning(tmp_path):
    audience, problems = load(
        tmp_path, planner_toml='[audience]\nniche = ["sourdough"]\n', audience_toml=PROFILE
    )
    assert audience.niche == ("sourdough",)
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert problems[0].path == tmp_path / "audience.toml"


def test_missing_profile_is_empty(tmp_path):
    audience, problems = load(tmp_path)
    assert problems == []
    assert audience == Audience()
    assert audience.is_empty


def test_profile_errors_have_file_and_line(tmp_path):
    _, problems = load(
        tmp_path,
        audience_toml='name = "x"\nniche = "Camaro"\ninterest = ["a"]\n[[personas]]\nnam = "y"\n',
    )
    found = {(p.line, p.severity, p.message) for p in problems}
    assert (2, Severity.ERROR, "niche must be a list, not a string ('Camaro')") in found
    assert (3, Severity.WARNING, "unknown key 'interest' (did you mean 'interests'?)") in found
    assert (5, Severity.WARNING, "unknown key 'personas[0].nam' (did you mean 'name'?)") in found
    assert all(p.path == tmp_path / "audience.toml" for p in problems)


def test_errors_in_the_planner_toml_table_point_into_planner_toml(tmp_path):
    _, problems = load(
        tmp_path, planner_toml='[site]\ntitle = "x"\n\n[audience]\ninterests = [1]\n'
    )
    assert [(p.path.name, p.line) for p in problems] == [("planner.toml", 5)]


def test_empty_terms_are_rejected(tmp_path):
    _, problems = load(tmp_path, audience_toml='interests = ["a", " "]\n')
    assert "terms must not be empty" in problems[0].message


def test_topic_tree_lookups(tmp_path):
    audience, _ = load(tmp_path, audience_toml=PROFILE)
    assert audience.narrower("Transmission") == (
        "Muncie M20",
        "Muncie M21",
        "Muncie M22",
        "Rock Crusher",
    )
    assert audience.broader("muncie m21") == ("transmission",)
    assert audience.interest_terms("rally wheels") == ("rally wheels", "15x7 rally wheel")


def post(title="Brakes", body="", tags=()):
    return Post(Path("p.md"), title, "p", body, status="ready", tags=tuple(tags))


def test_an_interest_a_post_has_as_a_tag_is_covered(tmp_path):
    audience, _ = load(tmp_path, audience_toml=PROFILE)
    assert covered_interests(audience, post("Anything", tags=["Cowl Tags"])) == ("cowl tag",)


def test_an_interest_named_in_the_title_is_covered(tmp_path):
    audience, _ = load(tmp_path, audience_toml=PROFILE)
    assert covered_interests(audience, post("Our Muncie M21 rebuild")) == ("Muncie M21",)


def test_a_passing_body_mention_does_not_cover_an_interest(tmp_path):
    audience, _ = load(tmp_path, audience_toml=PROFILE)
    once = "We also bolted on a 15x7 rally wheel.\n\n"
    assert covered_interests(audience, post(body=once * (BODY_MENTIONS - 1))) == ()
    assert covered_interests(audience, post(body=once * BODY_MENTIONS)) == ("rally wheels",)


def test_mentions_in_code_and_links_do_not_cover_an_interest(tmp_path):
    audience, _ = load(tmp_path, audience_toml=PROFILE)
    body = "```\nMuncie M21\nMuncie M21\n```\nSee `Muncie M21` and [this](/muncie-m21/).\n"
    assert covered_interests(audience, post(body=body)) == ()
