"""Corpus → pages, through the Jinja templates in ``templates/``.

Rendering reads only the resolved Corpus (its stories were grouped in the resolve
stage) and does no I/O: ``gather`` first computes every cross-page lookup once
(related briefings, the timeline, the network), then one small function per page kind renders, and ``render_site``
returns a mapping of page path (relative to ``docs/``) to page text: YAML front
matter over an HTML body. The body is HTML, not Markdown, because Python-Markdown
was most of a 10,000-article build (it scanned every escaped character of every
page); the plugin hands the body to MkDocs as it is (``plugin.py``). Links are
therefore written as the URLs MkDocs gives pages (``urls.raw_href``), relative to
the page, so the site works under any sub-path. Templates stay dumb: the Jinja
environment uses ``StrictUndefined`` and escapes every printed value that is not
``Trusted`` (see ``escape.py``).

Page sizes: a briefing, person, organisation, place or story page is bounded (lists
are capped); the indexes of people, organisations, places and stories are split by
letter (stories: by year) past ``INDEX_PAGE`` entries (``render_index``); only the
timeline's pages (years, months) grow with the collection.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TypeVar

import jinja2

from . import chart, graph, urls
from .escape import Trusted, finalize, markdown_text, page_title
from .extract.quotes import quote_key, rank_quotes
from .memo import PageKeys, RenderMemo
from .model import Actor, Article, Briefing, Corpus, DateRef, Person, Quote
from .patterns.site import ABBREVIATION, SENTENCE_END
from .resolve import Event, Month, events_by_month, events_by_year, month_of, months, years
from .sorting import alphabetical, sort_key, sort_name
from .stories import Story, compare_quotes, related_briefings
from .summary import summary

LATEST = 10  # briefings listed on the home page
TOP_PEOPLE = 10  # most-mentioned people on the home page
PERSON_BRIEFINGS = 50  # newest briefings listed on a person page
PERSON_QUOTES = 30
PERSON_ROLES = 20
CO_ACTORS = 10
YEAR_EVENTS = 8  # events shown with what happened under each month of a year page; the month page has all
CONTEXT_CHARS = 260  # the most of a sentence shown around an event's date
INDEX_PAGE = 300  # entries on one page of an index; more are split by letter or year (and part of one)
WEB_SCHEMES = ("http://", "https://")  # the only links to an original article the site writes
T = TypeVar("T")
ACTOR_BRIEFINGS = 50  # newest briefings listed on an organisation's or a place's page
ACTOR_QUOTES = 20
ACTOR_PEOPLE = 15
SEARCH_BOOST = {"person": 4, "actor": 3, "briefing": 1}  # a person's page ranks above the briefings that name them


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


INDEXES = {
    "people": IndexKind(
        section=urls.PEOPLE, heading="People", order="by surname", entry="person", group="letter",
        intro="Everyone named in the briefings, by surname, with the number of briefings that mention them.",
        nouns=("person", "people"), empty="No one is named yet."),
    "org": IndexKind(
        section=urls.ORGANISATIONS, heading="Organisations", order="by name", entry="actor", group="letter",
        intro="Every organisation named in the briefings, with the number of briefings that name it.",
        nouns=("organisation", "organisations"), empty="None named yet."),
    "place": IndexKind(
        section=urls.PLACES, heading="Places", order="by name", entry="actor", group="letter",
        intro="Every country, city and region named in the briefings, with the number of briefings that name it.",
        nouns=("place", "places"), empty="None named yet."),
    "stories": IndexKind(
        section=urls.STORIES, heading="Stories", order="newest first", entry="story", group="year",
        intro="Events reported by more than one briefing, newest first.",
        nouns=("story", "stories"), empty="No event is reported by more than one briefing yet."),
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the package: no stat() per page
        finalize=finalize,
        # the output is Markdown over HTML: ``finalize`` escapes every value for both at once, which
        # Jinja's HTML autoescape would double-escape
        autoescape=False,  # noqa: S701
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(url=url, link=link, heading=heading,
                       title=lambda text: Trusted(json.dumps(page_title(text), ensure_ascii=False)),
                       month_name=lambda m: MONTH_NAMES[m - 1], plural=plural, anchor=anchor,
                       para_link=para_link, what_happened=what_happened, original_url=original_url)
    env.filters["trusted"] = Trusted  # only for paths the generator made (urls.py), never article text
    env.filters["pagefind_value"] = pagefind_value
    return env


@jinja2.pass_context
def url(context: jinja2.runtime.Context, page: str, anchor: str = "") -> Trusted:
    """The URL of ``page`` (a path under docs/) relative to the page being rendered (``here``)."""
    href = urls.raw_href(context["here"], page, context["directory_urls"])
    return Trusted(href + (f"#{anchor}" if anchor else ""))


@jinja2.pass_context
def link(context: jinja2.runtime.Context, page: str, text: object, anchor: str = "") -> Trusted:
    """``<a>`` to another page of the site; ``text`` is escaped."""
    return Trusted(f'<a href="{url(context, page, anchor)}">{markdown_text(text)}</a>')


def pagefind_value(text: object) -> Trusted:
    """A filter value for Pagefind, with no character HTML could act on (``page_title``'s look-alikes), escaped:
    its UI (1.5) shows a filter's values as HTML, and Pagefind unescapes what it reads, however often escaped."""
    return Trusted(markdown_text(page_title(str(text))))


def heading(level: int, text: object, href: str = "") -> Trusted:
    """A section heading as Python-Markdown's ``toc`` extension writes it (id and permalink),
    which is what the plugin reads the page's table of contents from (``plugin.page_toc``)."""
    ident = urls.slugify(str(text)) or "section"
    label = markdown_text(text)
    if href:
        label = f'<a href="{href}">{label}</a>'
    # the permalink sign is not text: the full-text search leaves it out of its results (data-pagefind-ignore)
    return Trusted(f'<h{level} id="{ident}">{label}<a class="headerlink" href="#{ident}" '
                   f'title="Permanent link" data-pagefind-ignore>&para;</a></h{level}>')


def anchor(article: Article, paragraph: int) -> str:
    """The anchor of a paragraph of the article's body; "" for any other place (title, metadata: ``-1``)."""
    return f"p{paragraph + 1}" if 0 <= paragraph < len(article.body) else ""


def para_link(article: Article, paragraph: int) -> Trusted:
    """``paragraph N`` linked to its anchor, or where the text was found when it is not the body."""
    name = anchor(article, paragraph)
    return Trusted(f'<a href="#{name}">paragraph {paragraph + 1}</a>' if name else "title or metadata")


def plural(count: int, word: str, words: str = "") -> str:
    return f"{count} {word if count == 1 else words or word + 's'}"


@dataclass(frozen=True)
class Site:
    """Every cross-page lookup, computed once before any page is rendered."""

    corpus: Corpus
    people: dict[str, Person]
    briefings: dict[str, Briefing]
    stories: tuple[Story, ...]
    story_of: dict[str, Story]  # briefing slug → its story
    related: dict[str, tuple[tuple[str, float], ...]]
    by_year: dict[int | None, list[Briefing]]
    by_month: dict[Month, list[Briefing]]
    events: dict[int, list[Event]]
    events_by_month: dict[Month, list[Event]]
    directory_urls: bool = True
    actors: dict[str, Actor] = field(default_factory=dict)  # organisations and places by slug


def gather(corpus: Corpus, directory_urls: bool = True) -> Site:
    people = {p.slug: p for p in corpus.people}
    stories = corpus.stories
    events = events_by_year(corpus)
    return Site(corpus=corpus, people=people, briefings={b.slug: b for b in corpus.briefings},
                stories=stories, story_of={slug: s for s in stories for slug in s.briefings},
                related=related_briefings(corpus.briefings, people, stories),
                by_year=years(corpus), by_month=months(corpus), events=events,
                events_by_month=events_by_month(events), directory_urls=directory_urls,
                actors={a.slug: a for a in corpus.actors})


def render_site(corpus: Corpus, site: Site | None = None, memo: RenderMemo | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under ``docs/``, in a stable order.

    With a ``memo`` (``mkdocs serve``), a briefing, person, network or timeline page
    whose records are unchanged since the memo's last build is reused, not rendered.
    """
    site = site or gather(corpus)
    out = Pages(memo, PageKeys(memo or RenderMemo(), site.briefings, site.people, site.directory_urls))
    for briefing in corpus.briefings:
        path = urls.briefing_page(briefing.slug)
        story = site.story_of.get(briefing.slug)
        out.add(path, partial(render_briefing, site, briefing, path),
                partial(out.keys.briefing_page, briefing, story, site.related.get(briefing.slug, ())))
    for person in corpus.people:
        path = urls.person_page(person.slug)
        out.add(path, partial(render_person, site, person, path), partial(out.keys.person_page, person))
    render_people_index(site, out)
    for actor in corpus.actors:
        path = urls.actor_page(actor.kind, actor.slug)
        out.add(path, partial(render_actor, site, actor, path), partial(out.keys.actor_page, actor))
    for kind in ("org", "place"):
        render_actors_index(site, out, kind)
    net = graph.network(site.corpus.people)
    out.add(urls.index_page(urls.NETWORK), partial(render_network, site, net), lambda: out.keys.of(net))
    for story in site.stories:
        path = urls.story_page(story.slug)
        out.add(path, partial(render_story, site, story, path))
    render_stories_index(site, out)
    render_timeline(site, out)
    if memo is not None:
        memo.keep_only(set(out.pages), [b.extraction for b in corpus.briefings])
    return dict(sorted(out.pages.items()))


@dataclass
class Pages:
    """The pages rendered so far; with a memo, a page whose key is unchanged is taken from it instead."""

    memo: RenderMemo | None
    keys: PageKeys
    pages: dict[str, str] = field(default_factory=dict)

    def add(self, path: str, render: Callable[[], str], key: Callable[[], bytes] | None = None) -> None:
        self.pages[path] = render() if self.memo is None or key is None else self.memo.page(path, key(), render)


def _render(template: str, **context: object) -> str:
    return environment().get_template(template).render(urls=urls, **context)


def _page(kind: str, here: str, site: Site, **context: object) -> str:
    """A generated page from ``templates/<kind>.html.j2``; ``here`` is its path, which its links start from."""
    return _render(f"{kind}.html.j2", here=here, directory_urls=site.directory_urls, site=site, **context)


def render_briefing(site: Site, briefing: Briefing, here: str) -> str:
    e = briefing.extraction
    story = site.story_of.get(briefing.slug)
    value = e.published.value or ""
    month = month_of(value)
    when = urls.month_page(int(value[:4]), month) if month else urls.year_page(int(value[:4])) \
        if value[:4].isdigit() else None
    return _page("briefing", here, site, b=briefing, when=when, e=e, a=e.article, summary=summary(e.article),
                 key_quotes=rank_quotes(e.quotes),
                 speaker_slug=lambda name: briefing.speakers.get(name),
                 actor_page=partial(_actor_page, site, briefing),
                 timeline=sorted((d for d in e.dates if d.value), key=lambda d: (d.value, d.paragraph)),
                 undated_refs=[d for d in e.dates if not d.value], story=story,
                 story_quotes=_story_quotes(site, story, briefing),
                 related=[(site.briefings[slug], score) for slug, score in site.related.get(briefing.slug, ())],
                 facet_people=_facet_people(site, briefing))


def _facet_people(site: Site, briefing: Briefing) -> list[str]:
    """The people a briefing names, by the name of their page (the same filter value on every briefing)."""
    names = set()
    for mention in briefing.extraction.persons:
        slug = briefing.speakers.get(mention.name)
        names.add(site.people[slug].name if slug in site.people else mention.name)
    return sorted(names)


def _actor_page(site: Site, briefing: Briefing, name: str) -> str | None:
    """The page of the organisation or place a briefing names as ``name``, if it has one."""
    actor = site.actors.get(briefing.actor_slugs.get(name, ""))
    return urls.actor_page(actor.kind, actor.slug) if actor else None


def _story_quotes(site: Site, story: Story | None, briefing: Briefing) -> dict[str, list]:
    """What this report quotes that the story's other reports do not, and the reverse."""
    if story is None:
        return {"only_here": [], "elsewhere": []}
    shared = compare_quotes([site.briefings[slug] for slug in story.briefings])
    return {"only_here": [q for q in shared if q.briefings == (briefing.slug,)],
            "elsewhere": [q for q in shared if briefing.slug not in q.briefings]}


def render_person(site: Site, person: Person, here: str) -> str:
    roles = _role_summary(person)
    return _page("person", here, site, p=person, roles=roles[:PERSON_ROLES], more_roles=len(roles) - PERSON_ROLES,
                 boost=SEARCH_BOOST["person"], briefings=person.articles[:PERSON_BRIEFINGS],
                 quotes=person.quotes[:PERSON_QUOTES], co_actors=_co_actors(site, person),
                 per_year=_per_year(site, person))


def _per_year(site: Site, person: Person) -> list[tuple[int, int]]:
    """(year, briefings naming the person published that year), newest year first; undated ones left out."""
    counts = Counter(year for slug in person.articles for year in site.briefings[slug].extraction.years)
    return sorted(counts.items(), reverse=True)


def _role_summary(person: Person) -> list[tuple[str, str | None, str | None, int, str]]:
    """(role, first date, last date, times stated, briefing of the last statement), latest first."""
    found: dict[str, list] = {}
    for r in sorted(person.roles, key=lambda r: (r.date or "", r.article)):
        entry = found.setdefault(r.role, [r.role, r.date, r.date, 0, r.article])
        entry[1] = entry[1] or r.date
        entry[2], entry[3], entry[4] = r.date or entry[2], entry[3] + 1, r.article
    return sorted((tuple(v) for v in found.values()), key=lambda v: (v[2] or "", v[3], v[0]), reverse=True)


def _co_actors(site: Site, person: Person) -> list[tuple[Person, int]]:
    """The people most often named with this one (ties: the less-mentioned, i.e. closer, first)."""
    known = [(site.people[slug], count) for slug, count in person.co_mentions if slug in site.people]
    return sorted(known, key=lambda pc: (-pc[1], len(pc[0].articles), pc[0].name))[:CO_ACTORS]


def render_people_index(site: Site, out: Pages) -> None:
    """People sorted by surname ("Putin, Vladimir"), under their letter."""
    entries = sorted(((sort_name(p.name), p) for p in site.corpus.people), key=lambda e: (sort_key(e[0]), e[1].slug))
    render_index(site, out, INDEXES["people"], alphabetical(entries, lambda e: e[0]))


def render_actors_index(site: Site, out: Pages, kind: str) -> None:
    """Organisations ("org") or places ("place", countries included) by name, under their letter."""
    listed = sorted((a for a in site.corpus.actors if a.kind == kind), key=lambda a: (sort_key(a.name), a.slug))
    render_index(site, out, INDEXES[kind], alphabetical([(a.name, a) for a in listed], lambda e: e[0]))


def render_stories_index(site: Site, out: Pages) -> None:
    """Stories under the year of their first report, newest year first, undated last (in a year: as listed)."""
    groups: dict[str, list[tuple[str, Story]]] = {}
    for story in site.stories:
        published = site.briefings[story.briefings[0]].extraction.published.value or ""
        year = published[:4] if published[:4].isdigit() else "Undated"
        groups.setdefault(year, []).append((published or "undated", story))
    newest = sorted(groups.items(), key=lambda kv: kv[0] if kv[0].isdigit() else "", reverse=True)
    render_index(site, out, INDEXES["stories"], newest)


def render_index(site: Site, out: Pages, kind: IndexKind, groups: list[tuple[str, list[tuple[str, T]]]]) -> None:
    """An index of ``groups`` (a letter or a year → its (label, entry) pairs) under a jump bar to each group.

    Up to ``INDEX_PAGE`` entries, one page with a section per group; past that, the index
    page lists the pages of each group (cut in parts of ``INDEX_PAGE``), from the first
    label to the last, and each part is a page of its own (``urls.index_part_page``).
    """
    here = urls.index_page(kind.section)
    if sum(len(entries) for _, entries in groups) <= INDEX_PAGE:
        bar = [(group, "", urls.slugify(group)) for group, _ in groups]  # same page: anchors only
        out.add(here, partial(_page, "index", here, site, index=kind, bar=bar, groups=groups, parts=[]))
        return
    parts = [(group, n, urls.index_part_page(kind.section, group, n), chunk) for group, entries in groups
             for n, chunk in enumerate(_chunks(entries, INDEX_PAGE), start=1)]
    bar = [(group, urls.index_part_page(kind.section, group), "") for group, _ in groups]
    out.add(here, partial(_page, "index", here, site, index=kind, bar=bar, groups=[], parts=parts))
    for group, n, path, chunk in parts:
        siblings = [(m, other) for g, m, other, _ in parts if g == group]
        out.add(path, partial(_page, "index_part", path, site, index=kind, bar=bar, group=group, part=n,
                              siblings=siblings, entries=chunk))


def _chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def render_actor(site: Site, actor: Actor, here: str) -> str:
    """An organisation's or a place's page: its briefings, the people named with it, the quotes naming it."""
    counts = Counter(year for slug in actor.articles for year in site.briefings[slug].extraction.years)
    people = [(site.people[slug], n) for slug, n in actor.people if slug in site.people][:ACTOR_PEOPLE]
    return _page("actor", here, site, actor=actor, boost=SEARCH_BOOST["actor"], people=people,
                 briefings=actor.articles[:ACTOR_BRIEFINGS], quotes=actor.quotes[:ACTOR_QUOTES],
                 per_year=sorted(counts.items(), reverse=True))


def render_network(site: Site, net: graph.Network) -> str:
    here = urls.index_page(urls.NETWORK)
    href = lambda slug: urls.raw_href(here, urls.person_page(slug), site.directory_urls)  # noqa: E731
    figure = graph.svg(net, href) if net.edges else ""
    return _page("network", here, site, net=net, figure=Trusted(figure))


def render_story(site: Site, story: Story, here: str) -> str:
    members = [site.briefings[slug] for slug in story.briefings]
    quotes = compare_quotes(members)
    only_in = [(m, own) for m in members if (own := [q for q in quotes if q.briefings == (m.slug,)])]
    return _page("story", here, site, story=story, members=members, quotes=quotes, only_in=only_in)


def render_timeline(site: Site, out: Pages) -> None:
    """The timeline: an index of years and months, a page per year and per month, and the undated page."""
    here = urls.index_page(urls.YEARS)
    out.add(here, partial(_page, "years_index", here, site, years=_timeline_years(site),
                          chart=Trusted(_timeline_chart(site, here)), year_only=_dated_by_year_only(site)))
    for year in _timeline_years(site):
        months_of_year = sorted({m for m in (*site.by_month, *site.events_by_month) if m[0] == year}, reverse=True)
        year_only = [e for e in site.events.get(year, []) if month_of(e.date.value or "") is None]
        here = urls.year_page(year)
        listed = [site.by_month.get(m, []) for m in months_of_year]
        out.add(here, partial(_page, "year", here, site, year=year, months=months_of_year, year_only=year_only,
                              shown=YEAR_EVENTS),
                # Pages.add calls the key at once, inside this iteration: the loop variables are the current ones
                lambda: out.keys.of(year, months_of_year, len(site.by_year.get(year, [])),  # noqa: B023
                                    len(site.events.get(year, [])),  # noqa: B023
                                    [out.keys.listed(b) for b in listed],  # noqa: B023
                                    [len(site.events_by_month.get(m, [])) for m in months_of_year],  # noqa: B023
                                    [out.keys.dated(site.events_by_month.get(m, [])[:YEAR_EVENTS])
                                     for m in months_of_year],  # noqa: B023
                                    out.keys.dated(year_only)))  # noqa: B023
        for month in months_of_year:
            here = urls.month_page(*month)
            briefings, events = site.by_month.get(month, []), site.events_by_month.get(month, [])
            out.add(here, partial(_page, "month", here, site, year=month[0], month=month[1], briefings=briefings,
                                  events=events),
                    # called at once by Pages.add, inside this iteration
                    lambda: out.keys.of(month, out.keys.listed(briefings), out.keys.dated(events)))  # noqa: B023
    here = urls.year_page(None)
    out.add(here, partial(_page, "undated", here, site, briefings=site.by_year.get(None, [])))


def _timeline_chart(site: Site, here: str) -> str:
    """Briefings per month over the whole span, each month's bar a link to its page."""
    counts = {month: len(listed) for month, listed in site.by_month.items()}
    return chart.svg(counts, lambda m: urls.raw_href(here, urls.month_page(*m), site.directory_urls))


def _dated_by_year_only(site: Site) -> int:
    """Briefings whose publication date is a year alone (an estimate): on the year pages, in no month's bar."""
    return sum(len(listed) for year, listed in site.by_year.items() if year is not None) \
        - sum(len(listed) for listed in site.by_month.values())


def _timeline_years(site: Site) -> list[int]:
    """Years with a briefing published in them or an event dated into them, newest first."""
    return sorted({y for y in site.by_year if y is not None} | set(site.events), reverse=True)


def render_overview(corpus: Corpus, prefix: str, site: Site | None = None) -> str:
    """The home page's summary of the collection; ``prefix`` leads from that page to the site root."""
    site = site or gather(corpus)
    dated = sorted(int(b.extraction.published.value[:4]) for b in corpus.briefings if b.extraction.published.value)
    top = sorted(corpus.people, key=lambda p: (-len(p.articles), p.name))[:TOP_PEOPLE]
    return _render("overview.md.j2", corpus=corpus, span=(dated[0], dated[-1]) if dated else None,
                   latest=corpus.briefings[:LATEST], top=top, prefix=Trusted(prefix), site=site)


def unique_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """A quote said twice in one article (a bullet summary and the body) shown once."""
    seen: dict[str, Quote] = {}
    for quote in quotes:
        seen.setdefault(quote_key(quote.text), quote)
    return list(seen.values())


def what_happened(article: Article, date: DateRef) -> Trusted | None:
    """The sentence a date is written in, escaped, with the date as written in ``<mark>``.

    Long sentences are cut to about ``CONTEXT_CHARS`` around the date, at word
    boundaries, with "…". None when the date's text is not found where it was read
    (a metadata line, or a date the extractor normalised from other words).
    """
    if 0 <= date.paragraph < len(article.body):
        text = article.body[date.paragraph]
    elif date.text in article.title:
        text = article.title
    else:
        return None
    sentence = _sentence_with(text, date.text)
    at = sentence.find(date.text)
    if at < 0:
        return None
    before, after = sentence[:at], sentence[at + len(date.text):]
    room = max(40, (CONTEXT_CHARS - len(date.text)) // 2)
    if len(before) > room:
        before = "… " + before[-room:].split(" ", 1)[-1]
    if len(after) > room:
        after = after[:room].rsplit(" ", 1)[0] + " …"
    space_before = " " if before[-1:].isspace() else ""  # escaping trims the ends of each piece
    space_after = " " if after[:1].isspace() else ""
    return Trusted(f"{markdown_text(before)}{space_before}<mark>{markdown_text(date.text)}</mark>"
                   f"{space_after}{markdown_text(after)}")


def _sentence_with(text: str, phrase: str) -> str:
    """The sentence of ``text`` where ``phrase`` first occurs (the whole text if it spans a sentence end)."""
    at = text.find(phrase)
    start = 0
    for end in SENTENCE_END.finditer(text):
        if ABBREVIATION.search(text[max(start, end.start() - 12):end.start()]):
            continue  # "Mr. Smith", "U.S. officials": not a sentence end
        if at < end.end():
            return text[start:end.end()].strip() if at + len(phrase) <= end.end() else text.strip()
        start = end.end()
    return text[start:].strip()


def original_url(article: Article) -> str | None:
    """The original article's address, if it is a web address (never ``javascript:`` or a local path)."""
    url = (article.url or "").strip()
    return url if url.lower().startswith(WEB_SCHEMES) and " " not in url else None
