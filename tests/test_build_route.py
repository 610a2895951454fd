"""The plugin-free route: ``python -m generator build`` writes a docs folder with everything the plugin adds,
and Zensical (Material for MkDocs' successor, which runs no MkDocs plugins) renders it with ``zensical.yml``."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from site_project import REPO, make_project

ZENSICAL = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")


@pytest.fixture(scope="module")
def route(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = make_project(tmp_path_factory.mktemp("route"))
    shutil.copy(REPO / "zensical.yml", root / "zensical.yml")
    env = {**os.environ, "BRIEFINGS_PROCESSES": "1", "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-m", "generator", "build", "seeds", "--out", "build/docs",
                             "--publish-review"], cwd=root, env=env, capture_output=True, text=True, timeout=600,
                            check=False)
    return {"root": root, "docs": root / "build" / "docs", "result": result, "env": env}


def test_build_succeeds_and_ends_with_the_review_counts(route: dict) -> None:
    assert route["result"].returncode == 0, route["result"].stderr[-3000:]
    assert route["result"].stderr.strip().splitlines()[-1].endswith("1 undated: see .cache/review.txt")
    assert (route["root"] / ".cache" / "review.txt").is_file()


@pytest.mark.parametrize("path", ["index.md", "about.md", "writers.md", "assets/briefings-site.css", "feed.xml",
                                  "data/briefings.json", "find/index.md", "review.txt", "years/index.md",
                                  "people/marta-velasquez.md", "briefings/council-budget.md", "network/index.md"])
def test_the_folder_holds_what_the_plugin_adds(route: dict, path: str) -> None:
    assert (route["docs"] / path).is_file()


def test_hand_written_pages_get_links_and_the_overview(route: dict) -> None:
    writers = (route["docs"] / "writers.md").read_text(encoding="utf-8")
    assert "[Marta Velasquez](people/marta-velasquez.md)" in writers
    assert "[the harbour master](people/tomas-brennick.md)" in writers
    assert "`[[Not A Link]]`" in writers
    home = (route["docs"] / "index.md").read_text(encoding="utf-8")
    assert "<!-- briefings:overview -->" not in home and "Latest briefings" in home


def test_the_data_matches_the_pages(route: dict) -> None:
    data = json.loads((route["docs"] / "data" / "briefings.json").read_text(encoding="utf-8"))
    assert {b["slug"] for b in data["briefings"]} == {p.stem for p in (route["docs"] / "briefings").glob("*.md")
                                                      if p.stem != "index"}


@pytest.mark.skipif(ZENSICAL is None, reason="zensical is not installed (pip install -e '.[test]')")
def test_zensical_renders_the_folder(route: dict) -> None:
    result = subprocess.run([ZENSICAL, "build", "-f", "zensical.yml"], cwd=route["root"], env=route["env"],
                            capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    site = route["root"] / "build" / "site"
    for path in ("index.html", "people/marta-velasquez/index.html", "briefings/council-budget/index.html",
                 "find/index.html", "feed.xml", "data/briefings.json", "writers/index.html"):
        assert (site / path).is_file(), path
    assert 'href="../people/marta-velasquez/"' in (site / "writers" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in (site / "index.html").read_text(encoding="utf-8")  # the theme's feed link
    assert not (site / ".theme").exists()
    # the full-text index, as `make zensical` builds it after
    from generator.search import run_pagefind

    run_pagefind(site.resolve(), True)
    assert (site / "pagefind" / "pagefind.js").is_file()
