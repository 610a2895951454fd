"""The cross-article stage: extractions → Corpus (briefings, people, organisations and places, stories,
related briefings, the timeline).

Everything that needs more than one article happens here, before any page is
rendered ("collect everything, then render": people, years and stories induce a
graph, not a tree). Rendering only shows the Corpus.

Under ``mkdocs serve`` an edit most often changes an article's wording, not who it
names or when. A ``ResolveMemo`` (held by the plugin across rebuilds) keeps the last
resolved corpus with a digest of what resolving reads of each article
(``resolution_digest``: its id, path and date, its people, organisations and places,
its unsure names, its dates, and its story signature: the terms that weigh most in
its profile and its long quotations). When every article's digest is unchanged, the
corpus is reused and the edited articles are patched in (``patch``): their briefings,
the quotes of the people and organisations they name, and their story's compared
quotes. Anything else (a name, a date, a new or deleted article, the registry) resolves
the whole collection again. ``tests/test_memo.py`` compares patched corpora with
fresh ones.

What a patched corpus keeps from the last full resolve: the story groups and their
evidence words. A wording edit that leaves an article's heaviest terms and long
quotations as they were moves its profile by little, and a story regrouped by such an
edit would be one at the threshold; ``mkdocs build`` always resolves in full.

Under ``mkdocs serve --dirty`` (``ResolveMemo.show_added``), a new article (a few at
once, nothing else changed but wording) is shown at once on a *provisional* corpus
(``add``): the last one with the new briefings in their place,
each person, organisation or place they name by a form the collection already knows
for exactly one record linked to it (that record's page lists the new briefing and its
quotes), the other names unlinked, no story and no related briefings yet. The memo is
then ``provisional``, and the next resolve, which the serve plugin asks for at once,
resolves the whole collection: a new name can merge people, start a story or rename a
page only there. ``tests/test_memo.py`` checks both steps.
"""
from __future__ import annotations

import hashlib
import pickle
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import grouping
from .extract.quotes import quote_key
from .memo import Affected
from .model import Actor, Briefing, Corpus, Extraction, Mention, Person, PersonQuote, RoleRecord
from .patterns.stories import STOP_WORDS, TOKEN

# the stages' own steps, so that a patched record is made as the full stage makes it (tests/test_memo.py)
from .people import person_quotes, resolve_people
from .people.actors import quotes_naming, resolve_actors
from .people.merge import most_first, role_history
from .stories import compare_quotes, group_stories, make_story, related_briefings
from .timeline import timeline, with_added
from .urls import briefing_slug

SIGNATURE_TERMS = 12  # an article's heaviest terms in its story signature (grouping indexes as many)
# new articles shown on a provisional corpus before the full resolve under ``mkdocs serve --dirty`` (the plugin
# sets ``ResolveMemo.show_added``); more at once (a folder copied in) wait for it
PROVISIONAL_ADDITIONS = 20


@dataclass(frozen=True)
class Resolved:
    """A corpus and what patching it needs that the corpus does not keep."""

    corpus: Corpus
    slug_for: dict[tuple[str, str], str]  # the people stage's (briefing slug, name) → person slug
    confirmed: dict[str, tuple[Mention, ...]]  # briefing slug → unsure persons the people stage kept


@dataclass
class ResolveMemo:
    """The last resolve of a serve session and the digests of its inputs (``resolution_digest``)."""

    last: Resolved | None = None
    inputs: dict[str, Extraction] = field(default_factory=dict)  # article path → the extraction resolved last
    digests: dict[str, bytes] = field(default_factory=dict)  # article path → its resolution digest
    registry: bytes | None = None
    kept: dict[int, tuple[Extraction, bytes]] = field(default_factory=dict)  # id → (object, digest)
    patched: int = 0  # rebuilds that patched the last corpus (for tests and the log)
    affected: Affected | None = None  # what the last patch changed; None after a full resolve
    provisional: bool = False  # the last corpus shows new articles before their full resolve (``add``)
    show_added: int = 0  # at most this many new articles at once are shown provisionally; 0: never

    def digest(self, e: Extraction) -> bytes:
        """``resolution_digest(e)``, computed once per extraction object (the pipeline keeps unchanged ones)."""
        kept = self.kept.get(id(e))
        if kept is None or kept[0] is not e:
            kept = self.kept[id(e)] = (e, resolution_digest(e))
        return kept[1]


def resolve(extractions: Sequence[Extraction], registry: Path | None = None,
            memo: ResolveMemo | None = None) -> Corpus:
    """Order briefings newest first (undated last), then group people, organisations and places across
    them, then link the briefings (``link``). With a ``memo``, the last corpus patched when it can be."""
    if memo is None:
        return resolve_all(extractions, registry).corpus
    digests = {e.article.path: memo.digest(e) for e in extractions}
    memo.kept = {id(e): memo.kept[id(e)] for e in extractions}
    registry_bytes = registry.read_bytes() if registry is not None else None
    added = [e for e in extractions if e.article.path not in memo.digests]
    kept = [e for e in extractions if e.article.path in memo.digests]
    # none removed, none changed but in wording, and few new ones
    if memo.last is not None and not memo.provisional and registry_bytes == memo.registry \
            and all(digests.get(path) == digest for path, digest in memo.digests.items()) \
            and len(added) <= memo.show_added:
        base = memo.last.corpus
        memo.last = patch(memo.last, memo.inputs, kept)
        memo.affected = affected(base, memo.last.corpus)
        if added:
            memo.last, memo.affected = add(memo.last, added, memo.affected)
        memo.patched += 1
        memo.provisional = bool(added)
    else:
        memo.last, memo.affected, memo.provisional = resolve_all(extractions, registry), None, False
    memo.inputs, memo.digests, memo.registry = {e.article.path: e for e in extractions}, digests, registry_bytes
    return memo.last.corpus


def resolve_all(extractions: Sequence[Extraction], registry: Path | None = None) -> Resolved:
    """The whole collection resolved: the corpus, and the people stage's lookups ``patch`` needs."""
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
    corpus = link(Corpus(briefings=briefings, people=index.people, merge_candidates=index.candidates,
                         actors=actors.actors))
    return Resolved(corpus, index.slug_for, index.confirmed)


def link(corpus: Corpus) -> Corpus:
    """The corpus with the links between its briefings made from its briefings and people: reports of one
    event grouped into stories (and their quotes compared), related briefings, and the timeline."""
    found = group_stories(corpus.briefings)
    by_slug = {b.slug: b for b in corpus.briefings}
    return replace(corpus, stories=found,
                   related=related_briefings(corpus.briefings, {p.slug: p for p in corpus.people}, found),
                   story_quotes={s.slug: tuple(compare_quotes([by_slug[slug] for slug in s.briefings]))
                                 for s in found},
                   timeline=timeline(corpus.briefings))


# ---- reusing the last corpus ------------------------------------------------------------------


def resolution_digest(e: Extraction) -> bytes:
    """A digest of everything the cross-article stage reads of an article but its wording: id, path, date,
    mentions (with their paragraphs and roles), unsure names, dates, and the story signature
    (``story_signature``). Two extractions with one digest resolve alike, but for their quotes (patched) and
    their weight in story grouping (see the module's docstring)."""
    relevant = (e.article.id, e.article.path, e.published, e.persons, e.actors, e.unsure, e.dates,
                story_signature(e))
    return hashlib.blake2b(pickle.dumps(relevant, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


def story_signature(e: Extraction) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an article is about for story grouping: its ``SIGNATURE_TERMS`` heaviest terms, weighted by where
    they stand as grouping weighs them (without the collection's IDF), and the keys of its long quotations."""
    counts: Counter[str] = Counter()
    for text, weight in ((e.article.title, grouping.TITLE_WEIGHT),
                         *(("\n".join(e.article.body[start:stop]), weight)
                           for start, stop, weight in grouping.BANDS if start < len(e.article.body))):
        for token in TOKEN.findall(text):
            word = token.casefold().replace("’", "'").removesuffix("'s")
            if word not in STOP_WORDS and len(word) >= (3 if word.isalpha() else 2):
                counts[grouping.stem(word)] += weight
    heaviest = tuple(sorted(counts, key=lambda t: (-counts[t], t))[:SIGNATURE_TERMS])
    quotes = sorted({key for q in e.quotes if (key := quote_key(q.text)).count(" ") + 1 >= grouping.MIN_QUOTE_WORDS})
    return heaviest, tuple(quotes)


def patch(last: Resolved, before: dict[str, Extraction], extractions: Sequence[Extraction]) -> Resolved:
    """``last`` with the extractions that are not the objects it was resolved from put in their briefings'
    place; each has the resolution digest it had (``resolve`` checks), so only what reads their wording or
    quotes is made again: the quotes of the people and organisations they name, their story's quotes."""
    now = {e.article.path: e for e in extractions}
    changed = {path for path, e in now.items() if before.get(path) is not e}
    if not changed:
        return last
    corpus = last.corpus
    briefings = tuple(_patched(b, now[b.extraction.article.path], last.confirmed)
                      if b.extraction.article.path in changed else b for b in corpus.briefings)
    edited = {b.slug for b in briefings if b.extraction.article.path in changed}
    by_slug = {b.slug: b for b in briefings}
    people = tuple(_person_quotes(p, by_slug, last.slug_for) if edited.intersection(p.articles) else p
                   for p in corpus.people)
    actors = tuple(_actor_quotes(a, by_slug, last.slug_for) if edited.intersection(a.articles) else a
                   for a in corpus.actors)
    regrouped = [s for s in corpus.stories if edited.intersection(s.briefings)]
    found = {s.slug: make_story([by_slug[slug] for slug in s.briefings], list(s.terms)) for s in regrouped}
    story_quotes = {**corpus.story_quotes, **{s.slug: tuple(compare_quotes([by_slug[slug] for slug in s.briefings]))
                                              for s in regrouped}}
    return replace(last, corpus=replace(corpus, briefings=briefings, people=people, actors=actors,
                                        stories=tuple(found.get(s.slug, s) for s in corpus.stories),
                                        story_quotes=story_quotes))


def add(last: Resolved, added: Sequence[Extraction], changed: Affected) -> tuple[Resolved, Affected]:
    """``last`` with briefings for the ``added`` extractions (new articles) in their place, provisionally (see
    the module's docstring): a name links to the one person, organisation or place the collection already
    knows under that very form; those records gain the briefing, its quotes, roles and companions. What a
    patch already ``changed`` is kept in the returned ``Affected``, with the new briefings and the records
    they reach."""
    corpus = last.corpus
    slugs = [briefing_slug(e.article.id, e.article.path) for e in added]
    person_forms = _forms_index(corpus.people)
    actor_forms = _forms_index(corpus.actors)
    slug_for = dict(last.slug_for)
    new: list[Briefing] = []
    for slug, e in zip(slugs, added):
        speakers = {m.name: found for m in e.persons if (found := _known(person_forms, m)) is not None}
        for m in e.persons:
            if m.name in speakers:
                slug_for.update({(slug, form): speakers[m.name] for form in (*m.aliases, m.name)})
        new.append(Briefing(slug=slug, extraction=e, speakers=speakers,
                            actor_slugs={m.name: found for m in e.actors
                                         if (found := _known(actor_forms, m)) is not None}))
    briefings = tuple(sorted((*corpus.briefings, *new), key=lambda b: _newest_first(b.extraction)))
    order = {b.slug: n for n, b in enumerate(briefings)}
    by_slug = {b.slug: b for b in briefings}
    people_named = {slug for b in new for slug in b.speakers.values()}
    actors_named = {slug for b in new for slug in b.actor_slugs.values()}
    people = tuple(_person_added(p, new, order, by_slug, slug_for) if p.slug in people_named else p
                   for p in corpus.people)
    actors = tuple(_actor_added(a, new, order, by_slug, slug_for) if a.slug in actors_named else a
                   for a in corpus.actors)
    grown = replace(corpus, briefings=briefings, people=people, actors=actors,
                    timeline=with_added(corpus.timeline, briefings, new))
    return (replace(last, corpus=grown, slug_for=slug_for),
            replace(changed, briefings=changed.briefings | set(slugs), grown=True,
                    people=changed.people | {p.slug for p, o in zip(people, corpus.people) if p is not o},
                    actors=changed.actors | {a.slug for a, o in zip(actors, corpus.actors) if a is not o}))


def _forms_index(records: Sequence[Person] | Sequence[Actor]) -> dict[str, set[str]]:
    """Every name and alias of the records → the slugs of the records known by it."""
    index: dict[str, set[str]] = {}
    for record in records:
        for form in (record.name, *record.aliases):
            index.setdefault(form, set()).add(record.slug)
    return index


def _known(index: dict[str, set[str]], mention: Mention) -> str | None:
    """The one record known by one of the mention's forms, if exactly one is."""
    found = {slug for form in (mention.name, *mention.aliases) for slug in index.get(form, ())}
    return found.pop() if len(found) == 1 else None


def _person_added(person: Person, new: Sequence[Briefing], order: dict[str, int], by_slug: dict[str, Briefing],
                  slug_for: dict[tuple[str, str], str]) -> Person:
    """The person with the new briefings that name them: listed, their roles and companions counted, their
    quotes gathered again."""
    mine = [b for b in new if person.slug in b.speakers.values()]
    roles = {(r.role.casefold(), r.article): r for r in person.roles}
    together = Counter(dict(person.co_mentions))
    forms = set(person.aliases)
    for b in mine:
        for m in b.extraction.persons:
            if b.speakers.get(m.name) == person.slug:
                forms.update((m.name, *m.aliases))
                for role in m.roles:
                    roles.setdefault((role.casefold(), b.slug), RoleRecord(role, b.slug, b.extraction.published.value))
        together.update({other for other in b.speakers.values() if other != person.slug})
    grown = replace(person, articles=_listing(person.articles, mine, order),
                    aliases=tuple(sorted(forms - {person.name})),
                    roles=role_history(roles.values()), co_mentions=most_first(together))
    return _person_quotes(grown, by_slug, slug_for)


def _actor_added(actor: Actor, new: Sequence[Briefing], order: dict[str, int], by_slug: dict[str, Briefing],
                 slug_for: dict[tuple[str, str], str]) -> Actor:
    """The organisation or place with the new briefings that name it: listed, the people named with it counted,
    the quotes naming it gathered again."""
    mine = [b for b in new if actor.slug in b.actor_slugs.values()]
    people = Counter(dict(actor.people))
    for b in mine:
        people.update(set(b.speakers.values()))
    grown = replace(actor, articles=_listing(actor.articles, mine, order), people=most_first(people))
    return _actor_quotes(grown, by_slug, slug_for)


def _listing(articles: tuple[str, ...], new: Sequence[Briefing], order: dict[str, int]) -> tuple[str, ...]:
    """A record's briefings with the ``new`` ones among them, in the corpus's order (newest first)."""
    return tuple(sorted({*articles, *(b.slug for b in new)}, key=order.__getitem__))


def affected(before: Corpus, after: Corpus) -> Affected:
    """The records ``patch`` made again: those that are not the objects they were."""
    def changed(old: Sequence, new: Sequence) -> frozenset[str]:
        return frozenset(n.slug for o, n in zip(old, new) if o is not n)
    return Affected(before, changed(before.briefings, after.briefings), changed(before.people, after.people),
                    changed(before.actors, after.actors), changed(before.stories, after.stories))


def _patched(briefing: Briefing, e: Extraction, confirmed: dict[str, tuple[Mention, ...]]) -> Briefing:
    if briefing.slug in confirmed:  # as ``resolve_all`` adds them
        e = replace(e, persons=e.persons + confirmed[briefing.slug])
    return replace(briefing, extraction=e)


def _person_quotes(person: Person, by_slug: dict[str, Briefing], slug_for: dict[tuple[str, str], str]) -> Person:
    """The person with their quotes gathered again: only briefings that name them can quote them."""
    found = person_quotes([(slug, by_slug[slug].extraction) for slug in person.articles], slug_for)
    return replace(person, quotes=tuple(PersonQuote(t, tuple(src)) for t, src in found[person.slug].items()))


def _actor_quotes(actor: Actor, by_slug: dict[str, Briefing], slug_for: dict[tuple[str, str], str]) -> Actor:
    """The organisation or place with the quotes naming it gathered again from its briefings."""
    return replace(actor, quotes=quotes_naming({actor.name, *actor.aliases}, actor.articles,
                                               lambda slug: by_slug[slug].extraction.quotes,
                                               lambda slug, q: slug_for.get((slug, q.speaker or ""))))


def _newest_first(extraction: Extraction) -> tuple:
    value = extraction.published.value
    # negate the date's characters so that a plain ascending sort puts the newest first
    return (value is None, tuple(-ord(c) for c in value or ""), extraction.article.id)

