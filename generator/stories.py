"""Cross-article links between briefings: stories (one event, several outlets) and related briefings.

A **story** groups briefings that report the same event: published within
``WINDOW_DAYS`` of each other (or undated) and either quoting the same words or
naming mostly the same people. Grouping is greedy over candidate pairs, strongest
first, and a story never spans more than ``MAX_SPAN_DAYS`` nor holds more than
``MAX_STORY`` briefings, so that a year of daily news about one leader does not
chain into one giant story.

**Related briefings** are the briefings sharing the rarest people with this one
(each shared person counts ``1 / log2(1 + their briefings)``), plus a bonus for
being in the same story.

Candidates come from inverted indexes (person → briefings, quote → briefings),
and a person named in very many briefings only pairs briefings close in date
order (``NEIGHBOURS``): the work grows with the collection, not with its square.
Not handled: events told without shared people or quotes (e.g. only places), and
follow-up stories weeks later (they are related, not the same story).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .extract.quotes import quote_key
from .model import Briefing, Person

WINDOW_DAYS = 3  # two reports of one event are published within this many days of each other
MAX_SPAN_DAYS = 7  # a story's first and last reports are at most this far apart
MAX_STORY = 12  # more reports than this are a running topic, not one event
MIN_SHARED_PEOPLE = 2
MIN_PEOPLE_OVERLAP = 0.5  # shared people / people of the smaller briefing
MIN_QUOTE_WORDS = 5  # shorter shared quotes ("very important") are common phrases, not evidence
NEIGHBOURS = 25  # in a big posting list, pair each briefing only with this many on each side (date order)
RELATED = 5  # related briefings shown per briefing
STORY_BONUS = 2.0  # related score added for being in the same story


@dataclass(frozen=True)
class Story:
    """Briefings reporting one event; ``slug`` is that of its earliest briefing, so it is stable."""

    slug: str
    briefings: tuple[str, ...]  # briefing slugs, oldest first


@dataclass(frozen=True)
class _Facts:
    """What pairing needs to know of one briefing, computed once."""

    day: int | None  # the publication date as a day number
    people: frozenset[str]
    quotes: frozenset[str]  # quote keys long enough to count


def group_stories(briefings: Sequence[Briefing]) -> tuple[Story, ...]:
    """Stories of two or more briefings, in the order of their first briefing (``briefings`` is newest first)."""
    facts = {b.slug: _facts(b) for b in briefings}
    order = {b.slug: n for n, b in enumerate(briefings)}
    members: dict[str, list[str]] = {b.slug: [b.slug] for b in briefings}
    owner = {b.slug: b.slug for b in briefings}
    for score, a, b in sorted(_scored_pairs(briefings, facts), key=lambda t: (-t[0], order[t[1]], order[t[2]])):
        ra, rb = owner[a], owner[b]
        if ra == rb or not _can_join(members[ra] + members[rb], facts):
            continue
        members[ra] += members.pop(rb)
        for slug in members[ra]:
            owner[slug] = ra
    stories = [_story(group, order) for group in members.values() if len(group) > 1]
    return tuple(sorted(stories, key=lambda s: order[s.briefings[0]], reverse=True))


def _story(group: list[str], order: dict[str, int]) -> Story:
    oldest_first = sorted(group, key=lambda slug: -order[slug])
    return Story(slug=oldest_first[0], briefings=tuple(oldest_first))


def _facts(briefing: Briefing) -> _Facts:
    value = briefing.extraction.published.value
    keys = (quote_key(q.text) for q in briefing.extraction.quotes)
    return _Facts(day=_day(value),
                  people=frozenset(briefing.speakers.values()),
                  quotes=frozenset(k for k in keys if k.count(" ") + 1 >= MIN_QUOTE_WORDS))


def _day(value: str | None) -> int | None:
    """The day number of a full ``YYYY-MM-DD`` date; None for a partial or missing one (too vague to pair on)."""
    try:
        return date.fromisoformat(value).toordinal() if value and len(value) == 10 else None
    except ValueError:
        return None


def _can_join(group: list[str], facts: dict[str, _Facts]) -> bool:
    days = [facts[slug].day for slug in group if facts[slug].day is not None]
    return len(group) <= MAX_STORY and (not days or max(days) - min(days) <= MAX_SPAN_DAYS)


def _scored_pairs(briefings: Sequence[Briefing], facts: dict[str, _Facts]) -> Iterable[tuple[float, str, str]]:
    """Pairs that report the same event, with how strongly (shared quotes weigh most)."""
    for (a, b), shared in _candidates(briefings, facts).items():
        fa, fb = facts[a], facts[b]
        if fa.day is not None and fb.day is not None and abs(fa.day - fb.day) > WINDOW_DAYS:
            continue
        quoted = _shared_quotes(fa.quotes, fb.quotes)
        overlap = shared / max(1, min(len(fa.people), len(fb.people)))
        if quoted or (shared >= MIN_SHARED_PEOPLE and overlap >= MIN_PEOPLE_OVERLAP):
            yield quoted * 10 + overlap, a, b


def _candidates(briefings: Sequence[Briefing], facts: dict[str, _Facts]) -> Counter[tuple[str, str]]:
    """(a, b) → people shared, for every pair sharing a person or a quote (a before b, newest first)."""
    postings: dict[str, list[str]] = defaultdict(list)
    quotes: dict[str, list[str]] = defaultdict(list)
    for b in briefings:  # newest first, so every posting list is in date order
        for person in sorted(facts[b.slug].people):
            postings[person].append(b.slug)
        for key in sorted(facts[b.slug].quotes):
            quotes[key].append(b.slug)
    pairs: Counter[tuple[str, str]] = Counter()
    for posting in postings.values():
        pairs.update(_near_pairs(posting))
    for posting in quotes.values():
        for pair in _near_pairs(posting):
            pairs.setdefault(pair, 0)
    return pairs


def _near_pairs(posting: list[str]) -> Iterable[tuple[str, str]]:
    for i, a in enumerate(posting):
        for b in posting[i + 1:i + 1 + NEIGHBOURS]:
            yield a, b


def _shared_quotes(a: frozenset[str], b: frozenset[str]) -> int:
    """Quotes of ``a`` that ``b`` also has, whole or as part of a longer quotation (outlets cut quotes)."""
    return sum(1 for key in a if key in b or any(key in other or other in key for other in b))


def related_briefings(briefings: Sequence[Briefing], people: dict[str, Person],
                      stories: Sequence[Story]) -> dict[str, tuple[tuple[str, float], ...]]:
    """Briefing slug → up to ``RELATED`` (other slug, score), best first (ties: newest first)."""
    order = {b.slug: n for n, b in enumerate(briefings)}
    story_of = {slug: s.slug for s in stories for slug in s.briefings}
    related = {}
    for briefing in briefings:
        scores: Counter[str] = Counter()
        for pslug in sorted(set(briefing.speakers.values())):
            person = people.get(pslug)
            if person is None:
                continue
            weight = 1 / math.log2(1 + len(person.articles))
            for other in _around(person.articles, briefing.slug):
                scores[other] += weight
        mine = story_of.get(briefing.slug)
        for other in scores:
            if mine is not None and story_of.get(other) == mine:
                scores[other] += STORY_BONUS
        best = sorted(scores.items(), key=lambda kv: (-round(kv[1], 9), order[kv[0]]))[:RELATED]
        related[briefing.slug] = tuple((slug, round(score, 3)) for slug, score in best)
    return related


def _around(articles: tuple[str, ...], slug: str) -> Sequence[str]:
    """The person's other briefings nearest in date order to ``slug`` (all of them when few)."""
    if len(articles) <= 2 * NEIGHBOURS + 1:
        return [a for a in articles if a != slug]
    at = articles.index(slug) if slug in articles else 0
    return [a for a in articles[max(0, at - NEIGHBOURS):at + NEIGHBOURS + 1] if a != slug]


@dataclass(frozen=True)
class SharedQuote:
    """One quotation across a story's reports: the fullest wording, and which reports carry it."""

    text: str
    speaker: str | None
    briefings: tuple[str, ...]  # slugs of the reports quoting it (whole or in part), in story order


def compare_quotes(members: Sequence[Briefing]) -> list[SharedQuote]:
    """The quotes of a story's reports, matched across reports; most widely quoted first.

    Two quotes match when one's words contain the other's (outlets cut quotations
    differently); the fullest wording is kept. Quotes shorter than ``MIN_QUOTE_WORDS``
    match only when identical.
    """
    groups: list[tuple[list[str], list[str | None], list[str]]] = []  # (keys, speakers, briefing slugs)
    for briefing in members:
        for quote in briefing.extraction.quotes:
            key = quote_key(quote.text)
            group = next((g for g in groups if any(_same_quote(key, k) for k in g[0])), None)
            if group is None:
                group = ([], [], [])
                groups.append(group)
            group[0].append(key)
            group[1].append(quote.speaker)
            if briefing.slug not in group[2]:
                group[2].append(briefing.slug)
    text_of = {quote_key(q.text): q.text for b in members for q in b.extraction.quotes}
    shared = [SharedQuote(text=text_of[max(keys, key=len)], speaker=next((s for s in speakers if s), None),
                          briefings=tuple(slugs)) for keys, speakers, slugs in groups]
    return sorted(shared, key=lambda q: -len(q.briefings))  # stable: ties keep the reports' order


def _same_quote(a: str, b: str) -> bool:
    if a == b:
        return True
    short = min(a, b, key=len)
    return short.count(" ") + 1 >= MIN_QUOTE_WORDS and (a in b or b in a)
