"""Safe builds without a whole build (issue 18): leftovers, removals cut short, slugs, the registry, Pagefind."""
from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from generator import search, write
from generator.errors import BriefingsError, ConfigError
from generator.people.registry import load_registry
from generator.urls import briefing_slug
from generator.write import MARKER, write_pages

REPO = Path(__file__).resolve().parent.parent
PAGES = {"briefings/a.md": "A\n", "briefings/b.md": "B\n", "people/index.md": "P\n"}


# ---- 4, 2: leftovers of killed builds ----------------------------------------------------------


def test_a_removal_cut_short_never_leaves_an_unmarked_old_folder(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_pages(PAGES, out)
    real = shutil.rmtree

    def killed(path, *args, **kwargs):  # deletes the marker (as rmtree may, first), then the process is killed
        (Path(path) / MARKER).unlink(missing_ok=True)
        raise KeyboardInterrupt

    monkeypatch.setattr(shutil, "rmtree", killed)
    with pytest.raises(KeyboardInterrupt):
        write_pages({**PAGES, "briefings/c.md": "C\n"}, out)
    monkeypatch.setattr(shutil, "rmtree", real)
    assert (out / "briefings" / "c.md").is_file()  # the new pages were in place before the removal
    write_pages(PAGES, out)  # the next build is not refused, and clears what was left
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("leftover", ["site.new", "site.old"])
@pytest.mark.parametrize("content", [{}, {MARKER: "x"}, {"sitemap.xml": "<urlset/>", "pagefind/x.js": ""},
                                     {"assets/app.js": ""}])
def test_leftovers_of_earlier_builds_are_recognised_and_cleared(tmp_path: Path, leftover: str,
                                                                 content: dict[str, str]) -> None:
    out = tmp_path / "site"
    write_pages(PAGES, out)
    for rel, text in content.items():
        (tmp_path / leftover / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / leftover / rel).write_text(text)
    (tmp_path / leftover).mkdir(exist_ok=True)
    write_pages(PAGES, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_folder_of_someone_else_is_refused_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "site"
    write_pages(PAGES, out)
    (tmp_path / "site.old").mkdir()
    (tmp_path / "site.old" / "mine.txt").write_text("my notes")
    with pytest.raises(BriefingsError, match=r"site\.old"):
        write_pages(PAGES, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "site.old"]  # no site.new left behind
    assert (tmp_path / "site.old" / "mine.txt").read_text() == "my notes"


# ---- 7: slugs -------------------------------------------------------------------------------------


@pytest.mark.parametrize("paths", [
    ["A.txt", "a-6dcd4ce2.txt"], ["foo.md", "foo-3f9791a2.txt"], ["a.txt", "A.txt", "a.md", "sub/a.txt"],
    ["Harbor Times.txt", "harbor-times-59225cc4.txt", "harbor-times.txt"],
])
def test_distinct_inputs_get_distinct_slugs_whatever_their_names(paths: list[str]) -> None:
    slugs = [briefing_slug(Path(p).stem, p) for p in paths]
    assert len(set(slugs)) == len(paths), slugs


@pytest.mark.parametrize("path, slug", [("harbour-vote.txt", "harbour-vote"), ("a.txt", "a")])
def test_plain_names_keep_their_slug(path: str, slug: str) -> None:
    assert briefing_slug(Path(path).stem, path) == slug


# ---- 10: the registry -----------------------------------------------------------------------------


@pytest.mark.parametrize("slug, ok", [("vp", True), ("ann-example_2", True), ("vp\n", False), ("vp\nx", False),
                                      ("VP", False), ("-vp", False)])
def test_a_registry_slug_must_match_whole(tmp_path: Path, slug: str, ok: bool) -> None:
    path = tmp_path / "people.yml"
    path.write_text(f"people:\n  - name: Ann Example\n    slug: {slug!r}\n".replace("'", '"'), encoding="utf-8")
    if ok:
        assert load_registry(path)[0].slug == slug
    else:
        with pytest.raises(ConfigError, match="not a valid page address"):
            load_registry(path)


# ---- 1: Pagefind cannot hang a build --------------------------------------------------------------


def test_a_pagefind_run_that_hangs_is_stopped(tmp_path: Path, monkeypatch) -> None:
    stuck = tmp_path / "pagefind"
    stuck.write_text("#!/bin/sh\nexec sleep 600\n")
    stuck.chmod(0o755)
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<article class='md-content__inner'>A</article>")
    monkeypatch.setattr(search, "_pagefind_binary", lambda: stuck)
    monkeypatch.setattr(search, "PAGEFIND_SECONDS", 1)
    with pytest.raises(search.PluginError, match="did not finish"):
        search.run_pagefind(site, True)


# ---- 19: dependencies an old pip can install ---------------------------------------------------------


def test_the_html_cleaner_and_the_encoding_detector_are_pinned_directly() -> None:
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {d.split("==")[0].lower().replace("_", "-") for d in dependencies if "==" in d}
    assert {"lxml-html-clean", "charset-normalizer"} <= names


def test_write_module_keeps_its_names() -> None:
    assert write.staging_for(Path("site")).name == "site.new" and write.old_for(Path("site")).name == "site.old"
