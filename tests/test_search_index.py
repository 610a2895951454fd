"""The header index of generated pages and the full-text index (generator/search.py)."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.search import Entry, TitleSearchPlugin, add_titles, doc_json, entry_of, newest_first, run_pagefind

HAND_WRITTEN = {"location": "about/", "title": "About", "text": "<p>How the briefings are made.</p>"}


def write_index(folder: Path, docs: list[dict[str, str]]) -> Path:
    index = folder / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": docs}), encoding="utf-8")
    return index


@pytest.mark.parametrize("entries, expected", [
    ({}, [HAND_WRITTEN]),
    ({"people/edda-marrow/": Entry("Edda Marrow", ("Marrow", "Councillor Marrow"), 4.0)},
     [HAND_WRITTEN, {"location": "people/edda-marrow/", "title": "Edda Marrow",
                     "text": "<p>Also named: Marrow, Councillor Marrow</p>", "boost": 4.0}]),
    ({"people/x/": Entry("Odo Fenk", ("<b>Fenk</b> & co",))},  # names are article text: escaped
     [HAND_WRITTEN, {"location": "people/x/", "title": "Odo Fenk",
                     "text": "<p>Also named: &lt;b&gt;Fenk&lt;/b&gt; &amp; co</p>"}]),
    ({"years/2031/": Entry("2031"), "briefings/ferry/": Entry("Ferry strike", boost=1.0)},  # sorted by location
     [HAND_WRITTEN, {"location": "briefings/ferry/", "title": "Ferry strike", "text": "", "boost": 1.0},
      {"location": "years/2031/", "title": "2031", "text": ""}]),
])
def test_generated_pages_are_added_by_title_and_names(tmp_path, entries, expected):
    index = write_index(tmp_path, [HAND_WRITTEN])
    add_titles(index, {url: doc_json(url, entry) for url, entry in entries.items()})
    assert not entries or index.read_text(encoding="utf-8") == json.dumps(  # as one dump of it all
        {"config": {"lang": ["en"]}, "docs": expected}, separators=(",", ":"))
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["docs"] == expected and data["config"] == {"lang": ["en"]}


def test_no_index_no_file(tmp_path):
    add_titles(tmp_path / "search" / "search_index.json", {"years/": doc_json("years/", Entry("Years"))})
    assert not (tmp_path / "search").exists()


@pytest.mark.parametrize("meta, expected", [
    ({"search": {"boost": 4, "exclude": True}}, Entry("Odo Fenk", boost=4.0)),
    ({}, Entry("Odo Fenk")),
    ({"search": {"boost": "high"}}, Entry("Odo Fenk")),  # not a number: no boost
])
def test_entry_of_a_page(meta, expected):
    page = SimpleNamespace(title="Odo Fenk", url="people/odo-fenk/", meta=meta,
                           file=SimpleNamespace(src_uri="people/odo-fenk.md"))
    assert entry_of(page) == expected


@pytest.mark.parametrize("generated_by, excluded", [("briefings", True), (None, False)])
def test_only_generated_pages_leave_materials_index(generated_by, excluded):
    plugin = TitleSearchPlugin()
    page = SimpleNamespace(file=SimpleNamespace(generated_by=generated_by, src_uri="people/odo-fenk.md"), meta={},
                           title="Odo Fenk", url="people/odo-fenk/")
    assert plugin.on_page_markdown("# A page", page=page, config=None, files=None) == "# A page"
    assert page.meta.get("search", {}).get("exclude", False) is excluded
    assert plugin.entries == ({"people/odo-fenk.md": ("people/odo-fenk/", Entry("Odo Fenk"))} if excluded else {})


def test_pagefind_indexes_the_article_of_each_page_and_not_the_404(tmp_path):
    pytest.importorskip("pagefind_bin")
    article = '<html lang="en"><body><nav>Menu words</nav><article class="md-content__inner">{}</article></body></html>'
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(article.format("<h1>Quay</h1><p>The lantern keeper spoke.</p>"))
    (tmp_path / "404.html").write_text(article.format("<h1>404 - Not found</h1>"))
    run_pagefind(tmp_path, directory_urls=True)
    bundle = tmp_path / "pagefind"
    assert (bundle / "pagefind-ui.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert [lang["page_count"] for lang in entry["languages"].values()] == [1]  # a/ only, not 404.html


def test_pagefind_runs_in_bundles_and_leaves_out_the_lists(tmp_path):
    pytest.importorskip("pagefind_bin")
    article = ('<html lang="en"><body><article class="md-content__inner">'
               '<h1>{0}</h1><p>{0} keeper</p></article></body></html>')
    for name in ("a", "b", "c", "people/odo"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "index.html").write_text(article.format(name.replace("/", " ")))
    run_pagefind(tmp_path, directory_urls=True, skip={"people/odo/"}, pages_per_run=2)

    def pages(bundle: str) -> int:
        entry = json.loads((tmp_path / bundle / "pagefind-entry.json").read_text())
        return sum(lang["page_count"] for lang in entry["languages"].values())

    assert (pages("pagefind"), pages("pagefind-2")) == (2, 1)  # a, b | c; not the person page
    assert '["pagefind-2/"]' in (tmp_path / "pagefind" / "bundles.js").read_text()
    assert '{"date": {"direction": "desc", "bundles": 0}}' in (tmp_path / "pagefind" / "bundles.js").read_text()
    assert not list(tmp_path.glob(".pagefind-part-*"))  # the scratch folder is gone


def test_pages_fill_the_bundles_newest_first(tmp_path):
    """A sorted search keeps its order across bundles only if each bundle holds a date range (the find page)."""
    dates = {"a": "20210300", "b": None, "c": "20230115", "d": "20210300", "e": "20220000"}
    for name, date in dates.items():
        (tmp_path / name).mkdir()
        sort = f'<span data-pagefind-sort="date">{date}</span>' if date else ""
        (tmp_path / name / "index.html").write_text(f"<article>{sort}<p>{name}</p></article>")
    pages = [Path(name) / "index.html" for name in sorted(dates)]
    # newest first, ties in path order, the undated last
    ordered, dated = newest_first(tmp_path, pages)
    assert ([p.parent.name for p in ordered], dated) == (["c", "e", "a", "d", "b"], 4)
