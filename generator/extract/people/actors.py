"""Organisations and countries named in one article.

spaCy's ORG and GPE entities, and NORP entities that are a known demonym
("Chinese" → China). Country spellings fold onto one name ("U.S." → United
States); "the" is dropped from the front of organisations. Not handled: cities
are kept as "country" actors (they usually stand for a government: "Moscow said");
unknown demonyms and political groups are left out.
"""
from __future__ import annotations

from collections.abc import Iterable

from ...model import Mention
from ...patterns.people import ACTOR_LABELS, COUNTRY_ALIASES, DEMONYMS, NOT_A_NAME, ORG_WORDS, POSSESSIVE
from .names import fold


def actor_name(text: str, label: str) -> tuple[str, str] | None:
    """(name, kind) for an entity, or None when it is not an actor worth listing."""
    text = POSSESSIVE.sub("", " ".join(text.split())).strip(" \"'“”‘’()[],;:-")
    low = text.casefold()
    if label == "NORP":
        country = DEMONYMS.get(low)
        return (country, "country") if country else None
    kind = ACTOR_LABELS.get(label)
    if kind is None or not text or NOT_A_NAME.search(text) or not text[0].isupper() and not low.startswith("the "):
        return None
    if kind == "country" or low in COUNTRY_ALIASES:
        return COUNTRY_ALIASES.get(low, text.removeprefix("the ").removeprefix("The ")), "country"
    name = text[4:] if low.startswith("the ") else text
    if len(name.split()) == 1 and low in ORG_WORDS:
        return None  # a bare "Ministry" or "Council" names no one in particular
    return name, kind


def actor_mentions(found: Iterable[tuple[str, str, int]], person_words: set[str]) -> tuple[Mention, ...]:
    """Mentions from (name, kind, paragraph); names made only of a person's words are dropped."""
    paragraphs: dict[tuple[str, str], set[int]] = {}
    for name, kind, paragraph in found:
        if kind == "org" and {fold(w) for w in name.split()} <= person_words:
            continue  # spaCy sometimes labels a surname ORG ("Example told reporters")
        paragraphs.setdefault((name, kind), set()).add(paragraph)
    return tuple(Mention(name=name, kind=kind, paragraphs=tuple(sorted(p)))
                 for (name, kind), p in sorted(paragraphs.items()))
