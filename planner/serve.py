"""`planner serve`: a local preview that rebuilds on every change and reloads the browser.

The site is built (with drafts and future posts when asked, each with a banner listing
its check findings) into the cache directory, served from there by a threading HTTP
server bound to 127.0.0.1, and rebuilt incrementally when a post, the theme, or a
config file changes (watchfiles). Browsers are told to reload over server-sent events
(/__planner/events) by a few lines of script (/__planner/live-reload.js) that exist
only in memory and only in this mode.
"""

from __future__ import annotations

import http.server
import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from planner.cache import CACHE_DIR
from planner.publish import BuildError, BuildOptions, BuildReport, build_site
from planner.site import open_site

LIVE_RELOAD_JS = b"""// planner serve: reload this page when the site has been rebuilt.
new EventSource("/__planner/events").onmessage = function () { location.reload(); };
"""
HEARTBEAT_SECONDS = 15


class Preview:
    """The preview of one site: its build, its HTTP server, its file watcher."""

    def __init__(
        self,
        config_path: Path | None,
        root: Path,
        options: BuildOptions,
        host: str = "127.0.0.1",
        port: int = 8000,
        log: Callable[[str], None] = print,
    ) -> None:
        self.config_path = config_path
        self.root = root
        self.log = log
        self.site = open_site(config_path, start=root)
        self.out = self.site.root / CACHE_DIR / "serve"
        self.generation = 0
        self.changed = threading.Condition()
        self.stopping = threading.Event()
        self.server = _Server((host, port), _handler(self))
        self.port = self.server.server_address[1]
        self.host = host
        self.options = replace(
            options, out=self.out, live_reload=True, check=False, base_url=self.url, keep_going=True
        )

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def build(self) -> BuildReport | None:
        """Build the preview; on failure say why and keep serving the last good site."""
        self.site = open_site(self.config_path, start=self.root)
        try:
            report = build_site(self.site, self.options)
        except BuildError as err:
            for finding in err.findings:
                self.log(finding.format(self.site.root))
            self.log(f"build failed: {err}; still serving the last good build")
            return None
        for finding in report.problems:
            self.log(finding.format(self.site.root))
        if report.problems:
            left_out = len({f.path for f in report.problems})
            self.log(f"{left_out} post(s) left out of the preview; serving the rest")
        if report.pages_written or not self.generation:
            with self.changed:
                self.generation += 1
                self.changed.notify_all()
        return report

    def start(self) -> None:
        """Serve in a background thread."""
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def watch(self) -> None:
        """Rebuild on every change under the site's sources until `stop()`."""
        import watchfiles

        for _ in watchfiles.watch(
            *self.watched(), stop_event=self.stopping, watch_filter=self._relevant
        ):
            report = self.build()
            if report is not None:
                self.log(
                    f"rebuilt in {report.seconds:.2f} s: {report.pages_written} file(s) changed"
                )

    def watched(self) -> list[Path]:
        site = self.site
        paths = [site.config.content_dir, site.root / "themes"]
        paths += [p for p in (site.config.path, site.config.audience_path) if p is not None]
        return [p for p in paths if p.exists()]

    def _relevant(self, _change: object, path: str) -> bool:
        """Ignore the cache and output directories and editors' temporary files."""
        name = os.path.basename(path)
        cache = str(self.site.root / CACHE_DIR)
        return not (path.startswith(cache) or name.startswith(".") or name.endswith("~"))

    def stop(self) -> None:
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()
        self.server.shutdown()
        self.server.server_close()


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True  # a browser's open event stream must not keep the process alive


def _handler(preview: Preview) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(preview.out), **kwargs)

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == "/__planner/live-reload.js":
                self._send(200, "text/javascript", LIVE_RELOAD_JS)
            elif path == "/__planner/events":
                self._events()
            elif _unsafe(path) or not self._inside(path):
                self._not_found()
            else:
                super().do_GET()

        def send_error(self, code, message=None, explain=None):
            if code == 404:
                self._not_found()
            else:
                super().send_error(code, message, explain)

        def list_directory(self, path):
            self._not_found()  # no directory listings: a directory without index.html is 404
            return None

        def _inside(self, path: str) -> bool:
            target = Path(self.translate_path(path)).resolve()
            return target.is_relative_to(preview.out.resolve())

        def _not_found(self) -> None:
            page = preview.out / "404.html"
            body = page.read_bytes() if page.is_file() else b"Not found\n"
            self._send(404, "text/html; charset=utf-8", body)

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            """Server-sent events: one 'reload' message after every successful build."""
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            seen = preview.generation
            try:
                self.wfile.write(b": connected\n\n")
                self.wfile.flush()
                while not preview.stopping.is_set():
                    with preview.changed:
                        preview.changed.wait(HEARTBEAT_SECONDS)
                        current = preview.generation
                    if current != seen:
                        seen = current
                        self.wfile.write(b"data: reload\n\n")
                    else:
                        self.wfile.write(b": heartbeat\n\n")
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def log_message(self, format: str, *args) -> None:
            pass  # quiet; failed builds are what the writer needs to see

    return Handler


def _unsafe(path: str) -> bool:
    """A request path with '..' (plain or percent-encoded), a backslash or a NUL byte."""
    decoded = unquote(unquote(path))
    return ".." in decoded.split("/") or "\\" in decoded or "\0" in decoded
