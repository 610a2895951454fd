"""Extractions → JSON Lines in the format of the evaluation schema (one article a line)."""
from __future__ import annotations

import json
from collections.abc import Iterable

from .model import Briefing, Corpus, Extraction


def record(extraction: Extraction, briefing: Briefing | None = None) -> dict:
    """One article as the scorer reads it; extra fields are ignored there but useful to users.

    With its ``briefing`` (the resolved corpus's view of the article), each person carries
    ``id``, their person page's slug: the same in every article that names them.
    """
    article = extraction.article
    speakers = briefing.speakers if briefing else {}
    return {
        "id": article.id,
        "title": article.title,
        "title_made": article.title_made,
        "published": extraction.published.value,
        "published_how": extraction.published.how,
        "published_reason": extraction.published.reason,
        "source": article.source,
        "body": list(article.body),
        "persons": [{"name": p.name, "aliases": list(p.aliases), "roles": list(p.roles),
                     **({"id": speakers[p.name]} if p.name in speakers else {})} for p in extraction.persons],
        "actors": [{"name": a.name, "kind": a.kind} for a in extraction.actors],
        "quotes": [{"text": q.text, "speaker": q.speaker, "cue": q.cue, "confidence": round(q.confidence, 3),
                    "paragraph": q.paragraph} for q in extraction.quotes],
        "dates": [{"text": d.text, "value": d.value, **({"end": d.end} if d.end else {}), "paragraph": d.paragraph}
                  for d in extraction.dates],
        "years": list(extraction.years),
    }


def to_jsonl(extractions: Iterable[Extraction], corpus: Corpus | None = None) -> str:
    """One line per extraction, in the given order; ``corpus`` (the same extractions resolved) adds the
    cross-article fields."""
    by_id = {b.extraction.article.path: b for b in corpus.briefings} if corpus else {}
    return "".join(json.dumps(record(e, by_id.get(e.article.path)), ensure_ascii=False, sort_keys=True) + "\n"
                   for e in extractions)
