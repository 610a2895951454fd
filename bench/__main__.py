"""``python -m bench`` (``make bench``): build the corpora, measure, print the table.

    python -m bench                       # N = 1,000 and 10,000 (the 10k run takes about an hour on 2 cores)
    python -m bench --sizes 200 --only extraction site   # a quick check while developing
    python -m bench --readme              # also write the table into bench/README.md

Everything is written under ``.cache/bench/`` (corpora, caches, sites); results go
to ``bench/out/results.json`` (merged by N) and the table to stdout.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from . import corpus, stages
from .report import table, write_readme

WORK = stages.ROOT / ".cache" / "bench"
RESULTS = Path(__file__).parent / "out" / "results.json"


STAGES = ("extraction", "bare", "site", "incremental", "serve")
# not run by default: fullsearch needs pagefind-bin, which the site does not use; servedirty is serve with
# --dirty only (make serve), for large N where each rebuild without it takes minutes
EXTRA = ("fullsearch", "servedirty")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--only", nargs="+", choices=STAGES + EXTRA, default=STAGES,
                        help="stages to run (site, bare, incremental and serve need the extraction's cache)")
    parser.add_argument("--incremental-at", type=int, default=1000, help="the N at which rebuilds are measured")
    parser.add_argument("--corpus", type=Path, help="measure extraction and bare spaCy on this folder of articles "
                        "instead (e.g. ../shared/eval/train/polnear); results are kept under its name")
    parser.add_argument("--readme", action="store_true", help="write the table into bench/README.md")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.corpus:
        only = [s for s in args.only if s in ("extraction", "bare")]
        for result in run(0, only, args.corpus):
            _save(args.corpus.name, result)
    for n in [] if args.corpus else args.sizes:
        stages_here = [s for s in args.only if s not in ("incremental", "serve", "servedirty")
                       or n == args.incremental_at]
        for result in run(n, stages_here):  # saved after every stage: a long run that fails keeps the rest
            _save(str(n), result)
    results = json.loads(RESULTS.read_text())
    print(table(results))
    if args.readme:
        write_readme(results)


def _save(key: str, result: dict[str, float]) -> None:
    """Merge ``result`` into the results file, read again first: runs of other sizes may be going on meanwhile."""
    results = json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}
    results[key] = results.get(key, {}) | result
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    tmp = RESULTS.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(results, indent=1, sort_keys=True))
    tmp.replace(RESULTS)


def run(n: int, todo: list[str], folder: Path | None = None) -> Iterator[dict[str, float]]:
    work = WORK / (folder.name if folder else str(n))
    seeds, cache = folder or work / "corpus", work / "cache"
    if folder is None and ("extraction" in todo or not seeds.is_dir()):
        corpus.build(n, seeds)
    config = stages.project(work, seeds, cache)
    result: dict[str, float] = {"n": n}
    yield result
    steps = {"extraction": lambda: stages.extraction(seeds, cache), "bare": lambda: stages.bare(seeds, cache),
             "site": lambda: stages.site(config), "incremental": lambda: stages.generation_after_edit(seeds, cache),
             "serve": lambda: stages.serve(config, seeds, False) | stages.serve(config, seeds, True),
             "servedirty": lambda: stages.serve(config, seeds, True),
             "fullsearch": lambda: stages.full_search(work, seeds, cache)}
    for name in todo:
        print(f"N={n}: {name}...", flush=True)
        result |= steps[name]()
        print(json.dumps(result), flush=True)
        yield result


if __name__ == "__main__":
    main()
