"""The site's vocabulary: document frequency of its terms, and the names its posts spell."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.check import Checker, vocabulary
from planner.check.batch import read_vocabulary
from planner.check.vocabulary import sample, site_vocabulary
from planner.site import open_site

FLYTYING = Path(__file__).parent / "fixtures" / "flytying"


def post(title: str, tags: str, body: str) -> str:
    return f"---\ntitle: {title}\ntags: [{tags}]\n---\n\n{body}\n"


def load(make_site, posts):
    site = make_site(posts=posts)
    return open_site(start=site).load_posts().posts


def test_a_term_counts_once_per_post_that_tags_titles_or_mentions_it(make_site):
    posts = load(
        make_site,
        {
            "a.md": post("One", "Camaro", "Nothing here."),
            "b.md": post("The Camaro hood", "hoods", "No mention."),
            "c.md": post("Three", "wheels", "Our Camaro and the Camaro next door."),
            "d.md": post("Four", "wheels", "A Chevelle."),
        },
    )
    found = site_vocabulary(posts)
    assert found.posts == 4
    assert found.posts_with("Camaro") == 3
    assert found.describe("camaro") == "on 3 of 4 posts"


def test_a_term_on_most_posts_names_the_niche(make_site):
    posts = load(
        make_site,
        {f"p{i}.md": post(f"Post {i}", "Camaro" if i < 4 else "wheels", "Text.") for i in range(6)},
    )
    found = site_vocabulary(posts)
    assert found.names_the_niche("Camaro")
    assert not found.names_the_niche("wheels")


def test_words_capitalised_mid_sentence_are_the_sites_names(make_site):
    body = "We rebuilt the Muncie box. The Muncie is strong. Every gearbox here is a gearbox."
    posts = load(make_site, {"a.md": post("A", "x", body), "b.md": post("B", "y", body)})
    names = site_vocabulary(posts).names
    assert "muncie" in names.capitalised
    assert "gearbox" in names.lowercase


def test_title_case_headings_do_not_make_names(make_site):
    body = "## Rebuilding The Gearbox Properly\n\nWe rebuild the gearbox and the gearbox again."
    posts = load(make_site, {"a.md": post("A", "x", body), "b.md": post("B", "y", body)})
    assert "gearbox" not in site_vocabulary(posts).names.capitalised


def test_a_large_site_is_read_from_an_even_sample(monkeypatch):
    monkeypatch.setattr(vocabulary, "MAX_POSTS", 10)
    assert sample(list(range(100)), 10) == list(range(0, 100, 10))
    assert sample([1, 2, 3], 10) == [1, 2, 3]


def test_check_says_a_tag_on_most_posts_names_the_niche(tmp_path):
    site = open_site(start=shutil.copytree(FLYTYING, tmp_path / "site"))
    checker = Checker(site, vocabulary=read_vocabulary(site))
    reports = [checker.check(p) for p in site.load_posts().posts]
    findings = [f for r in reports for f in r.findings if f.rule == "tag-names-the-niche"]
    messages = [f.message for f in findings]
    assert any(m.startswith("'fly tying' is on 7 of 8 posts: it names the niche") for m in messages)
    assert any(m.endswith("this post is about 'Parachute Adams'") for m in messages)


@pytest.mark.parametrize("limit", [1, 3])
def test_sample_never_exceeds_its_limit(limit):
    assert len(sample(list(range(50)), limit)) == limit
