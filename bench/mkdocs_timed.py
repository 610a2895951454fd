"""``mkdocs build`` with the generation step timed apart: ``python -m bench.mkdocs_timed CONFIG``.

Wraps the Briefings plugin's ``on_files`` (where the generator runs) and the
Pagefind run of ``briefings-search`` (the full-text index, after the pages are
written) with timers, without touching the plugins, runs the build and prints one
JSON line: ``{"total": s, "generation": s, "fulltext": s, "mkdocs": s}``, where
``mkdocs`` is the rest (MkDocs and Material rendering and writing the pages).
"""
from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator import search
from generator.plugin import BriefingsPlugin

P = ParamSpec("P")
T = TypeVar("T")


def main(config_file: str) -> None:
    spent = {"generation": 0.0, "fulltext": 0.0}

    def timer(name: str, function: Callable[P, T]) -> Callable[P, T]:
        def timed(*args: P.args, **kwargs: P.kwargs) -> T:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return timed

    BriefingsPlugin.on_files = timer("generation", BriefingsPlugin.on_files)  # type: ignore[method-assign]  # patched on purpose
    search.run_pagefind = timer("fulltext", search.run_pagefind)
    start = time.perf_counter()
    build(load_config(config_file))  # config loading included: it loads the plugins
    total = time.perf_counter() - start
    print(json.dumps({"total": total, **spent, "mkdocs": total - spent["generation"] - spent["fulltext"]}))


if __name__ == "__main__":
    main(sys.argv[1])
