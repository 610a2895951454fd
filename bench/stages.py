"""The measurements, one function each; every one returns a flat dict of numbers.

1. ``extraction``: a cold cache, the whole corpus through ``process_folder`` (read,
   clean, parse, extract, cache), beside bare ``nlp.pipe`` on the same body texts with
   the same model and the same number of processes;
2. ``site``: ``mkdocs build`` of the corpus on the warm cache (the plugin path),
   generation and MkDocs timed apart, and the search index it wrote;
3. ``incremental``: one article changed: the generator alone (as under serve, same
   process), then a real ``mkdocs serve`` with and without ``--dirty`` (``make
   serve`` uses it), checking that the served page shows the change.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import spacy
import yaml
from mkdocs.utils.yaml import get_yaml_loader

from generator import nlp, pipeline, urls
from generator.config import Settings
from generator.memo import RecordMemo, RenderMemo
from generator.resolve import ResolveMemo
from generator.site import Built, build_site, extra_files

from .measure import measured

ROOT = Path(__file__).resolve().parent.parent
PROCESSES = 2
BARE_BATCH = 64  # texts per nlp.pipe batch for bare spaCy (its default, 1000, would feed one process only)


def extraction(corpus: Path, cache: Path) -> dict[str, float]:
    shutil.rmtree(cache, ignore_errors=True)
    pipeline._memo.clear()
    settings = Settings(seeds=corpus, cache=cache, processes=PROCESSES)
    with measured() as ours:
        collection = pipeline.process_folder(settings)
    words = sum(len(text.split()) for text in _texts(collection))
    return {"articles": len(collection.extractions), "words": words, "ours_s": ours.wall,
            "ours_wps": words / ours.wall, "ours_cpu_wps": words / ours.cpu, "extract_peak_mb": ours.peak_mb}


def bare(corpus: Path, cache: Path) -> dict[str, float]:
    """Bare spaCy on the body texts the extraction parsed (read from its warm cache), start-up included.

    The full model as ``spacy.load`` gives it (not ``nlp.load``'s), loaded inside the
    measurement as the extraction loads it in its workers; spaCy's own worker processes
    are forked from this one and so inherit the loaded model. ``bare_load_s`` is that load.
    """
    settings = Settings(seeds=corpus, cache=cache, processes=PROCESSES)
    texts = _texts(pipeline.process_folder(settings))
    words = sum(len(text.split()) for text in texts)
    with measured() as sample:
        start = time.perf_counter()
        model = spacy.load(settings.model)
        load_s = time.perf_counter() - start
        for _ in model.pipe(texts, n_process=PROCESSES, batch_size=BARE_BATCH):
            pass
    return {"bare_s": sample.wall, "bare_wps": words / sample.wall, "bare_cpu_wps": words / sample.cpu,
            "bare_peak_mb": sample.peak_mb, "bare_load_s": load_s}


def _texts(collection: pipeline.Collection) -> list[str]:
    return [nlp.body_text(extraction.article) for extraction in collection.extractions]


def project(work: Path, corpus: Path, cache: Path, name: str = "mkdocs",
            without: tuple[str, ...] = ()) -> Path:
    """A MkDocs project for ``corpus``: the repository's mkdocs.yml and docs/, pointed at it."""
    # MkDocs' own loader: mkdocs.yml uses !ENV (site_url)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=get_yaml_loader())  # noqa: S506 - MkDocs' loader, our own file
    config.update(docs_dir=str(ROOT / "docs"), site_dir=str(work / ("site" if name == "mkdocs" else f"{name}-site")),
                  strict=False)
    config["plugins"] = [p for p in config["plugins"] if p not in without]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "briefings" in plugin:
            plugin["briefings"].update(seeds=str(corpus), cache=str(cache))
    work.mkdir(parents=True, exist_ok=True)
    (work / f"{name}.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return work / f"{name}.yml"


def full_search(work: Path, corpus: Path, cache: Path) -> dict[str, float]:
    """Material's own index of every page, full text (the site before ``briefings-search``)."""
    config = project(work, corpus, cache, "full-search", without=("briefings-search",))
    site_dir = Path(yaml.safe_load(config.read_text(encoding="utf-8"))["site_dir"])
    shutil.rmtree(site_dir, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], cwd=ROOT, env=_env(),
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    found = search_index(site_dir)
    shutil.rmtree(site_dir, ignore_errors=True)
    return {f"full_{key}": value for key, value in found.items()}


def site(config: Path) -> dict[str, float]:
    site_dir = Path(yaml.safe_load(config.read_text(encoding="utf-8"))["site_dir"])
    shutil.rmtree(site_dir, ignore_errors=True)
    process = subprocess.Popen([sys.executable, "-m", "bench.mkdocs_timed", str(config)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=_env())
    with measured(process.pid) as sample:
        out, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"mkdocs build failed ({process.returncode})")
    times = json.loads(out.strip().splitlines()[-1])
    pages = sum(1 for _ in site_dir.rglob("index.html"))
    return {"build_s": sample.wall, "generation_s": times["generation"], "mkdocs_s": times["mkdocs"],
            "fulltext_s": times["fulltext"],
            "pages": pages, "build_peak_mb": sample.peak_mb, **search_index(site_dir), **pagefind_download(site_dir)}


def search_index(site_dir: Path) -> dict[str, float]:
    """What a reader downloads before the first result: the index, raw and gzip-compressed on the wire."""
    index = site_dir / "search" / "search_index.json"
    if not index.is_file():
        return {}
    data = index.read_bytes()
    return {"search_mb": len(data) / 1e6, "search_gzip_mb": len(gzip.compress(data, 6)) / 1e6,
            "search_docs": len(json.loads(data)["docs"])}


def generation_after_edit(corpus: Path, cache: Path) -> dict[str, float]:
    """The generator's share of a serve rebuild: same process, one article changed."""
    settings = Settings(seeds=corpus, cache=cache, processes=PROCESSES)
    # as the plugin keeps them across the rebuilds of a serve session
    memo, resolved, records = RenderMemo(), ResolveMemo(), RecordMemo()

    def rebuild() -> Built:
        built = build_site(pipeline.process_folder(settings), settings, memo=memo, resolved=resolved)
        extra_files(built, "Briefings", None, records)  # the feed and the downloads, as the plugin makes them
        return built

    for _ in range(2):  # the first build of a serve session, then a rebuild with nothing changed
        rebuild()
    with measured() as unchanged:
        rebuild()
    edited = _edit(corpus, "A sentence the benchmark adds to see it on the page.")
    with measured() as changed:  # the first edit of a session also loads the model in this process
        built = rebuild()
    shown = any("the benchmark adds" in text for text in built.pages.values())
    _edit(corpus, "A second sentence the benchmark adds.")
    with measured() as again:
        built = rebuild()
    shown = shown and any("A second sentence the benchmark adds" in text for text in built.pages.values())
    _restore(edited)
    return {"regen_unchanged_s": unchanged.wall, "regen_one_changed_s": changed.wall,
            "regen_next_changed_s": again.wall, "regen_fresh": float(shown), "regen_unchanged_cpu_s": unchanged.cpu,
            "regen_one_changed_cpu_s": changed.cpu, "regen_next_changed_cpu_s": again.cpu}


def serve(config: Path, corpus: Path, dirty: bool) -> dict[str, float]:
    """A real ``mkdocs serve``: edit one article, time until the browsers reload, fetch the page."""
    _really_extracted(_edited(corpus), config)
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command + (["--dirty"] if dirty else []), cwd=ROOT, env=_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    label = "dirty" if dirty else "full"
    try:
        _wait_for(process, "Serving on")
        time.sleep(1.5)  # let the watcher take its first snapshot of the folder
        runs = []
        for _ in range(3):  # the first edit of a session loads the model in the serving process
            marker = f"Serve check {time.time_ns()}."
            edited = _edit(corpus, marker)
            start, cpu = time.perf_counter(), _cpu_of(process.pid)
            detected = _wait_for(process, "Detected file changes") - start
            reloaded = _wait_for(process, "Reloading browsers") - start
            cpu = _cpu_of(process.pid) - cpu
            page = f"http://127.0.0.1:{port}/{urls.BRIEFINGS}/{urls.briefing_slug(edited[0].stem, edited[0].name)}/"
            fresh = marker in urllib.request.urlopen(page, timeout=30).read().decode("utf-8")
            _restore(edited)
            _wait_for(process, "Reloading browsers")  # the restore's rebuild
            runs.append((detected, reloaded, fresh, cpu))
        later = runs[1:]
        new_s, new_fresh, new_cpu, settled_s, settled_cpu = _add_article(process, port, corpus)
        return {f"serve_{label}_first_s": runs[0][1], f"serve_{label}_s": sum(r[1] for r in later) / len(later),
                f"serve_{label}_detect_s": sum(r[0] for r in later) / len(later),
                f"serve_{label}_fresh": float(all(r[2] for r in runs)),
                f"serve_{label}_first_cpu_s": runs[0][3], f"serve_{label}_cpu_s": sum(r[3] for r in later) / len(later),
                f"serve_{label}_new_s": new_s, f"serve_{label}_new_cpu_s": new_cpu,
                f"serve_{label}_new_fresh": float(new_fresh), f"serve_{label}_new_resolved_s": settled_s,
                f"serve_{label}_new_resolved_cpu_s": settled_cpu}
    finally:
        process.terminate()
        process.wait(timeout=30)


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system, every thread) a process has used so far: what a rebuild costs, whatever else
    the machine is running."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _add_article(process: subprocess.Popen[str], port: int, corpus: Path) -> tuple[float, bool, float, float, float]:
    """A new article (a copy of one, with a sentence of its own) in the served folder: seconds to reload, whether
    its page is served, CPU seconds; then seconds and CPU seconds until the reload after the collection's full
    resolve, when the article was shown provisionally first (``resolve.add``). It is removed again afterwards."""
    marker = f"New article check {time.time_ns()}."
    source = sorted(corpus.glob("*.txt"))[0]
    path = corpus / "zz-bench-new-article.txt"
    path.write_text(source.read_text(encoding="utf-8").rstrip("\n") + f"\n\nOne more paragraph. {marker}\n",
                    encoding="utf-8")
    start, cpu = time.perf_counter(), _cpu_of(process.pid)
    lines: list[str] = []
    try:
        reloaded = _wait_for(process, "Reloading browsers", seen=lines) - start
        shown_cpu = _cpu_of(process.pid) - cpu
        page = f"http://127.0.0.1:{port}/{urls.BRIEFINGS}/{urls.briefing_slug(path.stem, path.name)}/"
        fresh = marker in urllib.request.urlopen(page, timeout=30).read().decode("utf-8")
        settled, settled_cpu = reloaded, shown_cpu
        if any("shown provisionally" in line for line in lines):
            settled = _wait_for(process, "Reloading browsers") - start
            settled_cpu = _cpu_of(process.pid) - cpu
    finally:
        path.unlink()
    _wait_for(process, "Reloading browsers")  # the removal's rebuild
    return reloaded, fresh, shown_cpu, settled, settled_cpu


def _edited(corpus: Path) -> Path:
    """The article the measurements edit."""
    return sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]


def _really_extracted(path: Path, config: Path) -> None:
    """Put the real extraction of ``path`` in the corpus's cache. A cache made by ``bench.warm`` holds another
    article's extraction under its key, so the first edit would change its names and dates, not only its
    wording, as no edit of a real collection does."""
    plugin = next(p["briefings"] for p in yaml.safe_load(config.read_text(encoding="utf-8"))["plugins"]
                  if isinstance(p, dict) and "briefings" in p)
    settings = Settings(seeds=Path(plugin["seeds"]), cache=Path(plugin["cache"]), processes=1)
    source = pipeline.Source(path.relative_to(settings.seeds).as_posix(), path.read_bytes())
    pipeline._cache_put(settings.cache, pipeline.cache_key(source, settings),
                        pipeline.extract_batch([source], settings.model)[0])


def _edit(corpus: Path, sentence: str) -> tuple[Path, str]:
    path = _edited(corpus)
    before = path.read_text(encoding="utf-8")
    path.write_text(before.rstrip("\n") + f"\n\nThe analysts noted one more thing. {sentence}\n", encoding="utf-8")
    return path, before


def _restore(edited: tuple[Path, str]) -> None:
    edited[0].write_text(edited[1], encoding="utf-8")


def _wait_for(process: subprocess.Popen[str], text: str, timeout: float = 900, seen: list[str] | None = None) -> float:
    """The time the server logs a line with ``text``; the lines up to it go to ``seen``."""
    deadline = time.perf_counter() + timeout
    assert process.stderr is not None
    for line in process.stderr:
        if seen is not None:
            seen.append(line)
        if text in line:
            return time.perf_counter()
        if time.perf_counter() > deadline or re.search(r"^ERROR\b|^Traceback", line):
            raise RuntimeError(f"mkdocs serve: {line.strip()}")
    raise RuntimeError(f"mkdocs serve ended before '{text}'")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}


def pagefind_download(site_dir: Path) -> dict[str, float]:
    """What the find page downloads before a first result, from the site's own Pagefind bundles.

    Per bundle (the find page merges them all): its loader, its WebAssembly, its entry
    and meta files and one index chunk; then the fragments of the first five results.
    Sizes are as served (Pagefind writes its index files gzip-compressed already).
    """
    bundles = sorted(p for p in site_dir.glob("pagefind*") if (p / "pagefind-entry.json").is_file())
    if not bundles:
        return {}
    first, total, fragments = 0, 0, []
    for bundle in bundles:
        size = {p: p.stat().st_size for p in bundle.rglob("*") if p.is_file()}
        total += sum(size.values())
        chunks = sorted(s for p, s in size.items() if p.suffix == ".pf_index")
        fragments += [s for p, s in size.items() if p.suffix == ".pf_fragment"]
        first += sum(s for p, s in size.items() if p.name in ("pagefind.js", "pagefind-entry.json")
                     or p.suffix == ".pf_meta" or p.name.startswith("wasm.en")) + chunks[len(chunks) // 2]
    first += 5 * sorted(fragments)[len(fragments) // 2]
    return {"pagefind_bundles": len(bundles), "pagefind_total_mb": total / 1e6, "pagefind_first_mb": first / 1e6}
