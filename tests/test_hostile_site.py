"""The hostile corpus through ``mkdocs build`` and ``python -m generator site``, and in a browser.

One project in a tmp dir (the repository's mkdocs.yml and docs/, seeds from the hostile
corpus), built once per module; every test reads what that build left.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from hostile.browser import visit_all
from hostile.corpus import EXPECTED_ERRORS, write_corpus
from hostile.project import active_content, make_project, mkdocs, outside_build_areas, snapshot


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = make_project(tmp_path_factory.mktemp("site"))
    write_corpus(root / "seeds")
    (root / "site.new.txt").write_text("mine")  # named like the wrapper's temporaries, but not one
    before = snapshot(root)
    first = mkdocs(root, "build")
    site1 = snapshot(root / "site")
    second = mkdocs(root, "build")
    return {"root": root, "before": before, "first": first, "second": second, "site1": site1,
            "site2": snapshot(root / "site"), "after": snapshot(root)}


def test_mkdocs_build_succeeds_and_warns_about_each_unusable_file(project: dict) -> None:
    assert project["first"].returncode == 0, project["first"].stderr[-3000:]
    log = project["first"].stderr
    assert {name for name in EXPECTED_ERRORS if f"'{name}'" in log} == set(EXPECTED_ERRORS)


def test_strict_mkdocs_build_names_the_unusable_files_and_publishes_the_rest(project: dict, tmp_path: Path) -> None:
    # mkdocs --strict is for the project's own pages: one bad scraped file must not stop a deploy
    result = mkdocs(project["root"], "build", "--strict", "--site-dir", str(tmp_path / "strict"))
    assert result.returncode == 0, result.stderr[-3000:]
    assert {name for name in EXPECTED_ERRORS if f"'{name}'" in result.stderr} == set(EXPECTED_ERRORS)


def test_strict_inputs_fail_the_build_on_the_unusable_files(project: dict, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFINGS_STRICT", "1")
    result = mkdocs(project["root"], "build", "--site-dir", str(tmp_path / "strict"))
    assert result.returncode != 0
    assert "Error reading" in result.stderr and "strict inputs" in result.stderr


def test_docs_and_seeds_are_untouched_and_nothing_new_outside_site_and_cache(project: dict) -> None:
    assert outside_build_areas(project["after"]) == project["before"]


def test_two_builds_are_byte_identical(project: dict) -> None:
    assert project["second"].returncode == 0
    differing = sorted(rel for rel in set(project["site1"]) | set(project["site2"])
                       if project["site1"].get(rel) != project["site2"].get(rel))
    assert not differing


def test_no_built_page_carries_active_content_from_article_text(project: dict) -> None:
    found = {rel: active_content(data.decode("utf-8")) for rel, data in project["site1"].items()
             if rel.endswith(".html")}
    assert not {rel: items for rel, items in found.items() if items}


def test_site_command_keeps_the_previous_site_when_the_build_fails(project: dict, tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "seeds" / "a.txt").write_text(
        "A harbour story\n" + "Councillor Ines Marr said the pier would reopen on Friday, a week late. " * 2)
    ok = mkdocs(root, "site", module="generator")
    assert ok.returncode == 0, ok.stderr[-3000:]
    good = snapshot(root / "site")
    assert "index.html" in good
    (root / "seeds" / "empty.txt").write_text("")  # a warning: fatal under --strict
    failed = mkdocs(root, "site", "--strict", module="generator")
    assert failed.returncode != 0
    assert snapshot(root / "site") == good
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("site")) == ["site"]
    again = mkdocs(root, "site", module="generator")
    assert again.returncode == 0
    assert snapshot(root / "site") == good  # no page changes
    assert "empty.txt" in (root / ".cache" / "review.txt").read_text(encoding="utf-8")  # the review lists it


def test_site_command_refuses_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "site").mkdir()
    (root / "site" / "precious.txt").write_text("mine")
    result = mkdocs(root, "site", module="generator")
    assert result.returncode == 1 and "Refusing" in result.stderr
    assert (root / "site" / "precious.txt").read_text() == "mine"


@pytest.mark.browser
def test_no_dialog_and_no_script_from_article_text_on_any_page(project: dict) -> None:
    # titles carry "harbour" and "Tollmere" (their payloads are defused); every body carries all three find terms
    problems = visit_all(project["root"] / "site", search_terms=("harbour", "tollmere"),
                         find_terms=("harbour", "script", "ferry"))
    assert not problems
