"""Extractions → JSON Lines in the format of the evaluation schema (one article a line)."""
from __future__ import annotations

import json
from collections.abc import Iterable

from .model import Actor, Briefing, Corpus, Extraction, Mention


def record(extraction: Extraction, briefing: Briefing | None = None, actors: dict[str, Actor] | None = None) -> dict:
    """One article as the scorer reads it; extra fields are ignored there but useful to users.

    With its ``briefing`` (the resolved corpus's view of the article), each person carries
    ``id``, their person page's slug: the same in every article that names them; with the
    corpus's ``actors`` by slug too, each organisation or place carries its ``id`` and the forms
    the whole collection writes it in (GM in one article is General Motors in another).
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
        "actors": [_actor(a, briefing, actors or {}) for a in extraction.actors],
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
    actors = {a.slug: a for a in corpus.actors} if corpus else {}
    story_of = {slug: story.slug for story in corpus.stories for slug in story.briefings} if corpus else {}
    # the resolved extraction: the cross-article stage may add persons (``Extraction.unsure`` confirmed)
    return "".join(json.dumps({**record(by_id[e.article.path].extraction if e.article.path in by_id else e,
                                        by_id.get(e.article.path), actors),
                               "story": story_of.get(by_id[e.article.path].slug) if e.article.path in by_id else None},
                              ensure_ascii=False, sort_keys=True) + "\n" for e in extractions)


def _actor(mention: Mention, briefing: Briefing | None, actors: dict[str, Actor]) -> dict:
    slug = briefing.actor_slugs.get(mention.name) if briefing else None
    actor = actors.get(slug or "")
    aliases = sorted((set(mention.aliases) | ({actor.name, *actor.aliases} if actor else set())) - {mention.name})
    return {"name": mention.name, "kind": mention.kind, "aliases": aliases, **({"id": slug} if slug else {})}
