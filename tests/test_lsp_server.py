"""`planner lsp` end to end: a real client talks to the server over stdio.

One server runs for the whole module (starting it and loading word data is the slow
part); each test opens its own post, so the tests do not depend on one another.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from conftest import write_site
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from planner.lsp.server import PlannerServer

pytestmark = pytest.mark.asyncio(loop_scope="module")

BUDGET = 1.5
AUDIENCE = """\
name = "First-generation Camaro owners"
niche = ["Camaro"]
interests = ["Muncie M21", "Hurst shifter", "rally wheels"]
too_broad = ["cars", "tips"]

[topics]
"transmission" = ["Muncie M20", "Muncie M21"]
"""
GENERIC = """\
---
title: "Rebuilding the Muncie M21 in a 1968 Camaro"
tags: [cars, Hurst shifter]
---
The Muncie M21 close-ratio gearbox came behind the L78 396 in 1968. We pulled the
Muncie M21 from a 1968 Camaro SS and measured 0.012 in of cluster gear end play,
so the Muncie M21 got new thrust washers. Which gearbox is in yours?
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("lsp") / "site", audience=AUDIENCE)


COMMAND = [sys.executable, "-m", "planner", "lsp", "--budget", str(BUDGET), "--debounce", "0.05"]
SERVER = ClientServerConfig(server_command=COMMAND)


REGISTERED: list[types.Registration] = []


async def start(client: LanguageClient, editor: str, site: Path) -> types.InitializeResult:
    client.feature(types.CLIENT_REGISTER_CAPABILITY)(
        lambda params: REGISTERED.extend(params.registrations)
    )
    return await client.initialize_session(
        types.InitializeParams(capabilities=client_capabilities(editor), root_uri=site.as_uri())
    )


@pytest_lsp.fixture(config=SERVER, scope="module")
async def client(lsp_client: LanguageClient, site: Path):
    await start(lsp_client, "visual-studio-code", site)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER, scope="module")
async def neovim(lsp_client: LanguageClient, site: Path):
    result = await start(lsp_client, "neovim", site)
    assert result.capabilities.position_encoding == "utf-8"  # Neovim's first choice
    yield
    await lsp_client.shutdown_session()


def open_post(client: LanguageClient, path: Path, text: str) -> str:
    """Write `text` to `path` and open it in the editor; its uri."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    return uri


async def wait_for(
    client: LanguageClient,
    uri: str,
    holds: Callable[[Sequence[types.Diagnostic]], bool],
    timeout: float = 30,
) -> Sequence[types.Diagnostic]:
    """The diagnostics of `uri` once `holds` is true of them."""
    deadline = time.monotonic() + timeout
    while not (uri in client.diagnostics and holds(client.diagnostics[uri])):
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"diagnostics of {uri}: {client.diagnostics.get(uri)}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), left
            )
    return client.diagnostics[uri]


def codes(diagnostics: Sequence[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """`text` with `edits` applied (ASCII positions; last edit first)."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        start = offsets[edit.range.start.line] + edit.range.start.character
        end = offsets[edit.range.end.line] + edit.range.end.character
        text = text[:start] + edit.new_text + text[end:]
    return text


async def test_a_generic_tag_is_fixed_with_the_first_quick_fix(client: LanguageClient, site: Path):
    uri = open_post(client, site / "content/posts/m21.md", GENERIC)
    found = await wait_for(client, uri, lambda ds: "tag-too-broad" in codes(ds))
    [broad] = [d for d in found if d.code == "tag-too-broad"]
    assert broad.range == types.Range(types.Position(2, 7), types.Position(2, 11))
    assert broad.severity == types.DiagnosticSeverity.Warning
    assert broad.related_information and "Muncie M21" in broad.related_information[0].message

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            broad.range,
            types.CodeActionContext(diagnostics=[broad]),
        )
    )
    assert actions and actions[0].title == "Replace 'cars' with 'Muncie M21'"
    assert actions[0].is_preferred
    fixed = apply(GENERIC, actions[0].edit.changes[uri])
    assert fixed.split("\n")[2] == "tags: [Muncie M21, Hurst shifter]"
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri),
            [types.TextDocumentContentChangeWholeDocument(fixed)],
        )
    )
    after = await wait_for(client, uri, lambda ds: "tag-too-broad" not in codes(ds))
    assert "tag-off-audience" not in codes(after)


async def broad_tag_after_an_emoji(client: LanguageClient, path: Path) -> types.Range:
    """The range of 'cars' in `tags: ["😀 Hurst shifter", cars]`, as the client counts."""
    text = GENERIC.replace("[cars, Hurst shifter]", '["😀 Hurst shifter", cars]')
    uri = open_post(client, path, text)
    found = await wait_for(client, uri, lambda ds: "tag-too-broad" in codes(ds))
    [broad] = [d for d in found if d.code == "tag-too-broad"]
    return broad.range


async def test_ranges_count_utf16_units_after_an_emoji(client: LanguageClient, site: Path):
    found = await broad_tag_after_an_emoji(client, site / "content/posts/emoji.md")
    assert found == types.Range(types.Position(2, 27), types.Position(2, 31))


async def test_ranges_count_utf8_bytes_for_neovim(neovim: LanguageClient, site: Path):
    found = await broad_tag_after_an_emoji(neovim, site / "content/posts/emoji-nvim.md")
    assert found == types.Range(types.Position(2, 29), types.Position(2, 33))


async def test_hover_on_a_tag_shows_its_verdict_and_signals(client: LanguageClient, site: Path):
    uri = open_post(client, site / "content/posts/hover.md", GENERIC)
    await wait_for(client, uri, lambda ds: "tag-too-broad" in codes(ds))
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(2, 8))
    )
    assert hover is not None
    assert "**cars**: too-broad" in hover.contents.value
    assert "too broad" in hover.contents.value


async def test_completion_offers_audience_interests_in_the_tags_list(
    client: LanguageClient, site: Path
):
    text = GENERIC.replace("tags: [cars, Hurst shifter]", "tags:\n  - Hurst shifter\n  - Mu")
    uri = open_post(client, site / "content/posts/complete.md", text)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), types.Position(4, 6))
    )
    labels = [item.label for item in result.items]
    assert labels[:2] == ["Muncie M21", "rally wheels"]
    assert "Hurst shifter" not in labels  # already a tag
    assert result.items[0].text_edit.range == types.Range(
        types.Position(4, 4), types.Position(4, 6)
    )


async def test_the_server_asks_to_be_told_of_config_changes(client: LanguageClient):
    await wait_until(lambda: REGISTERED)
    [watch] = [r for r in REGISTERED if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    watchers = watch.register_options["watchers"]  # the client reads the options as JSON
    assert [w["globPattern"] for w in watchers] == ["**/*.toml"]


async def wait_until(holds: Callable[[], object], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not holds():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_a_change_to_audience_toml_takes_effect(client: LanguageClient, tmp_path: Path):
    other = write_site(tmp_path / "other", audience=AUDIENCE)
    text = GENERIC.replace("[cars, Hurst shifter]", "[gearbox rebuild, Muncie M21]")
    uri = open_post(client, other / "content/posts/reload.md", text)
    await wait_for(client, uri, lambda ds: "tag-too-broad" not in codes(ds))
    audience = other / "audience.toml"
    audience.write_text(AUDIENCE.replace('"tips"]', '"tips", "gearbox rebuild"]'))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(audience.as_uri(), types.FileChangeType.Changed)]
        )
    )
    await wait_for(client, uri, lambda ds: "tag-too-broad" in codes(ds))


async def test_a_broken_config_is_one_diagnostic_on_it(client: LanguageClient, tmp_path: Path):
    other = write_site(tmp_path / "broken", config="[site\ntitle = 'x'\n", audience=AUDIENCE)
    uri = open_post(client, other / "content/posts/post.md", GENERIC)
    config = await wait_for(client, (other / "planner.toml").as_uri(), lambda ds: len(ds) > 0)
    assert len(config) == 1 and config[0].severity == types.DiagnosticSeverity.Error
    await wait_for(client, uri, lambda ds: "tag-too-broad" in codes(ds))  # still checked


async def test_saving_a_fixed_config_clears_its_diagnostic(client: LanguageClient, tmp_path: Path):
    other = write_site(tmp_path / "fixed", config="[site\n", audience=AUDIENCE)
    open_post(client, other / "content/posts/post.md", GENERIC)
    config = other / "planner.toml"
    await wait_for(client, config.as_uri(), lambda ds: len(ds) == 1)
    config.write_text("[site]\ntitle = 'Fixed'\n")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri()))
    )
    await wait_for(client, config.as_uri(), lambda ds: len(ds) == 0)


async def test_a_file_outside_any_site_gets_nothing(client: LanguageClient, tmp_path: Path):
    outside = tmp_path / "notes" / "todo.md"
    uri = open_post(client, outside, GENERIC)
    inside = open_post(client, tmp_path / "marker" / "content" / "posts" / "a.md", GENERIC)
    (tmp_path / "marker" / "planner.toml").write_text("")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(inside))
    )
    await wait_for(client, inside, lambda ds: len(ds) > 0)  # later than the outside file's
    assert uri not in client.diagnostics
    assert not [m for m in client.messages if m.type == types.MessageType.Error]


async def test_a_pathological_post_is_answered_within_its_budget(
    client: LanguageClient, site: Path
):
    nested = "[" * 3000 + "x" + "](https://example.com)" * 3000
    text = GENERIC.replace("Which gearbox", nested + "\n\nWhich gearbox")
    started = time.monotonic()
    uri = open_post(client, site / "content/posts/nested.md", text)
    found = await wait_for(client, uri, lambda ds: len(ds) > 0)
    assert codes(found) == ["too-deeply-nested"]  # refused before any check runs
    assert time.monotonic() - started < BUDGET + 5
    uri = open_post(client, site / "content/posts/after.md", GENERIC)  # a fresh checker
    await wait_for(client, uri, lambda ds: "tag-too-broad" in codes(ds))


async def test_a_burst_of_changes_is_checked_once_after_the_pause():
    server = PlannerServer(debounce=0.05)
    checked: list[tuple[str, float]] = []

    async def record(uri: str) -> None:
        checked.append((uri, time.monotonic()))

    server._check_now = record  # type: ignore[method-assign]
    started = time.monotonic()
    for _ in range(5):
        server.schedule("file:///site/content/posts/a.md", server.debounce)
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.3)
    assert [uri for uri, _ in checked] == ["file:///site/content/posts/a.md"]
    assert checked[0][1] - started >= 0.05 + 4 * 0.01
