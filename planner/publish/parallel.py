"""Markdown and templates on every core (planner.workers).

Each worker reads the pages to draw from the work list it inherited, converts the
Markdown of the post pages whose body is not cached, draws the pages and writes them
itself; the bodies it converted are cached as one pack per chunk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2

from planner.budget import OverBudget, over_budget, time_budget
from planner.findings import Finding, failure
from planner.limits import RENDER_SECONDS
from planner.packs import Packs
from planner.publish import output
from planner.publish.pages import Page, PostView
from planner.publish.render import Renderer
from planner.publish.theme import environment
from planner.workers import in_chunks

_job: dict[str, Any] = {}
"""The current work list, set before forking; workers read it by index."""


class TemplateFailed(Exception):
    """A template raised while drawing a page; the message names template and line."""


class RenderFailed(Exception):
    """One post's Markdown could not be turned into HTML; `finding` says why."""

    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def render_pages(
    pages: Sequence[Page],
    dirs: list[Path],
    context: dict[str, Any],
    staging: Path,
    out: Path,
    bodies: Packs,
    progress: bool = False,
) -> tuple[int, int, list[Finding]]:
    """Draw `pages` into `staging`: (files written, post bodies converted from Markdown,
    a finding for each post whose body could not be converted; its page is left out).

    A post page converts its post's Markdown here, in the worker, unless `bodies` has
    it already.
    """
    env = environment(dirs)
    for page in {page.template: page for page in pages if page.draw is None}.values():
        try:  # compiled once, here: forked workers inherit them
            env.get_template(page.template)
        except jinja2.TemplateError as err:
            raise TemplateFailed(_describe(page, err)) from None
    _job.update(pages=pages, env=env, context=context, staging=staging, out=out, bodies=bodies)
    try:
        counts = in_chunks(_pages_chunk, len(pages), "drawing pages" if progress else "")
    finally:
        _job.clear()
    for chunk in counts:
        bodies.adopt(chunk[3])
    failed = [finding for chunk in counts for finding in chunk[2]]
    return sum(c[0] for c in counts), sum(c[1] for c in counts), failed


def body_key(view: PostView, bodies: Packs) -> str:
    """The key of the post's HTML among the cached bodies: its source's digest (already
    worked out for the page cache; the body is part of it)."""
    return bodies.key(view.key)


def with_body(view: PostView, bodies: Packs, renderer: Renderer) -> tuple[PostView, bool]:
    """`view` with its HTML, from the cache or converted now (True when converted).

    Raises `RenderFailed` when the post cannot be converted within its budget.
    """
    key = body_key(view, bodies)
    html = bodies.get(key)
    if html is not None:
        return replace(view, html=html), False
    post = view.source
    try:
        with time_budget(RENDER_SECONDS):
            html = renderer.render(post.body)
    except OverBudget as err:
        raise RenderFailed(over_budget(post.path, post.body_line, "rendering", err)) from None
    except Exception as err:  # a bug in one post's rendering must cost only that post
        raise RenderFailed(failure(post.path, post.body_line, "render", err)) from None
    bodies.put(key, html)
    return replace(view, html=html), True


def _pages_chunk(start: int, stop: int) -> tuple[int, int, list[Finding], dict[str, list]]:
    """Draw pages `start` to `stop`: (files written, bodies converted, findings, the
    index entries of the bodies converted, written as one pack)."""
    env = _job["env"]
    renderer = Renderer()
    written = converted = 0
    failed: list[Finding] = []
    for page in _job["pages"][start:stop]:
        context = page.context
        if isinstance(context.get("post"), PostView):
            try:
                view, new = with_body(context["post"], _job["bodies"], renderer)
            except RenderFailed as err:
                failed.append(err.finding)
                renderer = Renderer()  # a conversion stopped half way may leave state behind
                continue
            context = {**context, "post": view}
            converted += new
        if page.draw is not None:
            data = page.draw(context)
        else:
            try:
                html = env.get_template(page.template).render(**_job["context"], **context)
            except jinja2.TemplateError as err:
                raise TemplateFailed(_describe(page, err)) from None
            data = html.encode("utf-8")
        written += output.write(_job["staging"], _job["out"], page.path, data)
    return written, converted, failed, _job["bodies"].flush()


def _describe(page: Page, err: jinja2.TemplateError) -> str:
    where = page.template
    if isinstance(err, jinja2.TemplateSyntaxError):
        where = f"{err.filename or err.name}:{err.lineno}"
    else:
        frames = [tb for tb in _traceback_frames(err.__traceback__) if tb[0].endswith(".html")]
        if frames:
            where = f"{frames[-1][0]}:{frames[-1][1]}"
    return f"{where}: {err.__class__.__name__}: {err} (drawing {page.path})"


def _traceback_frames(tb) -> list[tuple[str, int]]:
    frames = []
    while tb is not None:
        frames.append((tb.tb_frame.f_code.co_filename, tb.tb_lineno))
        tb = tb.tb_next
    return frames
