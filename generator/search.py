"""Search at any size: a small header index of titles and names, and a chunked full-text index.

Material's search plugin downloads one JSON index, holding the full text of every
section of every page, before the first result: about 0.7 MB per 100 briefings, so
tens of MB for years of articles. This plugin (``briefings-search`` in mkdocs.yml,
listed after ``search``) splits search in two:

1. The header search box (Material's) keeps its index for hand-written pages and
   indexes each generated page (briefings, people, years: the pages the Briefings
   plugin added) by title, plus every other name of a person, one entry per page:
   ``on_page_markdown`` marks a generated page ``search: exclude`` (Material neither
   parses nor indexes it, which also saves build time) and keeps the page's
   ``search.boost`` (a person's page ranks above the briefings naming them);
   ``on_post_build``, after Material wrote its index, appends those entries.
2. Full text (a quote by a phrase, any word of an article) is the generated page
   ``find/`` ("Full-text search"): Pagefind's UI over a chunked static index that
   ``on_post_build`` builds with the Pagefind binary of the ``pagefind-bin`` wheel
   over the built site. A query downloads Pagefind's loader, its WebAssembly and
   the few index chunks and fragments it needs, not the whole index. Pagefind
   indexes the briefings (their title and text: the rest of a briefing page carries
   ``data-pagefind-ignore``) and the hand-written pages; people, timeline and index
   pages are lists of titles the header box finds. Pagefind holds what it indexes in
   memory, about 0.2 MB per briefing, so it runs on at most ``PAGEFIND_PAGES`` pages
   at a time, each run writing its own bundle (``pagefind/``, ``pagefind-2/``, …),
   and the find page merges them (``mergeIndex``; the list is ``pagefind/bundles.js``).
   Pages fill the bundles newest first (by their ``data-pagefind-sort`` date), so that
   the find page keeps a sort by date across bundles: each bundle's sorted results, the
   bundles in turn (``theme/assets/pagefind-merged/pagefind.js``).

Not handled: full text in the header box (it would need Pagefind inside Material's
search UI); under ``mkdocs serve`` no full-text index is built (Pagefind takes about
1.5 s per 1,000 pages, 46 s at 10,000 briefings: too slow for every live reload), so
the find page has no results there; option ``full_text: false`` turns it off everywhere.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Set
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import pagefind_stable, urls
from .feeds import json_text
from .safety import dies_with_parent

if TYPE_CHECKING:
    from mkdocs.structure.nav import Navigation

log = get_plugin_logger(__name__)
INDEX = Path("search") / "search_index.json"  # where Material's search plugin writes its index
FIND_PAGE = "find/index.md"  # the full-text search page (theme/find.html loads Pagefind's UI)
PAGEFIND_DIR = "pagefind"  # where Pagefind writes its (first) bundle, inside the built site
PAGEFIND_SECONDS = 600  # per run of at most PAGEFIND_PAGES pages (~3 s per 1,000): a run this long is stuck
PAGEFIND_PAGES = 2000  # pages per Pagefind run: its memory grows with what it indexes (~0.2 MB per briefing)
BUNDLES_JS = "bundles.js"  # in PAGEFIND_DIR: the other bundles, for the find page's mergeIndex
SORT_KEY = "date"  # the sort the bundles are filled by, newest first (theme/find.html offers it)
_SORT_VALUE = re.compile(rb'data-pagefind-sort="%s">\s*(\d+)\s*<' % SORT_KEY.encode())
# what Pagefind indexes of a page: Material's article (not the header, nav or footer)
PAGEFIND_ROOT = "article.md-content__inner"
FIND_MARKDOWN = """---
title: Full-text search
template: find.html
---
# Full-text search

Search every word of every briefing: a quotation by a phrase from it, an article by
any word of its text. The search box at the top of each page finds pages by title
and people by any of their names. (A site previewed with `mkdocs serve` has no
full-text index: build it to search here.)

<div id="pagefind-search"></div>
"""


@dataclass(frozen=True)
class Entry:
    """One generated page in Material's index: its title, other names (plain text) and boost."""
    title: str
    names: tuple[str, ...] = ()
    boost: float | None = None


class TitleSearchConfig(Config):
    full_text = c.Type(bool, default=True)
    """Build the Pagefind full-text index and its page ``find/`` after each build."""
    bundle_pages = c.Type(int, default=PAGEFIND_PAGES)
    """Pages per Pagefind bundle (per run): lower it if indexing runs out of memory."""


class TitleSearchPlugin(BasePlugin[TitleSearchConfig]):
    """Title-and-name entries for generated pages in Material's index; Pagefind for full text."""

    def __init__(self) -> None:
        # src path of a generated page → (its URL, its entry without other names). Kept across
        # `mkdocs serve --dirty` rebuilds, which show this plugin only the pages they render again.
        self.entries: dict[str, tuple[str, Entry]] = {}
        self.docs: dict[str, tuple[tuple[str, Entry], str]] = {}  # src path → (its URL and entry, its JSON)
        self.serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.full_text:
            return files
        mine = hand_written_at(files, config, FIND_PAGE)
        if mine is None:
            files.append(File.generated(config, FIND_PAGE, content=FIND_MARKDOWN))
        elif mine.src_uri != FIND_PAGE:  # docs/find.md: the same address; the hand-written page wins
            log.warning("docs/%s is hand-written and replaces the generated page '%s' (same address '%s'); "
                        "rename it to keep the full-text search page.", mine.src_uri, FIND_PAGE, mine.url)
        return files

    @event_priority(-100)  # after every plugin has added its files
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        present = {file.src_uri for file in files.documentation_pages() if file.generated_by is not None}
        self.entries = {src: entry for src, entry in self.entries.items() if src in present}  # none of a gone page
        self.docs = {src: doc for src, doc in self.docs.items() if src in present}
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.generated_by is not None:
            page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
            self.entries[page.file.src_uri] = (page.url, entry_of(page))
        return markdown

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        names = other_names(config)
        add_titles(Path(config.site_dir) / INDEX, {url: self._doc(src, url, entry, names.get(src, ()))
                                                   for src, (url, entry) in self.entries.items()})
        if self.config.full_text and self.serving:
            log.info("Search: no full-text index under 'mkdocs serve' (run 'mkdocs build' for find/).")
        elif self.config.full_text:
            lists = {url for src, (url, _) in self.entries.items() if not src.startswith(urls.BRIEFINGS + "/")}
            run_pagefind(Path(config.site_dir), config.use_directory_urls, skip=lists,
                         pages_per_run=max(1, self.config.bundle_pages))


    def _doc(self, src: str, url: str, entry: Entry, names: tuple[str, ...]) -> str:
        """The page's entry as JSON text, kept across serve rebuilds while its URL, entry and names are the same
        (21,000 entries at 10,000 articles, a few of them changed by an edit)."""
        key = (url, replace(entry, names=names) if names else entry)
        kept = self.docs.get(src)
        if kept is None or kept[0] != key:
            kept = self.docs[src] = (key, doc_json(*key))
        return kept[1]


def hand_written_at(files: Files, config: MkDocsConfig, path: str) -> File | None:
    """The page of ``files`` at the generated page ``path``'s source path or address (``docs/people.md`` is
    at ``people/``, as ``people/index.md``), if any: two pages at one address would silently overwrite."""
    found = files.get_file_from_path(path)
    if found is not None:
        return found
    url = File.generated(config, path, content="").url
    return next((f for f in files.documentation_pages() if f.url == url and f.generated_by is None), None)


def entry_of(page: Page) -> Entry:
    boost = page.meta.get("search", {}).get("boost")
    return Entry(page.title or page.url, boost=float(boost) if isinstance(boost, (int, float)) else None)


def other_names(config: MkDocsConfig) -> dict[str, tuple[str, ...]]:
    """Person, organisation and place page (src path) → its other names, from the Briefings plugin's build
    (none without it): "Shoygu" finds Sergei Shoigu, "GM" finds General Motors."""
    built = getattr(config.plugins.get("briefings"), "built", None)
    if built is None:
        return {}
    return {**{urls.person_page(p.slug): tuple(a for a in p.aliases if a != p.name) for p in built.corpus.people},
            **{urls.actor_page(a.kind, a.slug): tuple(x for x in a.aliases if x != a.name)
               for a in built.corpus.actors}}


def add_titles(index: Path, entries: dict[str, str]) -> None:
    """Append one entry per page (URL → its JSON text, ``_doc``) to Material's index (nothing to do without one),
    in the order of their URLs; the file is as one ``json.dumps`` of it all would write it.

    Other names go into the entry's text, HTML-escaped: Material shows the text as HTML.
    """
    if not entries or not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    docs = [*map(json_text, data.pop("docs", [])), *(entries[url] for url in sorted(entries))]
    head = json_text(data)[:-1]  # Material writes the docs last
    index.write_text(f'{head}{"," if data else ""}"docs":[{",".join(docs)}]}}', encoding="utf-8")
    log.debug("Search: %d generated pages indexed by title.", len(entries))


def doc_json(url: str, entry: Entry) -> str:
    """A generated page's entry in Material's index, as JSON text (``add_titles``)."""
    return json_text(_doc(url, entry))


def _doc(url: str, entry: Entry) -> dict[str, object]:
    text = f"<p>Also named: {html.escape(', '.join(entry.names))}</p>" if entry.names else ""
    doc: dict[str, object] = {"location": url, "title": entry.title, "text": text}
    if entry.boost is not None:
        doc["boost"] = entry.boost
    return doc


def run_pagefind(site_dir: Path, directory_urls: bool, skip: Set[str] = frozenset(),
                 pages_per_run: int = PAGEFIND_PAGES) -> None:
    """Index the pages of ``site_dir`` (but the URLs in ``skip``) with Pagefind, a bundle per ``pages_per_run``.

    Each run sees only its pages, hard-linked into a scratch folder inside the site
    (removed after) under their own paths, so result URLs are the pages' URLs.
    """
    binary = _pagefind_binary()
    pages, dated = newest_first(site_dir, _pages_to_index(site_dir, directory_urls, skip))
    parts = [pages[start:start + pages_per_run] for start in range(0, len(pages), pages_per_run)] or [[]]
    bundles = [PAGEFIND_DIR if n == 0 else f"{PAGEFIND_DIR}-{n + 1}" for n in range(len(parts))]
    for part, bundle in zip(parts, bundles):
        shutil.rmtree(site_dir / bundle, ignore_errors=True)
        _index_part(binary, site_dir, part, site_dir / bundle)
        pagefind_stable.normalise(site_dir / bundle)  # Pagefind orders filter values differently each run
    sorts = {SORT_KEY: {"direction": "desc", "bundles": -(-dated // pages_per_run)}}
    others = json.dumps([f"{bundle}/" for bundle in bundles[1:]])
    (site_dir / PAGEFIND_DIR / BUNDLES_JS).write_text(
        f"// the other Pagefind bundles of this site (generator/search.py), merged by the find page\n"
        f"window.briefingsPagefindBundles = {others};\n"
        f"// the sort the bundles are filled by: the first of them hold every page with a value, in this direction\n"
        f"window.briefingsPagefindSorts = {json.dumps(sorts)};\n", encoding="utf-8")


def newest_first(site_dir: Path, pages: list[Path]) -> tuple[list[Path], int]:
    """``pages`` by their sort value (``data-pagefind-sort``), highest first, then those without one, in order;
    and how many have one."""
    values = {rel: _sort_value(site_dir / rel) for rel in pages}
    dated = sorted((rel for rel in pages if values[rel] is not None), key=lambda rel: values[rel] or 0, reverse=True)
    return dated + [rel for rel in pages if values[rel] is None], len(dated)


def _sort_value(page: Path) -> int | None:
    found = _SORT_VALUE.search(page.read_bytes())
    return int(found.group(1)) if found else None


def _pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable
        return Path(get_executable())
    except (ImportError, FileNotFoundError) as error:
        raise PluginError(f"Full-text search needs the pagefind-bin package ({error}); "
                          "install it, or set 'full_text: false' for briefings-search in mkdocs.yml.") from error


def _pages_to_index(site_dir: Path, directory_urls: bool, skip: Set[str]) -> list[Path]:
    """The built pages (site-relative), sorted; with directory URLs every page is an index.html (no 404.html)."""
    found = site_dir.rglob("index.html" if directory_urls else "*.html")
    relative = sorted(path.relative_to(site_dir) for path in found)
    return [rel for rel in relative if _url_of(rel, directory_urls) not in skip
            and not rel.parts[0].startswith((PAGEFIND_DIR, "search", "assets"))]


def _url_of(rel: Path, directory_urls: bool) -> str:
    """The page URL MkDocs gives the built file ``rel`` (as ``Page.url``)."""
    text = rel.as_posix()
    return text.removesuffix("index.html") if directory_urls else text


def _index_part(binary: Path, site_dir: Path, pages: list[Path], bundle: Path) -> None:
    with tempfile.TemporaryDirectory(prefix=".pagefind-part-", dir=site_dir) as scratch:
        for rel in pages:
            target = Path(scratch) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / rel, target)
            except OSError:  # a file system without hard links
                shutil.copyfile(site_dir / rel, target)
        command = [str(binary), "--site", scratch, "--output-path", str(bundle),
                   "--root-selector", PAGEFIND_ROOT, "--glob", "**/*.html", "--silent"]
        try:  # Pagefind dies with this process, and a stuck run fails the build instead of hanging it
            result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=PAGEFIND_SECONDS,
                                    preexec_fn=dies_with_parent())  # it only calls prctl (safe before exec)
        except subprocess.TimeoutExpired:
            raise PluginError(f"Pagefind did not finish indexing {len(pages)} pages of {site_dir} within "
                              f"{PAGEFIND_SECONDS} s and was stopped; build again, or set 'full_text: false' "
                              "for briefings-search in mkdocs.yml.") from None
    if result.returncode != 0:
        raise PluginError(f"Pagefind failed on {site_dir}: {(result.stderr or result.stdout).strip()[-2000:]}")
