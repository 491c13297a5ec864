"""Small closed word lists: function words, vague wording, units, broad category heads."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    """a an the and or but nor of in on at to for from by with without about as into onto
    over under up down out off than then so too very is are was were be been being am do
    does did has have had having it its it's this that these those there here which who
    whom whose what when where why how my our your his their not no yes if else also just only
    all any each both either neither own same
    such other another can could may might must shall should will would s t"""
)

VAGUE = _words(
    """thing things stuff various variety lot lots many much some several numerous
    everyone everybody everything anyone anybody anything someone somebody something
    amazing awesome great good nice cool incredible fantastic wonderful best better
    tips tricks ideas ways guide basics general generally overall really quite pretty
    kind sort type types stuff etc aspects aspect area areas factors issues"""
)

HEDGES = _words(
    """maybe perhaps probably possibly likely unlikely seem seems seemed somewhat
    arguably often sometimes usually typically generally tend tends"""
)

UNITS = _words(
    """mm cm m km in inch inches ft foot feet yd mile miles mph kph km/h rpm hp bhp kw w
    watt watts v volt volts amp amps a ah mah kg g lb lbs oz ton tons tonnes l ml cc
    litre litres liter liters gallon gallons gal qt psi bar nm ft-lb degrees °c °f
    percent pct % $ € £ ¥ million billion trillion thousand hundred dozen minutes
    minute hours hour seconds second days day weeks week months month years year
    cents dollars euros pounds"""
)

CATEGORY_HEADS = _words(
    """accessories supplies equipment products items goods gear materials tools
    services parts things stuff supplies essentials furnishings appliances devices
    electronics apparel clothing furniture hardware software media"""
)
"""Heads that name a category of things rather than a kind of thing."""

PRONOUNS = _words("i me we us you he him she her they them it one")
"""Personal pronouns: they stand for people and things a specific text would name."""
