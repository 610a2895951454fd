"""From a processed collection to the site's files and the review report: the build's middle.

Used by both the MkDocs plugin and ``python -m generator build``; no I/O here.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import collector, urls
from .config import Settings
from .feeds import atom_feed, csv_files, data_json
from .memo import Affected, RecordMemo, RenderMemo
from .model import Corpus
from .pipeline import Collection
from .render import render_site
from .report import review_report
from .resolve import ResolveMemo, resolve


@dataclass(frozen=True)
class Built:
    corpus: Corpus
    pages: dict[str, str]  # path under docs/ → page text (front matter over HTML)
    report: str


def build_site(collection: Collection, settings: Settings, directory_urls: bool = True,
               memo: RenderMemo | None = None, resolved: ResolveMemo | None = None) -> Built:
    """``memo``: the pages of the previous build, to reuse those whose records are unchanged (serve);
    ``resolved``: its corpus, patched when no article's names, dates or story signature changed."""
    registry = settings.registry_path()
    # the whole collection is in memory: each full collection would walk all of it (rendering is left to the
    # collector: templates make reference cycles)
    with collector.paused():
        corpus = resolve(collection.extractions, registry if registry.is_file() else None, resolved)
    return build_from_corpus(corpus, collection.errors, directory_urls, memo, resolved.affected if resolved else None)


def build_from_corpus(corpus: Corpus, errors: tuple = (), directory_urls: bool = True,
                      memo: RenderMemo | None = None, affected: Affected | None = None) -> Built:
    """Pages and report of an already resolved corpus (the golden tests start here); ``affected``: what a
    patch changed in the corpus the memo's pages are of (``render_site``)."""
    return Built(corpus, render_site(corpus, directory_urls, memo, affected), review_report(corpus, errors))


def extra_files(built: Built, site_name: str, site_url: str | None, memo: RecordMemo | None = None) -> dict[str, str]:
    """The site's files that are not pages: the Atom feed and the downloads (JSON, CSV); ``memo``: the records
    of the previous build, reused where their briefing is the same object (serve)."""
    files = {urls.FEED: atom_feed(built.corpus, site_name, site_url),
             urls.DATA: data_json(built.corpus, memo), **csv_files(built.corpus, site_url, memo)}
    if memo is not None:
        memo.done()
    return files
