"""A throwaway MkDocs project in a tmp dir, and checks on what a build leaves behind.

The project copies the repository's ``mkdocs.yml`` and ``docs/`` so that tests see the
real theme, extensions and hand-written pages; only the plugin's inputs and strictness
are pointed at the test's own folders.
"""
from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# where a build may write: the site and the extraction cache (and nothing else)
BUILD_AREAS = ("site/", ".cache/")


def make_project(root: Path, *, strict: bool = False, plugin: bool = True) -> Path:
    """Copy mkdocs.yml and docs/ into ``root``; the plugin reads ``root/seeds``. Returns ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "docs", root / "docs")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^strict:.*\n", "", config) + f"strict: {'true' if strict else 'false'}\n"
    config = re.sub(r"(?m)^(\s+)seeds:.*$", r"\1seeds: seeds", config)
    if not plugin:  # a site of ready-made pages: the plugin (and its overview marker) stays out
        config = re.sub(r"(?m)^\s+- briefings:\n(\s{6,}\S.*\n)*", "", config)
        # the generated pages' own templates (the find page) come with the plugin: add them by hand
        config = config.replace("theme:\n  name: material\n",
                                f"theme:\n  name: material\n  custom_dir: {REPO / 'generator' / 'theme'}\n")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "seeds").mkdir(exist_ok=True)
    return root


def mkdocs(root: Path, *args: str, module: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run ``python -m mkdocs ARGS`` (or ``python -m generator``) in ``root``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", module, *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=900, check=False)


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` → its bytes (links → their target), by '/'-separated relative path."""
    found: dict[str, bytes] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            found[rel] = os.readlink(path).encode() if path.is_symlink() else path.read_bytes()
    return found


def outside_build_areas(files: dict[str, bytes]) -> dict[str, bytes]:
    return {rel: data for rel, data in files.items() if not rel.startswith(BUILD_AREAS)}


class ActiveContent(html.parser.HTMLParser):
    """Collects what in a built page could run: event handlers, javascript: URLs, frames, inline scripts."""

    # (the theme itself uses svg icons and a search form)
    FRAMES = frozenset({"iframe", "frame", "object", "embed", "base"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction") and value and \
                    re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "data:text")):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag in self.FRAMES or (tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh"):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and ("alert(" in data or "__pwned" in data):
            self.found.append(f"<script>{data[:60]}")


def active_content(page: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(page)
    parser.close()
    return parser.found
