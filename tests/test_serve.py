"""The writer's loop: ``mkdocs serve --dirty`` (``make serve``) on the fixture project.

Each edit in the seeds folder must show on every page it changes, and only there is
the work redone: the briefing, the people it names, the home page's overview, the
header search, and the page of a deleted article must be gone.
"""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchdog.events import FileModifiedEvent

from generator.live import Changes, only_inputs
from generator.write import sync_pages
from site_project import make_project

NEW_ARTICLE = """---
title: Ferry line to the islands returns
published: 2021-05-04
source: Island Courier
---
Transport director Odile Marchetti said on Tuesday that the ferry would run again. \
"The islands have waited long enough for a boat of their own," Marchetti said.
"""


class Server:
    """``mkdocs serve`` in a subprocess, its log read line by line in a thread."""

    def __init__(self, root: Path, *args: str, port: int = 0) -> None:
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a port a server just left: as mkdocs does
            sock.bind(("127.0.0.1", port))
            self.port = sock.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BRIEFINGS_PROCESSES": "1"}
        command = [sys.executable, "-m", "mkdocs", "serve", *args, "-a", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(command,
                                        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 300) -> int:
        """The number of log lines up to the first line with ``text`` after line ``after``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, line in enumerate(self.lines[after:], after):
                if text in line:
                    return i + 1
                if line.startswith(("ERROR", "Traceback")):
                    pytest.fail("mkdocs serve failed:\n" + "".join(self.lines[-40:]))
            if self.process.poll() is not None:
                pytest.fail("mkdocs serve ended:\n" + "".join(self.lines[-40:]))
            time.sleep(0.1)
        pytest.fail(f"no '{text}' from mkdocs serve in {timeout} s:\n" + "".join(self.lines[-40:]))

    def get(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Server]]:
    root = make_project(tmp_path_factory.mktemp("serve") / "project")
    server = Server(root, "--dirty")
    try:
        server.wait_for("Serving on")
        time.sleep(1.5)  # the watcher's first look at the folders
        yield root, server
    finally:
        server.stop()


def save(path: Path, text: str) -> None:
    """Replace ``path`` in one step, as editors do, so the watcher never reads it half-written."""
    draft = path.parent.parent / f".draft-{path.name}"  # outside the folder the watcher reads
    draft.write_text(text, encoding="utf-8")
    draft.replace(path)


def rebuild(server: Server, change: object) -> None:
    """Make the change, then wait until the browsers are told to reload, after the collection's full resolve
    where a new article was shown provisionally first (the plugin asks for it at once)."""
    mark = len(server.lines)
    change()  # type: ignore[operator]
    done = server.wait_for("Reloading browsers", server.wait_for("Detected file changes", mark))
    if any("shown provisionally" in line for line in server.lines[mark:done]):
        server.wait_for("Reloading browsers", done)


def titles_in_search(server: Server) -> set[str]:
    index = json.loads(server.get("search/search_index.json") or "{}")
    return {doc["title"] for doc in index["docs"]}


def overview_count(home: str) -> int:
    return int(re.search(r"The collection holds <strong>(\d+)</strong> briefings", home).group(1))


def test_an_added_article_shows_everywhere_it_should(served: tuple[Path, Server]) -> None:
    root, server = served
    before = overview_count(server.get("") or "")
    titles = titles_in_search(server)
    mark = len(server.lines)
    rebuild(server, lambda: save(root / "seeds" / "ferry-line.txt", NEW_ARTICLE))
    shown, resolved = [line for line in server.lines[mark:] if "Rebuilt:" in line]
    assert "new articles shown provisionally" in shown and "the collection resolved again" in resolved

    page = server.get("briefings/ferry-line/")
    assert page is not None and "waited long enough for a boat" in page
    person = server.get("people/odile-marchetti/")
    assert person is not None and "waited long enough for a boat" in person
    assert "Marchetti, Odile" in (server.get("people/") or "")  # the index lists people by surname
    assert overview_count(server.get("") or "") == before + 1  # a hand-written page showing the collection
    # the header search still knows every page it knew, and the new ones
    assert titles_in_search(server) >= titles | {"Ferry line to the islands returns", "Odile Marchetti"}


def test_an_edit_changes_the_page_and_leaves_the_rest_alone(served: tuple[Path, Server]) -> None:
    root, server = served
    article = root / "seeds" / "library-opening.txt"
    untouched = root / "seeds" / "summer-festival.txt"

    def stamp() -> dict[Path, int]:
        return {p: p.stat().st_mtime_ns for p in (root / ".cache" / "briefings" / "serve-pages").rglob("*.md")}

    before = stamp()
    rebuild(server, lambda: save(article, article.read_text(encoding="utf-8")
                                 + "\nThe reading room stays open late on Fridays.\n"))
    assert "reading room stays open late" in (server.get("briefings/library-opening/") or "")
    after = stamp()
    changed = {p.relative_to(root / ".cache" / "briefings" / "serve-pages").as_posix()
               for p in after if after[p] != before.get(p)}
    assert "briefings/library-opening.md" in changed
    assert f"briefings/{untouched.stem}.md" not in changed  # the pages MkDocs renders again are the changed ones
    assert len(changed) < len(after) / 2


def rebuilt_how(server: Server, change: object) -> str:
    """Make the change and wait for its rebuild; the plugin's line saying how it rebuilt."""
    mark = len(server.lines)
    rebuild(server, change)
    return next(line for line in server.lines[mark:] if "Rebuilt:" in line)


def test_an_edit_of_wording_keeps_the_people_and_shows_on_the_page(served: tuple[Path, Server]) -> None:
    root, server = served
    article = root / "seeds" / "library-opening.txt"
    text = article.read_text(encoding="utf-8")
    line = rebuilt_how(server, lambda: save(article, text.replace("opened the new library",
                                                                  "then opened the new library")))
    assert "people, stories and links kept" in line  # "then" weighs nothing in a story: the corpus is patched
    assert "Kandor then opened the new library" in (server.get("briefings/library-opening/") or "")


def test_a_renamed_person_resolves_the_collection_again(served: tuple[Path, Server]) -> None:
    root, server = served
    article = root / "seeds" / "library-opening.txt"
    text = article.read_text(encoding="utf-8")
    line = rebuilt_how(server, lambda: save(article, text.replace("Ilse Kandor", "Ilse Kandorova")
                                            .replace('" Kandor said', '" Kandorova said')))
    assert "the collection resolved again" in line
    assert "Ilse Kandorova" in (server.get("briefings/library-opening/") or "")
    person = server.get("people/ilse-kandorova/")
    assert person is not None and "quiet place to read" in person
    assert "quiet place to read" not in (server.get("people/ilse-kandor/") or "")


def test_a_deleted_article_leaves_no_page_behind(served: tuple[Path, Server]) -> None:
    root, server = served
    assert server.get("briefings/summer-festival/") is not None
    rebuild(server, lambda: (root / "seeds" / "summer-festival.txt").unlink())
    assert server.get("briefings/summer-festival/") is None
    assert not (root / ".cache" / "briefings" / "serve-pages" / "briefings" / "summer-festival.md").exists()


def test_a_changed_configuration_shows_on_pages_the_edit_did_not_touch(served: tuple[Path, Server]) -> None:
    root, server = served
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    rebuild(server, lambda: save(config, text.replace("site_name: Briefings", "site_name: Harbour desk")))
    assert "Harbour desk" in (server.get("briefings/valley-post-port/") or "")  # a page no edit changed


LIVERELOAD = re.compile(r"<script>\s*var livereload = function.*?</script>", re.S)  # injected, with its epoch


def served_files(root: Path, server: Server) -> dict[str, str]:
    """Every generated page as served (without the live-reload script), and the site files that list pages."""
    pages = sorted(p.relative_to(root / ".cache" / "briefings" / "serve-pages").as_posix()
                   for p in (root / ".cache" / "briefings" / "serve-pages").rglob("*") if p.is_file())
    addresses = ["", "about/", "writers/", "search/search_index.json", "sitemap.xml"] + [
        page.removesuffix("index.md").removesuffix(".md") + ("/" if not page.endswith("index.md") else "")
        if page.endswith(".md") else page for page in pages]
    return {address: LIVERELOAD.sub("", server.get(address) or "") for address in addresses}


def test_the_fast_path_serves_what_a_full_build_serves(tmp_path: Path) -> None:
    """An edit of wording, of a quotation, and a new article, each shown by the seeds-only fast path
    (``live.py``), leave every page as a fresh ``mkdocs serve`` (a full build) of the same folder serves it, the
    lists, the sitemap and the header search too."""
    root = make_project(tmp_path / "project")
    server = Server(root, "--dirty")
    try:
        server.wait_for("Serving on")
        time.sleep(1.5)
        article = root / "seeds" / "library-opening.txt"
        text = article.read_text(encoding="utf-8")
        edit = rebuilt_how(server, lambda: save(article, text.replace("opened the new library",
                                                                      "then opened the new library")))
        budget = root / "seeds" / "council-budget.txt"  # a quotation: the speaker's page and their story's
        quote = rebuilt_how(server, lambda: save(budget, budget.read_text(encoding="utf-8").replace(
            "It is a fair budget for every district", "It is a fair budget for every single district")))
        added = rebuilt_how(server, lambda: save(root / "seeds" / "ferry-line.txt", NEW_ARTICLE))
        assert all("(seeds only" in line for line in (edit, quote, added))
        fast = served_files(root, server)
    finally:
        server.stop()
    fresh = Server(root, "--dirty", port=server.port)  # the same address: the same canonical links
    try:
        fresh.wait_for("Serving on")
        full = served_files(root, fresh)
    finally:
        fresh.stop()
    assert "Kandor then opened the new library" in fast["briefings/library-opening/"]
    assert "waited long enough for a boat" in fast["people/odile-marchetti/"]
    assert "fair budget for every single district" in fast["people/tomas-brennick/"]
    assert set(fast) == set(full)
    assert [address for address in full if fast[address] != full[address]] == []


@pytest.mark.parametrize(("changed", "seeds", "fast"), [
    (["seeds/a.txt", "seeds/sub/b.md"], "seeds", True),
    ([], "seeds", True),  # a rebuild asked for by a change already taken: the generator looks again
    (["seeds/a.txt", "docs/about.md"], "seeds", False),  # a hand-written page: MkDocs' build
    (["mkdocs.yml"], "seeds", False),
    (["docs/seeds/a.txt"], "docs/seeds", False),  # seeds inside docs/: MkDocs' pages too
])
def test_only_an_edit_of_the_inputs_takes_the_fast_path(tmp_path: Path, changed: list[str], seeds: str,
                                                         fast: bool) -> None:
    assert only_inputs({tmp_path / p for p in changed}, tmp_path / seeds, tmp_path / "docs") is fast


def test_a_change_both_watchers_report_asks_for_one_rebuild(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("One paragraph.", encoding="utf-8")
    changes = Changes()
    assert changes.news([article])  # the system's event
    assert not changes.news([article])  # the poller's report of the same change, before the rebuild took it
    changes.on_any_event(FileModifiedEvent(str(article)))
    assert changes.take() == ({article}, False)
    assert not changes.news([article])  # as the rebuild took it
    article.write_text("One paragraph, and another.", encoding="utf-8")
    assert changes.news([article])


def test_served_pages_are_rewritten_only_when_changed(tmp_path: Path) -> None:
    out, written = tmp_path / "serve-pages", {}
    sync_pages({"a.md": "A", "b.md": "B"}, out, written)
    kept = (out / "b.md").stat().st_mtime_ns
    sync_pages({"a.md": "A, edited", "b.md": "B"}, out, written)
    assert (out / "a.md").read_text(encoding="utf-8") == "A, edited" and (out / "b.md").stat().st_mtime_ns == kept
    (out / "a.md").unlink()  # removed behind the server's back: written again
    sync_pages({"a.md": "A, again", "b.md": "B"}, out, written)
    assert (out / "a.md").read_text(encoding="utf-8") == "A, again"
    sync_pages({"a.md": "A, again", "b.md": "B"}, out, {})  # a new session: the same text is not written again
    assert (out / "b.md").stat().st_mtime_ns == kept
