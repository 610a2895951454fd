"""The per-article stages, run over a whole folder: read → clean → extract.

1. list the inputs and read their bytes (cheap: no decoding in the calling process);
2. look each one up in the extraction cache, keyed on its path and bytes, every
   setting that can change an extraction, the model's name and version, spaCy's
   version and the source of the code that reads and extracts (``code_version``):
   a hit is never stale, and a warm build decodes and parses nothing;
3. the misses are cut into batches of at most ``BATCH_WORDS`` words (tapered towards
   the end, see ``tapered_batches``) and each batch runs ``extract_batch`` (read →
   clean → ``nlp.pipe`` → extract) in a worker: a pool of ``settings.processes``
   processes forked from this one once it has loaded the model (spawned, each loading
   it, off Linux), or a Dask cluster when a ``distributed.Client`` is given (or
   ``BRIEFINGS_DASK`` names a scheduler). Both run the same function; results
   come back in input order and are cached as they arrive, so a killed build keeps
   what it finished.

With one process (``processes = 1``), the batches of at most ``BATCH_WORDS`` words run
one after another in the calling process, as do a few misses (fewer than ``INLINE_WORDS``
words, e.g. one edited article under ``mkdocs serve``), whose model then stays loaded
between rebuilds. Warnings the stages log (in a worker or here) come back
with each article's ``Outcome``, are cached with it, and are shown (and counted by
``--strict``) by the caller.
"""
from __future__ import annotations

import ast
import hashlib
import logging
import multiprocessing
import os
import pickle
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Collection as Collection_  # ``Collection`` is this module's result
from dataclasses import dataclass, fields, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Self, TypeVar

from . import nlp
from .clean import clean
from .config import Settings
from .errors import ConfigError, InputError
from .extract import extract
from .model import Article, Extraction
from .read import parse_article, read_bytes, rescan_inputs, scan_inputs

log = logging.getLogger(__name__)
T = TypeVar("T")
# per task: a few seconds of parsing (nlp.pipe gains from big batches), so both cores stay busy to the end
BATCH_WORDS = 30_000
MIN_BATCH_WORDS = 2_000  # the last, tapered batches (see ``tapered_batches``)
INLINE_WORDS = 6_000  # fewer words to parse than this: not worth starting workers (~3 s each)
DASK_ENV = "BRIEFINGS_DASK"  # a scheduler address, e.g. tcp://10.0.0.5:8786
# settings that change where or how the work runs, or a later stage, never an extraction
NOT_IN_KEY = frozenset(f.name for f in fields(Settings) if not f.metadata["extraction"])
MAX_CHARS = 200_000  # of an article's body: about 30,000 words, several times the longest news feature
MAX_TITLE = 300  # characters of a title: a longer one is a scraper's accident, and it is copied everywhere
CACHE_MAGIC = b"briefings-cache-1\n"  # a cache entry: this, the SHA-256 of the pickle, then the pickle
_memo: dict[str, Outcome] = {}  # this process's last extractions: a serve rebuild skips the disk
# this process's last inputs: path → (what ``os.stat`` said of it, its cache key), for the settings below;
# an input whose stat is unchanged is not read again (a serve rebuild reads only the files edited)
_seen: dict[str, tuple[tuple[int, ...], str]] = {}
_seen_for: tuple[Path, str] | None = None
# this process's last listing of a seeds folder: (folder, ((path in it, input), inputs skipped)), for ``changed``
_listed: tuple[Path, tuple[list[tuple[str, Path]], list[InputError]]] | None = None
# a file modified less than this before it was read may change again within the file system's timestamp
# granularity (a few ms) without its stat changing: it is read again next time ("racy" entries, as in git)
SETTLED_NS = 2_000_000_000


@dataclass(frozen=True)
class Collection:
    """What the per-article stages made of a folder: extractions, the inputs skipped, and the warnings."""

    extractions: tuple[Extraction, ...]
    errors: tuple[InputError, ...]
    warnings: tuple[str, ...] = ()  # logged by the stages (in a worker or not), in input order


@dataclass(frozen=True)
class Source:
    """One input as found on disk: what is cached against and what a worker receives."""

    rel: str  # path relative to the seeds folder, '/'-separated
    data: bytes
    key: str = ""  # its cache key when known without reading it (unchanged since this process's last build)
    stat: tuple[int, ...] = ()  # what ``os.stat`` said before it was read, when it may be trusted next time


@dataclass(frozen=True)
class Outcome:
    """What the per-article stages made of one input, as a worker sends it back and the cache keeps it.

    Either an extraction or the error that skipped the input (one that cannot be read; or a
    stage that raised: a bug, reported against that article only, so that one odd article
    among thousands does not stop a build); and the warnings the stages logged on the way,
    so that ``--strict`` counts them wherever the work ran, and a cached build repeats them.
    """

    extraction: Extraction | None
    error: InputError | None = None
    warnings: tuple[str, ...] = ()


def process_folder(settings: Settings, client: Any = None,
                   progress: Callable[[int, int, int, int], None] | None = None,
                   changed: Collection_[Path] | None = None) -> Collection:
    """Read, clean and extract every input of ``settings.seeds`` (on ``client``, a Dask client, if given).

    ``progress``: called with (articles done, articles to extract, words done, words to extract),
    before the first extraction and as results arrive (see ``progress.py``). ``changed``: the only files
    that can have changed since this process's last call (the serve watcher's), or None to look at all."""
    found, errors = read_sources(settings.seeds, _known(settings), changed)
    extractions: list[Extraction] = []
    warnings: list[str] = []
    for outcome in extract_sources(found, settings, client, progress):
        warnings += outcome.warnings
        if outcome.extraction is not None:
            extractions.append(outcome.extraction)
        elif outcome.error is not None:
            errors.append(outcome.error)
    order = {source.rel: i for i, source in enumerate(found)}
    return Collection(tuple(extractions), tuple(sorted(errors, key=lambda e: (order.get(e.path, -1), e.path))),
                      tuple(warnings))


def read_sources(folder: Path, known: dict[str, tuple[tuple[int, ...], str]] | None = None,
                 changed: Collection_[Path] | None = None) -> tuple[list[Source], list[InputError]]:
    """Every input's bytes, in ``find_inputs`` order; a file skipped (a link out, too big, unreadable) is an error.

    ``known``: path → (stat, cache key) of inputs read before; one whose stat is the same
    (size, modification and change times, file) is not read: its ``Source`` has the key
    and no bytes. A file modified in the last ``SETTLED_NS`` gets no ``stat`` to be
    trusted next time (it could change again unseen). ``changed``: the only files that
    can have changed since the last call (``process_folder``): the folder is not listed
    again, and a known input not among them is not even looked at.
    """
    global _listed
    last = _listed[1] if changed is not None and _listed is not None and _listed[0] == folder else None
    if last is None:
        paths, errors = scan_inputs(folder)
        inputs = [(path.relative_to(folder).as_posix(), path) for path in paths]
    else:
        inputs, errors = rescan_inputs(folder, last, changed or ())
    _listed = folder, (inputs, list(errors))
    touched = None if last is None else {_relative(p, folder) for p in changed or ()}
    root, now, known = folder.resolve(), time.time_ns(), known or {}
    found = []
    for rel, path in inputs:
        if touched is not None and rel in known and rel not in touched:
            found.append(Source(rel, b"", key=known[rel][1], stat=known[rel][0]))
            continue
        try:
            stat = _stat(path)
            if stat and rel in known and known[rel][0] == stat:
                found.append(Source(rel, b"", key=known[rel][1], stat=stat))
                continue
            settled = stat if stat and now - stat[1] > SETTLED_NS else ()
            found.append(Source(rel, read_bytes(path, folder, root), stat=settled))
        except InputError as error:
            errors.append(error)
    return found, errors


def _relative(path: Path, folder: Path) -> str | None:
    """``path``'s path in ``folder`` ('/'-separated), None when outside it."""
    try:
        return path.absolute().relative_to(folder.absolute()).as_posix()
    except ValueError:
        return None


def _stat(path: Path) -> tuple[int, ...]:
    """What tells that a file changed: size, modification and change times, device and inode; () if unknown."""
    try:
        st = path.stat()
    except OSError:
        return ()  # read_bytes names the error
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_dev, st.st_ino)


def _known(settings: Settings) -> dict[str, tuple[tuple[int, ...], str]]:
    """The inputs this process read for the same seeds and settings, whose extraction it still holds."""
    if _seen_for != (settings.seeds, _full_key_part(settings)):
        return {}
    return {rel: seen for rel, seen in _seen.items() if seen[1] in _memo}


def extract_sources(sources: Sequence[Source], settings: Settings, client: Any = None,
                    progress: Callable[[int, int, int, int], None] | None = None) -> list[Outcome]:
    """An ``Outcome`` per source, in order; cached ones are not recomputed."""
    global _memo, _seen, _seen_for
    keys = [source.key or cache_key(source, settings) for source in sources]
    found: dict[str, Outcome] = {
        key: hit for key in keys if (hit := _memo.get(key) or _cache_get(settings.cache, key)) is not None}
    todo = {key: source for key, source in zip(keys, sources) if key not in found}  # a repeated input is parsed once
    if todo:
        log.info("Extracting %d of %d articles (%d cached).", len(todo), len(sources), len(sources) - len(todo))
    total_words, words_done = sum(_words(source) for source in todo.values()), 0
    if todo and progress is not None:
        progress(0, len(todo), 0, total_words)
    for done, (key, result) in enumerate(zip(todo, _run(list(todo.values()), settings, client)), 1):
        found[key] = result
        words_done += _words(todo[key])
        if progress is not None:
            progress(done, len(todo), words_done, total_words)
        _cache_put(settings.cache, key, result)  # a failure too: same input and code, same failure
    _memo = {key: found[key] for key in keys}  # only the current inputs: the memo never grows under serve
    _seen = {source.rel: (source.stat, key) for source, key in zip(sources, keys) if source.stat}
    _seen_for = (settings.seeds, _full_key_part(settings))
    return [found[key] for key in keys]


def extract_batch(sources: Sequence[Source], model: str) -> list[Outcome]:
    """read → clean → parse → extract for a batch, in the calling process: every executor's unit of work.

    The batch goes through ``nlp.pipe`` at once; every pipe runs, since the extractors
    read entities, sentences, the dependency parse, tags and lemmas. What the stages log
    as warnings is collected per article and returned with its outcome, not printed.
    """
    with Notes() as notes:
        articles = [notes.on(source.rel, _prepare, source) for source in sources]
        parsed = iter(nlp.parse_many(nlp.load(model), [a for a in articles if isinstance(a, Article)]))
        done = [notes.on(a.path, _guarded, extract, a, next(parsed)) if isinstance(a, Article) else a
                for a in articles]
    return [Outcome(result, None, notes.of(source.rel)) if isinstance(result, Extraction)
            else Outcome(None, result, notes.of(source.rel)) for source, result in zip(sources, done)]


def _prepare(source: Source) -> Article | InputError:
    """read → clean → bounded: the article ready to parse, or why it is skipped."""
    try:
        raw = parse_article(source.data, source.rel)
    except InputError as error:
        return error
    article = _guarded(clean, raw)
    # a web page without text is a scraper's miss (a cookie wall, a script-only page); a text file
    # of one line is a headline the user chose to keep
    if isinstance(article, Article) and not article.body and raw.format == "html":
        return InputError(source.rel, "the text", "no article text was found in the page (only boilerplate, "
                          "or nothing)", "Check that it is an article page, or remove it from the seeds folder.")
    return bounded(article) if isinstance(article, Article) else article


def bounded(article: Article) -> Article:
    """``article`` cut to ``MAX_TITLE`` and ``MAX_CHARS`` characters, with a warning naming it when it was cut.

    A longer text is almost always a scraper accident (a whole archive in one page); parsing
    it would take minutes and gigabytes (spaCy's own limit is 1,000,000 characters). The
    body is cut between paragraphs (inside the first one only if that alone is too long).
    """
    title, body, front = article.title, article.body, article.front
    if len(title) > MAX_TITLE:
        log.warning("Article '%s': its title is %d characters long; only the first %d are kept.",
                    article.path, len(title), MAX_TITLE)
        title = title[:MAX_TITLE].rsplit(" ", 1)[0].rstrip() + "\u2026"
        front = replace(front, title=title) if front.title else front  # nothing keeps the long one
    size = len(nlp.PARAGRAPH_SEPARATOR.join(body))
    if size > MAX_CHARS:
        kept, total = [], 0
        for paragraph in body:
            total += len(paragraph) + len(nlp.PARAGRAPH_SEPARATOR)
            if total > MAX_CHARS:
                break
            kept.append(paragraph)
        body = tuple(kept) or (body[0][:MAX_CHARS].rsplit(" ", 1)[0],)
        log.warning("Article '%s': its text is %d characters long, over the %d limit; only the first %d paragraphs "
                    "are used. Split it into several articles if it really is one text.",
                    article.path, size, MAX_CHARS, len(body))
    if (title, body) == (article.title, article.body):
        return article
    return replace(article, title=title, body=body, front=front)


def _guarded(stage: Callable[..., T], *args: Any) -> T | InputError:
    """``stage(*args)``, or the exception it raised as the failure of that article (named by its path)."""
    try:
        return stage(*args)
    except Exception as error:  # any bug in a stage: that article fails, the build goes on (logged)
        log.exception("Extracting '%s' failed.", args[0].path)
        return InputError(args[0].path, "the extraction", f"{type(error).__name__}: {error}",
                          "This is a bug in the generator: please report it with this article.")


class Notes(logging.Handler):
    """The warnings the generator's loggers emit while it is active, per article; other records pass on.

    Workers run with logging unconfigured, so their warnings would be lost (or printed
    unformatted): collected here, they travel back with each article's outcome.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.current = ""
        self.found: dict[str, list[str]] = {}
        self.logger = logging.getLogger(__package__)

    def __enter__(self) -> Self:
        self.propagate, self.logger.propagate = self.logger.propagate, False
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self)
        self.logger.propagate = self.propagate

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == logging.WARNING and self.current:
            self.found.setdefault(self.current, []).append(record.getMessage())
        elif self.logger.parent is not None:
            self.logger.parent.handle(record)  # errors (a stage's traceback), or of no article: shown as before

    def on(self, rel: str, stage: Callable[..., T], *args: Any) -> T:
        """``stage(*args)``, its warnings noted against the article ``rel``."""
        self.current = rel
        try:
            return stage(*args)
        finally:
            self.current = ""

    def of(self, rel: str) -> tuple[str, ...]:
        return tuple(self.found.get(rel, ()))


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


def _run(sources: list[Source], settings: Settings, client: Any) -> Iterator[Outcome]:
    total = sum(_words(source) for source in sources)
    if client is None and os.environ.get(DASK_ENV):
        client = _dask_client(os.environ[DASK_ENV])
    if client is not None:
        yield from _run_dask(sources, settings.model, client)
    elif settings.processes <= 1 or total < INLINE_WORDS:
        # batch by batch, as the workers do: one ``nlp.pipe`` batch of a whole folder held every Doc and
        # every layer's activations at once (5.4 GB for 400 articles), and nothing was cached until the end
        for batch in batches(sources, BATCH_WORDS):
            yield from extract_batch(batch, settings.model)
    else:
        yield from _run_pool(tapered_batches(sources, settings.processes), settings.model, settings.processes)


def tapered_batches(sources: Sequence[Source], processes: int) -> list[list[Source]]:
    """Consecutive runs of ``sources``, each about ``1 / (2 * processes)`` of the words still left
    (at most ``BATCH_WORDS``, at least ``MIN_BATCH_WORDS``; an article is never split).

    Big batches first (``nlp.pipe`` gains from them), then smaller and smaller ones: the
    workers take the next batch as they finish one, so the last ones are short and no core
    waits long for the other at the end (equal batches left one idle for half a batch).
    """
    left = sum(_words(source) for source in sources)
    out: list[list[Source]] = []
    batch: list[Source] = []
    size = 0
    for source in sources:
        batch.append(source)
        size += _words(source)
        if size >= max(MIN_BATCH_WORDS, min(BATCH_WORDS, left // (2 * processes))):
            out.append(batch)
            left -= size
            batch, size = [], 0
    return out + [batch] if batch else out


def _run_pool(work: list[list[Source]], model: str, processes: int) -> Iterator[Outcome]:
    if sys.platform == "linux":
        # the workers are forked from this process with the model loaded, as spaCy's own ``n_process``
        # does: none starts Python, imports spaCy and loads the model again (about 2 CPU-seconds each)
        nlp.load(model)
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")  # fork is unsafe on macOS, absent on Windows
    with context.Pool(min(processes, len(work)), initializer=nlp.load, initargs=(model,)) as pool:
        for done in pool.imap(partial(extract_batch, model=model), work):
            yield from done


def _run_dask(sources: list[Source], model: str, client: Any) -> Iterator[Outcome]:
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


def _full_key_part(settings: Settings) -> str:
    """Everything of a cache key but the input: the settings, the model and the code."""
    return "\0".join((_settings_part(settings), nlp.model_version(settings.model), code_version()))


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


def _cache_get(folder: Path | None, key: str) -> Outcome | None:
    """The cached outcome of ``key``; None when there is none, or (with a notice) when the entry is damaged."""
    if folder is None:
        return None
    path = folder / key[:2] / key
    try:
        return _verified(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:  # flipped bytes, a truncated entry, a folder in its place…
        cause = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        log.info("Cache entry '%s' is damaged (%s); its article is extracted again.", path, cause)
        return None


def _verified(data: bytes) -> Outcome:
    """The outcome an entry holds; ``ValueError`` when its checksum or its content is not right."""
    digest, payload = data[len(CACHE_MAGIC):len(CACHE_MAGIC) + 32], data[len(CACHE_MAGIC) + 32:]
    if not data.startswith(CACHE_MAGIC) or hashlib.sha256(payload).digest() != digest:
        raise ValueError("its checksum does not match")
    try:
        outcome = pickle.loads(payload)  # noqa: S301 - our own cache entry, its checksum verified just above
    except Exception as error:  # noqa: BLE001 - verified bytes that still do not load: another generator's
        raise ValueError(f"it does not load ({type(error).__name__})") from None
    if not isinstance(outcome, Outcome):
        raise ValueError("it holds something else")
    return outcome


def _cache_put(folder: Path | None, key: str, outcome: Outcome) -> None:
    """Store ``outcome`` under ``key``: the checksum of its pickle, then the pickle, written atomically."""
    if folder is None:
        return
    path = folder / key[:2] / key
    payload = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # per process: two builds may share a cache
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir() and not path.is_symlink():  # a damaged cache: nothing of the user's lives in it
            shutil.rmtree(path)
        tmp.write_bytes(CACHE_MAGIC + hashlib.sha256(payload).digest() + payload)
        tmp.replace(path)  # atomic: a killed build never leaves half a cache entry
    except OSError as error:  # a full disk or a damaged cache: the build goes on without this entry
        log.info("Cannot write cache entry '%s' (%s).", path, error.strerror or error)
