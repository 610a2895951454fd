"""``python -m bench.warm N``: a warm extraction cache for the N-article corpus without parsing it.

When parsing N articles takes longer than there is machine time (30,000 articles are
about 11 million words: over an hour on 2 idle cores), the site and serve stages can
still be measured at N: each article of the N corpus gets the real extraction of an
article of a smaller, really extracted corpus (``--donor``, default 1,000) made from the
same base text, with that article's invented people renamed as the N corpus's pool
would name them (Zipf-like, so people recur as in a real collection), and with its own
publication date, path and id. The entries are written under the N corpus's cache keys,
so ``python -m bench --sizes N --only site servedirty`` builds from them as from a real
extraction. The pages then hold the donor's paragraph order and shifted years, not the
N article's: the same amount of text, quotes, dates and actors per article.

    python -m bench --sizes 1000 --only extraction   # the donor, really extracted
    python -m bench.warm 30000                        # then the N corpus and its cache
    python -m bench --sizes 30000 --only site
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import random
import re
from pathlib import Path
from typing import Any

from generator import pipeline
from generator.config import Settings
from generator.model import Extraction, Published

from . import corpus
from .__main__ import WORK
from .stages import PROCESSES

PUBLISHED = re.compile(r"\A---\npublished: (\S+)\n---\n")


def donors(n: int) -> dict[int, list[Extraction]]:
    """The donor corpus's extractions by base text (article i of a corpus is base i mod the number of bases)."""
    folder = WORK / str(n)
    settings = Settings(seeds=folder / "corpus", cache=folder / "cache", processes=PROCESSES)
    bases = len(corpus.base_articles())
    found: dict[int, list[Extraction]] = {}
    for i in range(n):
        path = folder / "corpus" / f"{_name(i)}.txt"
        source = pipeline.Source(path.name, path.read_bytes())
        outcome = pipeline._cache_get(settings.cache, pipeline.cache_key(source, settings))
        if outcome is not None and outcome.extraction is not None:  # an article edited since: the other donors
            found.setdefault(i % bases, []).append(outcome.extraction)
    if len(found) < bases // 2:
        raise SystemExit(f"The donor corpus at {folder} is not extracted: run python -m bench --sizes {n} "
                         "--only extraction first.")
    return found


def warm(n: int, donor: int) -> int:
    """Build the N corpus and write a cache entry for each of its articles; the number written."""
    folder = WORK / str(n)
    corpus.build(n, folder / "corpus")
    settings = Settings(seeds=folder / "corpus", cache=folder / "cache", processes=PROCESSES)
    given, bases = donors(donor), len(corpus.base_articles())
    old_pool, new_pool = corpus._name_pool(max(50, donor // 3)), corpus._name_pool(max(50, n // 3))
    written = 0
    for i in range(n):
        path = folder / "corpus" / f"{_name(i)}.txt"
        source = pipeline.Source(path.name, path.read_bytes())
        choices = given.get(i % bases)
        if not choices:
            continue  # a base the donor could not read: extracted for real if ever built
        rng = random.Random(i)
        extraction = _renamed(choices[(i // bases) % len(choices)], old_pool, new_pool, rng)
        extraction = _as(extraction, source, PUBLISHED.match(source.data.decode("utf-8")))
        pipeline._cache_put(settings.cache, pipeline.cache_key(source, settings),
                            pipeline.Outcome(extraction))
        written += 1
    return written


def _renamed(extraction: Extraction, old: list[str], new: list[str], rng: random.Random) -> Extraction:
    """Every invented name of the donor pool in ``extraction`` (full or surname alone) swapped for one of ``new``."""
    text = repr(extraction)
    mapping: dict[str, str] = {}
    for name in old:
        if name in text and name not in mapping:
            mapping[name] = new[min(int(rng.paretovariate(1.2)) - 1, len(new) - 1)
                                if rng.random() < 0.5 else rng.randrange(len(new))]
    for name, other in list(mapping.items()):
        mapping.setdefault(name.split()[-1], other.split()[-1])  # "Ms. Surname" after the full name
    return replaced(extraction, mapping)


def replaced(extraction: Extraction, mapping: dict[str, str]) -> Extraction:
    """``extraction`` with every whole-word occurrence of a key of ``mapping`` in its text fields replaced."""
    if not mapping:
        return extraction
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, mapping), key=len, reverse=True)) + r")\b")
    return _mapped(extraction, lambda s: pattern.sub(lambda m: mapping[m[0]], s))


def _mapped(value: Any, change: Any) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_mapped(v, change) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _mapped(getattr(value, f.name), change)
                                            for f in dataclasses.fields(value) if f.init})
    return value


def _as(extraction: Extraction, source: pipeline.Source, published: re.Match[str] | None) -> Extraction:
    """The extraction as if of ``source``: its path, id and front-matter publication date."""
    article = dataclasses.replace(extraction.article, id=Path(source.rel).stem, path=source.rel,
                                  front=dataclasses.replace(extraction.article.front,
                                                            published=published[1] if published else None))
    date = Published(published[1], "front matter") if published else extraction.published
    return dataclasses.replace(extraction, article=article, published=date)


def _name(i: int) -> str:
    return hashlib.sha1(str(i).encode()).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.warm", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--donor", type=int, default=1000, help="the really extracted corpus to take from")
    args = parser.parse_args()
    for n in args.sizes:
        print(f"N={n}: {warm(n, args.donor):,} cache entries written", flush=True)


if __name__ == "__main__":
    main()
