"""One build at a time per output folder, and child processes that die with the build.

``build_lock`` is an advisory lock (``flock``) on a file beside the output folder
(``.site.lock`` for ``site/``) that holds the holder's pid: a second build of the same
folder says who holds it and waits. The kernel releases the lock when its holder
exits, however it exits, so the lock of a killed build is never stale: the next build
takes it over (and says so). The file is removed when the lock is released.

``dies_with_parent`` is for ``subprocess``'s ``preexec_fn``: on Linux the child gets
SIGKILL when the process that started it dies (``PR_SET_PDEATHSIG``), so a killed
``generator site`` never leaves MkDocs, or Pagefind, writing on its own.

Not handled: locks on file systems without ``flock`` (some network shares) and on
Windows, where builds are not serialised; a parent-death signal outside Linux.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock
    fcntl = None  # type: ignore[assignment]  # a module or None: build_lock checks which

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def lock_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.lock")


@contextmanager
def build_lock(out: Path, say: Callable[[str], None]) -> Iterator[None]:
    """Hold the build lock of ``out`` for the duration; ``say`` tells the user when it has to wait."""
    if fcntl is None:
        yield
        return
    path = lock_path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _acquire(path, say)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        path.unlink(missing_ok=True)  # before the lock goes: a waiter then finds the file gone and locks a new one
        os.close(fd)


def _acquire(path: Path, say: Callable[[str], None]) -> int:
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        holder = _holder(fd)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if holder:
                say(f"The lock '{path}' of a build that stopped (pid {holder}) was left behind; taking it over.")
        except BlockingIOError:
            say(f"Another build (pid {holder or '?'}) is writing '{path.name.removeprefix('.').removesuffix('.lock')}'"
                f"; waiting for it to finish (its lock is '{path}').")
            fcntl.flock(fd, fcntl.LOCK_EX)
        if _same_file(fd, path):  # not removed by the holder while this one waited
            return fd
        os.close(fd)


def _holder(fd: int) -> str:
    text = os.pread(fd, 32, 0).decode("ascii", errors="replace").strip()
    return text if text.isdigit() else ""


def _same_file(fd: int, path: Path) -> bool:
    try:
        now = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


def dies_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child die with this process (Linux), or None where that cannot be done."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    parent = os.getpid()

    def arm() -> None:  # runs in the child, between fork and exec
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the signal was armed
            os._exit(1)

    return arm
