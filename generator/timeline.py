"""The timeline, a part of the resolve stage: briefings by publication year and month, and the dates they
mention by the year and month those fall in. The year, month and undated pages only show it."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from .model import Briefing, Event, Month, Timeline
from .partial_date import PartialDate


def timeline(briefings: Sequence[Briefing]) -> Timeline:
    """``briefings`` newest first (as the Corpus holds them); each list of the timeline keeps that order."""
    events = events_by_year(briefings)
    return Timeline(by_year=by_year(briefings), by_month=by_month(briefings), events=events,
                    events_by_month=events_by_month(events))


def with_added(last: Timeline, briefings: Sequence[Briefing], added: Sequence[Briefing]) -> Timeline:
    """``timeline(briefings)``, made from ``last`` (that of ``briefings`` without the ``added`` ones): only the
    years and months the added briefings are in are sorted again (a new article under serve)."""
    order = {b.slug: n for n, b in enumerate(briefings)}
    more = timeline(added)

    def merged(old: dict, new: dict, item_order: Callable, key_order: Callable) -> dict:
        together = {**old, **{k: tuple(sorted((*old.get(k, ()), *items), key=item_order)) for k, items in new.items()}}
        return dict(sorted(together.items(), key=lambda kv: key_order(kv[0])))
    return Timeline(by_year=merged(last.by_year, more.by_year, order.__getitem__, _newest_year),
                    by_month=merged(last.by_month, more.by_month, order.__getitem__, _descending),
                    events=merged(last.events, more.events, _event_order, _descending),
                    events_by_month=merged(last.events_by_month, more.events_by_month, _event_order, _descending))


def _newest_year(year: int | None) -> tuple[bool, int]:
    """Newest year first, undated (None) last."""
    return (year is None, -(year or 0))


def _descending(key: int | Month) -> tuple:
    return (-key,) if isinstance(key, int) else (-key[0], -key[1])


def by_year(briefings: Sequence[Briefing]) -> dict[int | None, tuple[str, ...]]:
    """Briefings by publication year, newest year first; undated under None."""
    found: dict[int | None, list[str]] = defaultdict(list)
    for briefing in briefings:
        for year in briefing.extraction.years or (None,):
            found[year].append(briefing.slug)
    return {year: tuple(found[year]) for year in sorted(found, key=_newest_year)}


def by_month(briefings: Sequence[Briefing]) -> dict[Month, tuple[str, ...]]:
    """Briefings by publication month, newest month first. A briefing dated only by its year is in no month."""
    found: dict[Month, list[str]] = defaultdict(list)
    for briefing in briefings:
        date = PartialDate.of(briefing.extraction.published.value)
        if date is not None and date.month is not None:
            found[(date.year, date.month)].append(briefing.slug)
    return {month: tuple(found[month]) for month in sorted(found, reverse=True)}


def events_by_year(briefings: Sequence[Briefing]) -> dict[int, tuple[Event, ...]]:
    """Dates mentioned in briefings, by the year they fall in, in date order (year-only dates first)."""
    found: dict[int, list[Event]] = defaultdict(list)
    for briefing in briefings:
        for ref in briefing.extraction.dates:
            date = PartialDate.of(ref.value)
            if date is not None:
                found[date.year].append(Event(ref, briefing.slug))
    return {year: tuple(sorted(found[year], key=_event_order)) for year in sorted(found, reverse=True)}


def events_by_month(events: dict[int, tuple[Event, ...]]) -> dict[Month, tuple[Event, ...]]:
    """The events of ``events_by_year`` that name a month (``2023-04`` or a day in it), by month."""
    found: dict[Month, list[Event]] = defaultdict(list)
    for year, listed in events.items():
        for event in listed:
            month = month_of(event)
            if month is not None:
                found[(year, month)].append(event)
    return {month: tuple(found[month]) for month in sorted(found, reverse=True)}


def month_of(event: Event) -> int | None:
    """The month an event's date names; None for a year alone."""
    date = PartialDate.of(event.date.value)
    return date.month if date else None


def _event_order(event: Event) -> tuple:
    return (event.date.value, event.briefing, event.date.paragraph)
