"""The publication date, and every date an article mentions.

A first version: ISO timestamps and spaCy DATE entities with explicit years.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..model import Article, DateRef, Published
from ..nlp import paragraph_at, paragraph_starts

ISO_STAMP = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def find_published(article: Article, doc: Doc) -> Published:
    if article.front.published:
        return Published(article.front.published, "front matter")
    for line in article.metadata:
        if match := ISO_STAMP.search(line):
            return Published(match.group(0), "text", f"the line '{line}'")
    return Published(None, "unknown")


def find_dates(article: Article, doc: Doc, published: str | None) -> tuple[DateRef, ...]:
    starts = paragraph_starts(article.body)
    refs = []
    for ent in doc.ents:
        if ent.label_ == "DATE" and (match := YEAR.search(ent.text)):
            refs.append(DateRef(text=ent.text, value=match.group(1), paragraph=paragraph_at(starts, ent.start_char)))
    return tuple(refs)
