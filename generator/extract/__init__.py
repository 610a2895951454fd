"""Article + Doc → Extraction: the per-article extractors, in the order they depend on each other.

1. people: persons with their roles, organisations and countries;
2. published: front matter, else the text's own metadata, else an estimate;
3. dates: every calendar reference, resolved against (2);
4. quotes: direct quotations, speakers resolved to the persons of (1).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Extraction
from .dates import find_dates, find_published
from .people import find_people
from .quotes import find_quotes


def extract(article: Article, doc: Doc) -> Extraction:
    persons, actors, unsure = find_people(article, doc)
    published = find_published(article, doc)
    dates = find_dates(article, doc, published.value)
    quotes = find_quotes(article, doc, persons)
    return Extraction(article=article, published=published, persons=persons, actors=actors,
                      quotes=quotes, dates=dates, unsure=unsure)
