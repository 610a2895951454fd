"""``python -m bench.stories``: how long grouping N reports into stories takes.

Grouping runs in the resolve stage over the whole collection, after extraction; this
times it alone, on N synthetic extractions made without spaCy from the benchmark
corpus (``bench/corpus.py``: seed and dev articles with other names, shifted years
and a publication date between 2000 and 2025). Person mentions are the corpus's
person-like name pairs. ``--undated`` drops the dates, so that only the text keeps
the ~N/145 variants of each base article apart from the rest (they are near-copies,
so they group together: the worst case for the candidate index). Wall time counts
what other processes take from this one; CPU time does not. A measurement, not a test.

    python -m bench.stories                    # N = 10,000
    python -m bench.stories --sizes 1000 10000 --undated
    python -m bench.stories --digest           # ... and a digest of the stories, to check a change groups the same
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import time

from generator import collector
from generator.model import (
    Article,
    Briefing,
    Extraction,
    FrontMatter,
    Mention,
    Published,
)
from generator.stories import group_stories

from .corpus import NAME_PAIR, _name_pool, base_articles, vary

PUBLISHED = re.compile(r"\A---\npublished: (\S+)\n---\n")


def extractions(n: int, undated: bool = False) -> list[Extraction]:
    """N extractions from the benchmark corpus's texts, deterministic for a given N."""
    bases, pool = base_articles(), _name_pool(max(50, n // 3))
    found = []
    for i in range(n):
        text = vary(bases[i % len(bases)], random.Random(i), pool)
        match = PUBLISHED.match(text)
        paragraphs = [p.strip() for p in text[match.end() if match else 0:].split("\n") if p.strip()]
        found.append(_extraction(f"a{i:05d}", paragraphs, None if undated or not match else match[1]))
    return found


def _extraction(id_: str, paragraphs: list[str], published: str | None) -> Extraction:
    title, body = (paragraphs or [""])[0], tuple(paragraphs[1:])
    where: dict[str, list[int]] = {}
    for n, paragraph in enumerate(body):
        for match in NAME_PAIR.finditer(paragraph):
            where.setdefault(match[0], []).append(n)
    persons = tuple(Mention(name, "person", paragraphs=tuple(sorted(set(ns)))) for name, ns in sorted(where.items()))
    article = Article(id=id_, path=f"{id_}.txt", title=title, title_made=False, body=body, front=FrontMatter())
    return Extraction(article=article, published=Published(published, "front matter" if published else "unknown"),
                      persons=persons)


def measure(n: int, undated: bool) -> dict[str, float | str]:
    made = extractions(n, undated)
    briefings = [Briefing(slug=e.article.id, extraction=e) for e in made]
    start, cpu = time.perf_counter(), time.process_time()
    with collector.paused():  # as the build's resolve stage runs it (site.build_site)
        stories = group_stories(briefings)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    grouped = sum(len(s.briefings) for s in stories)
    return {"articles": n, "seconds": round(seconds, 2), "cpu": round(cpu, 2), "stories": len(stories),
            "grouped": grouped, "digest": hashlib.sha256(repr(stories).encode()).hexdigest()[:16]}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.stories", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    parser.add_argument("--undated", action="store_true", help="drop every publication date")
    parser.add_argument("--digest", action="store_true", help="print a digest of each size's stories after the table")
    args = parser.parse_args()
    digests = []
    print("| articles | dated | seconds | CPU seconds | stories | articles in a story |")
    print("|---:|---|---:|---:|---:|---:|")
    for n in args.sizes:
        row = measure(n, args.undated)
        dated = "no" if args.undated else "yes"
        print(f"| {n:,} | {dated} | {row['seconds']} | {row['cpu']} | {row['stories']:,} | {row['grouped']:,} |")
        digests.append(f"{n:,} {'dated' if dated == 'yes' else 'undated'}: stories {row['digest']}")
    if args.digest:
        print("\n".join(digests))


if __name__ == "__main__":
    main()
