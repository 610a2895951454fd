"""Builds that overlap or are killed (issue 18, cases 1 and 2): one build at a time, the site always whole.

These run whole builds in subprocesses (marked ``slow``; they still run under plain
``python -m pytest``). Nothing here measures time: a test waits for a build to reach a
point (a line it prints, a file a hook writes), with a generous deadline only so that
a broken build cannot hang the suite.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_hostile_pages import small_project

from generator.safety import build_lock, lock_path
from hostile.project import REPO, mkdocs

pytestmark = pytest.mark.slow
DEADLINE = 300  # seconds: only so that a broken build cannot hang the suite
# a hook for the MkDocs child: says where it is, then waits while the 'block' file exists
HOOK = """import os, time
from pathlib import Path

def on_config(config):
    root = Path(config.config_file_path).parent
    (root / "reached").write_text(str(os.getpid()))
    while (root / "block").exists():
        time.sleep(0.05)
    return config
"""
SITE = ("index.html", "404.html", "sitemap.xml", "feed.xml", "assets", "pagefind", "briefings", "people")


def start(root: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO), "BRIEFINGS_PROCESSES": "1"}
    return subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=root, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_until(check, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + DEADLINE
    while not check():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def is_whole_site(site: Path) -> bool:
    return all((site / name).exists() for name in SITE)


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state in ("Z", "X")  # dead; a zombie waits for whoever adopted it


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    small_project(tmp_path / "p")
    (tmp_path / "p" / "seeds").rename(seeds)
    out = tmp_path / "out"
    with build_lock(out, print):
        build = start(tmp_path, "build", "seeds", "--out", "out", "--processes", "1", "--no-cache")
        assert build.stderr is not None
        line = build.stderr.readline()  # blocks until the build prints its first line (or exits)
        assert "waiting for it to finish" in line and str(os.getpid()) in line
        assert not out.exists()
    _, rest = build.communicate(timeout=DEADLINE)
    assert build.returncode == 0, rest
    # no lock, no temporaries left: only the output and the review report (written under .cache by default)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", "out", "p", "seeds"]
    assert [p.name for p in (tmp_path / ".cache").iterdir()] == ["review.txt"]


def test_two_site_builds_at_once_leave_one_whole_site(tmp_path: Path) -> None:
    root = small_project(tmp_path)
    first, second = start(root, "site"), start(root, "site")
    results = [build.communicate(timeout=DEADLINE) for build in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), results
    assert any("waiting for it to finish" in err for _, err in results)
    assert is_whole_site(root / "site")
    assert not [p.name for p in root.iterdir() if p.name.startswith((".site", "site."))]


def test_killing_the_site_build_kills_mkdocs_and_the_next_build_recovers(tmp_path: Path) -> None:
    root = small_project(tmp_path)
    assert mkdocs(root, "site", module="generator").returncode == 0
    before = (root / "site" / "index.html").read_bytes()
    (root / "hook.py").write_text(HOOK)
    with (root / "mkdocs.yml").open("a") as config:
        config.write("hooks:\n  - hook.py\n")
    (root / "block").touch()
    build = start(root, "site")
    try:
        wait_until(lambda: (root / "reached").is_file() and (root / "reached").read_text(), "MkDocs to start")
        child = int((root / "reached").read_text())
        build.send_signal(signal.SIGKILL)
        build.wait()
        wait_until(lambda: gone(child), f"MkDocs (pid {child}) to die with its parent")
    finally:
        if not gone(child):
            os.kill(child, signal.SIGKILL)
    assert (root / "site" / "index.html").read_bytes() == before  # the previous site, untouched
    (root / "block").unlink()
    again = mkdocs(root, "site", module="generator")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "taking it over" in again.stderr  # the killed build's lock
    assert is_whole_site(root / "site")
    assert not [p.name for p in root.iterdir() if p.name.startswith((".site", "site."))]


def test_a_lock_file_left_by_a_dead_build_does_not_block(tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock_path(out).write_text("999999999\n")  # a pid that is no process: its lock was released with it
    said: list[str] = []
    with build_lock(out, said.append):
        pass
    assert said and "999999999" in said[0] and not lock_path(out).exists()


def test_a_site_built_by_mkdocs_alone_is_not_clobbered_by_a_concurrent_site_build(tmp_path: Path) -> None:
    root = small_project(tmp_path)
    first = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=root, text=True,
                             env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO),
                                  "BRIEFINGS_PROCESSES": "1"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = start(root, "site")
    results = [build.communicate(timeout=DEADLINE) for build in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), results
    assert is_whole_site(root / "site")
