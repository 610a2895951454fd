"""How index pages order names: by surname, grouped by first letter, accents folded."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from .patterns.site import NAME_PARTICLES, NAME_SUFFIXES, SURNAME_FIRST, SurnameFirst

T = TypeVar("T")


def sort_name(name: str) -> str:
    """A person's name as an index lists it: "Vladimir Putin" → "Putin, Vladimir".

    The last word is the surname, with the particles before it ("Leyen, Ursula von
    der") and after the suffixes ("King, Martin Luther Jr.", a comma before the suffix
    or not). A name written surname first (``patterns.site.SURNAME_FIRST``: "Xi
    Jinping", "Kim Jong Un", "Nguyen Phu Trong") is listed as it is written. Not
    handled: Japanese names (English news writes them in either order), rarer
    surnames of those traditions, and names romanised other ways than the patterns'.
    """
    words = name.replace(",", " ").split()
    end = len(words)
    while end > 1 and words[end - 1].casefold() in NAME_SUFFIXES:
        end -= 1
    if end < 2:
        return " ".join(words)
    if surname_first(words[:end]):
        return " ".join(words)
    given, surname, suffix = words[:end - 1], words[end - 1], words[end:]
    particles: list[str] = []
    while len(given) > 1 and given[-1].casefold() in NAME_PARTICLES:
        particles.insert(0, given.pop())
    return f"{surname}, {' '.join(given + particles + suffix)}"


def surname_first(words: Sequence[str]) -> bool:
    """Whether a name of two or more ``words`` reads as written surname first, in any tradition of SURNAME_FIRST."""
    first, rest = fold(words[0]), [part for word in words[1:] for part in fold(word).split("-") if part]
    return any(first in tradition.surnames and _given_name(rest, tradition) for tradition in SURNAME_FIRST)


def _given_name(parts: list[str], tradition: SurnameFirst) -> bool:
    """Whether ``parts`` (the words after the surname, split at hyphens) are a given name of ``tradition``."""
    counts = [_syllables(part, tradition) for part in parts]
    if not counts or any(n is None for n in counts):
        return False
    if tradition.one_per_word and any(n != 1 for n in counts):
        return False
    return sum(n or 0 for n in counts) <= tradition.most


@lru_cache(maxsize=4096)
def _syllables(word: str, tradition: SurnameFirst) -> int | None:
    """The fewest syllables of ``tradition`` that ``word`` is made of, or None when it is not made of them."""
    fewest: list[int | None] = [0] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):  # no romanised syllable is longer than 6 letters
            before = fewest[start]
            if before is not None and tradition.syllable.fullmatch(word, start, end):
                fewest[end] = before + 1 if fewest[end] is None else min(fewest[end] or 0, before + 1)
    return fewest[-1]


def alphabetical(entries: Sequence[T], name: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """Sorted entries grouped by the first letter of ``name`` (accents folded); "Other" last."""
    groups: dict[str, list[T]] = {}
    for entry in entries:
        groups.setdefault(letter(name(entry)), []).append(entry)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "Other", kv[0]))


def fold(text: str) -> str:
    """Casefolded, accents dropped ("Nguyễn" → "nguyen"; "đ", which has no decomposition, → "d")."""
    return unicodedata.normalize("NFKD", text.casefold().replace("đ", "d")).encode("ascii", "ignore").decode()


def sort_key(name: str) -> tuple[str, str]:
    return (unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold(), name)


def letter(name: str) -> str:
    first = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode().upper()
    return first if "A" <= first <= "Z" else "Other"
