"""The cross-article stage for people: one Person per real person across all briefings.

A first version: persons merge when their full names are equal. Not handled yet:
the registry, surname-only forms across articles, transliteration variants.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import Extraction, MergeCandidate, Person, PersonQuote, RoleRecord
from .urls import person_slug


@dataclass(frozen=True)
class PeopleIndex:
    people: tuple[Person, ...]  # sorted by name
    slug_for: dict[tuple[str, str], str]  # (briefing slug, person name in that article) → person slug
    candidates: tuple[MergeCandidate, ...] = ()  # pairs not merged automatically, for the review report


def resolve_people(briefings: Sequence[tuple[str, Extraction]], registry: Path | None = None) -> PeopleIndex:
    """Group the persons of all articles. ``briefings`` is (briefing slug, extraction), newest first."""
    slug_for: dict[tuple[str, str], str] = {}
    names: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, list[RoleRecord]] = defaultdict(list)
    articles: dict[str, list[str]] = defaultdict(list)
    quotes: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    for bslug, extraction in briefings:
        for mention in extraction.persons:
            pslug = person_slug(mention.name)
            slug_for[(bslug, mention.name)] = pslug
            names.setdefault(pslug, mention.name)
            aliases[pslug].update(mention.aliases)
            roles[pslug].extend(RoleRecord(r, bslug, extraction.published.value) for r in mention.roles)
            articles[pslug].append(bslug)
        for quote in extraction.quotes:
            if quote.speaker and (bslug, quote.speaker) in slug_for:
                quotes[slug_for[(bslug, quote.speaker)]][quote.text].append((bslug, quote.paragraph))
    together: dict[str, Counter] = defaultdict(Counter)
    for bslug, extraction in briefings:
        present = sorted({slug_for[(bslug, m.name)] for m in extraction.persons})
        for a in present:
            together[a].update(b for b in present if b != a)
    people = tuple(sorted((
        Person(slug=s, name=names[s], aliases=tuple(sorted(aliases[s] - {names[s]})), roles=tuple(roles[s]),
               articles=tuple(dict.fromkeys(articles[s])),
               quotes=tuple(PersonQuote(t, tuple(src)) for t, src in quotes[s].items()),
               co_mentions=tuple(sorted(together[s].items(), key=lambda kv: (-kv[1], kv[0]))))
        for s in names), key=lambda p: (p.name.casefold(), p.slug)))
    return PeopleIndex(people=people, slug_for=slug_for)
