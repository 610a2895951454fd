"""``python -m bench.generation N``: CPU seconds of each stage of the site's generation at N articles.

The generation is the Briefings plugin's ``on_files`` (``mkdocs build`` spends the rest
rendering and writing pages, and in Pagefind): reading the extraction cache, the cross-article
stages (people, organisations and places, stories, related briefings, the stories' quotes,
the timeline), every generated page's context and template, the review report, the feed and
the downloads, and MkDocs' file objects. This runs the plugin's ``on_files`` alone on the
benchmark corpus's warm cache (``python -m bench --sizes N --only extraction``, or
``python -m bench.warm N``), with each stage's own CPU seconds counted apart (a stage's
time excludes the timed stages it calls), the process's peak resident memory, and a
digest of every generated file, to check that a change keeps the output identical.
``--profile FILE`` writes a cProfile of the whole ``on_files``. A measurement, not a test.

    BENCH_DEV=../shared/eval/dev python -m bench.generation 1000 10000 30000
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import importlib
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import stages

WORK = stages.ROOT / ".cache" / "bench"
# (module, function) → stage; a stage's CPU time is its own, less that of the timed stages it calls
TIMED = {
    ("generator.plugin", "process_folder"): "read cache",
    ("generator.resolve", "resolve_people"): "people",
    ("generator.resolve", "resolve_actors"): "actors",
    ("generator.resolve", "group_stories"): "stories",
    ("generator.resolve", "related_briefings"): "related",
    ("generator.resolve", "compare_quotes"): "story quotes",
    ("generator.resolve", "timeline"): "timeline",
    ("generator.resolve", "resolve_all"): "resolve, rest",
    ("generator.contexts", "Lookup.__init__"): "lookup",
    ("generator.contexts", "briefing_page"): "contexts: briefings",
    ("generator.contexts", "person_page"): "contexts: people",
    ("generator.contexts", "actor_page"): "contexts: actors",
    ("generator.contexts", "network_page"): "contexts: network",
    ("generator.contexts", "story_page"): "contexts: stories",
    ("generator.contexts", "year_page"): "contexts: years, months",
    ("generator.contexts", "month_page"): "contexts: years, months",
    ("generator.contexts", "years_index"): "contexts: years, months",
    ("generator.contexts", "undated_page"): "contexts: years, months",
    ("generator.render", "render_people_index"): "index pages",
    ("generator.render", "render_actors_index"): "index pages",
    ("generator.render", "render_stories_index"): "index pages",
    ("generator.render", "_page"): "templates",
    ("generator.site", "render_site"): "render, rest",
    ("generator.site", "review_report"): "review",
    ("generator.site", "atom_feed"): "feed",
    ("generator.site", "data_json"): "json",
    ("generator.site", "csv_files"): "csv",
    ("generator.plugin", "person_names"): "names",
    ("generator.plugin", "review_summary"): "review",
    ("generator.plugin", "cleaning_summary"): "review",
    ("generator.plugin.BriefingsPlugin", "on_files"): "mkdocs files, rest",
}

# the stages after which resident memory is read: what the extractions, the corpus, the pages and the
# downloads add (each kept to the end of on_files)
MARKS = ("read cache", "resolve, rest", "render, rest", "csv", "mkdocs files, rest")


def _rss_mb() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 2**20


class Stages:
    """Exclusive CPU seconds per stage, kept by wrapping the timed functions."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.stack: list[float] = []  # CPU seconds the timed calls inside each open call took
        self.rss: dict[str, float] = {}  # resident memory (MB) at the end of the stages of ``MARKS``

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append(0.0)
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                took = time.process_time() - start
                inner = self.stack.pop()
                self.spent[name] = self.spent.get(name, 0.0) + took - inner
                if self.stack:
                    self.stack[-1] += took
                if name in MARKS:
                    self.rss[name] = _rss_mb()
        return timed

    def install(self) -> None:
        for (module_name, attribute), name in TIMED.items():
            owner: Any = _owner(module_name)
            *path, last = attribute.split(".")
            for part in path:
                owner = getattr(owner, part)
            setattr(owner, last, self.wrap(name, getattr(owner, last)))


def _owner(dotted: str) -> Any:
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError:
        module, _, attribute = dotted.rpartition(".")
        return getattr(importlib.import_module(module), attribute)


def run(n: int, profile: Path | None) -> dict[str, Any]:
    """The plugin's ``on_files`` on the N corpus's warm cache: CPU per stage, peak memory, digest of the output."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    work = WORK / str(n)
    if not (work / "cache").is_dir():
        raise SystemExit(f"No warm cache at {work}: run python -m bench --sizes {n} --only extraction, or "
                         f"python -m bench.warm {n}, first.")
    timer = Stages()
    timer.install()
    config = load_config(str(stages.project(work, work / "corpus", work / "cache")))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    plugin = config.plugins["briefings"]
    files = get_files(config)
    gc.collect()
    start_rss = _rss_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    if profile:
        profiler = cProfile.Profile()
        files = profiler.runcall(plugin.on_files, files, config=config)
        profiler.dump_stats(profile)
    else:
        files = plugin.on_files(files, config=config)
    row: dict[str, Any] = {"n": n, "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall,
                           "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                           "stages": timer.spent, "rss": timer.rss, "rss_start": start_rss}
    digest = hashlib.sha256()
    for file in sorted((f for f in files if f.generated_by), key=lambda f: f.src_uri):
        content = file.content_bytes
        digest.update(file.src_uri.encode() + b"\0" + hashlib.sha256(content).digest())
    row["files"], row["digest"] = sum(1 for f in files if f.generated_by), digest.hexdigest()[:16]
    plugin.lock.close()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.generation", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--profile", type=Path, help="write a cProfile of on_files here (one size only)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a size in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run(args.sizes[0], args.profile)), flush=True)
        return
    rows = []
    for n in args.sizes:  # each size in a fresh process: peak memory is then that size's
        out = subprocess.run([sys.executable, "-m", "bench.generation", "--one", str(n),
                              *(["--profile", str(args.profile)] if args.profile else [])],
                             check=True, capture_output=True, text=True, cwd=stages.ROOT, env=stages._env())
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    names = list(dict.fromkeys(name for row in rows for name in row["stages"]))
    print("| stage | " + " | ".join(f"N = {row['n']:,}" for row in rows) + " |")
    print("|---|" + "---:|" * len(rows))
    for name in names:
        print(f"| {name} | " + " | ".join(f"{row['stages'].get(name, 0.0):.2f}" for row in rows) + " |")
    print("| **on_files, CPU s** | " + " | ".join(f"{row['cpu']:.2f}" for row in rows) + " |")
    for name in MARKS:
        print(f"| resident memory after {name} (MB) | " + " | ".join(f"{row['rss'].get(name, 0):,.0f}" for row in rows)
              + " |")
    print("| resident memory before on_files (MB) | " + " | ".join(f"{row['rss_start']:,.0f}" for row in rows) + " |")
    print("| peak memory (MB) | " + " | ".join(f"{row['peak_mb']:,.0f}" for row in rows) + " |")
    print("| generated files / digest | " + " | ".join(f"{row['files']:,} / {row['digest']}" for row in rows) + " |")


if __name__ == "__main__":
    main()
