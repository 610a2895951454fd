"""The people registry: a YAML file in which a user corrects who is who.

Format (``people.yml`` in the seeds folder by default)::

    people:
      - name: Ann Example              # required: the name shown on the person's page
        aliases: [Example, Anne Exampel]  # other forms; mentions under any of them are this person
        description: Foreign minister of Freedonia.   # optional, one line on the page
        slug: ann-example              # optional: fixes the page address (lowercase, digits, '-')
        articles: [2023-visit]         # optional: only mentions in these articles (ids or slugs)
        not: [Bob Example]             # optional: never merge this person with these names

What each edit does:

- **merge**: list the other spellings under ``aliases``; every mention whose name
  or alias equals the entry's name or one of its aliases (titles, case and accents
  ignored) becomes this person, in every article.
- **rename**: set ``name`` to the name you want and keep the old form in ``aliases``.
- **split**: two entries with the same name and different ``articles`` make two
  people; ``not`` keeps the automatic merging from joining this person with others.
- **describe**: ``description`` is shown under the name.

The registry wins over automatic decisions and is read on every build, so its
decisions survive rebuilds. An entry that matches no mention makes no page.
Not handled: splitting two namesakes *within* one article.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..extract.people.names import name_key

KEYS = ("name", "aliases", "description", "slug", "articles", "not")
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")  # whole: fullmatch (a "$" would let "vp\n" through)
FORMAT_HINT = "The file must look like:\npeople:\n  - name: Ann Example\n    aliases: [Example]"


@dataclass(frozen=True)
class Entry:
    """One person as the user wrote them."""

    number: int  # 1-based position in the file, for messages
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    slug: str | None = None
    articles: frozenset[str] = frozenset()  # empty: every article
    never: tuple[str, ...] = ()  # the names under ``not``

    @cached_property  # read for every mention of the collection: made once (callers never change it)
    def keys(self) -> set[tuple[str, ...]]:
        return {k for k in (name_key(self.name), *map(name_key, self.aliases)) if k}

    @cached_property
    def never_keys(self) -> set[tuple[str, ...]]:
        return {k for k in map(name_key, self.never) if k}

    def applies_to(self, article_id: str, briefing: str) -> bool:
        return not self.articles or article_id in self.articles or briefing in self.articles


def load_registry(path: Path | None) -> tuple[Entry, ...]:
    """The entries of the registry at ``path`` (none when ``path`` is None), validated."""
    if path is None:
        return ()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ConfigError(f"Error reading people registry '{path}': {error}. "
                          "Fix the file (it must be UTF-8 YAML) or remove it.") from None
    if data is None:
        return ()
    if not isinstance(data, dict) or set(data) != {"people"} or not isinstance(data["people"], list):
        raise ConfigError(f"Error reading people registry '{path}': the top level must be one key, "
                          f"'people', holding a list of entries. {FORMAT_HINT}")
    entries = tuple(_entry(path, number, raw) for number, raw in enumerate(data["people"], 1))
    _check_unique(path, entries)
    return entries


def _fail(path: Path, number: int, name: object, cause: str, fix: str) -> ConfigError:
    label = f"entry {number}" + (f" ('{name}')" if isinstance(name, str) and name else "")
    return ConfigError(f"Error in people registry '{path}', {label}: {cause}. {fix}")


def _entry(path: Path, number: int, raw: object) -> Entry:
    if not isinstance(raw, dict):
        raise _fail(path, number, None, "an entry must be a mapping of keys to values",
                    "Start the entry with '- name: <the person's name>'.")
    name = raw.get("name")
    for key in raw:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            raise _fail(path, number, name, f"unknown key '{key}'", f"{hint}Allowed keys: {', '.join(KEYS)}.")
    if not isinstance(name, str) or not name_key(name):
        raise _fail(path, number, name, "'name' is missing or is not a person's name",
                    "Give the name to show, e.g. 'name: Ann Example'.")
    slug = raw.get("slug")
    if slug is not None and (not isinstance(slug, str) or not SLUG.fullmatch(slug)):
        raise _fail(path, number, name, f"'slug' {slug!r} is not a valid page address",
                    "Use lowercase letters, digits and '-', e.g. 'slug: ann-example', or remove it.")
    description = raw.get("description") or ""
    if not isinstance(description, str):
        raise _fail(path, number, name, "'description' must be text", "Write it on one line after 'description:'.")
    return Entry(number=number, name=name.strip(), aliases=_names(path, number, name, raw, "aliases"),
                 description=description.strip(), slug=slug,
                 articles=frozenset(_names(path, number, name, raw, "articles")),
                 never=_names(path, number, name, raw, "not"))


def _names(path: Path, number: int, name: str, raw: dict, key: str) -> tuple[str, ...]:
    """A list of strings under ``key`` (a single string is taken as a list of one)."""
    value = raw.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) and str(v).strip() for v in value):
        raise _fail(path, number, name, f"'{key}' must be a list of names",
                    f"Write it as '{key}: [First, Second]' or one '- item' per line.")
    return tuple(str(v).strip() for v in value)


def _check_unique(path: Path, entries: tuple[Entry, ...]) -> None:
    """No slug twice; no name or alias in two entries that apply to the same articles."""
    for i, a in enumerate(entries):
        for b in entries[i + 1:]:
            if a.slug and a.slug == b.slug:
                raise _fail(path, b.number, b.name, f"slug '{b.slug}' is already used by entry {a.number}",
                            "Give each person a different slug.")
            shared = a.keys & b.keys
            overlap = not a.articles or not b.articles or a.articles & b.articles
            if shared and overlap:
                raise _fail(path, b.number, b.name,
                            f"the name '{' '.join(min(shared))}' is also used by entry {a.number} ('{a.name}')",
                            "If they are one person, merge the two entries; if they are two, "
                            "give each an 'articles' list.")
