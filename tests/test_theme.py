"""The default theme: its colours meet WCAG 2 AA contrast in light and dark mode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

STYLE = Path(__file__).resolve().parents[1] / "themes" / "default" / "static" / "style.css"
PAIRS = [
    ("text", "bg"),
    ("muted", "bg"),
    ("accent", "bg"),
    ("heat-3-text", "heat-3"),
    ("text", "heat-2"),
    ("published", "published-bg"),
    ("scheduled", "scheduled-bg"),
    ("planned", "planned-bg"),
    ("warn", "warn-bg"),
    ("published", "bg"),
    ("scheduled", "bg"),
    ("planned", "bg"),
]
"""(text colour, background) pairs the theme draws text with."""


def _palette(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", block))


def palettes() -> dict[str, dict[str, str]]:
    css = STYLE.read_text(encoding="utf-8")
    light = _palette(css[css.index(":root") : css.index("}")])
    dark_start = css.index("prefers-color-scheme: dark")
    dark = {**light, **_palette(css[dark_start : css.index("}", dark_start)])}
    return {"light": light, "dark": dark}


def luminance(colour: str) -> float:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_of_black_on_white_is_21() -> None:
    assert contrast("#000", "#fff") == pytest.approx(21)


@pytest.mark.parametrize("mode", ["light", "dark"])
@pytest.mark.parametrize(("text", "background"), PAIRS)
def test_theme_text_meets_aa_contrast(mode: str, text: str, background: str) -> None:
    colours = palettes()[mode]
    ratio = contrast(colours[text], colours[background])
    assert ratio >= 4.5, f"{mode}: --{text} on --{background} is {ratio:.2f}:1"
