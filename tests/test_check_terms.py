"""General-English verdict thresholds, anchored on terms whose breadth is not in doubt."""

from __future__ import annotations

import pytest

from planner.audience import Audience
from planner.check.terms import AudienceLens

GENERAL = AudienceLens(Audience())


@pytest.mark.parametrize("term", ["cars", "tips", "vehicles", "travel", "things", "music"])
def test_broad_anchors_are_too_broad(term):
    assert GENERAL.judge(term).verdict == "too-broad"


@pytest.mark.parametrize("term", ["Camaro", "Z/28", "sourdough", "1968 Camaro", "M21"])
def test_specific_anchors_are_not_too_broad(term):
    assert GENERAL.judge(term).verdict in {"ok", "specific"}


@pytest.mark.parametrize("term", ["Muncie M21", "Hurst shifter", "cowl induction"])
def test_very_specific_anchors_are_specific(term):
    assert GENERAL.judge(term).verdict == "specific"


CAMARO_CLUB = AudienceLens(
    Audience(name="Camaro restorers", niche=("Camaro",), interests=("Muncie M21",))
)


@pytest.mark.parametrize("term", ["vehicles", "cars", "travel"])
def test_unrelated_term_broader_than_the_niche_is_too_broad(term):
    assert CAMARO_CLUB.judge(term).verdict == "too-broad"


@pytest.mark.parametrize("term", ["sourdough", "knitting patterns", "Lisbon trams"])
def test_unrelated_term_as_narrow_as_the_niche_is_off_audience(term):
    assert CAMARO_CLUB.judge(term).verdict == "off-audience"
