"""A build lets go of each generated page's text once MkDocs has it, and of its HTML once written; serve keeps them."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from generator.plugin import BriefingsPlugin


def _page(src_uri: str, generated: bool = True) -> Any:
    file = SimpleNamespace(src_uri=src_uri, generated_by="briefings" if generated else None, content_string="text")
    return SimpleNamespace(file=file, content="<p>html</p>", toc=None, present_anchor_ids=None)


def _plugin(serving: bool) -> BriefingsPlugin:
    plugin = BriefingsPlugin()
    plugin.serving = serving
    plugin.built = SimpleNamespace(pages={"briefings/a/index.md": "---\ntitle: A\n---\n<p>a</p>"})  # type: ignore[assignment]
    return plugin


@pytest.mark.parametrize(("serving", "released"), [(False, True), (True, False)])
def test_generated_page_text_released_after_use(serving: bool, released: bool) -> None:
    plugin, page = _plugin(serving), _page("briefings/a/index.md")
    assert plugin.on_page_markdown("<p>a</p>", page=page, config=None, files=None) == ""  # type: ignore[arg-type]
    assert (page.file.content_string == "") is released
    assert (plugin.built.pages["briefings/a/index.md"] == "") is released  # type: ignore[union-attr]
    assert plugin.on_page_content("", page=page, config=None, files=None) == "<p>a</p>"  # type: ignore[arg-type]
    page.content = "<p>a</p>"
    assert plugin.on_post_page("<html>", page=page, config=None) == "<html>"  # type: ignore[arg-type]
    assert (page.content is None) is released


def test_hand_written_page_keeps_its_html() -> None:
    plugin, page = _plugin(False), _page("notes.md", generated=False)
    plugin.on_post_page("<html>", page=page, config=None)  # type: ignore[arg-type]
    assert page.content == "<p>html</p>"
