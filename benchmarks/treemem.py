"""Run a command and measure its wall time and the peak memory of its whole process tree.

Linux only (reads /proc). Memory is sampled every 100 ms as the sum over the process
and all its descendants of RSS, and of PSS (proportional set size: pages shared
between processes, e.g. data loaded before a fork, are split among them rather than
counted once per process). Peaks shorter than the sampling interval can be missed.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.1


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_rss_mb: float
    peak_pss_mb: float
    returncode: int


def run_measured(argv: list[str], cwd: Path, stdout=subprocess.DEVNULL) -> Measured:
    """Run `argv` in `cwd`, sampling the tree's memory until it exits."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL)
    peak_rss = peak_pss = 0
    while process.poll() is None:
        rss, pss = _tree_memory(process.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(INTERVAL)
    seconds = time.perf_counter() - start
    return Measured(seconds, peak_rss / 1024, peak_pss / 1024, process.returncode)


def _tree_memory(root: int) -> tuple[int, int]:
    """(RSS, PSS) in kB summed over `root` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    rss = pss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return rss, pss
