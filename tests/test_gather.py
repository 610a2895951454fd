"""Gather, then render: the cross-article links are made in the resolve stage and held by the Corpus;
each page renders from a small context of its own; the serve memo keys a page on its context."""
from __future__ import annotations

import io
import pickle
from dataclasses import fields, replace

import pytest

import site_corpus
from generator import contexts
from generator.feeds import data_json
from generator.memo import RenderMemo
from generator.model import DateRef, Extraction, Published
from generator.resolve import link
from generator.timeline import month_of, timeline
from site_corpus import MARTA


def test_the_timeline_is_by_publication_year_and_month_and_by_the_dates_mentioned() -> None:
    t = site_corpus.corpus().timeline
    assert t.by_year == {2021: ("b-valley", "a-harbor"), 2020: ("c-hostile",), None: ("d-undated",)}
    assert t.by_month == {(2021, 3): ("b-valley", "a-harbor"), (2020, 11): ("c-hostile",)}
    assert list(t.events) == [2021, 2020, 2019]  # "someday" (no value) is on no page
    assert [(e.date.value, e.briefing) for e in t.events[2021]] == [
        ("2021-03-01", "a-harbor"), ("2021-03-02", "b-valley"), ("2021-03-10", "a-harbor"), ("2021-03-10", "b-valley"),
        ("2021-04", "a-harbor"), ("2021-04", "b-valley")]
    assert list(t.events_by_month) == [(2021, 4), (2021, 3), (2020, 11)]  # "2019" names no month


@pytest.mark.parametrize("published, year, month", [
    ("2021", 2021, None),  # an estimate of the year alone: on the year page, in no month
    ("2021-06", 2021, (2021, 6)),
    ("2021-06-15", 2021, (2021, 6)),
    (None, None, None),
    ("June 2021", None, None),  # not a value the records hold: on no dated page
])
def test_a_briefing_is_on_the_pages_of_its_publication_date(published: str | None, year: int | None,
                                                           month: tuple[int, int] | None) -> None:
    b = site_corpus.corpus().briefings[0]
    t = timeline([replace(b, extraction=replace(b.extraction, published=Published(published, "estimate")))])
    assert list(t.by_year) == [year]
    assert list(t.by_month) == ([month] if month else [])


@pytest.mark.parametrize("value, month", [("2021-04", 4), ("2021-04-30", 4), ("2021", None), (None, None),
                                          ("2021-13", None), ("spring", None)])
def test_month_of_an_event(value: str | None, month: int | None) -> None:
    from generator.model import Event

    assert month_of(Event(DateRef("x", value, 0), "s")) == month


def test_link_makes_the_links_again_from_the_records() -> None:
    corpus = site_corpus.corpus()
    assert link(corpus) == corpus  # idempotent
    redated = [replace(b, extraction=replace(b.extraction, published=Published("2021-06-15", "front matter")))
               if b.slug == "a-harbor" else b for b in corpus.briefings]
    moved = link(replace(corpus, briefings=tuple(redated)))
    assert moved.timeline.by_month[(2021, 6)] == ("a-harbor",)
    assert moved.stories == () and moved.story_quotes == {}  # three months apart: no longer one event
    assert corpus.story_quotes["a-harbor"] and set(corpus.related) == {b.slug for b in corpus.briefings}


def test_the_data_download_reads_the_corpus_alone() -> None:
    corpus = site_corpus.corpus()
    changed = replace(corpus, related={**corpus.related, "a-harbor": (("d-undated", 1.0),)})
    assert '"related":["d-undated"]' in data_json(changed) and '"related":["d-undated"]' not in data_json(corpus)


def _contexts() -> list[contexts.Page]:
    corpus = site_corpus.corpus()
    look = contexts.Lookup(corpus, True)
    made: list[contexts.Page] = [contexts.briefing_page(look, b, b.slug) for b in corpus.briefings]
    made += [contexts.person_page(look, p, p.slug) for p in corpus.people]
    made += [contexts.actor_page(look, a, a.slug) for a in corpus.actors]
    made += [contexts.story_page(look, s, s.slug) for s in corpus.stories]
    made += [contexts.year_page(look, y) for y in contexts.timeline_years(corpus)]
    made += [contexts.network_page(look), contexts.years_index(look),
             contexts.undated_page(look), contexts.month_page(look, (2021, 3))]
    return made


class _Found(pickle.Pickler):
    """Pickles a context and notes every extraction in it."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO())
        self.extractions: list[Extraction] = []

    def persistent_id(self, obj: object) -> None:
        if isinstance(obj, Extraction):
            self.extractions.append(obj)


@pytest.mark.parametrize("context", _contexts(), ids=lambda c: f"{type(c).__name__}:{c.here}")
def test_a_page_context_is_data_and_holds_no_other_briefing_whole(context: contexts.Page) -> None:
    """Only a briefing's own page holds its extraction; other briefings are ``Listed`` rows."""
    found = _Found()
    found.dump(context)  # fails on a function or a lambda: a context is plain data
    own = [context.e] if isinstance(context, contexts.BriefingPage) else []
    assert [id(e) for e in found.extractions] == [id(e) for e in own]
    assert not any(f.name in ("site", "corpus") for f in fields(context))


def test_the_memo_key_is_the_digest_of_the_context() -> None:
    memo = RenderMemo()
    corpus = site_corpus.corpus()
    person = next(p for p in corpus.people if p.slug == MARTA)
    page = contexts.person_page(contexts.Lookup(corpus, True), person, "people/x.md")
    again = contexts.person_page(contexts.Lookup(site_corpus.corpus(), True), person, "people/x.md")
    assert memo.key("person", page) == memo.key("person", again)  # equal contexts from other objects
    retitled = replace(page, listed={**page.listed, "a-harbor": replace(page.listed["a-harbor"], title="New")})
    assert memo.key("person", retitled) != memo.key("person", page)
    assert memo.key("actor", page) != memo.key("person", page)
    assert memo.key("person", replace(page, directory_urls=False)) != memo.key("person", page)


def test_a_much_named_persons_neighbours_come_from_its_list_position() -> None:
    from generator.model import Person
    from generator.stories import NEIGHBOURS, _around

    articles = tuple(f"s{n:03d}" for n in range(3 * NEIGHBOURS))
    person = Person(slug="p", name="P", articles=articles)
    positions: dict[str, dict[str, int]] = {}
    for at, slug in enumerate(articles):
        expected = [a for a in articles[max(0, at - NEIGHBOURS):at + NEIGHBOURS + 1] if a != slug]
        assert list(_around(person, slug, positions)) == expected
    assert list(_around(person, "elsewhere", positions)) == list(articles[:NEIGHBOURS + 1])  # not in it: the first
