"""Extractions → JSON Lines in the format of the evaluation schema (one article a line)."""
from __future__ import annotations

import json
from collections.abc import Iterable

from .model import Extraction
from .stories import story_ids


def record(extraction: Extraction) -> dict:
    """One article as the scorer reads it; extra fields are ignored there but useful to users."""
    article = extraction.article
    return {
        "id": article.id,
        "title": article.title,
        "title_made": article.title_made,
        "published": extraction.published.value,
        "published_how": extraction.published.how,
        "published_reason": extraction.published.reason,
        "source": article.source,
        "body": list(article.body),
        "persons": [{"name": p.name, "aliases": list(p.aliases), "roles": list(p.roles)} for p in extraction.persons],
        "actors": [{"name": a.name, "kind": a.kind} for a in extraction.actors],
        "quotes": [{"text": q.text, "speaker": q.speaker, "cue": q.cue, "confidence": round(q.confidence, 3),
                    "paragraph": q.paragraph} for q in extraction.quotes],
        "dates": [{"text": d.text, "value": d.value, **({"end": d.end} if d.end else {}), "paragraph": d.paragraph}
                  for d in extraction.dates],
        "years": list(extraction.years),
    }


def to_jsonl(extractions: Iterable[Extraction]) -> str:
    extractions = list(extractions)
    story_of = story_ids(extractions)  # cross-article: the story needs the whole folder
    return "".join(json.dumps({**record(e), "story": story_of.get(e.article.id)}, ensure_ascii=False, sort_keys=True)
                   + "\n" for e in extractions)
