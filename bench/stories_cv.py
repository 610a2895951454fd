"""``python -m bench.stories_cv``: how the story weights were chosen, and how well they hold.

A grid over the weights of ``generator/grouping.py``, ``terms.py`` and ``linkage.py`` that
were fitted (``THRESHOLD``, ``RATIO``, ``NAME_BOOST``, ``PLACE_BOOST``, ``LEAD_PENALTY``),
scored on the dev story folders by the scorer's pairwise measure. Each folder is grouped
whole (grouping is unsupervised: it sees no gold), and its articles are cut into 5 folds
by topic (ECB+) or event (BASIL). For each fold, the weights with the best mean F1 over
both folders on the other four folds are scored on the held-out one; the pooled held-out
figures are the cross-validated ones. Needs the extraction cache or spaCy (it runs the
pipeline).

    python -m bench.stories_cv              # the grid, the choice per fold, CV figures
"""
from __future__ import annotations

import argparse
import itertools
import json
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from generator import grouping, linkage, terms
from generator.config import Settings
from generator.pipeline import process_folder

from .corpus import DEV, ROOT

SETS = ("stories_ecb", "stories_basil")
GRID = {"RATIO": (0.45, 0.5, 0.55), "THRESHOLD": (0.1, 0.12, 0.15),
        "NAME_BOOST": (2, 3), "PLACE_BOOST": (1, 1.5, 2), "LEAD_PENALTY": (0.05, 0.1, 0.2)}
FOLDS = 5
Tally = tuple[int, int, int]  # pairs right, pairs predicted, pairs in gold


def load(name: str) -> tuple[list, dict[str, str | None]]:
    """The folder's extractions (through the cache) and each article's gold story."""
    folder = DEV / name
    gold = {p.name.removesuffix(".gold.json"): json.loads(p.read_text(encoding="utf-8")).get("story")
            for p in sorted(folder.glob("*.gold.json"))}
    with tempfile.TemporaryDirectory() as tmp:
        for stem in gold:
            shutil.copy(folder / f"{stem}.txt", Path(tmp) / f"{stem}.txt")
        found = process_folder(Settings(seeds=Path(tmp), processes=1, cache=ROOT / ".cache" / "briefings"))
    return list(found.extractions), gold


def fold_tallies(extractions: list, gold: dict[str, str | None], name: str) -> list[Tally]:
    groups = grouping.group([(e.article.id, e) for e in extractions])
    predicted = {slug: slugs[0] for slugs, _ in groups for slug in slugs}
    key = (lambda i: i.split("_")[0]) if "ecb" in name else (lambda i: gold[i])  # topic (ECB+) or event (BASIL)
    keys = sorted({str(key(e.article.id)) for e in extractions})
    fold_of = {k: n % FOLDS for n, k in enumerate(keys)}
    tallies = []
    for fold in range(FOLDS):
        nodes = [(gold[e.article.id], predicted.get(e.article.id)) for e in extractions
                 if fold_of[str(key(e.article.id))] == fold]
        both = _pairs([(g, p) if g is not None and p is not None else None for g, p in nodes])
        tallies.append((both, _pairs([p for _, p in nodes]), _pairs([g for g, _ in nodes])))
    return tallies


def _pairs(labels: list) -> int:
    return sum(n * (n - 1) // 2 for label, n in Counter(labels).items() if label is not None)


def prf(tallies: list[Tally]) -> tuple[float, float, float]:
    both, predicted, gold = (sum(t[i] for t in tallies) for i in range(3))
    p, r = both / predicted if predicted else 0.0, both / gold if gold else 0.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r) if p + r else 0.0, 3)


def main() -> None:
    argparse.ArgumentParser(prog="python -m bench.stories_cv", description=__doc__).parse_args()
    data = {name: load(name) for name in SETS}
    results = []
    for values in itertools.product(*GRID.values()):
        weights = dict(zip(GRID, values))
        for attribute, value in weights.items():
            reader = next(m for m in (linkage, terms, grouping) if hasattr(m, attribute))
            setattr(reader, attribute, value)
        results.append((weights, {name: fold_tallies(*data[name], name) for name in SETS}))
    held: dict[str, list[Tally]] = {name: [] for name in SETS}
    for fold in range(FOLDS):
        train = [f for f in range(FOLDS) if f != fold]
        weights, tallies = max(results, key=lambda r: _objective(r[1], train))
        print(f"fold {fold}: {weights}")
        for name in SETS:
            held[name].append(tallies[name][fold])
    for name in SETS:
        print(f"{name}: cross-validated P/R/F1 {prf(held[name])}")


def _objective(tallies: dict[str, list[Tally]], folds: list[int]) -> tuple[float, float]:
    scores = [prf([tallies[name][f] for f in folds]) for name in SETS]
    return sum(s[2] for s in scores) / len(scores), min(s[0] for s in scores)  # F1, then precision


if __name__ == "__main__":
    main()
