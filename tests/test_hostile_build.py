"""The whole hostile corpus through ``python -m generator build``: the rest builds, strict fails, nothing lost."""
from __future__ import annotations

import re

import pytest

from generator.urls import GENERATED_DIRS
from hostile.corpus import EXPECTED_ERRORS, write_corpus
from hostile.project import mkdocs, snapshot

# tags only article text could bring (the templates make headings, p, a, lists, code, strong, blockquote,
# tables, the network svg, and the divs and details below, always with these classes)
RAW_TAG = re.compile(r"<(script|iframe|img|b)\b"
                     r"|<div\b(?! class=\"(briefing-digest|admonition info|search-facets|chart-scroll)\")"
                     r"|<details\b(?! class=\"note\")|<!--|\bon\w+=|javascript:", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("cli")
    expected = write_corpus(root / "seeds")
    (root / "notes.txt").write_text("mine")
    (root / "out.new.txt").write_text("mine")  # named like the build's temporaries, but not one
    before = snapshot(root)
    first = mkdocs(root, "build", "seeds", "--out", "out", "--processes", "1", module="generator")
    pages1 = snapshot(root / "out")
    strict = mkdocs(root, "build", "seeds", "--out", "out", "--processes", "1", "--strict", module="generator")
    return {"root": root, "expected": expected, "before": before, "first": first, "strict": strict,
            "pages1": pages1, "pages2": snapshot(root / "out"), "after": snapshot(root)}


def test_build_succeeds_and_warns_about_each_unusable_file(built: dict) -> None:
    assert built["first"].returncode == 0, built["first"].stderr[-2000:]
    warnings = [line for line in built["first"].stderr.splitlines() if line.startswith("warning: ")]
    named = {name for name in EXPECTED_ERRORS if any(f"'{name}'" in line for line in warnings)}
    assert named == set(EXPECTED_ERRORS)
    assert len(warnings) == len(EXPECTED_ERRORS)


def test_strict_turns_the_warnings_into_a_failing_exit(built: dict) -> None:
    assert built["strict"].returncode == 2
    assert "warning: Error reading" in built["strict"].stderr


def test_every_readable_file_has_its_own_page(built: dict) -> None:
    briefings = [rel for rel in built["pages1"] if rel.startswith("briefings/") and not rel.endswith("index.md")]
    readable = [name for name, outcome in built["expected"].items() if outcome == "ok"]
    assert len(briefings) == len(readable)


def test_nothing_is_written_outside_the_output_folder(built: dict) -> None:
    after = {rel: data for rel, data in built["after"].items() if not rel.startswith(("out/", ".cache/"))}
    assert after == built["before"]


def test_two_builds_of_the_same_input_are_byte_identical(built: dict) -> None:
    assert built["pages1"] == built["pages2"]


def test_no_article_text_reaches_a_page_as_raw_html(built: dict) -> None:
    pages = {rel: data for rel, data in built["pages1"].items() if rel.startswith(GENERATED_DIRS)}
    assert pages
    for rel, data in pages.items():  # the feed and the data escape for XML and JSON: tests/test_site_render.py
        text = data.decode("utf-8")
        assert not [m.group(0) for m in RAW_TAG.finditer(text)], rel
        assert "{{" not in text and "{%" not in text, rel
