"""How index pages order names: by surname, grouped by first letter, accents folded."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from .patterns.site import NAME_PARTICLES, NAME_SUFFIXES

T = TypeVar("T")


def sort_name(name: str) -> str:
    """A person's name as an index lists it: "Vladimir Putin" → "Putin, Vladimir".

    The last word is the surname, with the particles before it ("Leyen, Ursula von
    der") and after the suffixes ("King, Martin Luther Jr."). Not handled: names
    written surname first (East Asian order) sort by their last word too.
    """
    words = name.split()
    end = len(words)
    while end > 1 and words[end - 1].casefold() in NAME_SUFFIXES:
        end -= 1
    if end < 2:
        return name.strip()
    given, surname, suffix = words[:end - 1], words[end - 1], words[end:]
    particles: list[str] = []
    while len(given) > 1 and given[-1].casefold() in NAME_PARTICLES:
        particles.insert(0, given.pop())
    return f"{surname}, {' '.join(given + particles + suffix)}"


def alphabetical(entries: Sequence[T], name: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """Sorted entries grouped by the first letter of ``name`` (accents folded); "Other" last."""
    groups: dict[str, list[T]] = {}
    for entry in entries:
        groups.setdefault(letter(name(entry)), []).append(entry)
    return sorted(groups.items(), key=lambda kv: (kv[0] == "Other", kv[0]))


def sort_key(name: str) -> tuple[str, str]:
    return (unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold(), name)


def letter(name: str) -> str:
    first = unicodedata.normalize("NFKD", name.strip()[:1]).encode("ascii", "ignore").decode().upper()
    return first if "A" <= first <= "Z" else "Other"
