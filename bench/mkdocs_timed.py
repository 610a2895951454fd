"""``mkdocs build`` with the generation step timed apart: ``python -m bench.mkdocs_timed CONFIG``.

Wraps the Briefings plugin's ``on_files`` (where the generator runs) with a timer,
without touching the plugin, runs the build and prints one JSON line:
``{"total": s, "generation": s, "mkdocs": s}``.
"""
from __future__ import annotations

import json
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.plugin import BriefingsPlugin


def main(config_file: str) -> None:
    spent = {"generation": 0.0}
    original = BriefingsPlugin.on_files

    def timed(self, files, *, config):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(self, files, config=config)
        finally:
            spent["generation"] += time.perf_counter() - start

    BriefingsPlugin.on_files = timed  # type: ignore[method-assign]
    start = time.perf_counter()
    build(load_config(config_file))  # config loading included: it loads the plugins
    total = time.perf_counter() - start
    print(json.dumps({"total": total, "generation": spent["generation"], "mkdocs": total - spent["generation"]}))


if __name__ == "__main__":
    main(sys.argv[1])
