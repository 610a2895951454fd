"""The serve session's page memo never shows a stale page: after each edit, a build
that reuses the memo is identical to a fresh build, and it does reuse pages."""
from __future__ import annotations

from dataclasses import replace

import site_corpus
from generator.memo import RenderMemo
from generator.model import DateRef, Extraction, Mention, Published
from generator.resolve import resolve
from generator.site import build_from_corpus


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
    memo = RenderMemo()
    for step, collection in edits():
        corpus = resolve(list(collection.values()))
        fresh = build_from_corpus(corpus).pages
        assert build_from_corpus(corpus, memo=memo).pages == fresh, step


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
