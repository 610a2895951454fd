"""Corpus → Markdown pages, through the Jinja templates in ``templates/``.

Rendering reads only the resolved Corpus and does no I/O: it returns a mapping of
page path (relative to ``docs/``) to Markdown text. One small function per page
kind. Templates stay dumb: the Jinja environment uses ``StrictUndefined`` and
escapes every printed value that is not ``Trusted`` (see ``escape.py``).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import jinja2

from . import urls
from .escape import Trusted, finalize, page_title
from .extract.quotes import quote_key, rank_quotes
from .model import Briefing, Corpus, Person, Quote
from .resolve import events_by_year, years

LATEST = 10  # briefings listed on the home page
TOP_PEOPLE = 10  # most-mentioned people on the home page


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,  # the output is Markdown: ``finalize`` escapes for Markdown and HTML at once
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(url=link, title=lambda text: Trusted(json.dumps(page_title(text), ensure_ascii=False)))
    env.filters["trusted"] = Trusted  # only for paths the generator made (urls.py), never article text
    return env


def link(page: str, anchor: str = "") -> Trusted:
    """A link from a generated page (always one folder deep) to another page of the site."""
    return Trusted(f"../{page}" + (f"#{anchor}" if anchor else ""))


@dataclass(frozen=True)
class Site:
    """Lookups every page kind needs, computed once per render."""

    corpus: Corpus
    people: dict[str, Person]
    briefings: dict[str, Briefing]


def render_site(corpus: Corpus) -> dict[str, str]:
    """Every generated page, keyed by its path under ``docs/``, in a stable order."""
    site = Site(corpus, {p.slug: p for p in corpus.people}, {b.slug: b for b in corpus.briefings})
    pages: dict[str, str] = {}
    for briefing in corpus.briefings:
        pages[urls.briefing_page(briefing.slug)] = render_briefing(site, briefing)
    for person in corpus.people:
        pages[urls.person_page(person.slug)] = render_person(site, person)
    pages[urls.index_page(urls.PEOPLE)] = render_people_index(site)
    by_year = years(corpus)
    events = events_by_year(corpus)
    for year, briefings in by_year.items():
        pages[urls.year_page(year)] = render_year(site, year, briefings, events.get(year, []) if year else [])
    if None not in by_year:
        pages[urls.year_page(None)] = render_year(site, None, [], [])
    pages[urls.index_page(urls.YEARS)] = render_years_index(site, by_year)
    return dict(sorted(pages.items()))


def _render(template: str, **context: object) -> str:
    return environment().get_template(template).render(urls=urls, **context)


def render_briefing(site: Site, briefing: Briefing) -> str:
    e = briefing.extraction
    return _render("briefing.md.j2", b=briefing, e=e, a=e.article, key_quotes=rank_quotes(e.quotes),
                   speaker_slug=lambda name: briefing.speakers.get(name),
                   timeline=sorted((d for d in e.dates if d.value), key=lambda d: (d.value, d.paragraph)),
                   undated_refs=[d for d in e.dates if not d.value],
                   related=related_briefings(site, briefing))


def render_person(site: Site, person: Person) -> str:
    return _render("person.md.j2", p=person, site=site,
                   roles=sorted(person.roles, key=lambda r: (r.date or "", r.role)))


def render_people_index(site: Site) -> str:
    groups: dict[str, list[Person]] = {}
    for person in site.corpus.people:
        groups.setdefault(_letter(person.name), []).append(person)
    return _render("people_index.md.j2", groups=sorted(groups.items(), key=lambda kv: (kv[0] == "Other", kv[0])))


def render_year(site: Site, year: int | None, briefings: list[Briefing], events: list) -> str:
    return _render("year.md.j2", year=year, briefings=briefings, events=events)


def render_years_index(site: Site, by_year: dict[int | None, list[Briefing]]) -> str:
    return _render("years_index.md.j2", by_year=by_year)


def render_overview(corpus: Corpus, prefix: str) -> str:
    """The home page's summary of the collection; ``prefix`` leads from that page to the site root."""
    dated = sorted(int(b.extraction.published.value[:4]) for b in corpus.briefings if b.extraction.published.value)
    top = sorted(corpus.people, key=lambda p: (-len(p.articles), p.name))[:TOP_PEOPLE]
    return _render("overview.md.j2", corpus=corpus, span=(dated[0], dated[-1]) if dated else None,
                   latest=corpus.briefings[:LATEST], top=top, prefix=Trusted(prefix))


def related_briefings(site: Site, briefing: Briefing, limit: int = 5) -> list[tuple[Briefing, int]]:
    """Other briefings sharing the most people with this one (ties: newest first, as ordered)."""
    mine = set(briefing.speakers.values())
    shared: Counter[str] = Counter()
    for slug in mine:
        person = site.people.get(slug)
        for other in person.articles if person else ():
            if other != briefing.slug:
                shared[other] += 1
    order = {b.slug: n for n, b in enumerate(site.corpus.briefings)}
    best = sorted(shared.items(), key=lambda kv: (-kv[1], order[kv[0]]))[:limit]
    return [(site.briefings[slug], count) for slug, count in best]


def unique_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    """A quote said twice in one article (a bullet summary and the body) shown once."""
    seen: dict[str, Quote] = {}
    for quote in quotes:
        seen.setdefault(quote_key(quote.text), quote)
    return list(seen.values())


def _letter(name: str) -> str:
    first = name.strip()[:1].upper()
    return first if "A" <= first <= "Z" else "Other"
