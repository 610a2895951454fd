"""Person names: cleaning a candidate, comparing two names, grouping forms into persons.

A name's *key* is its words case-folded with accents folded, initials ("W.") and
titles dropped: "Gen. José M. Example" → ("jose", "example"). Two forms are one
person when one's key words are all in the other's. Not handled: nicknames
("Bill" / "William"), names written in another script.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ...patterns.people import (
    DEMONYMS,
    HONORIFICS,
    INNER_CAPITAL_PREFIXES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NAME_TITLES,
    NON_NAME_WORDS,
    NOT_A_NAME,
    ORG_WORDS,
    POSSESSIVE,
    ROLE_WORDS,
    TITLE_EXPANSIONS,
)

WORD = re.compile(r"[\w'’.-]+")
MAX_NAME_WORDS = 5
FUZZY_MIN_LENGTH = 5  # shorter surnames differ by one letter too often ("Lee"/"Lem")
NAMESAKE_NEAR = 15  # tokens: a surname this close after a namesake's full name is that namesake
FUZZY_MIN_LENGTH_IN_NAME = 4  # beside an identical given name, a four-letter surname may vary ("Rait"/"Raite")


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few names thousands of times per article
def fold(text: str) -> str:
    """Case- and accent-folded, for comparing names."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def is_title_word(word: str) -> bool:
    """A title, honorific or role that can stand before a name ("President", "Dr.", "minister").

    One word; whether a whole text is in Title Case is another question (the quotes' ``is_title``).
    """
    low = word.casefold()
    return low in NAME_TITLES or low in TITLE_EXPANSIONS or low in HONORIFICS or low in ROLE_WORDS


@lru_cache(maxsize=1 << 16)  # pure: grouping compares every form with every person, again and again
def name_key(name: str) -> tuple[str, ...]:
    """The words that identify a person: folded, without titles, initials or punctuation."""
    words = [fold(w).strip(".'’-") for w in name.split()]
    while words and is_title_word(words[0]):
        words = words[1:]
    # a particle is part of the name's spelling, not a word that identifies it ("van"), except
    # in front, where it is a given name ("Ben", "Al")
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return tuple(w for i, w in enumerate(words) if len(w) > 1 and (i == 0 or w not in NAME_PARTICLES))


def clean_name(text: str) -> str | None:
    """The name in an entity's text, or None when it cannot be a person's name.

    Drops a possessive and surrounding punctuation; refuses markup, numbers, function
    words ("Russia And China"), demonyms and organisation words ("Acme Corporation").
    Titles are NOT removed here (``name_key`` leaves them out when names are compared).
    """
    text = POSSESSIVE.sub("", " ".join(text.split())).strip(" \"'“”‘’()[],;:-–—")
    if text.endswith(".") and len(text.split()[-1]) > 2 and text.split()[-1].casefold() not in NAME_SUFFIXES:
        text = text[:-1]  # the sentence's full stop taken into the name ("met Dong Jun.")
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or NOT_A_NAME.search(text):
        return None
    low = [w.casefold() for w in words]
    if any(w in NON_NAME_WORDS for w in low) or low[-1] in ORG_WORDS or " ".join(low) in DEMONYMS:
        return None
    if not all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in words):
        return None
    if len(words) == 1 and (len(text) < 2 or (text.isupper() and len(text) > 3)):
        return None  # acronyms are organisations ("NATO"); two-letter surnames stay ("Li")
    if (len(words) > 1 and text.isupper()) or any(_odd_word(w) for w in words):
        return None  # shouted headlines and bylines, "Brand-named" glue, "CamelCase" products
    if len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        return None  # a name printed twice is a byline or a caption, not prose ("Ann Example Ann Example")
    return text


def _odd_word(word: str) -> bool:
    """A word no name is made of: a lower-case part after a hyphen, or a capital inside the word.

    A capital right after a hyphen or an apostrophe starts a part of the name
    ("Jean-Pierre", "Ka'Loni"), so only the parts between those are looked at.
    """
    if re.search(r"-[a-z]", word):
        return True
    if word.startswith(INNER_CAPITAL_PREFIXES):
        word = word[next(len(p) for p in INNER_CAPITAL_PREFIXES if word.startswith(p)):]
    if word.isupper() or "." in word:
        return False
    return any(c.isupper() for part in re.split(r"[-'’]", word) for c in part[1:])


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit`` (returns limit + 1)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return limit + 1
    return row[-1]


def near_spelling(a: str, b: str, shortest: int = FUZZY_MIN_LENGTH) -> bool:
    """Transliteration variants of one word ("Petrov" / "Petrof"): same start, one edit, long enough."""
    return (a != b and a[:1] == b[:1] and min(len(a), len(b)) >= shortest
            and edit_distance(a, b, 1) <= 1)


@dataclass
class Occurrence:
    """One place a person is named in an article."""

    name: str  # titles stripped ("Ann Example")
    position: int  # token index in the Doc, for choosing between namesakes
    paragraph: int
    titled: str | None = None  # the name with the titles written before it ("Gen. Ann Example")
    roles: list[str] = field(default_factory=list)
    written: str | None = None  # the name as written when that holds more (a nickname: Ann "Red" Example)

    @property
    def key(self) -> tuple[str, ...]:
        return name_key(self.name)


@dataclass
class Group:
    """The occurrences of one person in one article."""

    occurrences: list[Occurrence]

    @property
    def key(self) -> set[str]:
        return {w for o in self.occurrences for w in o.key}

    def distance(self, position: int) -> int:
        """How far this person's nearest earlier naming is (later ones count as far)."""
        before = [position - o.position for o in self.occurrences if o.position <= position]
        after = [o.position - position for o in self.occurrences if o.position > position]
        return min(before) if before else 10**9 + min(after, default=0)


def group_occurrences(occurrences: list[Occurrence]) -> list[Group]:
    """Persons of one article: longest forms first, shorter forms join the person holding their words.

    "Lind" joins "Maria Lind"; between namesakes ("Ann Example", "Bob Example") a
    short form joins the one named just before it, or else the one introduced first (see
    ``_namesake``). A single word one letter away from a person's word joins them when
    nothing else matches ("Shoygu"). A
    surname with a role title joins a person named with a title or role ("President
    Example" is not the untitled "Bea Example"), and stands alone when there is none.
    """
    groups: list[Group] = []
    for occ in sorted(occurrences, key=lambda o: (-len(o.key), o.position)):
        key = set(occ.key)
        if not key:
            continue
        found = [g for g in groups if key <= g.key] or _near_groups(occ, groups)
        found = [g for g in found if g.key == key] or found
        if _role_titled(occ):  # "President Example" is the Example named with a title or role, if any
            found = [g for g in found if any(o.titled or o.roles for o in g.occurrences)] or found
        if found and not _announced_apart(occ, found):
            _namesake(occ, found).occurrences.append(occ)
        else:
            groups.append(Group([occ]))
    return sorted(groups, key=lambda g: min(o.position for o in g.occurrences))


def _namesake(occ: Occurrence, found: list[Group]) -> Group:
    """Which of the persons holding a short form's words it names: the one named just before it
    (within ``NAMESAKE_NEAR`` tokens, the same clause), else the one the article introduced first,
    its subject ("Mr. Example" a paragraph after a passing mention of his father "Bob Example")."""
    nearest = min(found, key=lambda g: g.distance(occ.position))
    if len(found) == 1 or nearest.distance(occ.position) <= NAMESAKE_NEAR:
        return nearest
    return min(found, key=lambda g: min(o.position for o in g.occurrences))


def _role_titled(occ: Occurrence) -> bool:
    """Written with a title that is more than a courtesy ("President Example", not "Mr. Example")."""
    titles = occ.titled.split()[:len(occ.titled.split()) - len(occ.name.split())] if occ.titled else []
    return any(t.casefold() not in HONORIFICS for t in titles)


def _announced_apart(occ: Occurrence, found: list[Group]) -> bool:
    """A surname with a role title ("President Example") when every full name holding it is
    written without any title or role: someone the reader knows by title, not the "Ann Example"
    of the same article ("Ann and Bea Example's outfits ... President Example's daughters")."""
    return len(occ.key) == 1 and _role_titled(occ) and \
        all(len(g.key) > 1 and not any(o.titled or o.roles for o in g.occurrences) for g in found)


def _near_groups(occ: Occurrence, groups: list[Group]) -> list[Group]:
    if len(occ.key) != 1:
        return []
    word = occ.key[0]
    # beside one full name, a four-letter word may vary too ("Raite" of "Duncan Rait")
    found = [g for g in groups if len(g.key) > 1 and any(near_spelling(word, w, FUZZY_MIN_LENGTH_IN_NAME)
                                                         for w in g.key)]
    return found if len(found) == 1 else []
