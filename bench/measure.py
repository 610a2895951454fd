"""Measuring: wall time, CPU time and the peak memory of a process tree.

Peak memory is the largest sum of resident memory over a process and all its
descendants (pool workers included), sampled every ``INTERVAL`` seconds from /proc:
a peak shorter than the interval can be missed. Linux only.
"""
from __future__ import annotations

import os
import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

INTERVAL = 0.1
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Sample:
    """What one measured block took; filled in when the block ends."""

    wall: float = 0.0
    cpu: float = 0.0  # user + system, of this process and of the children it waited for
    peak_mb: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


@contextmanager
def measured(pid: int | None = None) -> Iterator[Sample]:
    """Time the block and sample the memory of ``pid``'s tree (default: this process's)."""
    sample, stop = Sample(), threading.Event()
    root = pid or os.getpid()

    def watch() -> None:
        while not stop.wait(INTERVAL):
            sample.peak_mb = max(sample.peak_mb, tree_rss(root) / 2**20)

    thread = threading.Thread(target=watch, daemon=True)
    cpu0, wall0 = _cpu(), time.perf_counter()
    thread.start()
    try:
        yield sample
    finally:
        stop.set()
        thread.join()
        sample.wall, sample.cpu = time.perf_counter() - wall0, _cpu() - cpu0


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and its descendants."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue  # the process ended meanwhile
    return total


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
