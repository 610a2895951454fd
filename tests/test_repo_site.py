"""The quick start's own site: the repository's mkdocs.yml, docs/ and seeds/ build strictly.

Built in a tmp copy, so the test never writes the repository's site/ or cache.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    project = tmp_path_factory.mktemp("repo")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for folder in ("docs", "seeds"):
        shutil.copytree(ROOT / folder, project / folder)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                          capture_output=True, text=True, check=False)
    return done, project


def test_the_seeds_build_strictly_with_no_warning(built) -> None:
    done, _ = built
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr


def test_every_seed_has_a_briefing_page_and_the_indexes_exist(built) -> None:
    _, project = built
    site = project / "site"
    for seed in (ROOT / "seeds").glob("*.txt"):
        assert (site / "briefings" / seed.stem / "index.html").is_file(), seed.name
    for page in ("people/index.html", "years/index.html", "years/undated/index.html", "index.html"):
        assert (site / page).is_file(), page


def test_hand_written_pages_are_untouched(built) -> None:
    _, project = built
    for path in (ROOT / "docs").rglob("*"):
        if path.is_file():
            assert (project / "docs" / path.relative_to(ROOT / "docs")).read_bytes() == path.read_bytes()
    assert not (project / "docs" / "briefings").exists()


def test_home_page_shows_the_collection_overview(built) -> None:
    _, project = built
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "briefings:overview" not in home
    assert "Latest briefings" in home and "Most mentioned" in home
