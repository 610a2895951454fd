"""The cross-article stage: extractions → Corpus (briefings, people, organisations and places, stories,
related briefings, the timeline).

Everything that needs more than one article happens here, before any page is
rendered ("collect everything, then render": people, years and stories induce a
graph, not a tree). Rendering only shows the Corpus.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .model import Briefing, Corpus, Extraction
from .people import resolve_people
from .people.actors import resolve_actors
from .stories import compare_quotes, group_stories, related_briefings
from .timeline import timeline
from .urls import briefing_slug


def resolve(extractions: Sequence[Extraction], registry: Path | None = None) -> Corpus:
    """Order briefings newest first (undated last), then group people, organisations and places across
    them, then link the briefings (``link``)."""
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
    return link(Corpus(briefings=briefings, people=index.people, merge_candidates=index.candidates,
                       actors=actors.actors))


def link(corpus: Corpus) -> Corpus:
    """The corpus with the links between its briefings made from its briefings and people: reports of one
    event grouped into stories (and their quotes compared), related briefings, and the timeline."""
    stories = group_stories(corpus.briefings)
    by_slug = {b.slug: b for b in corpus.briefings}
    return replace(corpus, stories=stories,
                   related=related_briefings(corpus.briefings, {p.slug: p for p in corpus.people}, stories),
                   story_quotes={s.slug: tuple(compare_quotes([by_slug[slug] for slug in s.briefings]))
                                 for s in stories},
                   timeline=timeline(corpus.briefings))


def _newest_first(extraction: Extraction) -> tuple:
    value = extraction.published.value
    # negate the date's characters so that a plain ascending sort puts the newest first
    return (value is None, tuple(-ord(c) for c in value or ""), extraction.article.id)
