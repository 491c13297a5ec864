"""The language server: pygls wiring between the editor and the checker process.

Diagnostics come on open and save at once and on change after a pause in typing
(the debounce), so a burst of keystrokes costs one check. Checks run in the worker
process under a time budget (planner.lsp.worker); this process only keeps the latest
analysis of each open document and answers hover, code action and completion from it.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from planner import __version__
from planner.config import find_config
from planner.findings import Finding
from planner.lsp import features
from planner.lsp.analysis import Analysis, Diagnostic
from planner.lsp.positions import Lines, Span
from planner.lsp.sites import Sites, config_problems, site_files
from planner.lsp.worker import DEFAULT_BUDGET, CheckWorker

DEFAULT_DEBOUNCE = 0.3
"""Seconds of quiet after a change before the document is checked again."""
WATCHED = ("**/*.toml",)
"""planner.toml and the audience profile, wherever [paths] puts it."""

log = logging.getLogger("planner.lsp")


class PlannerServer(LanguageServer):
    """The server's state: the checker process, loaded sites, the latest analyses."""

    def __init__(self, budget: float = DEFAULT_BUDGET, debounce: float = DEFAULT_DEBOUNCE):
        super().__init__("planner", __version__)
        self.worker = CheckWorker(budget)
        self.debounce = debounce
        self.sites = Sites()
        self.results: dict[str, tuple[int | None, Analysis]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.config_shown: dict[Path, Finding | None] = {}

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay` seconds, replacing a check not yet started."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check(uri, delay))

    async def _check(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        try:
            await self._check_now(uri)
        except Exception:  # a bug here must cost one document its diagnostics, not more
            log.exception("checking %s failed", uri)

    async def _check_now(self, uri: str) -> None:
        path = _path(uri)
        config = self._config_for(path) if path is not None else None
        if path is None or config is None:
            if self.results.pop(uri, None) is not None:
                self._publish(uri, [], None)
            return
        self._show_config_problems(config)
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        analysis = await loop.run_in_executor(
            None, self.worker.check, config, path, text, self.encoding
        )
        if uri not in self.workspace.text_documents:
            return
        self.results[uri] = (version, analysis)
        self._publish(uri, features.diagnostics(analysis, uri), version)

    def _config_for(self, path: Path) -> Path | None:
        try:
            return self.sites.config_for(path)
        except Exception:  # a site that cannot load is reported on its config, not here
            log.exception("cannot load the site of %s", path)
            return None

    def _publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def _show_config_problems(self, config: Path) -> None:
        """One diagnostic on planner.toml and on the audience file when they have problems."""
        for path, finding in config_problems(self.sites.get(config).site).items():
            if path in self.config_shown and self.config_shown[path] == finding:
                continue
            self.config_shown[path] = finding
            shown = []
            if finding is not None:
                lines = Lines(_read(path), self.encoding)
                span = lines.rest_of_line(max(finding.line - 1, 0), max(finding.col - 1, 0))
                placed = Diagnostic(span, finding.severity, finding.rule, finding.message)
                shown = features.diagnostics(Analysis((placed,)), from_fs_path(str(path)) or "")
            self._publish(from_fs_path(str(path)) or "", shown, None)

    def reload(self, changed: Path) -> None:
        """After planner.toml or an audience file changed: reload its site, re-check."""
        changed = changed.resolve()
        for config in self.sites.configs():
            if changed in site_files(self.sites.get(config).site) or changed == config:
                self.sites.forget(config)
                self._show_config_problems(config)
                for uri in list(self.workspace.text_documents):
                    path = _path(uri)
                    if path is not None and self._config_for(path) == config:
                        self.schedule(uri, 0)

    def close(self, uri: str) -> None:
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if self.results.pop(uri, None) is not None:
            self._publish(uri, [], None)


def _path(uri: str) -> Path | None:
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path).resolve() if path else None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def create_server(
    budget: float = DEFAULT_BUDGET, debounce: float = DEFAULT_DEBOUNCE
) -> PlannerServer:
    """A server with every feature registered."""
    server = PlannerServer(budget, debounce)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: PlannerServer, params: types.InitializedParams) -> None:
        root = _path(ls.workspace.root_uri) if ls.workspace.root_uri else None
        config = find_config(root) if root is not None and root.is_dir() else None
        if config is not None:  # load the site in the checker before the first post opens
            asyncio.get_running_loop().run_in_executor(None, ls.worker.warm, config)
        watch = ls.client_capabilities.workspace
        dynamic = watch and watch.did_change_watched_files
        if dynamic and dynamic.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
            )
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="planner-config",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=options,
                        )
                    ]
                )
            )

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: PlannerServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PlannerServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: PlannerServer, params: types.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None and path.suffix == ".toml":
            ls.reload(path)
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PlannerServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: PlannerServer, params: types.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            path = _path(change.uri)
            if path is not None:
                ls.reload(path)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: PlannerServer, params: types.HoverParams) -> types.Hover | None:
        found = ls.results.get(params.text_document.uri)
        if found is None:
            return None
        return features.hover(found[1], params.position.line, params.position.character)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: PlannerServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        found = ls.results.get(uri)
        if found is None or found[0] != ls.workspace.get_text_document(uri).version:
            return []  # the text changed since the check: its edits would land wrongly
        start, end = params.range.start, params.range.end
        wanted = Span(start.line, start.character, end.line, end.character)
        return features.code_actions(found[1], uri, wanted)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION)
    def completion(ls: PlannerServer, params: types.CompletionParams) -> types.CompletionList:
        uri = params.text_document.uri
        path = _path(uri)
        config = ls._config_for(path) if path is not None else None
        if config is None:
            return types.CompletionList(is_incomplete=False, items=[])
        text = ls.workspace.get_text_document(uri).source
        audience = ls.sites.get(config).site.audience
        position = params.position
        items = features.completions(text, position.line, position.character, audience, ls.encoding)
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: PlannerServer, params: None) -> None:
        ls.worker.close()

    return server


def run(budget: float = DEFAULT_BUDGET, debounce: float = DEFAULT_DEBOUNCE) -> None:
    """Serve over stdin and stdout until the editor says exit."""
    server = create_server(budget, debounce)
    try:
        server.start_io()
    finally:
        server.worker.close()
