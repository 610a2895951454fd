"""What each page kind shows: a small typed context per template, made from the resolved Corpus.

A context holds everything its template reads (with the template globals of
``render.py``, which are pure functions of their arguments), and nothing else: no
whole site, no lookups into other pages' records. So a page is a function of its
template and its context, and the serve memo keys a page on a digest of its context
(``memo.py``). Other briefings appear as ``Listed`` rows (title, date, outlet), never
as their whole extraction. Building a context does no cross-article work: that is
the resolve stage's (stories, related briefings, the timeline are in the Corpus).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from heapq import nsmallest
from itertools import islice

from . import chart, graph, urls
from .escape import Trusted
from .extract.quotes import rank_quotes
from .happened import what_happened
from .model import (
    Actor,
    ActorQuote,
    Briefing,
    Corpus,
    DateRef,
    Event,
    Extraction,
    Month,
    Person,
    PersonQuote,
    Quote,
    SharedQuote,
    Story,
)
from .partial_date import PartialDate
from .summary import summary
from .timeline import month_of

PERSON_BRIEFINGS = 50  # newest briefings listed on a person page
PERSON_QUOTES = 30
PERSON_ROLES = 20
CO_ACTORS = 10
YEAR_EVENTS = 8  # events shown with what happened under each month of a year page; the month page has all
ACTOR_BRIEFINGS = 50  # newest briefings listed on an organisation's or a place's page
ACTOR_QUOTES = 20
ACTOR_PEOPLE = 15
SEARCH_BOOST = {"person": 4, "actor": 3, "briefing": 1}  # a person's page ranks above the briefings that name them
LATEST = 10  # briefings listed on the home page
TOP_PEOPLE = 10  # most-mentioned people on the home page


# ---- the records contexts are made of --------------------------------------------------------


@dataclass(frozen=True)
class Listed:
    """A briefing as another page lists it."""

    slug: str
    title: str
    published: str | None
    estimated: bool  # its date is an estimate
    source: str | None
    paragraphs: int  # of its body, for links to one of them

    def anchor(self, paragraph: int) -> str:
        """The anchor of a paragraph of its body; "" for any other place (title, metadata: ``-1``)."""
        return f"p{paragraph + 1}" if 0 <= paragraph < self.paragraphs else ""


@dataclass(frozen=True)
class EventLine:
    """A dated event as the timeline shows it: the date, the sentence it is written in, the briefing."""

    date: DateRef
    briefing: Listed
    said: Trusted | None  # ``what_happened``


@dataclass(frozen=True)
class Page:
    """What every page's links start from: its own path under docs/, and how MkDocs writes page URLs."""

    here: str
    directory_urls: bool


# ---- one context per page kind -----------------------------------------------------------------


@dataclass(frozen=True)
class BriefingPage(Page):
    e: Extraction
    summary: str  # the first paragraph, as the feed has it too (``summary.py``)
    published: PartialDate | None
    when: str | None  # the page of its publication month (or year)
    key_quotes: tuple[Quote, ...]
    speakers: dict[str, str]  # name in this article → person slug
    actor_pages: dict[str, str]  # organisation or place name here → its page
    timeline: tuple[DateRef, ...]
    undated_refs: tuple[DateRef, ...]
    story: Story | None
    story_others: tuple[Listed, ...]  # the story's other reports
    only_here: tuple[SharedQuote, ...]  # quoted in this report of the story only
    elsewhere: tuple[SharedQuote, ...]  # quoted by other reports of the story, not this one
    related: tuple[Listed, ...]
    facet_people: tuple[str, ...]


@dataclass(frozen=True)
class PersonPage(Page):
    p: Person
    roles: tuple[tuple[str, str | None, str | None, int, str], ...]
    more_roles: int
    boost: int
    briefings: tuple[str, ...]
    quotes: tuple[PersonQuote, ...]
    co_actors: tuple[tuple[str, str, int], ...]  # (slug, name, shared briefings)
    per_year: tuple[tuple[int, int], ...]
    listed: dict[str, Listed]  # every briefing the page names


@dataclass(frozen=True)
class ActorPage(Page):
    actor: Actor
    boost: int
    people: tuple[tuple[str, str, int], ...]  # (slug, name, shared briefings)
    briefings: tuple[str, ...]
    quotes: tuple[ActorQuote, ...]
    per_year: tuple[tuple[int, int], ...]
    listed: dict[str, Listed]
    names: dict[str, str]  # person slug → name, for the quotes' speakers


@dataclass(frozen=True)
class IndexKind:
    """One index of the site: where it is, what it says, and how ``index_entry.html.j2`` shows an entry."""

    section: str
    heading: str
    intro: str
    order: str  # how a page of the split index is ordered ("by surname")
    entry: str  # the kind of entry: "person", "actor" or "story"
    group: str  # what the entries are grouped by ("letter", "year"), for the jump bar
    nouns: tuple[str, str]  # one entry, several
    empty: str  # what the index says when it lists nothing


@dataclass(frozen=True)
class IndexItem:
    """What an index entry shows of a person, organisation, place or story: its page and its count. Not the
    record itself: a page's memo key is a digest of its context, and a person's record holds every quote."""

    slug: str
    count: int  # briefings naming the person, organisation or place; a story's reports
    kind: str = ""  # an organisation's or place's ("org", "place")
    country: bool = False
    first: str = ""  # a story's first report

    @classmethod
    def of(cls, record: Person | Actor | Story) -> IndexItem:
        if isinstance(record, Story):
            return cls(record.slug, len(record.briefings), first=record.briefings[0])
        if isinstance(record, Actor):
            return cls(record.slug, len(record.articles), kind=record.kind, country=record.country)
        return cls(record.slug, len(record.articles))


@dataclass(frozen=True)
class IndexPage(Page):
    index: IndexKind
    bar: list[tuple[str, str, str]]  # (group, its page or "", its anchor or "")
    groups: list  # (group, [(label, IndexItem)]) on this page, or none when split
    parts: list  # (group, part, page, [(label, IndexItem)]) when split
    listed: dict[str, Listed]  # a story's first report


@dataclass(frozen=True)
class IndexPartPage(Page):
    index: IndexKind
    bar: list[tuple[str, str, str]]
    group: str
    part: int
    siblings: list[tuple[int, str]]  # (part, page) of the same group
    entries: list  # [(label, IndexItem)]
    listed: dict[str, Listed]


@dataclass(frozen=True)
class NetworkPage(Page):
    net: graph.Network
    figure: Trusted
    names: dict[str, str]  # person slug → name


@dataclass(frozen=True)
class StoryPage(Page):
    story: Story
    members: tuple[Listed, ...]
    quotes: tuple[SharedQuote, ...]
    only_in: tuple[tuple[Listed, tuple[SharedQuote, ...]], ...]
    listed: dict[str, Listed]


@dataclass(frozen=True)
class MonthRow:
    """A month on its year's page: what was published in it and the first events dated into it."""

    month: Month
    listed: tuple[Listed, ...]
    events: tuple[EventLine, ...]  # the first ``YEAR_EVENTS``
    total: int  # events dated into the month


@dataclass(frozen=True)
class YearPage(Page):
    year: int
    published: int
    event_count: int
    months: tuple[MonthRow, ...]
    year_only: tuple[EventLine, ...]
    shown: int


@dataclass(frozen=True)
class MonthPage(Page):
    year: int
    month: int
    briefings: tuple[Listed, ...]
    events: tuple[EventLine, ...]


@dataclass(frozen=True)
class YearsIndexPage(Page):
    years: tuple[tuple[int, int, int, tuple[int, ...]], ...]  # (year, published, events, months shown)
    chart: Trusted
    year_only: int  # briefings dated by the year alone
    undated: int


@dataclass(frozen=True)
class UndatedPage(Page):
    briefings: tuple[Listed, ...]


@dataclass(frozen=True)
class Overview:
    """The home page's summary; ``prefix`` leads from that page to the site root."""

    briefings: int
    people: int
    stories: int
    span: tuple[int, int] | None
    latest: tuple[Listed, ...]
    by_year: tuple[tuple[int | None, int], ...]
    top: tuple[Person, ...]
    prefix: Trusted


# ---- making them -------------------------------------------------------------------------------


class Lookup:
    """The corpus's records by slug (an index, not cross-article work), and the ``Listed`` row of each briefing."""

    def __init__(self, corpus: Corpus, directory_urls: bool) -> None:
        self.corpus, self.directory_urls = corpus, directory_urls
        self.briefings = {b.slug: b for b in corpus.briefings}
        self.people = {p.slug: p for p in corpus.people}
        self.actors = {a.slug: a for a in corpus.actors}
        self.story_of = {slug: s for s in corpus.stories for slug in s.briefings}
        self._listed: dict[str, Listed] = {}
        self._years: dict[str, tuple[int, ...]] = {}

    def years(self, slug: str) -> tuple[int, ...]:
        """``Extraction.years`` of a briefing, parsed once: every person and actor page counts its briefings by year."""
        found = self._years.get(slug)
        if found is None:
            found = self._years[slug] = self.briefings[slug].extraction.years
        return found

    def listed(self, slug: str) -> Listed:
        found = self._listed.get(slug)
        if found is None:
            e = self.briefings[slug].extraction
            found = self._listed[slug] = Listed(slug, e.article.title, e.published.value,
                                                e.published.how == "estimate", e.article.source,
                                                len(e.article.body))
        return found

    def listing(self, slugs: Iterable[str]) -> dict[str, Listed]:
        return {slug: self.listed(slug) for slug in sorted(set(slugs))}

    def event(self, event: Event) -> EventLine:
        return EventLine(event.date, self.listed(event.briefing),
                         what_happened(self.briefings[event.briefing].extraction.article, event.date))


def briefing_page(look: Lookup, briefing: Briefing, here: str) -> BriefingPage:
    e = briefing.extraction
    story = look.story_of.get(briefing.slug)
    shared = look.corpus.story_quotes.get(story.slug, ()) if story else ()
    return BriefingPage(
        here, look.directory_urls, e=e, summary=summary(e.article), published=PartialDate.of(e.published.value),
        when=_when(e.published.value),
        key_quotes=tuple(rank_quotes(e.quotes)),
        speakers=briefing.speakers, actor_pages=_actor_pages(look, briefing),
        timeline=tuple(sorted((d for d in e.dates if d.value), key=lambda d: (d.value, d.paragraph))),
        undated_refs=tuple(d for d in e.dates if not d.value), story=story,
        story_others=tuple(look.listed(slug) for slug in story.briefings if slug != briefing.slug) if story else (),
        only_here=tuple(q for q in shared if q.briefings == (briefing.slug,)),
        elsewhere=tuple(q for q in shared if briefing.slug not in q.briefings),
        related=tuple(look.listed(slug) for slug, _ in look.corpus.related.get(briefing.slug, ())),
        facet_people=_facet_people(look, briefing))


def _when(value: str | None) -> str | None:
    """The timeline page of a publication date: its month's, or its year's when only the year is known."""
    date = PartialDate.of(value)
    if date is None:
        return None
    return urls.month_page(date.year, date.month) if date.month else urls.year_page(date.year)


def _facet_people(look: Lookup, briefing: Briefing) -> tuple[str, ...]:
    """The people a briefing names, by the name of their page (the same filter value on every briefing)."""
    names = set()
    for mention in briefing.extraction.persons:
        slug = briefing.speakers.get(mention.name)
        names.add(look.people[slug].name if slug in look.people else mention.name)
    return tuple(sorted(names))


def _actor_pages(look: Lookup, briefing: Briefing) -> dict[str, str]:
    """The page of each organisation or place the briefing names, by the name it uses, for those that have one."""
    found = {}
    for name, slug in briefing.actor_slugs.items():
        actor = look.actors.get(slug)
        if actor is not None:
            found[name] = urls.actor_page(actor.kind, actor.slug)
    return found


def person_page(look: Lookup, person: Person, here: str) -> PersonPage:
    roles = _role_summary(person)
    shown_roles, quotes = roles[:PERSON_ROLES], person.quotes[:PERSON_QUOTES]
    briefings = person.articles[:PERSON_BRIEFINGS]
    named = {*briefings, *(r[4] for r in shown_roles), *(slug for q in quotes for slug, _ in q.sources)}
    return PersonPage(here, look.directory_urls, p=person, roles=shown_roles, more_roles=len(roles) - PERSON_ROLES,
                      boost=SEARCH_BOOST["person"], briefings=briefings, quotes=quotes,
                      co_actors=_co_actors(look, person), per_year=_per_year(look, person.articles),
                      listed=look.listing(named))


def _per_year(look: Lookup, articles: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """(year, briefings of ``articles`` published that year), newest year first; undated ones left out."""
    counts = Counter(year for slug in articles for year in look.years(slug))
    return tuple(sorted(counts.items(), reverse=True))


def _role_summary(person: Person) -> tuple[tuple[str, str | None, str | None, int, str], ...]:
    """(role, first date, last date, times stated, briefing of the last statement), latest first."""
    found: dict[str, list] = {}
    for r in sorted(person.roles, key=lambda r: (r.date or "", r.article)):
        entry = found.setdefault(r.role, [r.role, r.date, r.date, 0, r.article])
        entry[1] = entry[1] or r.date
        entry[2], entry[3], entry[4] = r.date or entry[2], entry[3] + 1, r.article
    return tuple(sorted((tuple(v) for v in found.values()), key=lambda v: (v[2] or "", v[3], v[0]), reverse=True))


def _co_actors(look: Lookup, person: Person) -> tuple[tuple[str, str, int], ...]:
    """The people most often named with this one (ties: the less-mentioned, i.e. closer, first)."""
    known: list[tuple[Person, int]] = []
    for slug, count in person.co_mentions:  # most first: none named less often than the CO_ACTORS-th is shown
        if len(known) >= CO_ACTORS and count < known[CO_ACTORS - 1][1]:
            break  # a much-named person's list holds most of the collection
        if slug in look.people:
            known.append((look.people[slug], count))
    best = nsmallest(CO_ACTORS, known, key=lambda pc: (-pc[1], len(pc[0].articles), pc[0].name))  # = sorted()[:n]
    return tuple((other.slug, other.name, count) for other, count in best)


def actor_page(look: Lookup, actor: Actor, here: str) -> ActorPage:
    """An organisation's or a place's page: its briefings, the people named with it, the quotes naming it."""
    people = list(islice(((slug, look.people[slug].name, n) for slug, n in actor.people if slug in look.people),
                         ACTOR_PEOPLE))  # the first: a much-named place lists thousands
    quotes, briefings = actor.quotes[:ACTOR_QUOTES], actor.articles[:ACTOR_BRIEFINGS]
    return ActorPage(here, look.directory_urls, actor=actor, boost=SEARCH_BOOST["actor"], people=tuple(people),
                     briefings=briefings, quotes=quotes, per_year=_per_year(look, actor.articles),
                     listed=look.listing([*briefings, *(q.briefing for q in quotes)]),
                     names={q.speaker: look.people[q.speaker].name for q in quotes if q.speaker in look.people})


def network_page(look: Lookup, once: Callable[[str, object, Callable[[], str]], str] | None = None) -> NetworkPage:
    """``once``: ``RenderMemo.once`` under serve, so that the drawing (its layout is a few seconds at 10,000
    articles) is made again only when the network changed."""
    here = urls.index_page(urls.NETWORK)
    net = graph.network(look.corpus.people)
    href = lambda slug: urls.raw_href(here, urls.person_page(slug), look.directory_urls)  # noqa: E731
    draw = lambda: graph.svg(net, href) if net.edges else ""  # noqa: E731
    figure = once("network", (net, here, look.directory_urls), draw) if once else draw()
    names = {slug: look.people[slug].name for a, b, _ in net.edges for slug in (a, b)}
    return NetworkPage(here, look.directory_urls, net=net, figure=Trusted(figure), names=names)


def story_page(look: Lookup, story: Story, here: str) -> StoryPage:
    members = tuple(look.listed(slug) for slug in story.briefings)
    quotes = look.corpus.story_quotes.get(story.slug, ())
    only_in = tuple((m, own) for m in members if (own := tuple(q for q in quotes if q.briefings == (m.slug,))))
    return StoryPage(here, look.directory_urls, story=story, members=members, quotes=quotes, only_in=only_in,
                     listed={m.slug: m for m in members})


def year_page(look: Lookup, year: int) -> YearPage:
    t = look.corpus.timeline
    months = timeline_months(look.corpus, year)
    rows = tuple(MonthRow(m, tuple(map(look.listed, t.by_month.get(m, ()))),
                          tuple(map(look.event, t.events_by_month.get(m, ())[:YEAR_EVENTS])),
                          len(t.events_by_month.get(m, ()))) for m in months)
    year_only = tuple(look.event(e) for e in t.events.get(year, ()) if month_of(e) is None)
    return YearPage(urls.year_page(year), look.directory_urls, year=year, published=len(t.by_year.get(year, ())),
                    event_count=len(t.events.get(year, ())), months=rows, year_only=year_only, shown=YEAR_EVENTS)


def month_page(look: Lookup, month: Month) -> MonthPage:
    t = look.corpus.timeline
    return MonthPage(urls.month_page(*month), look.directory_urls, year=month[0], month=month[1],
                     briefings=tuple(map(look.listed, t.by_month.get(month, ()))),
                     events=tuple(map(look.event, t.events_by_month.get(month, ()))))


def timeline_years(corpus: Corpus) -> list[int]:
    """Years with a briefing published in them or an event dated into them, newest first."""
    t = corpus.timeline
    return sorted({y for y in t.by_year if y is not None} | set(t.events), reverse=True)


def timeline_months(corpus: Corpus, year: int) -> list[Month]:
    """The months of ``year`` with a briefing published or an event dated into them, newest first."""
    t = corpus.timeline
    return sorted({m for m in (*t.by_month, *t.events_by_month) if m[0] == year}, reverse=True)


def years_index(look: Lookup) -> YearsIndexPage:
    """The timeline's index: a row per year, the chart of briefings per month."""
    t, here = look.corpus.timeline, urls.index_page(urls.YEARS)
    rows = tuple((year, len(t.by_year.get(year, ())), len(t.events.get(year, ())),
                  tuple(m for m in range(12, 0, -1) if (year, m) in t.by_month or (year, m) in t.events_by_month))
                 for year in timeline_years(look.corpus))
    counts = {month: len(listed) for month, listed in t.by_month.items()}
    figure = chart.svg(counts, lambda m: urls.raw_href(here, urls.month_page(*m), look.directory_urls))
    # a publication date that is a year alone (an estimate) is on the year pages, in no month's bar
    year_only = sum(len(listed) for year, listed in t.by_year.items() if year is not None) \
        - sum(len(listed) for listed in t.by_month.values())
    return YearsIndexPage(here, look.directory_urls, years=rows, chart=Trusted(figure), year_only=year_only,
                          undated=len(t.by_year.get(None, ())))


def undated_page(look: Lookup) -> UndatedPage:
    return UndatedPage(urls.year_page(None), look.directory_urls,
                       briefings=tuple(map(look.listed, look.corpus.timeline.by_year.get(None, ()))))


def overview(corpus: Corpus, prefix: str) -> Overview:
    look = Lookup(corpus, True)
    dated = sorted(d.year for b in corpus.briefings if (d := PartialDate.of(b.extraction.published.value)))
    top = sorted(corpus.people, key=lambda p: (-len(p.articles), p.name))[:TOP_PEOPLE]
    return Overview(briefings=len(corpus.briefings), people=len(corpus.people), stories=len(corpus.stories),
                    span=(dated[0], dated[-1]) if dated else None,
                    latest=tuple(look.listed(b.slug) for b in corpus.briefings[:LATEST]),
                    by_year=tuple((year, len(listed)) for year, listed in corpus.timeline.by_year.items()),
                    top=tuple(top), prefix=Trusted(prefix))
