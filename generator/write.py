"""Pages → files: the only place the generator writes pages to disk.

``write_pages`` owns one output folder. It writes a complete new copy beside the
old one and swaps it in, so a build killed midway leaves the previous pages intact,
and it refuses folders it did not make, so it can never clobber a user's files.
``swap_in`` is the same swap for a folder someone else filled (the MkDocs site, see
``cli.py``'s ``site`` command). ``sync_pages`` keeps a folder equal to the pages
in place instead, rewriting only what changed: under ``mkdocs serve`` a file's
modification time then tells MkDocs (``--dirty``) which pages to render again.

The swap is two renames (``out`` → ``out.old``, ``out.new`` → ``out``). A build killed
between them leaves the previous copy in ``out.old``; the next build puts it back
before doing anything else. A folder is removed by renaming it first to a name only
this module makes (``.out.trash-<pid>``), so a removal killed midway never leaves a
half-deleted ``out.new`` or ``out.old`` that looks like someone else's; the next build
clears such leftovers, and also recognises ``out.new`` and ``out.old`` of earlier
generators that lost their marker (they hold a MkDocs build's telltale files). Two
builds into the same folder at once take turns: see ``safety.build_lock``.
"""
from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from .errors import BriefingsError

MARKER = ".briefings-generated"  # present in every folder this module made
MARKER_TEXT = "Made by the Briefings generator; replaced on every build.\n"
# what a (partial) MkDocs build holds: out.new or out.old beside our out with one of these is a leftover of ours
BUILD_TELLTALES = ("sitemap.xml", "sitemap.xml.gz", "404.html", "assets", "search", "pagefind")


def write_pages(pages: Mapping[str, str | bytes], out: Path) -> None:
    """Replace ``out`` by exactly ``pages``, one build at a time.

    Paths are relative to ``out``, '/'-separated; bytes are written as they are."""
    from .safety import build_lock

    check_owned(out)
    targets = {rel: safe_relative(rel) for rel in pages}  # all refused before anything is written
    with build_lock(out, say):
        staging = prepare_staging(out)
        for rel, text in pages.items():
            target = staging / targets[rel]
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                target.write_bytes(text)
            else:
                target.write_text(text, encoding="utf-8", newline="\n")
        swap_in(staging, out)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sync_pages(pages: dict[str, str], out: Path, written: dict[str, tuple[str, Path]] | None = None,
               ) -> dict[str, Path]:
    """Make ``out`` hold exactly ``pages``, rewriting only the files whose text changed; the path of each page.

    An unchanged page keeps its file and modification time; a file no page has any
    more is removed, so the folder never holds a stale page. ``written``: what an
    earlier call of this process wrote (page → its text and file; updated here), so an
    unchanged page is not even read (nor its file looked at when its text is the very
    object written), and the folder is swept only when pages went away.
    """
    check_owned(out)
    written = {} if written is None else written
    # all refused before anything is written
    targets = {rel: written[rel][1] if rel in written else out / safe_relative(rel) for rel in pages}
    out.mkdir(parents=True, exist_ok=True)
    mark(out)
    gone = not written or not written.keys() <= pages.keys()  # the first call, or pages went away
    for rel, text in pages.items():
        target = targets[rel]
        before = written.get(rel)
        if before is not None and before[0] is text:  # the very text this process wrote: not even a stat
            continue  # (21,000 pages at 10,000 articles; the caller forgets ``written`` to check them all)
        if before is not None and before[0] == text and target.is_file():
            continue
        written[rel] = (text, target)
        data = text.encode("utf-8")
        if before is None or not target.is_file():  # a file this process wrote holds what it wrote: not read
            try:  # back (the downloads are tens of MB)
                if target.read_bytes() == data:
                    continue
            except OSError:
                target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)  # atomic: the server never reads half a page
    for rel in [rel for rel in written if rel not in pages]:
        del written[rel]
    if gone:
        keep = set(targets.values())
        for path in sorted(out.rglob("*"), reverse=True):  # files before their folders
            if path.is_file() and path not in keep and path.name != MARKER:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return targets


def staging_for(out: Path) -> Path:
    return out.with_name(out.name + ".new")


def old_for(out: Path) -> Path:
    return out.with_name(out.name + ".old")


def prepare_staging(out: Path) -> Path:
    """An empty folder beside ``out``, marked as ours; the leftovers of a killed build are removed.

    Both temporaries are checked here, before any work: a folder of someone else's there
    stops the build at once, not after it ran in full.
    """
    recover(out)
    for trash in sorted(out.parent.glob(f".{out.name}.trash-*")):
        if trash.is_dir() and not trash.is_symlink():
            shutil.rmtree(trash)
    staging, old = staging_for(out), old_for(out)
    check_leftover(staging, out)
    check_leftover(old, out)
    discard(staging)
    discard(old)
    staging.mkdir(parents=True)
    mark(staging)
    return staging


def swap_in(staging: Path, out: Path) -> None:
    """Make the finished ``staging`` folder the new ``out``; the previous ``out`` is removed only after."""
    mark(staging)
    old = old_for(out)
    check_leftover(old, out)
    discard(old)
    if out.exists():
        out.replace(old)
    staging.replace(out)
    discard(old)


def discard(folder: Path) -> None:
    """Remove ``folder`` (one of ours) if it exists: renamed away first, so it never lingers half-removed."""
    if not folder.exists():
        return
    trash = folder.with_name(f".{folder.name.rsplit('.', 1)[0]}.trash-{os.getpid()}")
    if trash.exists():
        shutil.rmtree(trash)
    folder.replace(trash)
    shutil.rmtree(trash)


def check_leftover(folder: Path, out: Path) -> None:
    """Refuse ``folder`` (``out.new`` or ``out.old``) unless it is a leftover of ours: marked, empty, or
    (beside our ``out``) holding a MkDocs build's telltale files."""
    if folder.is_dir() and not folder.is_symlink() and (
            not any(folder.iterdir()) or is_ours(folder)
            or (is_ours(out) and any((folder / name).exists() for name in BUILD_TELLTALES))):
        return
    check_owned(folder)


def recover(out: Path) -> None:
    """Put back the previous copy if a build was killed between the two renames of ``swap_in``."""
    old = out.with_name(out.name + ".old")
    if not out.exists() and is_ours(old):
        old.replace(out)


def check_owned(folder: Path, *, also: tuple[str, ...] = ()) -> None:
    """Refuse ``folder`` if it exists and was not made by the generator (``also``: other telltale files)."""
    if folder.is_symlink() or (folder.exists() and not is_ours(folder)
                               and not (also and all((folder / name).is_file() for name in also))):
        raise BriefingsError(f"Refusing to replace '{folder}': it exists and was not made by the generator. "
                             "Move it away, or choose an empty or new folder.")


def is_ours(folder: Path) -> bool:
    return folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file()


def mark(folder: Path) -> None:
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


def safe_relative(rel: str) -> PurePosixPath:
    """``rel`` as a path that stays inside the output folder (no '..', no absolute path, no odd characters)."""
    path = PurePosixPath(rel)
    if (path.is_absolute() or not path.parts or any(part in ("..", ".") for part in path.parts)
            or "\\" in rel or any(ord(c) < 32 for c in rel) or rel != path.as_posix()):
        raise BriefingsError(f"Refusing to write page '{rel}': it would land outside the generated folder.")
    return path
