"""Publishing: the GitHub Pages workflow passes a workflow linter, and ``mkdocs gh-deploy`` pushes a
working site to a git remote (a local bare repository in a tmp dir, never the network)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from site_project import REPO, make_project

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
ZIZMOR = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}


@pytest.mark.skipif(ZIZMOR is None, reason="zizmor is not installed (pip install -e '.[test]')")
def test_workflow_passes_the_linter() -> None:
    result = subprocess.run([ZIZMOR, "--offline", "--no-progress", str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(ZIZMOR is None, reason="zizmor is not installed (pip install -e '.[test]')")
def test_linter_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    # a commit message pasted into a shell command: a classic injection the linter must catch
    broken.write_text(WORKFLOW.read_text().replace("run: python -m pip install -e .",
                                                   'run: echo "${{ github.event.head_commit.message }}"'))
    result = subprocess.run([ZIZMOR, "--offline", "--no-progress", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0


def test_workflow_builds_strict_and_deploys_to_pages() -> None:
    jobs = yaml.safe_load(WORKFLOW.read_text())["jobs"]
    steps = {step.get("uses", "").split("@")[0]: step for job in jobs.values() for step in job["steps"]}
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(steps)
    assert any("mkdocs build --strict" in step.get("run", "") for step in jobs["build"]["steps"])
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_workflow_sets_site_url_from_the_pages_configuration() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["build"]["steps"]
    pages = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert build["env"]["SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert steps.index(pages) < steps.index(build)
    # mkdocs.yml reads it (and stays empty without it, for local builds)
    assert "site_url: !ENV [SITE_URL, null]" in (REPO / "mkdocs.yml").read_text(encoding="utf-8")


def test_workflow_caches_pip_and_the_extractions() -> None:
    steps = yaml.safe_load(WORKFLOW.read_text())["jobs"]["build"]["steps"]
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip"
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".cache/briefings"
    assert cache["with"]["restore-keys"]  # a new commit restores the previous run's extractions
    build = next(step for step in steps if "mkdocs build" in step.get("run", ""))
    assert steps.index(cache) < steps.index(build)


def test_workflow_publishes_despite_a_bad_input_unless_asked() -> None:
    build = next(step for step in yaml.safe_load(WORKFLOW.read_text())["jobs"]["build"]["steps"]
                 if "mkdocs build" in step.get("run", ""))
    assert build["env"]["BRIEFINGS_STRICT"] == "${{ vars.BRIEFINGS_STRICT }}"  # unset: not strict about inputs


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True,
                          capture_output=True, text=True).stdout


def test_gh_deploy_pushes_the_site_to_a_bare_repository(tmp_path: Path) -> None:
    remote = tmp_path / "remote.git"
    git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    root = make_project(tmp_path / "project")
    git("init", "-q", "-b", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-q", "-m", "site", cwd=root)
    git("remote", "add", "origin", str(remote), cwd=root)
    env = {**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1", "BRIEFINGS_PROCESSES": "1",
           "SITE_URL": "https://example.org/briefings-site/"}  # as the workflow sets it
    result = subprocess.run([sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--force"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    published = set(git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split())
    assert {".nojekyll", "index.html", "feed.xml", "data/briefings.json", "people/marta-velasquez/index.html",
            "briefings/council-budget/index.html", "search/search_index.json"} <= published
    assert "review.txt" not in published  # it names inputs and carries editor notes
    sitemap = git("show", "gh-pages:sitemap.xml", cwd=remote)
    assert "<loc>https://example.org/briefings-site/people/marta-velasquez/</loc>" in sitemap
    page = git("show", "gh-pages:people/marta-velasquez/index.html", cwd=remote)
    assert '<link rel="canonical" href="https://example.org/briefings-site/people/marta-velasquez/">' in page
