"""The cross-article stage: extractions → Corpus (briefings, people, organisations and places, years).

Everything that needs more than one article happens here, before any page is
rendered ("collect everything, then render": people, years and stories induce a
graph, not a tree).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .model import Briefing, Corpus, DateRef, Extraction
from .people import resolve_people
from .people.actors import resolve_actors
from .stories import group_stories
from .urls import briefing_slug


def resolve(extractions: Sequence[Extraction], registry: Path | None = None) -> Corpus:
    """Order briefings newest first (undated last), then group people, organisations and places across
    them, then reports into stories."""
    ordered = sorted(extractions, key=_newest_first)
    slugged = [(briefing_slug(e.article.id, e.article.path), e) for e in ordered]
    index = resolve_people(slugged, registry)
    slugged = [(slug, replace(e, persons=e.persons + index.confirmed[slug]) if slug in index.confirmed else e)
               for slug, e in slugged]
    actors = resolve_actors(slugged, index.slug_for)
    briefings = tuple(
        Briefing(slug=slug, extraction=e,
                 speakers={m.name: index.slug_for[(slug, m.name)] for m in e.persons
                           if (slug, m.name) in index.slug_for},
                 actor_slugs={m.name: actors.slug_for[(slug, m.name)] for m in e.actors
                              if (slug, m.name) in actors.slug_for})
        for slug, e in slugged)
    return Corpus(briefings=briefings, people=index.people, merge_candidates=index.candidates, actors=actors.actors,
                  stories=group_stories(briefings))


def _newest_first(extraction: Extraction) -> tuple:
    value = extraction.published.value
    # negate the date's characters so that a plain ascending sort puts the newest first
    return (value is None, tuple(-ord(c) for c in value or ""), extraction.article.id)


@dataclass(frozen=True)
class Event:
    """A date one briefing mentions, for the timeline of the year and month it falls in."""

    date: DateRef
    briefing: Briefing


Month = tuple[int, int]  # (year, month)


def years(corpus: Corpus) -> dict[int | None, list[Briefing]]:
    """Briefings by publication year, newest year first; undated under None."""
    found: dict[int | None, list[Briefing]] = defaultdict(list)
    for briefing in corpus.briefings:
        for year in briefing.extraction.years or (None,):
            found[year].append(briefing)
    return dict(sorted(found.items(), key=lambda kv: (kv[0] is None, -(kv[0] or 0))))


def months(corpus: Corpus) -> dict[Month, list[Briefing]]:
    """Briefings by publication month, newest month first (briefings newest first within it).

    A briefing dated only by its year is on its year page but in no month.
    """
    found: dict[Month, list[Briefing]] = defaultdict(list)
    for briefing in corpus.briefings:
        value = briefing.extraction.published.value or ""
        if (month := month_of(value)) is not None:
            found[(int(value[:4]), month)].append(briefing)
    return dict(sorted(found.items(), reverse=True))


def events_by_year(corpus: Corpus) -> dict[int, list[Event]]:
    """Dates mentioned in briefings, by the year they fall in, in date order (year-only dates first)."""
    found: dict[int, list[Event]] = defaultdict(list)
    for briefing in corpus.briefings:
        for ref in briefing.extraction.dates:
            if ref.value and ref.value[:4].isdigit():
                found[int(ref.value[:4])].append(Event(ref, briefing))
    return {year: sorted(events, key=_event_order) for year, events in sorted(found.items(), reverse=True)}


def events_by_month(events: dict[int, list[Event]]) -> dict[Month, list[Event]]:
    """The events of ``events_by_year`` that name a month (``2023-04`` or a day in it), by month."""
    found: dict[Month, list[Event]] = defaultdict(list)
    for year, listed in events.items():
        for event in listed:
            month = month_of(event.date.value or "")
            if month is not None:
                found[(year, month)].append(event)
    return dict(sorted(found.items(), reverse=True))


def month_of(value: str) -> int | None:
    """The month of a ``YYYY-MM[-DD]`` value; None for a bare year or any other form."""
    digits = value[5:7]
    return int(digits) if len(value) >= 7 and digits.isdigit() and 1 <= int(digits) <= 12 else None


def _event_order(event: Event) -> tuple:
    return (event.date.value, event.briefing.slug, event.date.paragraph)
