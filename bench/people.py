"""``python -m bench.people``: how long resolving people, organisations and places across N articles takes.

The cross-article people and actors stages run over the whole collection on every
build and every ``mkdocs serve`` rebuild; this times them alone, on N extractions
made without parsing N articles: the benchmark corpus's base texts (``bench/corpus.py``)
are extracted once for real (cached under ``.cache/bench/people-bases/``), and article
i of N is the extraction of base i mod B with its person-like names renamed as the
corpus's ``vary`` renames them (Zipf-like from a pool of N/3 invented names sharing 30
given names, so people recur across articles and a given name is shared by N/90 of
them), a lone surname after its full name renamed with it, and its own id, path and
publication date. Also timed: the related briefings (``stories.related_briefings``) and
the page contexts of every person and actor page (``contexts``, their cross-page
lookups). CPU seconds count this process only; ``--repeat`` keeps the least of several
runs (other jobs on the machine slow this one through shared caches). The digest column
is a hash of everything the stages resolve, to check that a change keeps the results
identical. A measurement, not a test.

    BENCH_DEV=../shared/eval/dev python -m bench.people --sizes 1000 3000 10000 30000 --repeat 3
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import time
from pathlib import Path
from typing import Any

from generator import contexts, pipeline, urls
from generator.config import Settings
from generator.model import Briefing, Extraction, Published
from generator.people import resolve_people
from generator.people.actors import resolve_actors
from generator.resolve import _newest_first
from generator.stories import related_briefings

from . import corpus
from .warm import replaced

WORK = corpus.ROOT / ".cache" / "bench" / "people-bases"


def bases() -> list[Extraction | None]:
    """The real extraction of each base text (None where it gave none), extracted once and cached."""
    texts = corpus.base_articles()
    folder = WORK / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        path = folder / f"b{i:04d}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    collection = pipeline.process_folder(Settings(seeds=folder, cache=WORK / "cache", processes=1))
    by_id = {e.article.id: e for e in collection.extractions}
    return [by_id.get(f"b{i:04d}") for i in range(len(texts))]


def extractions(n: int, given: list[Extraction | None]) -> list[Extraction]:
    """N extractions: base i mod B renamed as ``corpus.vary`` renames its text for article i."""
    texts, pool = corpus.base_articles(), corpus._name_pool(max(50, n // 3))
    made = []
    for i in range(n):
        base = given[i % len(given)]
        if base is None:
            continue
        rng = random.Random(i)
        mapping = _names(texts[i % len(texts)], rng, pool)
        e = replaced(base, mapping)
        date = f"{rng.randint(2000, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article = dataclasses.replace(e.article, id=f"a{i:05d}", path=f"a{i:05d}.txt")
        made.append(dataclasses.replace(e, article=article, published=Published(date, "front matter")))
    return made


def _names(text: str, rng: random.Random, pool: list[str]) -> dict[str, str]:
    """The full names ``corpus.vary`` gives the person-like pairs of ``text`` (same draws), and their surnames."""
    names: dict[str, str] = {}
    for match in corpus.NAME_PAIR.finditer(text):
        if match[1] in corpus.KEEP or match[2] in corpus.KEEP:
            continue
        names.setdefault(match[0], pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)
                                        if rng.random() < 0.5 else rng.randrange(len(pool))])
    for name, other in list(names.items()):
        names.setdefault(name.split()[-1], other.split()[-1])  # "Ms. Surname" after the full name
    return names


def measure(made: list[Extraction]) -> dict[str, Any]:
    """CPU seconds of each stage on ``made``, and a digest of what people and actors resolve to."""
    ordered = sorted(made, key=_newest_first)
    slugged = [(urls.briefing_slug(e.article.id, e.article.path), e) for e in ordered]
    row: dict[str, Any] = {"articles": len(made)}
    cpu = time.process_time()
    index = resolve_people(slugged)
    row["people"] = time.process_time() - cpu
    slugged = [(slug, dataclasses.replace(e, persons=e.persons + index.confirmed[slug])
                if slug in index.confirmed else e) for slug, e in slugged]
    cpu = time.process_time()
    actors = resolve_actors(slugged, index.slug_for)
    row["actors"] = time.process_time() - cpu
    briefings = tuple(Briefing(slug=slug, extraction=e,
                               speakers={m.name: index.slug_for[(slug, m.name)] for m in e.persons
                                         if (slug, m.name) in index.slug_for})
                      for slug, e in slugged)
    cpu = time.process_time()
    related = related_briefings(briefings, {p.slug: p for p in index.people}, ())
    row["related"] = time.process_time() - cpu
    from generator.model import Corpus
    corpus_ = Corpus(briefings=briefings, people=index.people, merge_candidates=index.candidates,
                     actors=actors.actors, related=related)
    cpu = time.process_time()
    look = contexts.Lookup(corpus_, True)
    for person in corpus_.people:
        contexts.person_page(look, person, urls.person_page(person.slug))
    for actor in corpus_.actors:
        contexts.actor_page(look, actor, urls.actor_page(actor.kind, actor.slug))
    row["contexts"] = time.process_time() - cpu
    row["persons"], row["actors_n"], row["candidates"] = len(index.people), len(actors.actors), len(index.candidates)
    digest = hashlib.sha256()
    for part in (index.people, sorted(index.slug_for.items()), index.candidates, sorted(index.confirmed.items()),
                 actors.actors, sorted(actors.slug_for.items()), sorted(related.items())):
        digest.update(repr(part).encode())
    row["digest"] = digest.hexdigest()[:16]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.people", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10_000])
    parser.add_argument("--repeat", type=int, default=1, help="measure this many times, keep the least CPU time")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the largest size here")
    args = parser.parse_args()
    given = bases()
    print("| articles | people (CPU s) | organisations, places (CPU s) | related (CPU s) | "
          "person and actor page contexts (CPU s) | people | actors | candidates | digest |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n in args.sizes:
        made = extractions(n, given)
        if args.profile and n == max(args.sizes):
            import cProfile
            profiler = cProfile.Profile()
            row = profiler.runcall(measure, made)
            profiler.dump_stats(args.profile)
        else:
            rows = [measure(made) for _ in range(args.repeat)]
            row = {k: min(r[k] for r in rows) if isinstance(rows[0][k], float) else rows[0][k] for k in rows[0]}
        print(f"| {row['articles']:,} | {row['people']:.2f} | {row['actors']:.2f} | {row['related']:.2f} | "
              f"{row['contexts']:.2f} | {row['persons']:,} | {row['actors_n']:,} | {row['candidates']:,} | "
              f"{row['digest']} |", flush=True)


if __name__ == "__main__":
    main()
