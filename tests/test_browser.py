"""The preview in a real browser: headless Chromium (Debian's) driven by Playwright.

Playwright's own browser download is not used: the test launches /usr/bin/chromium,
which `.ci/browser-deps` installs. Without it (or without the playwright package)
the test is skipped, saying why.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from conftest import copy_example

from planner.publish import BuildOptions
from planner.serve import Preview

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("America/New_York"))

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing")
if not CHROMIUM.is_file():
    pytest.skip(f"{CHROMIUM} is missing: run .ci/browser-deps", allow_module_level=True)


@pytest.fixture
def preview(tmp_path: Path):
    site = tmp_path / "example"
    copy_example(site)
    server = Preview(None, site, BuildOptions(now=NOW), port=0, log=lambda _: None)
    assert server.build() is not None
    server.start()
    yield server
    server.stop()


def test_pages_render_in_a_browser_without_console_errors(preview, tmp_path):
    m21 = "rebuilding-the-muncie-m21-from-a-1968-camaro-sports-coupe-teardown-and-measurements"
    pages = {
        "": "Rebuilding the Muncie M21",
        f"posts/{m21}/": "What we measured",
        "tags/muncie-m21/": "Posts about Muncie M21",
        "calendar/": "Posting calendar",
    }
    errors: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None
        )
        for path, text in pages.items():
            response = page.goto(preview.url + path)
            assert response is not None and response.status == 200, path
            assert page.get_by_text(text).first.is_visible(), (path, text)
        shot = tmp_path / "calendar.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()
    assert shot.stat().st_size > 10_000
    assert errors == []


SCREENS = {"desktop": (1280, 800), "phone": (390, 844)}
NEXT_TITLE = "Adjusting the Hurst linkage on a Muncie M21 with a 1/4-inch gauge pin"
SHOTS = os.environ.get("PLANNER_SCREENSHOTS")
"""A directory to keep the calendar screenshots in (docs/img regenerates the docs' images)."""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("screen", SCREENS)
def test_calendar_shows_the_next_post_in_full_on_the_first_screen(
    preview, browser, screen, tmp_path
):
    width, height = SCREENS[screen]
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(preview.url + "calendar/")
    title = page.locator("#agenda .title", has_text=NEXT_TITLE)
    box = title.bounding_box()
    assert title.inner_text() == NEXT_TITLE
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["y"] + box["height"] <= height, f"{NEXT_TITLE!r} is below the fold at {screen}"
    item = page.locator("#agenda .item", has_text=NEXT_TITLE)
    assert "scheduled" in item.inner_text() and "mastodon, bluesky" in item.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scroll
    shot = Path(SHOTS) if SHOTS else tmp_path
    shot.mkdir(parents=True, exist_ok=True)
    path = shot / f"calendar-{screen}.png"
    page.screenshot(path=str(path))
    assert 10_000 < path.stat().st_size < 300_000
    page.close()


def test_calendar_coverage_comes_before_the_month_grids(preview, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(preview.url + "calendar/")
    coverage = page.locator("#coverage").bounding_box()
    months = page.locator("#months").bounding_box()
    assert coverage is not None and months is not None and coverage["y"] < months["y"]
    page.close()


def test_calendar_filter_by_channel_hides_other_posts(preview, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(preview.url + "calendar/")
    page.select_option("select[name=tags]", "Z/28")
    visible = page.locator("#agenda .item:visible .title").all_inner_texts()
    assert visible == [
        "Cowl induction on the 1969 Z/28: the ZL2 hood, the solenoid and the flapper"
    ]
    assert page.locator("form.filters output").inner_text() == "1 of 3 coming posts shown"
    page.close()


def test_calendar_is_whole_without_javascript(preview, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(preview.url + "calendar/")
    assert not page.locator("form.filters").is_visible()
    assert page.locator("#agenda .item:visible").count() == 3
    context.close()


def test_the_share_page_copies_each_snippet_exactly(preview, browser):
    slug = "rebuilding-the-muncie-m21-from-a-1968-camaro-sports-coupe-teardown-and-measurements"
    snippets = json.loads((preview.out / "snippets" / f"{slug}.json").read_text())["snippets"]
    errors: list[str] = []
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(preview.url + f"posts/{slug}/")
    page.get_by_role("link", name="Share this post").click()
    assert page.url == preview.url + f"share/{slug}/"
    for snippet in snippets:
        section = page.locator(f"section#{snippet['platform']}")
        section.get_by_role("button", name="Copy text").click()
        sync_api.expect(section.get_by_role("button", name="Copied")).to_be_visible()
        assert page.evaluate("navigator.clipboard.readText()") == snippet["text"]
        href = section.get_by_role("link").get_attribute("href")
        key = "quote" if snippet["platform"] == "facebook" else "text"
        assert parse_qs(urlsplit(href).query)[key] == [snippet["text"]]
    context.close()
    assert errors == []
