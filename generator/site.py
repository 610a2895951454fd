"""From a processed collection to the pages and the review report: the build's middle.

Used by both the MkDocs plugin and ``python -m generator build``; no I/O here.
"""
from __future__ import annotations

from dataclasses import dataclass

from .config import Settings
from .model import Corpus
from .pipeline import Collection
from .render import render_site
from .report import review_report
from .resolve import resolve


@dataclass(frozen=True)
class Built:
    corpus: Corpus
    pages: dict[str, str]  # path under docs/ → Markdown
    report: str


def build_site(collection: Collection, settings: Settings) -> Built:
    registry = settings.registry_path()
    corpus = resolve(collection.extractions, registry if registry.is_file() else None)
    return Built(corpus, render_site(corpus), review_report(corpus, collection.errors))


def build_pages(collection: Collection, settings: Settings) -> dict[str, str]:
    return build_site(collection, settings).pages
