"""The cross-article stage for people: one Person per real person across all briefings.

1. every person mention of every article becomes a unit;
2. units are grouped (``merge``: registry first, then same name, longer name, one
   word, spelling variants; doubtful pairs become review candidates);
3. each group becomes a Person: the registry's name or the most used full name,
   every other form as an alias, roles dated by the articles that state them
   (oldest first, so the page reads as a history), quotes and co-mentions;
4. slugs come from ``urls.person_slug``; two people with one slug are told apart
   by a suffix made from the person's own earliest briefing, so that an
   unrelated article never renames a page;
5. an article's unsure one-word persons (``Extraction.unsure``: "his wife, Laci") join the
   one person named in full elsewhere whose given name they are, when that person is named
   there beside someone this article names too; the others are dropped.
The registry format is documented in ``registry``.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import collector
from ..extract.people.names import name_key
from ..model import Extraction, Mention, MergeCandidate, Person, PersonQuote, RoleRecord
from ..urls import person_slug
from .merge import Clusters, Unit, cluster, most_first, only, role_history
from .registry import Entry, load_registry

__all__ = ["PeopleIndex", "load_registry", "resolve_people"]


@dataclass(frozen=True)
class PeopleIndex:
    people: tuple[Person, ...]  # sorted by name
    slug_for: dict[tuple[str, str], str]  # (briefing slug, person name or alias in that article) → person slug
    candidates: tuple[MergeCandidate, ...] = ()  # pairs not merged automatically, for the review report
    confirmed: dict[str, tuple[Mention, ...]] = field(default_factory=dict)  # briefing slug → unsure persons kept


def resolve_people(briefings: Sequence[tuple[str, Extraction]], registry: Path | None = None) -> PeopleIndex:
    """Group the persons of all articles. ``briefings`` is (briefing slug, extraction), newest first.

    Raises ConfigError when the registry file is invalid.
    """
    entries = load_registry(registry)
    with collector.paused():
        return _resolve(briefings, entries)


def _resolve(briefings: Sequence[tuple[str, Extraction]], entries: tuple[Entry, ...]) -> PeopleIndex:
    units = [Unit(slug, e.article.id, e.published.value, m) for slug, e in briefings for m in e.persons]
    clusters = cluster(units, entries)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units)):
        members[clusters.find(i)].append(i)
    slugs = _slugs(clusters, members)  # before the unsure are added: they never rename a page
    confirmed = _confirm_unsure(briefings, clusters, members)
    order = {slug: n for n, (slug, _) in enumerate(briefings)}
    by_slug = dict(briefings)
    grown: set[int] = set()
    for bslug, found in confirmed.items():
        extraction = by_slug[bslug]
        for mention, root in found:
            units.append(Unit(bslug, extraction.article.id, extraction.published.value, mention))
            members[root].append(len(units) - 1)
            grown.add(root)
    for root in grown:  # once per group, not per unit added (stable: as if added one by one)
        members[root].sort(key=lambda i: order[units[i].briefing])
    slug_for: dict[tuple[str, str], str] = {}
    for root, indexes in members.items():
        for i in indexes:
            mention = units[i].mention
            for form in (*mention.aliases, mention.name):  # the name last: it wins over another's alias
                slug_for[(units[i].briefing, form)] = slugs[root]
    quotes = person_quotes(briefings, slug_for)
    together = _co_mentions(briefings, slug_for)
    people = (_person(clusters, root, indexes, slugs[root], quotes[slugs[root]], together[slugs[root]])
              for root, indexes in members.items())
    return PeopleIndex(people=tuple(sorted(people, key=lambda p: (p.name.casefold(), p.slug))),
                       slug_for=slug_for, candidates=clusters.merge_candidates(),
                       confirmed={b: tuple(m for m, _ in found) for b, found in sorted(confirmed.items())})


def _confirm_unsure(briefings: Sequence[tuple[str, Extraction]], clusters: Clusters,
                    members: dict[int, list[int]]) -> dict[str, list[tuple[Mention, int]]]:
    """Step 5: each unsure one-word person of an article ("Laci") that is the given name of exactly
    one person named in full elsewhere, who is named there beside someone this article names too
    (Scott Peterson beside "Laci" here and beside Laci Peterson there). Not surnames: spaCy's
    one-word PERSON is as often the last word of a team or a place it took for a person ("Heels"
    of "Tar Heels", "Glacier" of "Mueller Glacier")."""
    by_word: dict[str, set[int]] = defaultdict(set)
    for root in members:
        for key in clusters.keys.get(root, ()):
            if len(key) > 1:
                by_word[key[0]].add(root)
    roots_in: dict[str, set[int]] = defaultdict(set)
    for root, indexes in members.items():
        for i in indexes:
            roots_in[clusters.units[i].briefing].add(root)
    keys = {mention.name: name_key(mention.name) for _, extraction in briefings for mention in extraction.unsure}
    # the groups named with each group of a briefing holding an unsure name, made once per group from its own
    # briefings: not from every briefing of every group of that given name (every "John", and for each of
    # its given names again), which grew with the square of the collection
    named_with: dict[int, set[int]] = {}
    found: dict[str, list[tuple[Mention, int]]] = defaultdict(list)
    for bslug, extraction in briefings:
        here = roots_in[bslug]
        for mention in extraction.unsure:
            key = keys[mention.name]
            if len(key) != 1:
                continue
            options = by_word.get(key[0], set())
            fitting = only(o for root in here for o in _beside(clusters, members, roots_in, named_with, root, options)
                           if o not in here)
            if fitting is not None:
                found[bslug].append((mention, fitting))
    return found


def _beside(clusters: Clusters, members: dict[int, list[int]], roots_in: dict[str, set[int]],
            named_with: dict[int, set[int]], root: int, options: set[int]) -> set[int]:
    """The ``options`` (the groups of one given name) named in a briefing with the group ``root``;
    ``named_with`` keeps each group's companions once made."""
    company = named_with.get(root)
    if company is None:
        company = named_with[root] = {other for b in {clusters.units[i].briefing for i in members[root]}
                                      for other in roots_in[b]}
    return company & options


def _display_name(clusters: Clusters, root: int, indexes: list[int]) -> str:
    """The registry's name, else the full name used most often (then the longest, then A–Z)."""
    entry: Entry | None = clusters.entry.get(root)
    if entry:
        return entry.name
    counts = Counter(clusters.units[i].mention.name for i in indexes)
    return min(counts, key=lambda n: (len(name_key(n)) < 2, -counts[n], -len(n), n))


def _slugs(clusters: Clusters, members: dict[int, list[int]]) -> dict[int, str]:
    """A slug per group; a clash is resolved by a suffix from the group's own earliest briefing."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for root, indexes in members.items():
        entry = clusters.entry.get(root)
        wanted[entry.slug if entry and entry.slug else person_slug(_display_name(clusters, root, indexes))].append(root)
    slugs: dict[int, str] = {}
    for slug, roots in wanted.items():
        ordered = sorted(roots, key=lambda r: (not (clusters.entry.get(r) and clusters.entry[r].slug),
                                               min(clusters.units[i].briefing for i in members[r])))
        slugs[ordered[0]] = slug
        for root in ordered[1:]:
            first = min(clusters.units[i].briefing for i in members[root])
            slugs[root] = f"{slug}-{hashlib.sha1(first.encode()).hexdigest()[:6]}"
    return slugs


def _person(clusters: Clusters, root: int, indexes: list[int], slug: str,
            quotes: dict[str, list[tuple[str, int]]], together: Counter) -> Person:
    units = [clusters.units[i] for i in indexes]
    name = _display_name(clusters, root, indexes)
    entry = clusters.entry.get(root)
    forms = {f for u in units for f in (u.mention.name, *u.mention.aliases)} | set(entry.aliases if entry else ())
    roles: dict[tuple[str, str], RoleRecord] = {}
    for unit in units:
        for role in unit.mention.roles:
            roles.setdefault((role.casefold(), unit.briefing), RoleRecord(role, unit.briefing, unit.date))
    return Person(slug=slug, name=name, aliases=tuple(sorted(forms - {name})),
                  description=entry.description if entry else "", roles=role_history(roles.values()),
                  articles=tuple(dict.fromkeys(u.briefing for u in units)),
                  quotes=tuple(PersonQuote(t, tuple(src)) for t, src in quotes.items()),
                  co_mentions=most_first(together))


def person_quotes(briefings: Sequence[tuple[str, Extraction]],
            slug_for: dict[tuple[str, str], str]) -> dict[str, dict[str, list[tuple[str, int]]]]:
    found: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    for bslug, extraction in briefings:
        for quote in extraction.quotes:
            if quote.speaker and (bslug, quote.speaker) in slug_for:
                found[slug_for[(bslug, quote.speaker)]][quote.text].append((bslug, quote.paragraph))
    return found


def _co_mentions(briefings: Sequence[tuple[str, Extraction]],
                 slug_for: dict[tuple[str, str], str]) -> dict[str, Counter]:
    together: dict[str, Counter] = defaultdict(Counter)
    for bslug, extraction in briefings:
        present = sorted({slug_for[(bslug, m.name)] for m in extraction.persons})
        for a in present:
            together[a].update(b for b in present if b != a)
    return together
