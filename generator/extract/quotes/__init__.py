"""Direct quotations and their speakers.

A first version: paired quote marks, five words or more, the nearest person in the
same paragraph as speaker. Not handled yet: pronouns, split quotes, continuation.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from ..model import Article, Mention, Quote

QUOTED = re.compile(r"[\"“«]([^\"“”«»]+)[\"”»]")
MIN_WORDS = 5


def find_quotes(article: Article, doc: Doc, persons: tuple[Mention, ...]) -> tuple[Quote, ...]:
    quotes = []
    for number, paragraph in enumerate(article.body):
        for match in QUOTED.finditer(paragraph):
            if len(match.group(1).split()) < MIN_WORDS:
                continue
            speaker = _nearest(paragraph, match.end(), persons)
            quotes.append(Quote(text=match.group(1), speaker=speaker, cue=None,
                                confidence=0.5 if speaker else 0.0, paragraph=number))
    return tuple(quotes)


def _nearest(paragraph: str, at: int, persons: tuple[Mention, ...]) -> str | None:
    best = None
    for person in persons:
        for form in (person.name, *person.aliases):
            pos = paragraph.find(form)
            if pos >= 0 and (best is None or abs(pos - at) < best[0]):
                best = (abs(pos - at), person.name)
    return best[1] if best else None


def quote_key(text: str) -> str:
    """What makes two quotes the same quote: their words, case-folded (punctuation and marks ignored)."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def rank_quotes(quotes: Sequence[Quote], limit: int = 3) -> list[Quote]:
    """The quotes that matter most: attributed before unattributed, then most confident, then longest.

    Repeats (same words) count once; ties keep the article's order.
    """
    unique: dict[str, Quote] = {}
    for quote in quotes:
        unique.setdefault(quote_key(quote.text), quote)
    ranked = sorted(unique.values(), key=lambda q: (q.speaker is None, -q.confidence, -len(q.text.split())))
    return ranked[:limit]
