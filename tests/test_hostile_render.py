"""Payloads in every field the pages show: titles, names, aliases, roles, quotes, sources, dates, dropped lines.

The real pipeline rarely lets a payload into a person's name or role (spaCy will not tag
``<script>`` as a person), so this test builds the records by hand, renders them through
the real templates, builds the pages with MkDocs (without the plugin) and opens them.
"""
from __future__ import annotations

import pytest

from generator.model import Article, DateRef, Dropped, Extraction, FrontMatter, Mention, Published, Quote
from generator.resolve import resolve
from generator.site import build_from_corpus
from hostile.browser import visit_all
from hostile.corpus import PAYLOADS
from hostile.project import active_content, make_project, mkdocs, snapshot


def extraction(n: int, payload: str) -> Extraction:
    name = f"Ines {payload} Marr"
    body = (f"Body text {payload} about the pier in Tollmere, which the council will reopen.",
            f"\"{payload} is not a plan,\" said {name}, the {payload} minister.")
    article = Article(id=f"evil{n}", path=f"evil{n} {payload}.txt", title=f"Title {payload}", title_made=n % 2 == 0,
                      body=body, dropped=(Dropped(f"dropped {payload}", f"reason {payload}"),),
                      metadata=(f"meta {payload}",), source=f"Source {payload}",
                      front=FrontMatter(title=f"Title {payload}", source=f"Source {payload}"))
    person = Mention(name=name, kind="person", aliases=(f"Marr {payload}",), roles=(f"{payload} minister",),
                     paragraphs=(0, 1))
    actors = (Mention(name=f"Org {payload}", kind="org", paragraphs=(0,)),
              Mention(name=f"Land {payload}", kind="country", paragraphs=(0,)))
    return Extraction(article=article, published=Published(f"2021-0{1 + n % 9}-1{n % 9}", "estimate", f"why {payload}"),
                      persons=(person,), actors=actors,
                      quotes=(Quote(text=f"{payload} is not a plan", speaker=name, cue="said", confidence=0.9,
                                    paragraph=1),),
                      dates=(DateRef(text=f"date {payload}", value="2021-03-04", paragraph=0),
                             DateRef(text=f"undated {payload}", value=None, paragraph=1)))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    corpus = resolve([extraction(n, payload) for n, payload in enumerate(PAYLOADS)])
    built = build_from_corpus(corpus)
    root = make_project(tmp_path_factory.mktemp("render"), plugin=False)
    for rel, text in built.pages.items():
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    result = mkdocs(root, "build")
    return {"root": root, "pages": built.pages, "result": result, "site": snapshot(root / "site")}


def test_the_pages_build(site: dict) -> None:
    assert site["result"].returncode == 0, site["result"].stderr[-3000:]
    assert any(rel.startswith("people/") for rel in site["pages"])
    assert any(rel.startswith(("organisations/", "places/")) and not rel.endswith("index.md") for rel in site["pages"])


def test_no_built_page_carries_active_content(site: dict) -> None:
    found = {rel: active_content(data.decode("utf-8")) for rel, data in site["site"].items() if rel.endswith(".html")}
    assert not {rel: items for rel, items in found.items() if items}


def test_payload_text_is_shown_not_dropped(site: dict) -> None:
    """Escaped is not deleted: the words of the payload are on the page for the reader to see."""
    page = next(data.decode("utf-8") for rel, data in site["site"].items()
                if rel.startswith("briefings/evil0") and rel.endswith(".html"))
    assert "window.__pwned" in page.replace("&#95;", "_").replace("&#46;", ".")


@pytest.mark.browser
def test_no_dialog_and_no_script_on_any_page(site: dict) -> None:
    assert not visit_all(site["root"] / "site")
