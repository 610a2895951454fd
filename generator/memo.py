"""Rendering again only what changed: the page memo of a ``mkdocs serve`` session.

Under ``mkdocs serve`` every edit rebuilds the whole site; most pages come out the
same. A ``RenderMemo`` (held by the plugin across rebuilds) keeps each page with a
key: a digest of its template's name and its context (``contexts.py``), which holds
everything the template reads. A page is rendered again only when its key changed,
so it can never be stale; ``tests/test_memo.py`` compares memoised builds after
edits with fresh ones.

Digests are of pickled contexts. An extraction is pickled as the digest of its own
pickle, kept by the object's identity (the pipeline hands back the same objects for
unchanged articles), so a briefing page's key costs no more than its small context.
"""
from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field

from .model import Extraction


@dataclass
class RenderMemo:
    pages: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # page path → (key, text)
    extractions: dict[int, tuple[Extraction, bytes]] = field(default_factory=dict)  # id → (object, digest)
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

    def key(self, template: str, context: object) -> bytes:
        """The key of the page ``template`` renders from ``context``: a digest of both."""
        out = io.BytesIO()
        _Pickler(out, self).dump((template, context))
        return _digest(out.getvalue())

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


class _Pickler(pickle.Pickler):
    """Pickles a context, each extraction in it as its kept digest (``persistent_id``)."""

    def __init__(self, file: io.BytesIO, memo: RenderMemo) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.render_memo = memo

    def persistent_id(self, obj: object) -> bytes | None:
        return self.render_memo.extraction_digest(obj) if type(obj) is Extraction else None


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()
