"""Shared fixtures: the spaCy model loads once per test session."""
from __future__ import annotations

import pytest
from spacy.language import Language

from generator import nlp as nlp_module
from generator.config import DEFAULT_MODEL
from generator.model import Article, FrontMatter


@pytest.fixture(scope="session")
def nlp() -> Language:
    return nlp_module.load(DEFAULT_MODEL)


def make_article(*paragraphs: str, title: str = "A title", published: str | None = None) -> Article:
    """An already-cleaned article made of the given paragraphs."""
    return Article(id="t", path="t.txt", title=title, title_made=False, body=tuple(paragraphs),
                   front=FrontMatter(published=published))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true", default=False,
                     help="rewrite tests/goldens/ from the current output instead of comparing with it")


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def site_project(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The fixture project (tests/fixtures/briefings_project) built once with ``mkdocs build --strict``, in a tmp
    dir."""
    from site_project import build, make_project

    root = make_project(tmp_path_factory.mktemp("site-project"))
    result = build(root, "--strict")
    return {"root": root, "site": root / "site", "result": result}
