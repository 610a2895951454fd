"""The serve session's page memo never shows a stale page: after each edit, a build
that reuses the memo is identical to a fresh build, and it does reuse pages."""
from __future__ import annotations

from dataclasses import replace

import pytest

import site_corpus
from generator import contexts
from generator.memo import RecordMemo, RenderMemo
from generator.model import DateRef, Extraction, Mention, Published, Quote
from generator.resolve import PROVISIONAL_ADDITIONS, ResolveMemo, resolve
from generator.site import Built, build_from_corpus, extra_files
from generator.timeline import timeline


def retitled(e: Extraction, title: str) -> Extraction:
    return replace(e, article=replace(e.article, title=title))


def edits() -> list[tuple[str, dict[str, Extraction]]]:
    """A writer's session: each step is the whole collection after one edit."""
    base = site_corpus.extractions()
    steps = [("as it was", dict(base))]
    current = dict(base)
    # a story member's title: shown on the other report's page and on the people's pages
    current["b-valley"] = retitled(current["b-valley"], "Port opens to every ship in spring")
    steps.append(("story member retitled", dict(current)))
    # a new person in one article: new co-mentions on other people's pages
    hostile = current["c-hostile"]
    added = Mention("Marta Velasquez", "person", (), (), (0,))
    current["c-hostile"] = replace(hostile, persons=(*hostile.persons, added))
    steps.append(("person added", dict(current)))
    # an event dated by an article published in no month of the year, then moved to another month: the
    # year page's lists stay the same and only its per-month counts change
    current["d-undated"] = replace(current["d-undated"], dates=(DateRef("March 20", "2021-03-20", 0),))
    steps.append(("event added", dict(current)))
    current["d-undated"] = replace(current["d-undated"], dates=(DateRef("April 20", "2021-04-20", 0),))
    steps.append(("event moved", dict(current)))
    # a briefing dated into another month: the story dissolves, timelines and related lists change
    current["a-harbor"] = replace(current["a-harbor"], published=Published("2021-06-15", "front matter"))
    steps.append(("redated", dict(current)))
    del current["d-undated"]
    steps.append(("article deleted", dict(current)))
    steps.append(("back as it was", dict(base)))
    return steps


def test_memoised_builds_equal_fresh_builds_after_every_edit() -> None:
    memo, records = RenderMemo(), RecordMemo()
    for step, collection in edits():
        corpus = resolve(list(collection.values()))
        fresh = build_from_corpus(corpus).pages
        assert build_from_corpus(corpus, memo=memo).pages == fresh, step
        built = Built(corpus, {}, "")  # the downloads too (a redated briefing: the people's rows)
        assert extra_files(built, "Desk", None, records) == extra_files(built, "Desk", None), step


def test_an_unchanged_collection_is_not_rendered_again() -> None:
    memo = RenderMemo()
    corpus = resolve(list(site_corpus.extractions().values()))
    build_from_corpus(corpus, memo=memo)
    memoised = set(memo.pages)
    assert {f"briefings/{b.slug}.md" for b in corpus.briefings} | {f"people/{p.slug}.md" for p in corpus.people} \
        | {"network/index.md", "years/2021.md", "years/2021-03.md"} <= memoised
    before = memo.hits
    build_from_corpus(resolve(list(site_corpus.extractions().values())), memo=memo)
    assert memo.hits - before == len(memoised)  # every one of them reused


def reworded(e: Extraction, paragraph: int, text: str) -> Extraction:
    body = list(e.article.body)
    body[paragraph] = text
    return replace(e, article=replace(e.article, body=tuple(body)))


def requoted(e: Extraction, index: int, text: str) -> Extraction:
    quotes = list(e.quotes)
    quotes[index] = replace(quotes[index], text=text)
    return replace(e, quotes=tuple(quotes))


def quoting(e: Extraction, text: str) -> Extraction:
    """``e`` with one more quotation, by its first person, in its first paragraph."""
    return replace(e, quotes=(*e.quotes, Quote(text, e.persons[0].name, "said", 0.7, 0)))


def wording_edits() -> list[tuple[str, dict[str, Extraction], bool]]:
    """(step, the collection after it, whether the last corpus can be patched): a writer's serve session."""
    current = dict(site_corpus.extractions())
    steps = [("first build", dict(current), False)]
    harbor = current["a-harbor"]
    current["a-harbor"] = reworded(harbor, 2, harbor.article.body[2] + " The tugs were painted over the winter.")
    steps.append(("a sentence added to a story member", dict(current), True))
    current["c-hostile"] = quoting(current["c-hostile"], "Not this year.")
    steps.append(("a short quotation added: the speaker's page shows it", dict(current), True))
    current["c-hostile"] = requoted(current["c-hostile"], 2, "Not this budget.")
    steps.append(("a short quotation reworded", dict(current), True))
    harbor = current["a-harbor"]
    current["a-harbor"] = replace(harbor, quotes=(*harbor.quotes, Quote("The Port Authority agreed.",
                                                                        "Tomas Brennick", "said", 0.7, 1)))
    steps.append(("a quotation naming an organisation: its page and the story's quotes", dict(current), True))
    current["a-harbor"] = harbor
    steps.append(("and removed again", dict(current), True))
    hostile = current["c-hostile"]
    current["c-hostile"] = replace(hostile, persons=(*hostile.persons[:1], replace(hostile.persons[1],
                                                                                    name="Tomas Brenick")))
    steps.append(("a name changed: resolved again", dict(current), False))
    current["d-undated"] = replace(current["d-undated"], published=Published("2021-05-02", "front matter"))
    steps.append(("a date changed: resolved again", dict(current), False))
    current["b-valley"] = requoted(current["b-valley"], 0, "open every port to any ship that asks, from spring on")
    steps.append(("a long quotation reworded (story grouping reads it): resolved again", dict(current), False))
    current["b-valley"] = retitled(current["b-valley"], "Valley council votes on the harbour levy")
    steps.append(("a new headline (story grouping reads its terms): resolved again", dict(current), False))
    del current["d-undated"]
    steps.append(("an article deleted: resolved again", dict(current), False))
    return steps


def test_a_patched_corpus_equals_a_fresh_one_and_names_fall_back_to_a_full_resolve() -> None:
    memo, pages, records = ResolveMemo(), RenderMemo(), RecordMemo()
    for step, collection, patched in wording_edits():
        before = memo.patched
        corpus = resolve(list(collection.values()), memo=memo)
        assert (memo.patched > before) is patched, step
        assert corpus == resolve(list(collection.values())), step
        # a patch renders only the pages it can reach (memo.affected): the others are the memo's as they were
        assert build_from_corpus(corpus, memo=pages, affected=memo.affected).pages == build_from_corpus(corpus).pages, \
            step
        built = Built(corpus, {}, "")  # the downloads: a briefing's records are reused while it is the same object
        assert extra_files(built, "Desk", "https://example.org/", records) \
            == extra_files(built, "Desk", "https://example.org/"), step


def test_a_patched_edit_shows_where_its_quotes_are_shown() -> None:
    memo = ResolveMemo()
    collection = site_corpus.extractions()
    resolve(list(collection.values()), memo=memo)
    collection["c-hostile"] = quoting(collection["c-hostile"], "Not this year.")
    pages = build_from_corpus(resolve(list(collection.values()), memo=memo)).pages
    collection["c-hostile"] = requoted(collection["c-hostile"], 2, "Not this budget.")
    again = build_from_corpus(resolve(list(collection.values()), memo=memo)).pages
    assert memo.patched == 2
    assert "Not this year." in pages["briefings/c-hostile.md"] and "Not this year." in pages["people/ilse-kandor.md"]
    person = again["people/ilse-kandor.md"]
    assert "Not this budget." in person and "Not this year." not in person


def test_an_unsure_name_kept_by_the_people_stage_stays_on_a_patched_briefing() -> None:
    memo = ResolveMemo()
    collection = site_corpus.extractions()
    marta = Mention("Marta", "person", (), (), (1,))
    collection["c-hostile"] = replace(collection["c-hostile"], unsure=(marta,))
    collection["d-undated"] = replace(collection["d-undated"], persons=(
        *collection["d-undated"].persons, Mention("Marta Velasquez", "person", (), (), (0,))))
    fresh = resolve(list(collection.values()), memo=memo)
    assert marta in {b.slug: b for b in fresh.briefings}["c-hostile"].extraction.persons  # kept: Marta Velasquez
    hostile = collection["c-hostile"]
    collection["c-hostile"] = reworded(hostile, 1, "And then " + hostile.article.body[1])  # two stop words
    assert resolve(list(collection.values()), memo=memo) == resolve(list(collection.values()))
    assert memo.patched == 1


def test_a_patch_makes_the_contexts_of_the_pages_it_can_reach_only(monkeypatch) -> None:
    memo, pages = ResolveMemo(), RenderMemo()
    collection = site_corpus.extractions()
    build_from_corpus(resolve(list(collection.values()), memo=memo), memo=pages, affected=memo.affected)
    made: list[str] = []
    real = contexts.person_page
    monkeypatch.setattr(contexts, "person_page", lambda look, person, here: made.append(person.slug)
                        or real(look, person, here))
    collection["d-undated"] = reworded(collection["d-undated"], 0, "And then Ilse Kandor opened the new library.")
    corpus = resolve(list(collection.values()), memo=memo)
    built = build_from_corpus(corpus, memo=pages, affected=memo.affected).pages
    assert memo.patched == 1 and made == ["ilse-kandor"]  # the only person the edited briefing names
    assert "And then Ilse Kandor" in built["briefings/d-undated.md"]
    assert built == build_from_corpus(corpus).pages


def arrival(e: Extraction, name: str) -> Extraction:
    """A new article: ``e``'s text under another file name, naming a person the collection does not know too,
    published in a month and naming a year no other briefing has."""
    article = replace(e.article, id=name, path=f"{name}.md", title=f"Another look: {e.article.title}")
    return replace(e, article=article, persons=(*e.persons, Mention("Ada Newcombe", "person", (), (), (0,))),
                   published=Published("2024-07-01", "front matter"),
                   dates=(*e.dates, DateRef("June 1999", "1999-06", 0)))


def test_a_new_article_is_shown_at_once_and_the_collection_resolved_in_full_next() -> None:
    memo, pages = ResolveMemo(show_added=PROVISIONAL_ADDITIONS), RenderMemo()
    collection = site_corpus.extractions()
    build_from_corpus(resolve(list(collection.values()), memo=memo), memo=pages)
    collection["e-arrival"] = arrival(collection["c-hostile"], "e-arrival")
    shown = resolve(list(collection.values()), memo=memo)
    assert memo.provisional and memo.patched == 1  # the last corpus with the new briefing, not a full resolve
    fresh = timeline(shown.briefings)  # its years and months sorted again, not all of them; in the same order
    assert all(list(getattr(shown.timeline, f).items()) == list(getattr(fresh, f).items())
               for f in ("by_year", "by_month", "events", "events_by_month"))
    built = build_from_corpus(shown, memo=pages, affected=memo.affected).pages
    assert built == build_from_corpus(shown).pages  # every page the new briefing reaches is made again
    new = next(b for b in shown.briefings if b.extraction.article.id == "e-arrival")
    assert f"briefings/{new.slug}.md" in built
    assert new.slug in built["people/ilse-kandor.md"] and new.slug in built["people/tomas-brennick.md"]
    assert new.speakers.keys() == {"Ilse Kandor", "Tomas Brennick"}  # the new name waits for the full resolve
    full = resolve(list(collection.values()), memo=memo)
    assert not memo.provisional and full == resolve(list(collection.values()))
    assert "Ada Newcombe" in {b.slug: b for b in full.briefings}[new.slug].speakers
    assert build_from_corpus(full, memo=pages, affected=memo.affected).pages == build_from_corpus(full).pages


@pytest.mark.parametrize(("shown", "added"), [
    (PROVISIONAL_ADDITIONS, PROVISIONAL_ADDITIONS + 1),  # a folder copied in
    (0, 1),  # plain mkdocs serve: every rebuild renders every page, a provisional one would double the work
])
def test_many_new_articles_at_once_are_resolved_in_full(shown: int, added: int) -> None:
    memo = ResolveMemo(show_added=shown)
    collection = site_corpus.extractions()
    resolve(list(collection.values()), memo=memo)
    collection |= {f"n-{n:02}": arrival(collection["a-harbor"], f"n-{n:02}") for n in range(added)}
    assert resolve(list(collection.values()), memo=memo) == resolve(list(collection.values()))
    assert not memo.provisional and memo.patched == 0
