"""The per-article stages, run over a whole folder: read → clean → extract.

1. list the inputs and read their bytes (cheap: no decoding in the calling process);
2. look each one up in the extraction cache, keyed on its path and bytes, every
   setting that can change an extraction, the model's name and version, spaCy's
   version and the source of the code that reads and extracts (``code_version``):
   a hit is never stale, and a warm build decodes and parses nothing;
3. the misses are cut into batches of about ``BATCH_WORDS`` words and each batch
   runs ``extract_sources`` (read → clean → ``nlp.pipe`` → extract) in a worker: a
   pool of ``settings.processes`` spawned processes, each loading the model once,
   or a Dask cluster when a ``distributed.Client`` is given (or ``BRIEFINGS_DASK``
   names a scheduler). Both run the same function on the same batches; results
   come back in input order and are cached as they arrive, so a killed build keeps
   what it finished.

A few misses (fewer than ``INLINE_WORDS`` words, e.g. one edited article under
``mkdocs serve``) are extracted in the calling process, whose model then stays
loaded between rebuilds. Not handled: warnings that ``read`` logs inside a worker
are not shown (errors are: an input that cannot be read is read again here).
"""
from __future__ import annotations

import ast
import hashlib
import logging
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, TypeVar

from . import nlp
from .clean import clean
from .config import Settings
from .errors import ConfigError, InputError
from .extract import extract
from .model import Extraction, RawArticle
from .read import MAX_BYTES, find_inputs, read_article

log = logging.getLogger(__name__)
T = TypeVar("T")
BATCH_WORDS = 30_000  # per task: a few seconds of parsing (nlp.pipe gains from big batches), so both cores stay busy to the end
INLINE_WORDS = 6_000  # fewer words to parse than this: not worth starting workers (~3 s each)
DASK_ENV = "BRIEFINGS_DASK"  # a scheduler address, e.g. tcp://10.0.0.5:8786
# settings that change where or how the work runs, or a later stage, never an extraction
NOT_IN_KEY = frozenset({"seeds", "processes", "cache", "strict", "registry"})
_scratch_dir: tempfile.TemporaryDirectory[str] | None = None  # where a worker lets read_article read bytes
_memo: dict[str, Extraction | Unreadable] = {}  # this process's last extractions: a serve rebuild skips the disk


@dataclass(frozen=True)
class Collection:
    """What the per-article stages made of a folder: extractions, and the inputs skipped."""

    extractions: tuple[Extraction, ...]
    errors: tuple[InputError, ...]


@dataclass(frozen=True)
class Source:
    """One input as found on disk: what is cached against and what a worker receives."""

    rel: str  # path relative to the seeds folder, '/'-separated
    data: bytes


@dataclass(frozen=True)
class Unreadable:
    """A worker's stand-in for an ``InputError`` (which does not pickle).

    Without a ``cause`` the input could not be read, and is read again here for the
    message; with one, reading worked but cleaning or extracting raised: a bug, reported
    against that article only, so that one odd article among thousands does not stop a build.
    """

    rel: str
    cause: str = ""


def process_folder(settings: Settings, client: Any = None) -> Collection:
    """Read, clean and extract every input of ``settings.seeds`` (on ``client``, a Dask client, if given)."""
    found, errors = read_sources(settings.seeds)
    extractions = []
    for source, result in zip(found, extract_sources(found, settings, client)):
        if isinstance(result, Extraction):
            extractions.append(result)
        elif result.cause:
            errors.append(InputError(source.rel, "the extraction", result.cause,
                                     "This is a bug in the generator: please report it with this article."))
        else:
            errors.append(_error_of(settings.seeds / source.rel, settings.seeds))
    order = {source.rel: i for i, source in enumerate(found)}
    return Collection(tuple(extractions), tuple(sorted(errors, key=lambda e: order.get(e.path, -1))))


def read_sources(folder: Path) -> tuple[list[Source], list[InputError]]:
    """Every input's bytes, in ``find_inputs`` order; a file too big or unreadable is an error now."""
    found, errors = [], []
    for path in find_inputs(folder):
        rel = path.relative_to(folder).as_posix()
        try:
            if path.stat().st_size <= MAX_BYTES:
                found.append(Source(rel, path.read_bytes()))
                continue
        except OSError:
            pass
        errors.append(_error_of(path, folder))
    return found, errors


def _error_of(path: Path, folder: Path) -> InputError:
    try:
        read_article(path, folder)
    except InputError as error:
        return error
    return InputError(path.relative_to(folder).as_posix(), "the file", "it changed while it was being read",
                      "Build again.")


def extract_sources(sources: Sequence[Source], settings: Settings,
                    client: Any = None) -> list[Extraction | Unreadable]:
    """An extraction (or ``Unreadable``) per source, in order; cached ones are not recomputed."""
    global _memo
    keys = [cache_key(source, settings) for source in sources]
    found: dict[str, Extraction | Unreadable] = {
        key: hit for key in keys if (hit := _memo.get(key) or _cache_get(settings.cache, key)) is not None}
    todo = {key: source for key, source in zip(keys, sources) if key not in found}  # a repeated input is parsed once
    if todo:
        log.info("Extracting %d of %d articles (%d cached).", len(todo), len(sources), len(sources) - len(todo))
    for key, result in zip(todo, _run(list(todo.values()), settings, client)):
        found[key] = result
        _cache_put(settings.cache, key, result)  # a failure too: same input and code, same failure
    _memo = {key: found[key] for key in keys}  # only the current inputs: the memo never grows under serve
    return [found[key] for key in keys]


def extract_batch(sources: Sequence[Source], model: str) -> list[Extraction | Unreadable]:
    """read → clean → parse → extract for a batch, in the calling process: every executor's unit of work.

    The batch goes through ``nlp.pipe`` at once; every pipe runs, since the extractors
    read entities, sentences, the dependency parse, tags and lemmas.
    """
    raws = [_read(source) for source in sources]
    articles = [_guarded(clean, raw) if raw is not None else Unreadable(source.rel)
                for source, raw in zip(sources, raws)]
    parsed = iter(nlp.parse_many(nlp.load(model), [a for a in articles if not isinstance(a, Unreadable)]))
    return [a if isinstance(a, Unreadable) else _guarded(extract, a, next(parsed)) for a in articles]


def _guarded(stage: Callable[..., T], *args: Any) -> T | Unreadable:
    """``stage(*args)``, or the exception it raised as the failure of that article (named by its path)."""
    try:
        return stage(*args)
    except Exception as error:  # noqa: BLE001 - any bug in a stage: that article fails, the build goes on
        log.exception("Extracting '%s' failed.", args[0].path)
        return Unreadable(args[0].path, f"{type(error).__name__}: {error}")


def process_one(raw: RawArticle, model: str) -> Extraction:
    """clean → parse → extract for one article already read, in the calling process."""
    article = clean(raw)
    return extract(article, nlp.parse(nlp.load(model), article))


def _read(source: Source) -> RawArticle | None:
    """``read_article`` on bytes: written to this process's scratch folder under the same relative path."""
    path = _scratch() / source.rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(source.data)
    try:
        return read_article(path, _scratch())
    except InputError:
        return None
    finally:
        path.unlink()


def _scratch() -> Path:
    global _scratch_dir
    if _scratch_dir is None:
        _scratch_dir = tempfile.TemporaryDirectory(prefix="briefings-read-")  # removed when the process exits
    return Path(_scratch_dir.name)


def batches(sources: Sequence[Source], words: int) -> list[list[Source]]:
    """Consecutive runs of ``sources`` of about ``words`` words each (an article is never split)."""
    out: list[list[Source]] = [[]]
    size = 0
    for source in sources:
        if out[-1] and size >= words:
            out.append([])
            size = 0
        out[-1].append(source)
        size += _words(source)
    return [batch for batch in out if batch]


def _words(source: Source) -> int:
    return source.data.count(b" ") + 1  # an estimate: good enough to size batches, and cheap


def _run(sources: list[Source], settings: Settings, client: Any) -> Iterator[Extraction | Unreadable]:
    total = sum(_words(source) for source in sources)
    if client is None and os.environ.get(DASK_ENV):
        client = _dask_client(os.environ[DASK_ENV])
    if client is not None:
        yield from _run_dask(sources, settings.model, client)
    elif settings.processes <= 1 or total < INLINE_WORDS:
        yield from extract_batch(sources, settings.model)
    else:
        # at least four batches per process, so that one long batch does not leave a core idle at the end
        size = max(1, min(BATCH_WORDS, total // (4 * settings.processes)))
        yield from _run_pool(batches(sources, size), settings.model, settings.processes)


def _run_pool(work: list[list[Source]], model: str, processes: int) -> Iterator[Extraction | Unreadable]:
    context = multiprocessing.get_context("spawn")  # fork after spaCy/threads is unsafe
    with context.Pool(min(processes, len(work)), initializer=nlp.load, initargs=(model,)) as pool:
        for done in pool.imap(partial(extract_batch, model=model), work):
            yield from done


def _run_dask(sources: list[Source], model: str, client: Any) -> Iterator[Extraction | Unreadable]:
    """The batches as Dask tasks; each worker loads the model once (``nlp.load`` is cached per process)."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = max(1, min(BATCH_WORDS, sum(_words(source) for source in sources) // (4 * workers)))
    futures = client.map(extract_batch, batches(sources, size), model=model, pure=False)
    for future in futures:  # in order: the cache is written as each batch arrives
        yield from future.result()
        future.release()


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError(f"{DASK_ENV} is set but Dask is not installed: pip install -e '.[dask]'") from None
    log.info("Extracting on the Dask scheduler at %s.", address)
    return Client(address)


# ---- cache -------------------------------------------------------------------


def cache_key(source: Source, settings: Settings) -> str:
    """What an extraction depends on: the input, the settings, the model, spaCy and the code."""
    digest = hashlib.sha256(source.data)
    for part in (source.rel, _settings_part(settings), nlp.model_version(settings.model), code_version()):
        digest.update(b"\0" + part.encode())
    return digest.hexdigest()


@lru_cache(maxsize=8)
def _settings_part(settings: Settings) -> str:
    return repr(sorted((f.name, getattr(settings, f.name)) for f in fields(settings) if f.name not in NOT_IN_KEY))


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the source of every module extraction runs (this one, read, clean, extract, nlp and imports)
    and of the extractors' data files.

    Rendering and the site are left out, so a template or page edit keeps the cache.
    """
    package = Path(__file__).parent
    digest = hashlib.sha256()
    modules = _imported(package, [Path(__file__), package / "clean", package / "extract", package / "nlp.py"])
    data = set((package / "extract").rglob("*.json"))  # fitted models (the quote ranker) change results too
    for path in sorted(modules | data):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _imported(package: Path, roots: Iterable[Path]) -> set[Path]:
    """The given modules and packages and, transitively, the modules of ``package`` they import."""
    seen: set[Path] = set()
    todo = [file for root in roots for file in (sorted(root.rglob("*.py")) if root.is_dir() else
                                                [root if root.suffix else root.with_suffix(".py")])]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(package.name)):
                base = path.parent if node.level else package.parent
                for _ in range(node.level - 1):
                    base = base.parent
                stem = base.joinpath(*(node.module or "").split("."))
                names = [stem] + [stem / alias.name for alias in node.names]
                todo += [p for name in names for p in (name.with_suffix(".py"), name / "__init__.py")]
    return {path for path in seen if package in path.parents}


def _cache_get(folder: Path | None, key: str) -> Extraction | Unreadable | None:
    if folder is None:
        return None
    try:
        return pickle.loads((folder / key[:2] / key).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ImportError):
        return None  # missing, or written by another generator: recompute


def _cache_put(folder: Path | None, key: str, extraction: Extraction | Unreadable) -> None:
    if folder is None:
        return
    path = folder / key[:2] / key
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # per process: two builds may share a cache
    tmp.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)  # atomic: a killed build never leaves half a cache entry
