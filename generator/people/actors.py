"""The cross-article stage for organisations and places: one Actor per real one across all briefings.

1. every organisation or place mention of every article is a unit; its keys are its
   name and aliases, folded, without a legal form ("AirTanker Ltd." → "airtanker");
2. units of one kind (organisation, country or other place) sharing a key are one
   actor (the country Georgia is not the state of Georgia; both are listed as places);
   a company named with the words saying what it does joins the one named without them
   ("Apple Computer", "Apple"); an acronym with no key of its own joins the one actor it
   abbreviates anywhere in the collection (GM here, General Motors there);
3. each actor is named by its most used full form, every other form an alias; it
   lists its briefings (newest first), the people named with it (most first) and
   the quotes that name it by any of its forms;
4. slugs come from ``urls.actor_slug``, one namespace for organisations and places;
   a clash is told apart by a suffix from the actor's own earliest briefing, as for people.
Not handled: two organisations with one name (the "Labour Party" of two countries is one).
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .. import collector
from ..extract.people.actors import acronym, legal_base, short_name
from ..extract.people.names import fold
from ..model import Actor, ActorQuote, Extraction, Mention, Quote
from ..urls import actor_slug
from .merge import memoised, most_first

ACTOR_QUOTES = 200  # quotes kept per actor (its page shows fewer): the newest


@dataclass(frozen=True)
class ActorIndex:
    actors: tuple[Actor, ...]  # by name
    slug_for: dict[tuple[str, str], str]  # (briefing slug, actor name in that article) → actor slug


@dataclass(frozen=True, slots=True)  # one per mention of the collection: no __dict__ each
class _Unit:
    briefing: str
    mention: Mention

    @property
    def group(self) -> str:
        return "org" if self.mention.kind == "org" else "place"

    @property
    def clan(self) -> str:
        """What units must share to be one actor: their kind, so that the state of Georgia (a place)
        is not the country (a country), though both are listed as places."""
        return self.mention.kind

    def keys(self, key: Callable[[str], str]) -> set[str]:
        """Its forms' keys (``key`` is ``_key``, remembered for the resolution)."""
        return {k for form in (self.mention.name, *self.mention.aliases) if (k := key(form))}

    def short_keys(self, key: Callable[[str], str], short: Callable[[str], str]) -> set[str]:
        """Keys without the words saying what a company does: they join only an actor named so alone
        (``short`` is ``short_name``, remembered too)."""
        return {key(short(form)) for form in (self.mention.name, *self.mention.aliases)} - self.keys(key)


def _key(form: str) -> str:
    return " ".join(fold(legal_base(form)).replace(".", "").split())


def resolve_actors(briefings: Sequence[tuple[str, Extraction]],
                   person_slug_for: dict[tuple[str, str], str]) -> ActorIndex:
    """Group the organisations and places of all articles; ``briefings`` is (briefing slug, extraction), newest first.

    ``person_slug_for`` is the people stage's (briefing slug, name) → person slug, for the people named with an actor.
    """
    with collector.paused():
        return _resolve(briefings, person_slug_for)


def _resolve(briefings: Sequence[tuple[str, Extraction]], person_slug_for: dict[tuple[str, str], str]) -> ActorIndex:
    units = [_Unit(slug, m) for slug, e in briefings for m in e.actors if m.kind in ("org", "place", "country")]
    members = _cluster(units)
    slugs = _slugs(units, members)
    slug_for = {(units[i].briefing, form): slugs[root] for root, indexes in members.items() for i in indexes
                for form in (units[i].mention.name, *units[i].mention.aliases)}
    by_slug = dict(briefings)
    named: dict[str, tuple[str, ...]] = {}  # briefing slug → the people it names, once for all its actors
    for bslug, extraction in briefings:
        named[bslug] = tuple(sorted({person_slug_for[(bslug, m.name)] for m in extraction.persons
                                     if (bslug, m.name) in person_slug_for}))
    actors = [_actor(units, indexes, slugs[root], by_slug, named, person_slug_for) for root, indexes in members.items()]
    return ActorIndex(actors=tuple(sorted(actors, key=lambda a: (a.name.casefold(), a.slug))), slug_for=slug_for)


def _cluster(units: list[_Unit]) -> dict[int, list[int]]:
    """Rules 1 and 2: union-find over units sharing a key, then acronyms onto their one expansion."""
    parent = list(range(len(units)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keyed, shortened = memoised(_key), memoised(short_name)
    first: dict[tuple[str, str], int] = {}
    for i, unit in enumerate(units):
        for key in sorted(unit.keys(keyed)):
            j = first.setdefault((unit.clan, key), i)
            parent[max(find(i), find(j))] = min(find(i), find(j))
    for i, unit in enumerate(units):
        for key in sorted(unit.short_keys(keyed, shortened)):
            if (unit.clan, key) in first:
                j = first[(unit.clan, key)]
                parent[max(find(i), find(j))] = min(find(i), find(j))
    abbreviated = memoised(acronym)
    expansions: dict[tuple[str, str], set[int]] = defaultdict(set)  # the groups, not every unit: GM × General Motors
    for i, unit in enumerate(units):
        for form in (unit.mention.name, *unit.mention.aliases):
            if short := abbreviated(form):
                expansions[(unit.clan, short.casefold())].add(find(i))
    for i, unit in enumerate(units):
        name = unit.mention.name.replace(".", "")
        if name.isupper() and not unit.mention.aliases:
            roots = {find(j) for j in expansions.get((unit.clan, name.casefold()), ())}  # as joined since
            if len(roots) == 1:
                root = roots.pop()
                parent[max(find(i), root)] = min(find(i), root)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        members[find(i)].append(i)
    return members


def _display_name(units: list[_Unit], indexes: list[int]) -> str:
    """The name used most often, an acronym only when nothing else is; then the longest, then A–Z."""
    counts = Counter(units[i].mention.name for i in indexes)
    return min(counts, key=lambda n: (n.replace(".", "").isupper(), -counts[n], -len(n), n))


def _slugs(units: list[_Unit], members: dict[int, list[int]]) -> dict[int, str]:
    wanted: dict[str, list[int]] = defaultdict(list)
    for root, indexes in members.items():
        wanted[actor_slug(_display_name(units, indexes))].append(root)
    slugs: dict[int, str] = {}
    for slug, roots in wanted.items():
        ordered = sorted(roots, key=lambda r: (-len(members[r]), min(units[i].briefing for i in members[r])))
        slugs[ordered[0]] = slug
        for root in ordered[1:]:
            first = min(units[i].briefing for i in members[root])
            slugs[root] = f"{slug}-{hashlib.sha1(first.encode()).hexdigest()[:6]}"
    return slugs


def _actor(units: list[_Unit], indexes: list[int], slug: str, by_slug: dict[str, Extraction],
           named: dict[str, tuple[str, ...]], person_slug_for: dict[tuple[str, str], str]) -> Actor:
    name = _display_name(units, indexes)
    forms = {f for i in indexes for f in (units[i].mention.name, *units[i].mention.aliases)}
    articles = tuple(dict.fromkeys(units[i].briefing for i in indexes))
    people: Counter = Counter()
    for bslug in articles:
        people.update(named[bslug])
    group = units[indexes[0]].group
    return Actor(slug=slug, kind=group, name=name, aliases=tuple(sorted(forms - {name})),
                 country=units[indexes[0]].clan == "country", articles=articles,
                 people=most_first(people),
                 quotes=quotes_naming(forms, articles, lambda bslug: by_slug[bslug].quotes,
                                      lambda bslug, q: person_slug_for.get((bslug, q.speaker or ""))))


def quotes_naming(forms: set[str], articles: Sequence[str], quotes_of: Callable[[str], Sequence[Quote]],
                  speaker: Callable[[str, Quote], str | None]) -> tuple[ActorQuote, ...]:
    """The first ``ACTOR_QUOTES`` quotes of ``articles`` (in their order: newest first) that name one of
    ``forms``; ``speaker`` gives a quote's person slug. The older articles' quotes are not even read: a
    country is named in thousands of briefings. A quote is searched for the forms as plain text first (most
    quotes hold none), and the pattern is compiled only when one does."""
    written = [f for f in forms if len(f) > 1]  # what the pattern looks for
    pattern: re.Pattern[str] | None = None
    quotes: list[ActorQuote] = []
    for bslug in articles:
        for q in quotes_of(bslug):
            if any(f in q.text for f in written):
                pattern = pattern or forms_pattern(forms)
                if pattern.search(q.text):
                    quotes.append(ActorQuote(q.text, bslug, q.paragraph, speaker(bslug, q)))
                    if len(quotes) == ACTOR_QUOTES:
                        return tuple(quotes)
    return tuple(quotes)


def forms_pattern(forms: set[str]) -> re.Pattern[str]:
    """Any of the forms as a whole word or phrase (case kept: "US" must not match "us")."""
    alternatives = sorted((re.escape(f) for f in forms if len(f) > 1), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)") if alternatives else re.compile(r"(?!x)x")
