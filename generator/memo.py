"""Rendering again only what changed: the page memo of a ``mkdocs serve`` session.

Under ``mkdocs serve`` every edit rebuilds the whole site; most pages come out the
same. A ``RenderMemo`` (held by the plugin across rebuilds) keeps each briefing,
person, network and timeline page with a key: a digest of everything its template
reads, i.e. the records it shows. A page is rendered again only when its key changed, so it can never be
stale: an input the key leaves out would be a bug, and ``tests/test_memo.py``
compares memoised builds after edits with fresh ones.

Digests are of pickled records; an extraction's digest is kept by the object's
identity, since the pipeline hands back the same objects for unchanged articles.
The index pages and the stories read many records each and are few: they are
always rendered.
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import Actor, Briefing, Extraction, Person, Story

if TYPE_CHECKING:
    from .resolve import Event


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

    def keep_only(self, paths: set[str], extractions: list[Extraction]) -> None:
        """Forget pages and extractions the current build does not have (the memo never grows under serve)."""
        self.pages = {path: kept for path, kept in self.pages.items() if path in paths}
        current = {id(e) for e in extractions}
        self.extractions = {i: kept for i, kept in self.extractions.items() if i in current}


def digest(*parts: object) -> bytes:
    return hashlib.blake2b(pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


class PageKeys:
    """The key of each memoised page, from the digests of the records its template reads."""

    def __init__(self, memo: RenderMemo, briefings: dict[str, Briefing], people: dict[str, Person],
                 directory_urls: bool) -> None:
        self.memo, self.briefings, self.people, self.directory_urls = memo, briefings, people, directory_urls
        self._briefing: dict[str, bytes] = {}

    def briefing_digest(self, slug: str) -> bytes:
        found = self._briefing.get(slug)
        if found is None:
            b = self.briefings[slug]
            found = self._briefing[slug] = digest(b.slug, self._extraction(b.extraction), sorted(b.speakers.items()),
                                                  sorted(b.actor_slugs.items()))
        return found

    def _extraction(self, e: Extraction) -> bytes:
        kept = self.memo.extractions.get(id(e))
        if kept is None or kept[0] is not e:
            kept = self.memo.extractions[id(e)] = (e, digest(e))
        return kept[1]

    def briefing_page(self, b: Briefing, story: Story | None, related: tuple[tuple[str, float], ...]) -> bytes:
        """A briefing page shows its own record, its story (reports and evidence) and its related briefings."""
        others = sorted({*(story.briefings if story else ()), *(slug for slug, _ in related)})
        return digest(self.directory_urls, self.briefing_digest(b.slug), story, related,
                      [self.briefing_digest(slug) for slug in others])

    def of(self, *records: object) -> bytes:
        """The key of a page that shows ``records`` (plain values and records, pickled whole)."""
        return digest(self.directory_urls, *records)

    def listed(self, listed: Sequence[Briefing]) -> list[bytes]:
        """For a page listing briefings: each one's digest (its title, date and text are all in it)."""
        return [self.briefing_digest(b.slug) for b in listed]

    def dated(self, events: Sequence[Event]) -> list[tuple[object, bytes]]:
        """For a page listing dated events: each date with the digest of the briefing it is in."""
        return [(e.date, self.briefing_digest(e.briefing.slug)) for e in events]

    def actor_page(self, a: Actor) -> bytes:
        """An organisation's or place's page shows it, its briefings and quotes, and the people named with it."""
        shown = sorted({*a.articles, *(q.briefing for q in a.quotes)})
        people = [(slug, self.people[slug].name) for slug, _ in a.people if slug in self.people]
        return digest(self.directory_urls, a, [self.briefing_digest(s) for s in shown if s in self.briefings], people)

    def person_page(self, p: Person) -> bytes:
        """A person page shows the person, the briefings naming or quoting them and the people named with them."""
        shown = sorted({*p.articles, *(r.article for r in p.roles), *(s for q in p.quotes for s, _ in q.sources)})
        co = [(slug, self.people[slug].name, len(self.people[slug].articles))
              for slug, _ in p.co_mentions if slug in self.people]
        return digest(self.directory_urls, p, [self.briefing_digest(s) for s in shown if s in self.briefings], co)
