"""A throwaway MkDocs project for the site tests: the repository's mkdocs.yml and docs/, fixed seeds.

``make_project`` copies everything into a tmp dir (the tests never write ``site/``
or ``docs/`` of the repository); ``build`` runs ``mkdocs build`` there in a
subprocess; ``serve_under`` serves a built site under a sub-path, as GitHub Pages
serves a project site.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "briefings_project"
SUB_PATH = "/briefings-site/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def make_project(root: Path, cache: Path | None = None) -> Path:
    """mkdocs.yml and docs/ of the repository, seeds and extra docs of the fixture; ``cache`` may be shared."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if cache is not None:
        config = config.replace("      seeds: seeds\n", f"      seeds: seeds\n      cache: {cache}\n")
    # a few pages per full-text bundle, so that the find page has to merge bundles as on a large site
    config = config.replace("  - briefings-search\n", "  - briefings-search:\n      bundle_pages: 2\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns("screenshots"))
    shutil.copytree(FIXTURE / "docs", root / "docs", dirs_exist_ok=True)
    shutil.copytree(FIXTURE / "seeds", root / "seeds")
    return root


def build(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFINGS_PROCESSES": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under ``sub_path``; anything else is a 404, as on GitHub Pages."""

    def __init__(self, *args: object, sub_path: str = SUB_PATH, **kwargs: object) -> None:
        self.sub_path = sub_path
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.sub_path):
            return str(Path(self.directory) / "__outside_the_sub_path__")
        return super().translate_path("/" + path[len(self.sub_path):])

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def serve_under(site: Path, sub_path: str = SUB_PATH) -> Iterator[str]:
    """Serve ``site`` at ``http://127.0.0.1:<port><sub_path>`` (default /briefings-site/); yields that URL."""
    handler = functools.partial(_SubPathHandler, directory=str(site), sub_path=sub_path)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{sub_path}"
    finally:
        server.shutdown()
        server.server_close()
