"""Hand-written pages: what the collection adds to them, for the plugin and for ``python -m generator build``.

- ``[[Full Name]]`` or ``[[Full Name|shown text]]`` (any name or alias of a person)
  becomes a Markdown link to the person's page; an unknown name is left as text and
  reported through ``warn`` (a build warning: fatal with ``--strict``). Inside a code
  span it stays as written.
- ``<!-- briefings:overview -->`` becomes the collection's overview (counts, span of
  years, latest briefings, most-mentioned people).

Both run on Markdown before any renderer sees it, so MkDocs and Zensical show the same.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from . import urls
from .escape import markdown_text
from .render import render_overview
from .site import Built

# code comes first in the alternation so that `[[Name]]` inside backticks or a fenced block stays as written
# (a fence runs to its closing fence of the same character, at least as long, or to the end of the page)
PERSON_LINK = re.compile(r"(^[ \t]{0,3}(?P<fence>`{3,}|~{3,}).*?(?:^[ \t]{0,3}(?P=fence)[`~]*[ \t]*$|\Z)"
                         r"|`[^`\n]*`)|\[\[([^\[\]\n|]{1,120})(?:\|([^\[\]\n|]{1,120}))?\]\]",
                         re.MULTILINE | re.DOTALL)
OVERVIEW = "<!-- briefings:overview -->"
THEME_FOLDER = ".theme"  # in the build route's folder: the templates the plugin adds to the theme (hidden: not a page)


def shows_collection(markdown: str) -> bool:
    """Whether a page's text depends on the collection (so it is rendered again when the collection changes)."""
    return OVERVIEW in markdown or "[[" in markdown


def expand(markdown: str, src_uri: str, built: Built, names: dict[str, str], warn: Callable[[str], object]) -> str:
    """``markdown`` (the page at ``src_uri`` under docs/) with its overview and ``[[Name]]`` links filled in."""
    prefix = "../" * src_uri.count("/")
    if OVERVIEW in markdown:
        markdown = markdown.replace(OVERVIEW, render_overview(built.corpus, prefix))
    return PERSON_LINK.sub(
        lambda m: m.group(1) or person_link(m.group(3), m.group(4), prefix, src_uri, names, warn), markdown)


def person_link(name: str, shown: str | None, prefix: str, where: str, names: dict[str, str],
                warn: Callable[[str], object]) -> str:
    slug = names.get(name.strip().casefold())
    label = markdown_text(shown or name)
    if slug is None:
        warn(f"{where}: no person named '{name.strip()}'; check the spelling or add an alias in the people registry.")
        return label
    return f"[{label}]({prefix}{urls.person_page(slug)})"


def person_names(built: Built) -> dict[str, str]:
    """Every name and alias of every person (case-folded) → person slug; the first person wins a clash."""
    names: dict[str, str] = {}
    for person in built.corpus.people:
        for name in (person.name, *person.aliases):
            names.setdefault(name.casefold(), person.slug)
    return names


def docs_folder(built: Built, extras: dict[str, str], docs_dir: Path | None,
                warn: Callable[[str], object]) -> dict[str, str | bytes]:
    """Everything the plugin puts into a site, as the files of one docs folder (the build route's output).

    The generated pages, ``extras`` (feed, data, the full-text page…) and the
    hand-written files of ``docs_dir`` (Markdown pages with their links and overview
    filled in, other files as they are); a hand-written file wins over a generated
    one of the same path, as under the plugin. Hidden files are left out, as MkDocs does.
    """
    files: dict[str, str | bytes] = {**built.pages, **extras}
    names = person_names(built)
    for rel, path in _visible_files(docs_dir):
        if rel in files:
            warn(f"docs/{rel} is hand-written and replaces the generated page of that path.")
        files[rel] = (expand(path.read_text(encoding="utf-8"), rel, built, names, warn) if path.suffix == ".md"
                      else path.read_bytes())
    return files


def _visible_files(folder: Path | None) -> list[tuple[str, Path]]:
    """Every file under ``folder`` but hidden ones, by sorted '/'-separated relative path."""
    if folder is None or not folder.is_dir():
        return []
    found = [(path.relative_to(folder).as_posix(), path) for path in folder.rglob("*") if path.is_file()]
    return sorted((rel, path) for rel, path in found if not any(part.startswith(".") for part in rel.split("/")))
