"""Drafting an audience profile from a site's posts."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import REPO_ROOT

from planner.audience import Audience
from planner.audience_suggest import noun_phrases, suggest_profile
from planner.audience_toml import missing, render_draft
from planner.site import open_site
from planner.text import normalize_term, tokens

FLYTYING = Path(__file__).parent / "fixtures" / "flytying"


def draft_of(root: Path):
    return suggest_profile(open_site(start=root).load_posts().posts)


@pytest.fixture(scope="module")
def example():
    return draft_of(REPO_ROOT)


@pytest.fixture(scope="module")
def flytying():
    return draft_of(FLYTYING)


def terms(entries) -> set[str]:
    return {normalize_term(e.term) for e in entries}


def test_the_niche_is_the_specific_term_on_most_posts(example, flytying):
    assert terms(example.niche) == {"camaro"}
    assert "fly tying" in terms(flytying.niche)


def test_interests_recover_most_of_the_example_profile(example):
    profile = open_site(start=REPO_ROOT).audience.interests
    proposed = terms(example.interests)
    recovered = [i for i in profile if normalize_term(i) in proposed]
    assert len(recovered) >= 10, recovered


def test_interests_in_another_niche_are_its_named_patterns(flytying):
    proposed = terms(flytying.interests)
    for pattern in ("Parachute Adams", "Elk Hair Caddis", "Pheasant Tail Nymph", "Woolly Bugger"):
        assert normalize_term(pattern) in proposed


def test_broad_tags_are_proposed_as_too_broad(example, flytying):
    assert {"car", "tip"} <= terms(example.too_broad)
    assert {"fishing", "tip"} <= terms(flytying.too_broad)
    assert not terms(example.too_broad) & terms(example.interests)


def test_interests_sharing_a_head_noun_are_grouped_under_it(example):
    topics = {normalize_term(b.term): terms(m) for b, m in example.topics}
    assert {"1967 camaro", "1968 camaro", "1969 camaro"} <= topics["camaro"]


def test_a_make_groups_its_models(make_site):
    body = "The Muncie M21 and the Muncie M21 again. The Muncie M20 and the Muncie M20 too."
    site = make_site(
        posts={f"{n}.md": f"---\ntitle: Boxes {n}\ntags: [gearbox]\n---\n{body}\n" for n in "ab"}
    )
    draft = draft_of(site)
    topics = {b.term: terms(m) for b, m in draft.topics}
    assert topics.get("Muncie") == {"muncie m21", "muncie m20"}


def test_every_interest_names_the_posts_it_came_from(example):
    assert all(entry.posts for entry in example.interests)


def test_the_draft_is_a_valid_commented_profile(example):
    text = render_draft(example)
    data = tomllib.loads(text)
    assert "Camaro" in data["niche"] and "Muncie M21" in data["interests"]
    assert "# a tag on 2 post(s)" in text


def test_missing_lists_what_the_profile_lacks(example):
    lines = missing(example, Audience(interests=("Muncie M21",)))
    assert '+ niche: "Camaro"' in "\n".join(lines)
    assert not any('"Muncie M21"' in line for line in lines if line.startswith("+ interests"))


def test_missing_is_empty_when_the_profile_has_everything(example):
    everything = Audience(
        niche=tuple(e.term for e in example.niche),
        interests=tuple(e.term for e in example.interests),
        too_broad=tuple(e.term for e in example.too_broad),
        topics={b.term: tuple(m.term for m in ms) for b, ms in example.topics},
    )
    assert missing(example, everything) == []


def test_noun_phrases_stay_inside_a_sentence_and_skip_names():
    found = noun_phrases(tokens("Fit the disc brakes. Brakes fade. The J52 disc brakes stop."))
    assert found["disc brakes"] == 2
    assert "brakes brakes" not in found


def test_a_large_site_is_sampled(monkeypatch, make_site):
    from planner.check import vocabulary

    monkeypatch.setattr(vocabulary, "MAX_POSTS", 3)
    posts = {f"p{i}.md": f"---\ntitle: P{i}\ntags: [tag{i}]\n---\nText.\n" for i in range(9)}
    site = make_site(posts=posts)
    assert draft_of(site).posts == 3
