"""RawArticle → Article: the article's own title and paragraphs, and what was dropped.

A first version: the first line is the title, lines that read as prose are body.
"""
from __future__ import annotations

import re

from .model import Article, Dropped, RawArticle

TIMESTAMP = re.compile(r"^\s*\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?\s*$")
PROSE = re.compile(r"[.!?\"”’)]\s*$")


def clean(raw: RawArticle) -> Article:
    lines = [line.strip() for line in raw.text.split("\n") if line.strip()]
    title, rest = (lines[0], lines[1:]) if lines else ("", [])
    body, dropped, metadata = [], [], []
    for line in rest:
        if TIMESTAMP.match(line):
            metadata.append(line)
            dropped.append(Dropped(line, "timestamp"))
        elif PROSE.search(line) and len(line.split()) >= 8:
            body.append(line)
        else:
            dropped.append(Dropped(line, "not prose"))
    return Article(id=raw.id, path=raw.path, title=raw.front.title or title, title_made=False,
                   body=tuple(body), dropped=tuple(dropped), metadata=tuple(metadata),
                   source=raw.front.source, front=raw.front)
