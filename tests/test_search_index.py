"""The title-only search index of generated pages (generator/search.py)."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.search import TitleSearchPlugin, add_titles

HAND_WRITTEN = {"location": "about/", "title": "About", "text": "<p>How the briefings are made.</p>"}


def write_index(folder: Path, docs: list[dict[str, str]]) -> Path:
    index = folder / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": docs}), encoding="utf-8")
    return index


@pytest.mark.parametrize("entries, expected", [
    ({}, [HAND_WRITTEN]),
    ({"people/edda-marrow/": "Edda Marrow"},
     [HAND_WRITTEN, {"location": "people/edda-marrow/", "title": "Edda Marrow", "text": ""}]),
    ({"years/2031/": "2031", "briefings/ferry/": "Ferry strike"},  # sorted by location
     [HAND_WRITTEN, {"location": "briefings/ferry/", "title": "Ferry strike", "text": ""},
      {"location": "years/2031/", "title": "2031", "text": ""}]),
])
def test_generated_pages_are_added_by_title(tmp_path, entries, expected):
    index = write_index(tmp_path, [HAND_WRITTEN])
    add_titles(index, entries)
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["docs"] == expected and data["config"] == {"lang": ["en"]}


def test_no_index_no_file(tmp_path):
    add_titles(tmp_path / "search" / "search_index.json", {"years/": "Years"})
    assert not (tmp_path / "search").exists()


@pytest.mark.parametrize("generated_by, excluded", [("briefings", True), (None, False)])
def test_only_generated_pages_leave_materials_index(generated_by, excluded):
    plugin = TitleSearchPlugin()
    page = SimpleNamespace(file=SimpleNamespace(generated_by=generated_by), meta={})
    assert plugin.on_page_markdown("# A page", page=page, config=None, files=None) == "# A page"
    assert page.meta.get("search", {}).get("exclude", False) is excluded
    assert plugin.pages == ([page] if excluded else [])
