"""The cross-article stage: extractions → Corpus (briefings, people, years).

Everything that needs more than one article happens here, before any page is
rendered ("collect everything, then render": people and years induce a graph,
not a tree).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import Briefing, Corpus, DateRef, Extraction
from .people import resolve_people
from .urls import briefing_slug


def resolve(extractions: Sequence[Extraction], registry: Path | None = None) -> Corpus:
    """Order briefings newest first (undated last), then group people across them."""
    ordered = sorted(extractions, key=_newest_first)
    slugged = [(briefing_slug(e.article.id, e.article.path), e) for e in ordered]
    index = resolve_people(slugged, registry)
    briefings = tuple(
        Briefing(slug=slug, extraction=e,
                 speakers={m.name: index.slug_for[(slug, m.name)] for m in e.persons if (slug, m.name) in index.slug_for})
        for slug, e in slugged)
    return Corpus(briefings=briefings, people=index.people, merge_candidates=index.candidates)


def _newest_first(extraction: Extraction) -> tuple:
    value = extraction.published.value
    # negate the date's characters so that a plain ascending sort puts the newest first
    return (value is None, tuple(-ord(c) for c in value or ""), extraction.article.id)


@dataclass(frozen=True)
class Event:
    """A date one briefing mentions, for the timeline of the year it falls in."""

    date: DateRef
    briefing: Briefing


def years(corpus: Corpus) -> dict[int | None, list[Briefing]]:
    """Briefings by publication year, newest year first; undated under None."""
    found: dict[int | None, list[Briefing]] = defaultdict(list)
    for briefing in corpus.briefings:
        for year in briefing.extraction.years or (None,):
            found[year].append(briefing)
    return dict(sorted(found.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0))))


def events_by_year(corpus: Corpus) -> dict[int, list[Event]]:
    """Dates mentioned in briefings, by the year they fall in, in date order."""
    found: dict[int, list[Event]] = defaultdict(list)
    for briefing in corpus.briefings:
        for ref in briefing.extraction.dates:
            if ref.value and ref.value[:4].isdigit():
                found[int(ref.value[:4])].append(Event(ref, briefing))
    return {year: sorted(events, key=lambda ev: (ev.date.value, ev.briefing.slug, ev.date.paragraph))
            for year, events in found.items()}
