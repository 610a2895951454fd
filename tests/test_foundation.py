"""The contracts every stage relies on: escaping, slugs, export format, front matter."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_article

from generator.errors import InputError
from generator.escape import Trusted, finalize, markdown_text, page_title
from generator.export import record
from generator.model import Extraction, Published, Quote
from generator.read import read_article
from generator.urls import briefing_slug, person_slug


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "[click](javascript:alert(1))", "{{ config }}", "{% raw %}",
    "<!-- hidden -->", "**bold** _it_ `code`", "<img src=x onerror=alert(1)>",
])
def test_markdown_text_leaves_no_active_character(text: str) -> None:
    escaped = markdown_text(text)
    assert not set(escaped) & set("<>[](){}`*_")
    assert escaped.count("&#") >= 2


@pytest.mark.parametrize("text", ["- item", "+ item", "# heading", "12. list", "3) list"])
def test_markdown_text_escapes_block_syntax_at_line_start(text: str) -> None:
    assert not re.match(r"[-+#]|\d+[.)]", markdown_text(text))


def test_plain_prose_is_left_readable() -> None:
    assert markdown_text("Officials met in Lima on Monday.") == "Officials met in Lima on Monday."


def test_finalize_escapes_all_but_trusted() -> None:
    assert finalize("<b>") == "&#60;b&#62;"
    assert finalize(Trusted("../people/x.md")) == "../people/x.md"
    assert finalize(None) == ""


def test_page_title_cannot_close_the_title_element() -> None:
    assert not set(page_title("</title><script>x</script>")) & set("<>&\"")


@pytest.mark.parametrize("stem, slug", [("000_abc", "000_abc"), ("report-2023", "report-2023")])
def test_safe_stems_are_their_own_slug(stem: str, slug: str) -> None:
    assert briefing_slug(stem) == slug


def test_stems_differing_by_case_or_punctuation_get_distinct_stable_slugs() -> None:
    slugs = {briefing_slug(s) for s in ("Report", "report", "REPORT", "re port", "re:port")}
    assert len(slugs) == 5
    assert briefing_slug("Report") == briefing_slug("Report")  # depends on nothing else
    assert all(set(s) <= set("abcdefghijklmnopqrstuvwxyz0123456789-_") for s in slugs)


def test_person_slug_is_readable() -> None:
    assert person_slug("José Ángel Núñez") == "jose-angel-nunez"


def test_export_record_has_the_schema_fields() -> None:
    extraction = Extraction(article=make_article("One paragraph here."), published=Published("2020-05-01", "text"),
                            quotes=(Quote("a b c d e", None, None, 0.0, 0),))
    rec = record(extraction)
    assert {"id", "title", "published", "body", "persons", "quotes", "dates", "years"} <= rec.keys()
    assert rec["years"] == [2020] and rec["quotes"][0]["speaker"] is None
    json.dumps(rec)


def test_front_matter_is_authoritative_and_apart_from_the_body(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Pinned\npublished: 2021-02-03\nsource: Wire\n---\nHeadline\n\nBody.\n")
    raw = read_article(path, tmp_path)
    assert (raw.front.title, raw.front.published, raw.front.source) == ("Pinned", "2021-02-03", "Wire")
    assert raw.text.startswith("Headline")


@pytest.mark.parametrize("front", ["published: not a date", "published: [1, 2]", "title: {a: b}", "title: [unclosed"])
def test_bad_front_matter_names_the_file_and_the_fix(tmp_path: Path, front: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(f"---\n{front}\n---\nText.\n")
    with pytest.raises(InputError, match=r"article 'bad\.txt'.*\. (Write|Fix)"):
        read_article(path, tmp_path)


def test_verbose_build_prints_a_cleaning_summary_per_article(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text("A headline about the port\n\nThe port reopened on Monday after a long strike "
                                   "by dock workers, officials said.\n\nLeave a Reply\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "export", str(seeds), "--out", str(tmp_path / "x.jsonl"),
                           "--no-cache", "-v"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert re.search(r"one\.txt: kept 1 paragraph\(s\), dropped \d+ line\(s\): .*comment form", done.stderr)
