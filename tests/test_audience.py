from hypothesis import given, settings
from hypothesis import strategies as st

from planner.audience import (
    Audience,
    covered_interests,
    load_audience,
    mentions,
    normalize_term,
    term_pattern,
)
from planner.config import load_config
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


def test_normalize_term_ignores_case_hyphens_and_plural():
    assert normalize_term("Rally-Wheels") == normalize_term("rally wheel")
    assert normalize_term("  Cowl   Tags ") == "cowl tag"
    assert normalize_term("glass") == "glass"
    assert normalize_term("Z/28") == "z/28"


def test_mentions_counts_whole_words_leniently():
    text = (
        "The Muncie M21 (a close-ratio Muncie-M21) is not an M210. Rally wheels; one rally wheel."
    )
    assert mentions(text, "Muncie M21") == 2
    assert mentions(text, "rally wheels") == 2
    assert mentions(text, "M2") == 0
    assert mentions("Our Z/28 and a Z28", "Z/28") == 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Muncie",
                "muncie",
                "M21",
                "m21s",
                "M21/",
                "-",
                "_",
                " ",
                "  ",
                "x",
                "/",
                "İ",
                "ß",
                "rally",
                "Rally",
                "wheel",
                "wheels",
                "wheeles",
                "es",
                "s",
                ".",
                "\n",
            ]
        ),
        max_size=30,
    ),
    st.sampled_from(["Muncie M21", "M21", "rally wheels", "Rally-Wheel", "ß", "x"]),
)
def test_mentions_counts_what_the_term_pattern_finds(parts, term):
    text = "".join(parts)
    assert mentions(text, term) == len(term_pattern(term).findall(text))


def test_covered_interests_from_tags_title_and_repeated_body_mentions(tmp_path):
    audience, _ = load(tmp_path, audience_toml=PROFILE)
    assert covered_interests(audience, ["Cowl Tags"], "Anything", "") == ("cowl tag",)
    assert covered_interests(audience, [], "Our Muncie M21 rebuild", "") == ("Muncie M21",)
    once = "We also bolted on a 15x7 rally wheel."
    assert covered_interests(audience, [], "Brakes", once) == ()
    assert covered_interests(audience, [], "Brakes", once + once) == ("rally wheels",)
