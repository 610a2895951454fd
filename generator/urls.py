"""The one owner of slugs and page paths.

Slugs are safe (lowercase ASCII letters, digits, ``-`` and ``_``) and stable: a
slug depends only on its own article or name, never on what else is in the
collection, so adding an article changes no other page's URL. A name that does not
slugify losslessly gets a short hash of the original, which keeps apart inputs that
differ only by case or punctuation ("A.txt" and "a.txt"). A name that already ends
like a hash ("a-6dcd4ce2") gets one too, so no input's name can take the slug another
input's hash gave it: every hashed slug ends with the hash of its own input.
"""
from __future__ import annotations

import hashlib
import re

from text_unidecode import unidecode

MAX_LENGTH = 80
HASHED = re.compile(r"-[0-9a-f]{8}$")  # how a slug ends when a hash keeps it apart

BRIEFINGS = "briefings"
PEOPLE = "people"
YEARS = "years"
STORIES = "stories"
NETWORK = "network"
ORGANISATIONS = "organisations"
PLACES = "places"
GENERATED_DIRS = (BRIEFINGS, PEOPLE, YEARS, STORIES, NETWORK, ORGANISATIONS, PLACES)  # nothing is written outside these
FEED = "feed.xml"  # the Atom feed of the latest briefings, at the site root
DATA = "data/briefings.json"  # every extracted record, one download
DATA_CSV = {name: f"data/{name}.csv" for name in ("briefings", "quotes", "people")}  # the same, as tables


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by '-': any script transliterated ("Сергей Шойгу" → "sergei-shoigu",
    "José" → "jose"), everything else dropped."""
    words = re.findall(r"[a-z0-9_]+", unidecode(text).lower())
    return "-".join(words)[:MAX_LENGTH].strip("-_")


def stable_slug(text: str) -> str:
    """``slugify(text)``, with a hash of ``text`` appended unless the slug is ``text`` itself."""
    slug = slugify(text)
    if slug == text and not HASHED.search(slug):
        return slug
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


def briefing_slug(article_id: str, path: str = "") -> str:
    """From the input's file stem, which is also the article's id in the export.

    Two inputs can share a stem ('a.txt' and 'a.md', or 'a.txt' and 'news/a.txt'), so
    ``path`` (relative to the seeds folder) keeps them apart: a top-level '.txt' keeps
    the slug of its stem, any other path gets a short hash of the path appended.
    """
    slug = stable_slug(article_id)
    if not path or path == f"{article_id}.txt":
        return slug
    return f"{slug}-{hashlib.sha1(path.encode('utf-8')).hexdigest()[:8]}"


def person_slug(name: str) -> str:
    """People are found by name: their slug is the readable name, unless that is empty."""
    return slugify(name) or stable_slug(name)


def actor_slug(name: str) -> str:
    """Organisations and places are found by name too (one namespace for both: see ``people.actors``)."""
    return slugify(name) or stable_slug(name)


def briefing_page(slug: str) -> str:
    return f"{BRIEFINGS}/{slug}.md"


def person_page(slug: str) -> str:
    return f"{PEOPLE}/{slug}.md"


def index_part_page(section: str, group: str, part: int = 1) -> str:
    """A page of a split index (people, organisations, places, stories): the entries under one group (a
    letter, a year), and part, for a group too long for one page.

    The leading '_' keeps it apart from every entry's own page in the section: no slug starts with one.
    """
    name = slugify(group) or "other"
    return f"{section}/_{name}.md" if part == 1 else f"{section}/_{name}-{part}.md"


def actor_page(kind: str, slug: str) -> str:
    """An organisation's or a place's page; ``kind`` is "org" or "place"."""
    return f"{ORGANISATIONS if kind == 'org' else PLACES}/{slug}.md"


def year_page(year: int | None) -> str:
    return f"{YEARS}/{year}.md" if year is not None else f"{YEARS}/undated.md"


def month_page(year: int, month: int) -> str:
    """A month of the timeline; flat beside the year pages so that every generated page is one folder deep."""
    return f"{YEARS}/{year}-{month:02d}.md"


def story_page(slug: str) -> str:
    return f"{STORIES}/{slug}.md"


def page_href(page: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives ``page``, relative to the site root (for raw HTML, which MkDocs does not rewrite)."""
    stem = page.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    stem = stem.removesuffix("index")
    return f"{stem}/" if stem and not stem.endswith("/") else stem


def raw_href(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A link from one page to another for raw HTML (MkDocs rewrites only Markdown links)."""
    return "../" * page_href(from_page, directory_urls).count("/") + page_href(to_page, directory_urls)


def index_page(section: str) -> str:
    return f"{section}/index.md"
