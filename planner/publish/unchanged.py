"""Knowing, from file stats alone, that the last build's output is still right.

After a build that went through without a problem, `remember` keeps a small record
beside the page manifest: a digest of everything the build read (the options, the
config and audience profile as loaded, the size and modification time of every post
and theme file) and the span of time its output holds for. Pages depend on the clock:
a post goes live at its date, the calendar turns at midnight, a cadence slot passes,
the agenda's horizon and the coverage window slide. `good_until` finds the first such
moment after the build, less a margin for daylight-saving arithmetic, so a build whose
inputs and clock have not moved past it can be skipped whole (`still_good`). Every
other build first `forget`s the record, before it touches the output.

Like git's index, a file changed within `RACY_NS` of the moment its stat was taken may
change again without its stat changing: no record is kept then, and the next build
does the work.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time as clock
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner import __version__
from planner.cache import RACY_NS, Store, digest, read_json, write_json
from planner.content import Post, post_file_names

if TYPE_CHECKING:
    from planner.publish import BuildOptions
    from planner.site import Site

RECORD_VERSION = "1"
"""Part of the inputs digest: change it when what a build reads changes."""
MARGIN = timedelta(hours=2)
"""Taken off every moment the output may change at: adding weeks to an aware time is
wall-clock arithmetic, which a daylight-saving change can put up to two hours off."""


@dataclass(frozen=True)
class Inputs:
    """What a build reads, as a digest, and whether its files had settled when statted."""

    digest: str
    settled: bool


@dataclass(frozen=True)
class Record:
    """The last complete build into one output directory."""

    inputs: str
    built_for: datetime
    good_until: datetime
    posts: int
    checked: int
    files: tuple[str, ...]


def inputs_of(site: Site, options: BuildOptions, theme: Sequence[Path]) -> Inputs:
    """The digest of everything a build of `site` with `options` reads, from stats: the
    files are not opened. Taken before the build reads them, so a file changed while it
    runs shows as changed to the next one."""
    taken = clock.time_ns()
    stats: list[str] = []
    newest = 0
    for top in [*theme, site.config.content_dir]:
        for path, status in _files_under(top, posts_only=top == site.config.content_dir):
            stats.append(f"{path}\0{status.st_mtime_ns}\0{status.st_size}\0{status.st_ino}")
            newest = max(newest, status.st_mtime_ns)
    settings = dataclasses.replace(options, now=None, progress=False)
    found = digest(
        RECORD_VERSION,
        __version__,
        repr(settings),
        repr(site.config),
        repr(site.audience),
        *stats,
    )
    return Inputs(found, taken - newest > RACY_NS)


def _files_under(top: Path, posts_only: bool) -> list[tuple[str, os.stat_result]]:
    """Every file under `top` with its stat, in a stable order; for the content
    directory, the post files as `planner.content.post_files` finds them."""
    if posts_only:
        found = post_file_names(top)
    else:
        found = [os.path.join(root, name) for root, _, names in os.walk(top) for name in names]
    stats = []
    for path in sorted(found):
        with contextlib.suppress(OSError):
            stats.append((path, os.stat(path)))
    return stats


def good_until(site: Site, posts: Sequence[Post], now: datetime) -> datetime:
    """The first moment after `now`, less `MARGIN`, at which a build's output may differ
    from one made at `now`; `now` itself when that is less than `MARGIN` away."""
    from planner.cadence import Cadence, slots  # here: only a full build asks
    from planner.calendar import ICS_HISTORY
    from planner.schedule import PlanSettings

    settings = PlanSettings.from_schedule(site.config.schedule)
    horizon = timedelta(weeks=settings.horizon_weeks)
    window = timedelta(weeks=settings.coverage_weeks)
    midnights = [_next_midnight(now, zone) for zone in (now.tzinfo, site.tz) if zone]
    moments = list(midnights)
    # A post's state and calendar entry turn at its date; it enters the agenda's and the
    # check gate's horizon, and the coverage window, before it; it leaves the coverage
    # window and calendar.ics after it.
    shifts = (timedelta(0), -horizon, -window, window, ICS_HISTORY)
    moments += [post.date + shift for post in posts if post.date for shift in shifts]
    # A cadence slot stops being free when it passes, and enters the horizon `horizon`
    # before. Slots repeat from the local midnight of `now`, which the midnights bound.
    cadence = Cadence.from_settings(site.config.schedule, site.tz)
    for slot in slots(cadence, now, max(midnights) + horizon + MARGIN):
        moments += [slot, slot - horizon]
    # A moment less than MARGIN before `now` may yet be ahead; one less than MARGIN
    # after it leaves no span at all.
    return max(now, min(moment - MARGIN for moment in moments if moment + MARGIN > now))


def _next_midnight(moment: datetime, zone: tzinfo) -> datetime:
    local = moment.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=zone)


def still_good(record: Record, inputs: Inputs, now: datetime, out: Path) -> bool:
    """Whether `out` holds what a build with `inputs` at `now` would make: the same
    inputs, a clock that has not moved past the record's span, every file still there."""
    if record.inputs != inputs.digest:
        return False
    in_span = now == record.built_for or record.built_for < now < record.good_until
    return in_span and all(os.path.isfile(f"{out}/{name}") for name in record.files)


def recall(store: Store, out: Path) -> Record | None:
    """The record of the last complete build into `out`, if there is a usable one."""
    path = store.built_path(out)
    data = read_json(path) if path is not None else {}
    try:
        return Record(
            inputs=str(data["inputs"]),
            built_for=datetime.fromisoformat(data["built_for"]),
            good_until=datetime.fromisoformat(data["good_until"]),
            posts=int(data["posts"]),
            checked=int(data["checked"]),
            files=tuple(str(name) for name in data["files"]),
        )
    except (KeyError, TypeError, ValueError):
        return None


def remember(store: Store, out: Path, record: Record) -> None:
    """Keep `record` for the next build into `out`."""
    path = store.built_path(out)
    if path is None:
        return
    data: dict[str, Any] = dataclasses.asdict(record)
    data.update(
        out=str(out),
        built_for=record.built_for.isoformat(),
        good_until=record.good_until.isoformat(),
        files=list(record.files),
    )
    write_json(path, data)


def forget(store: Store, out: Path) -> None:
    """Drop the record of `out`: this build will change it."""
    path = store.built_path(out)
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
