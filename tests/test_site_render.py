"""The rendered site from a fixed, hand-built corpus: goldens file by file, and table tests of its parts.

Regenerate the goldens after an intended change with ``pytest --update-goldens``
and review the diff in git.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

import site_corpus
from generator import graph, urls
from generator.contexts import PERSON_BRIEFINGS
from generator.escape import markdown_text
from generator.model import Briefing, Corpus, Person
from generator.render import render_site
from generator.site import build_from_corpus, extra_files
from generator.stories import compare_quotes, group_stories
from site_corpus import HOSTILE, ILSE, MARTA, TOMAS

GOLDENS = Path(__file__).parent / "goldens" / "pages"


def all_outputs() -> dict[str, str]:
    built = build_from_corpus(site_corpus.corpus())
    return {**built.pages, **extra_files(built, "Test briefings", "https://example.org/briefings-site/"),
            "review.txt": built.report}


def test_goldens(update_goldens: bool) -> None:
    outputs = all_outputs()
    if update_goldens:
        for old in GOLDENS.rglob("*"):
            if old.is_file():
                old.unlink()
        for rel, text in outputs.items():
            (GOLDENS / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / rel).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDENS).as_posix(): p.read_text(encoding="utf-8")
                for p in GOLDENS.rglob("*") if p.is_file()}
    assert sorted(outputs) == sorted(expected), "pages added or removed: run pytest --update-goldens and review"
    for rel in sorted(outputs):
        assert outputs[rel] == expected[rel], f"{rel} differs from its golden: run pytest --update-goldens and review"


def test_same_input_same_output() -> None:
    assert all_outputs() == all_outputs()


def test_article_text_is_escaped_everywhere() -> None:
    outputs = all_outputs()
    for rel, text in outputs.items():
        if rel.endswith(".md"):
            assert "<script>" not in text and "javascript:alert" not in text, rel
            assert "{{ macro" not in text, rel
    assert markdown_text(HOSTILE) in outputs["briefings/c-hostile.md"]


@pytest.mark.parametrize("page, expected", [
    ("briefings/a-harbor.md", '<a href="../../stories/a-harbor/">Compare what each report quotes</a>'),
    ("briefings/a-harbor.md", "Quoted only in this report"),
    ("briefings/b-valley.md", "Quoted by other reports, not by this one"),
    ("briefings/c-hostile.md", "title or metadata"),  # a date found outside the body has no paragraph anchor
    ("briefings/c-hostile.md", 'href="../../years/2020-11/"'),  # links are written as MkDocs serves pages
    ("people/marta-velasquez.md", "boost: 4"),
    ("people/marta-velasquez.md", "Also named: Velasquez"),
    ("people/tomas-brennick.md", '<a href="../../people/marta-velasquez/">Marta Velasquez</a>: 2 briefings together'),
    ("years/2021.md", '<h2 id="march"><a href="../../years/2021-03/">March</a>'),
    ("years/2021-04.md", "No briefing was published in April 2021."),
    ("years/2019.md", '<h2 id="dated-only-by-the-year">Dated only by the year'),
    ("years/undated.md", "Kandor opens the library"),
    ("network/index.md", '<a href="../people/tomas-brennick/">'),
])
def test_page_contains(page: str, expected: str) -> None:
    assert expected in all_outputs()[page]


@pytest.mark.parametrize("page, unexpected", [
    ("briefings/c-hostile.md", "Same story"),  # a briefing alone in its event has no story section
    ("briefings/d-undated.md", "Published"),
    ("years/2021-03.md", "#p0"),
])
def test_page_lacks(page: str, unexpected: str) -> None:
    assert unexpected not in all_outputs()[page]


def test_stories_group_same_event_only() -> None:
    corpus = site_corpus.corpus()
    assert [s.briefings for s in group_stories(corpus.briefings)] == [("a-harbor", "b-valley")]
    far = [replace(b, extraction=replace(b.extraction, published=replace(b.extraction.published, value="2021-05-01")))
           if b.slug == "b-valley" else b for b in corpus.briefings]
    assert group_stories(far) == ()  # the same people two months later is another event


def test_compare_quotes_matches_cut_quotations() -> None:
    members = [b for b in site_corpus.corpus().briefings if b.slug in ("a-harbor", "b-valley")]
    shared = compare_quotes(members)
    assert [(q.text[:20], q.briefings) for q in shared] == [
        ("We will open the nor", ("b-valley", "a-harbor")), ("The cranes have been", ("a-harbor",))]


def test_feed_is_atom_dated_by_publication() -> None:
    root = ET.fromstring(all_outputs()[urls.FEED])  # noqa: S314 - the feed this test just built
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:updated", ns).text == "2021-03-02T00:00:00Z"
    entries = root.findall("a:entry", ns)
    assert [e.find("a:id", ns).text for e in entries] == ["urn:briefings:b-valley", "urn:briefings:a-harbor",
                                                         "urn:briefings:c-hostile"]  # the undated one is left out
    assert entries[0].find("a:link", ns).get("href") == "https://example.org/briefings-site/briefings/b-valley/"


def test_data_download_holds_every_record() -> None:
    data = json.loads(all_outputs()[urls.DATA])
    assert [b["slug"] for b in data["briefings"]] == ["b-valley", "a-harbor", "c-hostile", "d-undated"]
    assert data["briefings"][2]["quotes"][1]["text"] == HOSTILE
    assert data["stories"] == [{"slug": "a-harbor", "briefings": ["a-harbor", "b-valley"]}]
    assert {p["slug"] for p in data["people"]} == {ILSE, MARTA, TOMAS}


def test_network_layout_is_deterministic_and_inside_the_figure() -> None:
    net = graph.network(site_corpus.corpus().people)
    first, second = graph.layout(net), graph.layout(net)
    assert first == second
    assert all(0 <= x <= graph.WIDTH and 0 <= y <= graph.HEIGHT for x, y in first.values())


def test_network_escapes_names() -> None:
    people = (Person("a", "<b>A & B</b>", articles=("x",), co_mentions=(("c", 1),)),
              Person("c", "C", articles=("x",), co_mentions=(("a", 1),)))
    svg = graph.svg(graph.network(people), lambda slug: f"../{slug}/")
    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in svg and "<b>" not in svg


def test_person_page_stays_small_for_a_frequent_person() -> None:
    corpus = site_corpus.corpus()
    base = corpus.briefings[0]
    many = tuple(Briefing(f"x{n:04d}", base.extraction, base.speakers) for n in range(PERSON_BRIEFINGS * 3))
    marta = next(p for p in corpus.people if p.slug == MARTA)
    people = tuple(replace(p, articles=tuple(b.slug for b in many)) if p.slug == MARTA else p for p in corpus.people)
    pages = render_site(Corpus(briefings=corpus.briefings + many, people=people))
    listed = pages[urls.person_page(marta.slug)].split('id="briefings"')[1]
    assert listed.count('href="../../briefings/') == PERSON_BRIEFINGS
