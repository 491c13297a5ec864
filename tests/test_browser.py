"""The preview in a real browser: headless Chromium (Debian's) driven by Playwright.

Playwright's own browser download is not used: the test launches /usr/bin/chromium,
which `.ci/browser-deps` installs. Without it (or without the playwright package)
the test is skipped, saying why.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import copy_example

from planner.build import BuildOptions
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
