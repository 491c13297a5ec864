"""`planner serve`: what it serves, what it refuses, and the reload signal."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import copy_example

from planner.publish import BuildOptions
from planner.serve import Preview

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def preview(tmp_path: Path):
    site = tmp_path / "example"
    copy_example(site)
    server = Preview(None, site, BuildOptions(drafts=True, now=NOW), port=0, log=lambda _: None)
    assert server.build() is not None
    server.start()
    yield server
    server.stop()


def raw_get(port: int, path: str) -> int:
    """The status of a GET sent byte for byte, as a client could send it."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.sendall(
            f"GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode()
        )
        status_line = conn.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def test_serves_pages_and_the_reload_script(preview):
    assert raw_get(preview.port, "/") == 200
    assert raw_get(preview.port, "/posts/why-restoration-is-worth-it/") == 200
    assert raw_get(preview.port, "/__planner/live-reload.js") == 200
    with urllib.request.urlopen(preview.url) as response:
        assert b"/__planner/live-reload.js" in response.read()


@pytest.mark.parametrize(
    "path",
    [
        "/../planner.toml",
        "/%2e%2e/planner.toml",
        "/posts/..%2f..%2fplanner.toml",
        "/%252e%252e/planner.toml",
        "/posts/",
        "/no-such-page/",
    ],
)
def test_traversal_and_missing_pages_are_404(preview, path):
    assert raw_get(preview.port, path) == 404


def test_drafts_show_a_banner_with_their_findings(preview):
    url = preview.url + "posts/the-j52-front-disc-brake-option-on-a-1967-camaro/"
    with urllib.request.urlopen(url) as response:
        page = response.read().decode()
    assert "Draft" in page and 'class="banner"' in page


def test_concurrent_requests_all_succeed(preview):
    statuses: list[int] = []

    def fetch() -> None:
        statuses.append(raw_get(preview.port, "/"))

    threads = [threading.Thread(target=fetch) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert statuses == [200] * 12


def test_a_change_rebuilds_and_sends_reload(preview):
    received: list[bytes] = []
    connected = threading.Event()

    def listen() -> None:
        with urllib.request.urlopen(preview.url + "__planner/events", timeout=20) as stream:
            connected.set()
            for line in stream:
                if line.startswith(b"data:"):
                    received.append(line)
                    return

    listener = threading.Thread(target=listen, daemon=True)
    listener.start()
    watcher = threading.Thread(target=preview.watch, daemon=True)
    watcher.start()
    assert connected.wait(10)
    time.sleep(0.5)  # let the watcher start
    post = preview.site.config.content_dir / "posts" / "why-restoration-is-worth-it.md"
    post.write_text(post.read_text() + "\nA new closing paragraph about the M21.\n")
    listener.join(20)
    assert received == [b"data: reload\n"]
    with urllib.request.urlopen(preview.url + "posts/why-restoration-is-worth-it/") as response:
        assert b"A new closing paragraph about the M21." in response.read()


def test_a_broken_post_is_left_out_and_the_rest_is_served(tmp_path: Path):
    site = tmp_path / "example"
    copy_example(site)
    (site / "content" / "posts" / "broken.md").write_text(
        "---\ntitle: Broken\ndate: 0001-01-01T00:00:00+05:00\n---\n"
    )
    logged: list[str] = []
    server = Preview(None, site, BuildOptions(now=NOW), port=0, log=logged.append)
    report = server.build()
    assert report is not None and [f.rule for f in report.problems] == ["bad-date"]
    assert any("broken.md:3:1" in line for line in logged)
    server.start()
    try:
        assert raw_get(server.port, "/posts/why-restoration-is-worth-it/") == 200
    finally:
        server.stop()
