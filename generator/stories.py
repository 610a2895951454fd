"""Cross-article links between briefings: stories (one event, several outlets) and related briefings.

A **story** groups briefings that report the same event (``grouping.py`` says how:
weighted word and name overlap, shared quotes, and time). ``group_stories`` runs in
the resolve stage and records, for each story, why its reports were grouped: the
people, places and organisations and the distinctive words they share, their dates
and how many quotations they have in common. Its slug is that of its earliest
briefing, so it stays when reports are added.

**Related briefings** are the briefings sharing the rarest people with this one
(each shared person counts ``1 / log2(1 + their briefings)``), plus a bonus for
being in the same story. A person named in very many briefings only relates those
close in date order (``NEIGHBOURS``): the work grows with the collection, not with
its square.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from . import grouping
from .extract.quotes import quote_key
from .model import Briefing, Person, SharedQuote, Story
from .partial_date import PartialDate

__all__ = ["SharedQuote", "Story", "compare_quotes", "group_stories", "related_briefings"]

MIN_QUOTE_WORDS = grouping.MIN_QUOTE_WORDS  # shorter quotes match only when identical
NEIGHBOURS = 25  # in a big posting list, relate each briefing only with this many on each side (date order)
RELATED = 5  # related briefings shown per briefing
STORY_BONUS = 2.0  # related score added for being in the same story
EVIDENCE = 8  # people, actors and words shown as the reason for a story, at most


def group_stories(briefings: Sequence[Briefing]) -> tuple[Story, ...]:
    """Stories of two or more briefings, newest first (by their earliest briefing), each with its evidence."""
    by_slug = {b.slug: b for b in briefings}
    found = grouping.group([(b.slug, b.extraction) for b in briefings])
    stories = [make_story([by_slug[slug] for slug in slugs], terms) for slugs, terms in found]
    newest_first = sorted(stories, key=lambda s: (by_slug[s.slug].extraction.published.value or "", s.slug),
                          reverse=True)
    return tuple(sorted(newest_first, key=lambda s: by_slug[s.slug].extraction.published.value is None))


def _when(briefing: Briefing) -> tuple[bool, bool, tuple[int, int, int]]:
    """Sort key, oldest first: the publication day; a year (or month) alone after every day, undated last."""
    date = PartialDate.of(briefing.extraction.published.value)
    return (date is None, date is None or not date.is_day, date.sort_key() if date else (0, 0, 0))


def make_story(members: list[Briefing], terms: list[str]) -> Story:
    members = sorted(members, key=lambda b: (_when(b), b.slug))
    people, actors = _shared(members, lambda e: e.persons), _shared(members, lambda e: e.actors)
    named = {w for name in (*people, *actors) for w in name.casefold().split()}  # shown once, as names
    return Story(slug=members[0].slug, briefings=tuple(b.slug for b in members), people=people, actors=actors,
                 terms=tuple([t for t in terms if t.casefold() not in named][:EVIDENCE]), dates=_dates(members),
                 quotes=sum(1 for q in compare_quotes(members) if len(q.briefings) > 1))


def _shared(members: list[Briefing], mentions) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Names at least two reports use (in any of their forms), most reports first; the fullest form is shown."""
    reports: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for b in members:
        keys = {}
        for m in mentions(b.extraction):
            key = _name_key(m.name)
            keys[key] = m.name
        for key, name in keys.items():
            reports[key] += 1
            shown[key] = max(shown.get(key, name), name, key=lambda n: (len(n), n))
    shared = [k for k, n in reports.items() if n > 1]
    return tuple(shown[k] for k in sorted(shared, key=lambda k: (-reports[k], shown[k]))[:EVIDENCE])


def _name_key(name: str) -> str:
    """The last word of a name, case-folded: "Vladimir Putin", "Putin" and "President Putin" meet."""
    words = name.casefold().split()
    return words[-1] if words else ""


def _dates(members: list[Briefing]) -> tuple[str, ...]:
    """The days its reports were published (a year alone says too little to show)."""
    days = {date for b in members if (date := PartialDate.of(b.extraction.published.value)) and date.is_day}
    return tuple(str(day) for day in sorted(days))


def related_briefings(briefings: Sequence[Briefing], people: dict[str, Person],
                      stories: Sequence[Story]) -> dict[str, tuple[tuple[str, float], ...]]:
    """Briefing slug → up to ``RELATED`` (other slug, score), best first (ties: newest first)."""
    order = {b.slug: n for n, b in enumerate(briefings)}
    story_of = {slug: s.slug for s in stories for slug in s.briefings}
    related = {}
    positions: dict[str, dict[str, int]] = {}  # person slug → where each briefing is in its list (a long one)
    for briefing in briefings:
        scores: dict[str, float] = defaultdict(float)
        for pslug in sorted(set(briefing.speakers.values())):
            person = people.get(pslug)
            if person is None:
                continue
            weight = 1 / math.log2(1 + len(person.articles))
            for other in _around(person, briefing.slug, positions):
                scores[other] += weight
        mine = story_of.get(briefing.slug)
        for other in scores:
            if mine is not None and story_of.get(other) == mine:
                scores[other] += STORY_BONUS
        best = sorted(scores.items(), key=lambda kv: (-round(kv[1], 9), order[kv[0]]))[:RELATED]
        related[briefing.slug] = tuple((slug, round(score, 3)) for slug, score in best)
    return related


def _around(person: Person, slug: str, positions: dict[str, dict[str, int]]) -> Sequence[str]:
    """The person's other briefings nearest in date order to ``slug`` (all of them when few).

    ``positions`` keeps each long list's index, made once: searching the list for every briefing
    in it would grow with the square of a much-named person's briefings."""
    articles = person.articles
    if len(articles) <= 2 * NEIGHBOURS + 1:
        return [a for a in articles if a != slug]
    if person.slug not in positions:
        positions[person.slug] = {a: n for n, a in reversed(list(enumerate(articles)))}  # the first, as index()
    at = positions[person.slug].get(slug, 0)
    return [a for a in articles[max(0, at - NEIGHBOURS):at + NEIGHBOURS + 1] if a != slug]


def compare_quotes(members: Sequence[Briefing]) -> list[SharedQuote]:
    """The quotes of a story's reports, matched across reports; most widely quoted first.

    Two quotes match when one's words contain the other's (outlets cut quotations
    differently); the fullest wording is kept. Quotes shorter than ``MIN_QUOTE_WORDS``
    match only when identical. A quote joins the first group holding a quote it matches;
    those are found through an index (``_QuoteIndex``), not by comparing it with every
    quote before it, so that a story of a thousand reports costs about its quotes.
    """
    groups: list[tuple[list[str], list[str | None], list[str]]] = []  # (keys, speakers, briefing slugs)
    index = _QuoteIndex()
    for briefing in members:
        for quote in briefing.extraction.quotes:
            key = quote_key(quote.text)
            at = index.first(key)
            if at is None:
                at = len(groups)
                groups.append(([], [], []))
            index.add(key, at)
            group = groups[at]
            group[0].append(key)
            group[1].append(quote.speaker)
            if briefing.slug not in group[2]:
                group[2].append(briefing.slug)
    text_of = {quote_key(q.text): q.text for b in members for q in b.extraction.quotes}
    shared = [SharedQuote(text=text_of[max(keys, key=len)], speaker=next((s for s in speakers if s), None),
                          briefings=tuple(slugs)) for keys, speakers, slugs in groups]
    return sorted(shared, key=lambda q: -len(q.briefings))  # stable: ties keep the reports' order


Pair = tuple[str, str]  # two words in a row


@dataclass
class _QuoteIndex:
    """The quote keys met so far, each with the first group holding it, and what finds those a new key matches.

    A key of ``MIN_QUOTE_WORDS`` or more inside another has its inner words (all but its first
    and last, which may be cut mid-word) whole in it, so every pair of them in a row is a pair of
    the other's. So a longer key holding a new one has the new one's rarest inner pair; and a
    shorter key inside a new one has its own rarest inner pair (when it was met) among the new
    one's pairs. Each candidate is then checked by the rule itself (``_same_quote``)."""

    group: dict[str, int] = field(default_factory=dict)  # key → the first group holding it
    pairs: dict[Pair, list[str]] = field(default_factory=dict)  # pair → the keys holding it
    inside: dict[Pair, list[str]] = field(default_factory=dict)  # pair → the long enough keys filed under it

    def first(self, key: str) -> int | None:
        """The first group holding a key that matches ``key``; None when none does."""
        words = key.split(" ")
        found = {key} if key in self.group else set()
        if len(words) >= MIN_QUOTE_WORDS:  # inside a longer key
            found.update(self.pairs.get(self._rarest(words), ()))
        for pair in pairwise(words):  # a shorter key inside it
            found.update(self.inside.get(pair, ()))
        return min((self.group[k] for k in found if _same_quote(key, k)), default=None)

    def add(self, key: str, group: int) -> None:
        if key in self.group:
            self.group[key] = min(self.group[key], group)
            return
        self.group[key] = group
        words = key.split(" ")
        for pair in dict.fromkeys(pairwise(words)):
            self.pairs.setdefault(pair, []).append(key)
        if len(words) >= MIN_QUOTE_WORDS:
            self.inside.setdefault(self._rarest(words), []).append(key)

    def _rarest(self, words: list[str]) -> Pair:
        """The pair of inner words in a row that the fewest keys hold (the first of those); ``MIN_QUOTE_WORDS``
        being at least 4, a key that long has one."""
        return min(pairwise(words[1:-1]), key=lambda pair: len(self.pairs.get(pair, ())))


def _same_quote(a: str, b: str) -> bool:
    if a == b:
        return True
    short = min(a, b, key=len)
    return short.count(" ") + 1 >= MIN_QUOTE_WORDS and (a in b or b in a)
