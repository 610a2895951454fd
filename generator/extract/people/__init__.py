"""Actors of one article: persons (with roles), organisations and countries.

A first version: spaCy's entities, persons grouped by surname. Not handled yet:
pronouns, titles as roles, transliteration variants.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Mention
from ..nlp import paragraph_at, paragraph_starts

ACTOR_KINDS = {"ORG": "org", "GPE": "country", "NORP": "country"}


def find_actors(article: Article, doc: Doc) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    starts = paragraph_starts(article.body)
    groups: dict[str, list[tuple[str, int]]] = {}
    others: dict[tuple[str, str], list[int]] = {}
    for ent in doc.ents:
        name = ent.text.strip().removesuffix("’s").removesuffix("'s")
        para = paragraph_at(starts, ent.start_char)
        if ent.label_ == "PERSON" and name:
            groups.setdefault(name.split()[-1], []).append((name, para))
        elif ent.label_ in ACTOR_KINDS:
            others.setdefault((name, ACTOR_KINDS[ent.label_]), []).append(para)
    persons = tuple(_person(forms) for forms in groups.values())
    actors = tuple(Mention(name=n, kind=k, paragraphs=tuple(sorted(set(p)))) for (n, k), p in sorted(others.items()))
    return persons, actors


def _person(forms: list[tuple[str, int]]) -> Mention:
    names = sorted({n for n, _ in forms}, key=lambda n: (-len(n.split()), n))
    return Mention(name=names[0], kind="person", aliases=tuple(names[1:]),
                   paragraphs=tuple(sorted({p for _, p in forms})))
