"""Pages → files: the only place the generator writes pages to disk.

``write_pages`` owns one output folder. It writes a complete new copy beside the
old one and swaps it in, so a build killed midway leaves the previous pages intact,
and it refuses folders it did not make, so it can never clobber a user's files.
"""
from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from .errors import BriefingsError

MARKER = ".briefings-generated"  # present in every folder this module made


def write_pages(pages: dict[str, str], out: Path) -> None:
    """Replace ``out`` by exactly ``pages`` (paths relative to it, '/'-separated)."""
    if out.exists() and not (out / MARKER).is_file():
        raise BriefingsError(f"Refusing to write into '{out}': it exists and was not made by the generator. "
                             "Choose an empty or new folder.")
    staging = out.with_name(out.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    for rel, text in pages.items():
        target = staging / safe_relative(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (staging / MARKER).write_text("Made by the Briefings generator; replaced on every build.\n", encoding="utf-8")
    old = out.with_name(out.name + ".old")
    if out.exists():
        out.replace(old)
    staging.replace(out)
    if old.exists():
        shutil.rmtree(old)


def safe_relative(rel: str) -> PurePosixPath:
    """``rel`` as a path that stays inside the output folder (no '..', no absolute path)."""
    path = PurePosixPath(rel)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BriefingsError(f"Refusing to write page '{rel}': it would land outside the generated folder.")
    return path
