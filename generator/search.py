"""A small search index at any size: generated pages are found by title only.

Material's search plugin downloads one JSON index, holding the full text of every
section of every page, before the first result: about 0.7 MB per 100 briefings, so
tens of MB for years of articles. This plugin (``briefings-search`` in mkdocs.yml,
listed after ``search``) keeps Material's search box and its index for hand-written
pages, and indexes each generated page (briefings, people, years: the pages the
Briefings plugin added) by its title alone, one entry per page:
1. ``on_page_markdown``: a generated page (``File.generated_by`` is set) is marked ``search: exclude`` so that
   Material neither parses nor indexes it (which also saves build time);
2. ``on_post_build``, after Material wrote its index: one entry per excluded page
   (location and the rendered title, no text) is appended.

Not handled: full-text search of briefings (a reader finds an article by its title,
a person by name or alias in the title, a year by number); a chunked static index
such as Pagefind would give full text at a few hundred kB per query, but replaces
Material's search box (see bench/README.md).
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)
INDEX = Path("search") / "search_index.json"  # where Material's search plugin writes its index


class TitleSearchConfig(Config):
    pass


class TitleSearchPlugin(BasePlugin[TitleSearchConfig]):
    """Index generated pages by title only; leave hand-written pages to Material's search."""

    def __init__(self) -> None:
        self.pages: list[Page] = []  # the generated pages of this build

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.pages = []

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.generated_by is not None:
            page.meta["search"] = {**page.meta.get("search", {}), "exclude": True}
            self.pages.append(page)
        return markdown

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        add_titles(Path(config.site_dir) / INDEX, {page.url: page.title or page.url for page in self.pages})


def add_titles(index: Path, entries: dict[str, str]) -> None:
    """Append one title-only entry per page to Material's index (nothing to do without one)."""
    if not entries or not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["docs"] += [{"location": url, "title": title, "text": ""} for url, title in sorted(entries.items())]
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    log.debug("Search: %d generated pages indexed by title.", len(entries))
