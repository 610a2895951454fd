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
