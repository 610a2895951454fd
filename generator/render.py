"""Corpus → pages, through the Jinja templates in ``templates/``.

Rendering reads only the resolved Corpus (stories, related briefings and the
timeline were made in the resolve stage) and does no I/O: each page kind's template
is rendered from its own small typed context (``contexts.py``), and ``render_site``
returns a mapping of page path (relative to ``docs/``) to page text: YAML front
matter over an HTML body. The body is HTML, not Markdown, because Python-Markdown
was most of a 10,000-article build (it scanned every escaped character of every
page); the plugin hands the body to MkDocs as it is (``plugin.py``). Links are
therefore written as the URLs MkDocs gives pages (``urls.raw_href``), relative to
the page, so the site works under any sub-path. Templates stay dumb: the Jinja
environment uses ``StrictUndefined`` and escapes every printed value that is not
``Trusted`` (see ``escape.py``).

Page sizes: a briefing, person, organisation, place or story page is bounded (lists
are capped); the people index is split by letter past ``INDEX_PAGE`` people; only the
other index pages (organisations, places, years, months, stories) grow with the collection.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TypeVar

import jinja2

from . import contexts, urls
from .contexts import IndexItem, IndexKind, IndexPage, IndexPartPage, Listed, Lookup, Page
from .escape import Trusted, finalize, markdown_text, page_title
from .memo import Affected, RenderMemo
from .model import Article, Corpus
from .partial_date import PartialDate
from .sorting import alphabetical, sort_key, sort_name

INDEX_PAGE = 300  # entries on one page of an index; more are split by letter or year (and part of one)
WEB_SCHEMES = ("http://", "https://")  # the only links to an original article the site writes
T = TypeVar("T")
K = TypeVar("K")  # the key of a lazily made page (a year, a month)
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
                       month_name=lambda m: MONTH_NAMES[m - 1], plural=plural,
                       para_link=para_link, original_url=original_url)
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


def render_site(corpus: Corpus, directory_urls: bool = True, memo: RenderMemo | None = None,
                affected: Affected | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under ``docs/``, in a stable order.

    With a ``memo`` (``mkdocs serve``), a page whose context is unchanged since the
    memo's last build is reused, not rendered. With ``affected`` too (the corpus is
    the memo's last one, patched), a page that cannot show any affected record is the
    memo's as it is, without even making its context (``reached``).
    """
    look = Lookup(corpus, directory_urls)
    patched = memo is not None and affected is not None and affected.base is memo.rendered
    out = Pages(memo, reached(corpus, affected) if patched and affected is not None else None)
    for briefing in corpus.briefings:
        out.lazy("briefing", urls.briefing_page(briefing.slug), "briefings", briefing.slug,
                 partial(contexts.briefing_page, look, briefing))
    for person in corpus.people:
        out.lazy("person", urls.person_page(person.slug), "people", person.slug,
                 partial(contexts.person_page, look, person))
    render_people_index(look, out)
    for actor in corpus.actors:
        out.lazy("actor", urls.actor_page(actor.kind, actor.slug), "actors", actor.slug,
                 partial(contexts.actor_page, look, actor))
    for kind in ("org", "place"):
        render_actors_index(look, out, kind)
    out.add("network", contexts.network_page(look, memo.once if memo else None))
    for story in corpus.stories:
        out.lazy("story", urls.story_page(story.slug), "stories", story.slug,
                 partial(contexts.story_page, look, story))
    render_stories_index(look, out)
    out.add("years_index", contexts.years_index(look))
    for year in contexts.timeline_years(corpus):
        out.lazy("year", urls.year_page(year), "years", year, partial(_dated_page, contexts.year_page, look, year))
        for month in contexts.timeline_months(corpus, year):
            out.lazy("month", urls.month_page(*month), "months", month,
                     partial(_dated_page, contexts.month_page, look, month))
    out.add("undated", contexts.undated_page(look))
    if memo is not None:
        memo.keep_only(set(out.pages), [b.extraction for b in corpus.briefings])
        memo.rendered = corpus
    return dict(sorted(out.pages.items()))


@dataclass(frozen=True)
class Reached:
    """The records whose pages can show something of an affected record (``reached``), by page family."""

    briefings: set[str]
    people: set[str]
    actors: set[str]
    stories: set[str]
    years: set[int]
    months: set[tuple[int, int]]
    edited: frozenset[str] = frozenset()  # the edited briefings themselves
    grown: bool = False  # briefings were added: every index's counts can change


def reached(corpus: Corpus, affected: Affected) -> Reached:
    """What pages a patch can change: the edited briefings and every briefing page that lists one (its
    story's other reports, the briefings it is related to); the people, organisations and places named in
    them, and those whose records were made again; their stories; the years and months they were published
    in or date events in (a timeline shows each event's sentence)."""
    edited = affected.briefings
    stories = {s.slug for s in corpus.stories if edited.intersection(s.briefings)} | affected.stories
    briefings = set(edited) | {slug for s in corpus.stories if s.slug in stories for slug in s.briefings} \
        | {slug for slug, related in corpus.related.items() if any(other in edited for other, _ in related)}
    people = {p.slug for p in corpus.people if edited.intersection(p.articles)} | affected.people
    actors = {a.slug for a in corpus.actors if edited.intersection(a.articles)} | affected.actors
    years: set[int] = set()
    months: set[tuple[int, int]] = set()
    for b in corpus.briefings:
        if b.slug in edited:
            for value in (b.extraction.published.value, *(d.value for d in b.extraction.dates)):
                date = PartialDate.of(value)
                if date is not None:
                    years.add(date.year)
                    if date.month is not None:
                        months.add((date.year, date.month))
    return Reached(briefings, people, actors, stories, years, months, edited, affected.grown)


@dataclass
class Pages:
    """The pages rendered so far; with a memo, a page whose context is unchanged is taken from it instead."""

    memo: RenderMemo | None
    reach: Reached | None = None
    pages: dict[str, str] = field(default_factory=dict)

    def add(self, kind: str, context: Page) -> None:
        """The page of ``templates/<kind>.html.j2`` with ``context``; its path is the context's ``here``."""
        render = partial(_page, kind, context)
        if self.memo is None:
            self.pages[context.here] = render()
        else:
            self.pages[context.here] = self.memo.page(context.here, self.memo.key(kind, context), render)

    def all_kept(self, paths: list[str]) -> bool:
        """After a patch (``reach``) that added no briefing: take these pages from the memo as they are, if it
        has them all."""
        if self.reach is None or self.reach.grown or self.memo is None \
                or any(path not in self.memo.pages for path in paths):
            return False
        for path in paths:
            self.pages[path] = self.memo.kept(path)  # type: ignore[assignment]  # checked just above
        return True

    def kept_index(self, kind: IndexKind) -> bool:
        """After a patch: the pages of an index as the memo has them, without even sorting its entries, when a
        patch cannot change them (see ``render_index``)."""
        return self.memo is not None and kind.section in self.memo.indexes and \
            self.all_kept(self.memo.indexes[kind.section])

    def lazy(self, kind: str, here: str, family: str, record: object, context: Callable[[str], Page]) -> None:
        """``add`` of the context ``context(here)`` makes, unless the page at ``here`` is out of reach of a
        patch (``Reached``, ``family`` its set of records): then the memo's page as it is."""
        if self.reach is not None and self.memo is not None and record not in getattr(self.reach, family):
            kept = self.memo.kept(here)
            if kept is not None:
                self.pages[here] = kept
                return
        self.add(kind, context(here))


def _dated_page(make: Callable[[Lookup, K], Page], look: Lookup, key: K, _here: str) -> Page:
    """The context of a year's or a month's page (its path is not part of it): ``Pages.lazy``'s maker."""
    return make(look, key)


def _render(template: str, context: object) -> str:
    """``templates/<template>`` with the fields of ``context`` (a dataclass) as its variables."""
    return environment().get_template(template).render(urls=urls, **vars(context))


def _page(kind: str, context: Page) -> str:
    """A generated page from ``templates/<kind>.html.j2``; its links start from the context's ``here``."""
    return _render(f"{kind}.html.j2", context)


def render_people_index(look: Lookup, out: Pages) -> None:
    """People sorted by surname ("Putin, Vladimir"), under their letter."""
    if out.kept_index(INDEXES["people"]):
        return
    entries = sorted(((sort_name(p.name), IndexItem.of(p)) for p in look.corpus.people),
                     key=lambda e: (sort_key(e[0]), e[1].slug))
    render_index(look, out, INDEXES["people"], alphabetical(entries, lambda e: e[0]))


def render_actors_index(look: Lookup, out: Pages, kind: str) -> None:
    """Organisations ("org") or places ("place", countries included) by name, under their letter."""
    if out.kept_index(INDEXES[kind]):
        return
    listed = sorted((a for a in look.corpus.actors if a.kind == kind), key=lambda a: (sort_key(a.name), a.slug))
    render_index(look, out, INDEXES[kind], alphabetical([(a.name, IndexItem.of(a)) for a in listed], lambda e: e[0]))


def render_stories_index(look: Lookup, out: Pages) -> None:
    """Stories under the year of their first report, newest year first, undated last (in a year: as listed).

    After a patch, the memo's pages as they are unless an edited briefing is a story's first report: an entry
    shows its first report's date (a patch never changes it) and title, and the number of reports."""
    if out.reach is not None and not any(s.briefings[0] in out.reach.edited for s in look.corpus.stories) \
            and out.kept_index(INDEXES["stories"]):
        return
    groups: dict[str, list[tuple[str, IndexItem]]] = {}
    for story in look.corpus.stories:
        published = look.listed(story.briefings[0]).published
        when = PartialDate.of(published)
        groups.setdefault(str(when.year) if when else "Undated", []).append((published or "undated",
                                                                             IndexItem.of(story)))
    newest = sorted(groups.items(), key=lambda kv: kv[0] if kv[0].isdigit() else "", reverse=True)
    render_index(look, out, INDEXES["stories"], newest)


def render_index(look: Lookup, out: Pages, kind: IndexKind, groups: list[tuple[str, list[tuple[str, IndexItem]]]],
                 ) -> None:
    """An index of ``groups`` (a letter or a year → its (label, entry) pairs) under a jump bar to each group.

    Up to ``INDEX_PAGE`` entries, one page with a section per group; past that, the index
    page lists the pages of each group (cut in parts of ``INDEX_PAGE``), from the first
    label to the last, and each part is a page of its own (``urls.index_part_page``).
    Each page's memo key is a digest of the entries it shows. After a patch, the people and
    organisation or place indexes are the memo's as they are: an entry shows a name, a kind
    and a count of briefings, which a patch never changes (``resolve.patch``); so is the
    stories index unless an edited briefing is a story's first report (``render_stories_index``).
    """
    here, directory_urls = urls.index_page(kind.section), look.directory_urls
    if kind.entry != "story" and out.all_kept([here, *(urls.index_part_page(kind.section, group, n)
                                                     for group, entries in groups for n in
                                                     range(1, len(_chunks(entries, INDEX_PAGE)) + 1)
                                                     if sum(len(e) for _, e in groups) > INDEX_PAGE)]):
        return
    if sum(len(entries) for _, entries in groups) <= INDEX_PAGE:
        bar = [(group, "", urls.slugify(group)) for group, _ in groups]  # same page: anchors only
        out.add("index", IndexPage(here, directory_urls, index=kind, bar=bar, groups=groups, parts=[],
                                   listed=_first_reports(look, [e for _, entries in groups for e in entries])))
        if out.memo is not None:
            out.memo.indexes[kind.section] = [here]
        return
    parts = [(group, n, urls.index_part_page(kind.section, group, n), chunk) for group, entries in groups
             for n, chunk in enumerate(_chunks(entries, INDEX_PAGE), start=1)]
    if out.memo is not None:
        out.memo.indexes[kind.section] = [here, *(path for _, _, path, _ in parts)]
    bar = [(group, urls.index_part_page(kind.section, group), "") for group, _ in groups]
    out.add("index", IndexPage(here, directory_urls, index=kind, bar=bar, groups=[], parts=parts, listed={}))
    for group, n, path, chunk in parts:
        siblings = [(m, other) for g, m, other, _ in parts if g == group]
        out.add("index_part", IndexPartPage(path, directory_urls, index=kind, bar=bar, group=group, part=n,
                                            siblings=siblings, entries=chunk, listed=_first_reports(look, chunk)))


def _first_reports(look: Lookup, entries: list[tuple[str, IndexItem]]) -> dict[str, Listed]:
    """The first report of each story among ``entries``, which its entry shows: only those a page shows, so
    that an edit of one report changes the memo key of the one index page listing it, not of every part."""
    return look.listing(item.first for _, item in entries if item.first)


def _chunks(items: list[T], size: int) -> list[list[T]]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def render_overview(corpus: Corpus, prefix: str) -> str:
    """The home page's summary of the collection; ``prefix`` leads from that page to the site root."""
    return _render("overview.md.j2", contexts.overview(corpus, prefix))


def original_url(article: Article) -> str | None:
    """The original article's address, if it is a web address (never ``javascript:`` or a local path)."""
    url = (article.url or "").strip()
    return url if url.lower().startswith(WEB_SCHEMES) and " " not in url else None
