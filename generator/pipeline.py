"""The per-article stages, run over a whole folder: read → clean → extract.

Extraction is the costly stage (spaCy). It runs in ``settings.processes`` worker
processes, each loading the model once, and its results are cached on disk keyed
on the input, the settings, the model version and the generator's own code, so
that a rebuild after one edit parses only the edited article.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import nlp
from .clean import clean
from .config import Settings
from .errors import InputError
from .extract import extract
from .model import Extraction, RawArticle
from .read import read_folder

log = logging.getLogger(__name__)
CHUNK = 8  # articles per task sent to a worker: big enough to amortise pickling, small enough to balance


@dataclass(frozen=True)
class Collection:
    """What the per-article stages made of a folder: extractions, and the inputs skipped."""

    extractions: tuple[Extraction, ...]
    errors: tuple[InputError, ...]


def process_folder(settings: Settings) -> Collection:
    """Read, clean and extract every input of ``settings.seeds``."""
    raws: list[RawArticle] = []
    errors: list[InputError] = []
    for item in read_folder(settings.seeds):
        (errors if isinstance(item, InputError) else raws).append(item)
    return Collection(tuple(extract_all(raws, settings)), tuple(errors))


def extract_all(raws: list[RawArticle], settings: Settings) -> list[Extraction]:
    """Extractions in input order; cached ones are not recomputed."""
    keys = [cache_key(raw, settings) for raw in raws]
    found = {key: hit for key in keys if (hit := _cache_get(settings.cache, key)) is not None}
    todo = [(key, raw) for key, raw in zip(keys, raws) if key not in found]
    for key, extraction in zip((k for k, _ in todo), _run(
            [raw for _, raw in todo], settings)):
        found[key] = extraction
        _cache_put(settings.cache, key, extraction)
    return [found[key] for key in keys]


def process_one(raw: RawArticle, model: str) -> Extraction:
    """clean → parse → extract for one article, in the calling process."""
    article = clean(raw)
    return extract(article, nlp.parse(nlp.load(model), article))


def _run(raws: list[RawArticle], settings: Settings) -> Iterable[Extraction]:
    if settings.processes <= 1 or len(raws) < 2 * CHUNK:
        return [process_one(raw, settings.model) for raw in raws]
    context = multiprocessing.get_context("spawn")  # fork after spaCy/threads is unsafe
    with context.Pool(settings.processes, initializer=nlp.load, initargs=(settings.model,)) as pool:
        return pool.starmap(process_one, [(raw, settings.model) for raw in raws], chunksize=CHUNK)


# ---- cache -------------------------------------------------------------------


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the generator's own source: a code change invalidates every cached extraction."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(raw: RawArticle, settings: Settings) -> str:
    digest = hashlib.sha256(pickle.dumps((raw, settings.model, code_version())))
    digest.update(nlp.model_version(settings.model).encode())
    return digest.hexdigest()


def _cache_get(folder: Path | None, key: str) -> Extraction | None:
    if folder is None:
        return None
    try:
        return pickle.loads((folder / key[:2] / key).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        return None  # missing or written by an older generator: recompute


def _cache_put(folder: Path | None, key: str, extraction: Extraction) -> None:
    if folder is None:
        return
    path = folder / key[:2] / key
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps(extraction))
    tmp.replace(path)  # atomic: a killed build never leaves half a cache entry
