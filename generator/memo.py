"""Rendering again only what changed: the page memo of a ``mkdocs serve`` session.

Under ``mkdocs serve`` every edit rebuilds the whole site; most pages come out the
same. A ``RenderMemo`` (held by the plugin across rebuilds) keeps each page with a
key: a digest of its template's name and its context (``contexts.py``), which holds
everything the template reads. A page is rendered again only when its key changed,
so it can never be stale; ``tests/test_memo.py`` compares memoised builds after
edits with fresh ones.

Digests are of pickled contexts. An extraction (a briefing page's ``e``) is pickled as
the digest of its own pickle, kept by the object's identity (the pipeline hands back
the same objects for unchanged articles), so a briefing page's key costs no more than
its small context. A costly part of a context (the network's drawing) can be kept the
same way, keyed on what it is drawn from (``once``).
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .model import Extraction

T = TypeVar("T")


@dataclass(frozen=True)
class Affected:
    """The records a patched corpus changed (``resolve.patch``): the edited briefings, and the people,
    organisations, places and stories whose records were made again. Every page that can show one of them
    is rendered (or looked up in the memo) as usual; the others are the memo's pages as they are."""

    base: object  # the corpus patched: the memo's pages must be of it (``RenderMemo.rendered``)
    briefings: frozenset[str]  # slugs of the edited briefings
    people: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    stories: frozenset[str] = frozenset()
    grown: bool = False  # briefings were added (``resolve.add``): the indexes' counts change


@dataclass
class RenderMemo:
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # page path → (key, text)
    extractions: dict[int, tuple[Extraction, bytes]] = field(default_factory=dict)  # id → (object, digest)
    values: dict[str, tuple[bytes, Any]] = field(default_factory=dict)  # name → (key of its inputs, value)
    indexes: dict[str, list[str]] = field(default_factory=dict)  # an index's section → its pages, as last made
    rendered: object = None  # the corpus the pages are of, once all were made
    hits: int = 0

    def page(self, path: str, key: bytes, render: Callable[[], str]) -> str:
        """The page's text from the memo when its key is unchanged, else rendered (and kept)."""
        kept = self.pages.get(path)
        if kept is not None and kept[0] == key:
            self.hits += 1
            return kept[1]
        text = render()
        self.pages[path] = (key, text)
        return text

    def kept(self, path: str) -> str | None:
        """The page's text as last rendered, if any (a page no change can reach: see ``Affected``)."""
        kept = self.pages.get(path)
        if kept is None:
            return None
        self.hits += 1
        return kept[1]

    def key(self, template: str, context: object) -> bytes:
        """The key of the page ``template`` renders from ``context`` (a dataclass): a digest of both, each
        extraction among the context's fields as its kept digest."""
        values = tuple(self.extraction_digest(v) if type(v) is Extraction else v for v in vars(context).values())
        return _digest(pickle.dumps((template, type(context).__qualname__, values), protocol=pickle.HIGHEST_PROTOCOL))

    def once(self, name: str, inputs: object, make: Callable[[], T]) -> T:
        """``make()``, or the value it gave last time for the same ``inputs`` (everything it reads)."""
        key = _digest(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))
        kept = self.values.get(name)
        if kept is None or kept[0] != key:
            kept = self.values[name] = (key, make())
        return kept[1]

    def extraction_digest(self, e: Extraction) -> bytes:
        kept = self.extractions.get(id(e))
        if kept is None or kept[0] is not e:
            kept = self.extractions[id(e)] = (e, _digest(pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL)))
        return kept[1]

    def keep_only(self, paths: set[str], extractions: list[Extraction]) -> None:
        """Forget pages and extractions the current build does not have (the memo never grows under serve)."""
        self.pages = {path: kept for path, kept in self.pages.items() if path in paths}
        current = {id(e) for e in extractions}
        self.extractions = {i: kept for i, kept in self.extractions.items() if i in current}


def _same(a: object, b: object) -> bool:
    """The same object; or equal text (a slug, a URL), which is not kept as one object from build to build."""
    return a is b or (type(a) is str and a == b)


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


@dataclass
class RecordMemo:
    """Per-record parts of the downloads (a briefing's JSON record, its CSV rows) kept across serve rebuilds:
    made again unless every input is the very object it was (a patched corpus keeps unchanged records)."""

    kept: dict[tuple[str, str], tuple[tuple[object, ...], Any]] = field(default_factory=dict)
    now: dict[tuple[str, str], tuple[tuple[object, ...], Any]] = field(default_factory=dict)

    def get(self, kind: str, slug: str, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
        old = self.kept.get((kind, slug))
        if old is None or len(old[0]) != len(inputs) or not all(map(_same, old[0], inputs)):
            old = (inputs, make())  # the inputs are kept alive with it, so an identity is never reused
        self.now[(kind, slug)] = old
        return old[1]

    def done(self) -> None:
        """End of a build: what it did not ask for is forgotten."""
        self.kept, self.now = self.now, {}
