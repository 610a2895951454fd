"""Fit the speaker ranker (ranker.py) on annotated articles and write ``ranker.json``.

    python -m generator.extract.quotes.train GOLD_DIR [--out FILE] [--folds 5]

GOLD_DIR holds ``<id>.gold.json`` files beside their ``<id>.txt`` inputs (the evaluation
format, e.g. ``train/polnear``). Every annotated quotation the extractor also finds gives
one group: its candidates (ranker.table) labelled 1 when the candidate is the gold
speaker. Only speakers annotated by hand count (``speaker_via`` of ``source-span-*``);
PolNeAR's machine-made ones (coreference, unresolved) are left out. Groups whose gold
speaker is not among the candidates teach nothing and are dropped.

Prints grouped k-fold cross-validation figures (folds by article): the share of groups
whose top candidate is the gold speaker, over all groups and over those the cue rules
leave unattributed (the only ones the ranker decides at run time).
Needs scikit-learn (the ``train`` extra); running the generator does not.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from ... import nlp
from ...clean import clean
from ...config import Settings
from ...model import Article, Mention
from ...read import read_article
from ..people import find_actors
from . import by_rules, ranker, spots

TRUSTED = "source-span-"
WORD = re.compile(r"\w+")
# words a name may carry or lose without being another person's (as the scorer strips them)
NAME_NOISE = frozenset([
    "gen", "general", "lt", "col", "adm", "maj", "capt", "sgt", "mr", "mrs", "ms", "dr", "prof",
    "president", "premier", "prime", "minister", "secretary", "chairman", "chair", "sen",
    "senator", "rep", "gov", "governor", "king", "queen", "prince", "pope", "rev", "sir", "lord",
    "lady", "vice", "deputy", "chancellor", "ambassador", "spokesperson", "spokesman",
    "spokeswoman", "the", "st", "jr", "sr", "ii", "iii", "iv",
])


@dataclass(frozen=True)
class Group:
    """One quotation's candidates: feature rows, labels, and whether the rules left it open."""

    article: str
    rows: list[list[float]]
    labels: list[int]
    open_by_rules: bool


def name_words(name: str) -> list[str]:
    return [w for w in WORD.findall(name.casefold()) if w not in NAME_NOISE]


def same_speaker(candidate: str, gold: str, aliases: list[str]) -> bool:
    """Same last word, and one name's words hold the other's (as the scorer judges)."""
    mine = name_words(candidate)
    for other in (gold, *aliases):
        theirs = name_words(other)
        if mine and theirs and mine[-1] == theirs[-1] and (set(mine) <= set(theirs) or set(theirs) <= set(mine)):
            return True
    return False


def overlap(a: str, b: str) -> float:
    ta, tb = WORD.findall(a.casefold()), WORD.findall(b.casefold())
    common = sum((Counter(ta) & Counter(tb)).values())
    return 2 * common / (len(ta) + len(tb)) if common else 0.0


def groups_of(gold: dict, article: Article, doc: Doc, persons: tuple[Mention, ...]) -> list[Group]:
    """The training groups of one article."""
    parsed, located, found = by_rules(article, doc, persons)
    mentions = ranker.Mentions(parsed.doc, parsed.speakers, [s.start for s in doc.sents])
    result = []
    for quote, attribution, spot in zip(located, found, spots(mentions, located, found)):
        match = max(gold.get("quotes", []), key=lambda g: overlap(g["text"], quote.text), default=None)
        if match is None or overlap(match["text"], quote.text) < 0.8 or not match.get("speaker") \
                or not str(match.get("speaker_via", "")).startswith(TRUSTED):
            continue
        names, rows = ranker.table(spot, mentions)
        labels = [int(same_speaker(n, match["speaker"], match.get("speaker_aliases") or [])) for n in names]
        if any(labels):
            result.append(Group(gold["id"], rows, labels, attribution.who is None))
    return result


def load(gold_dir: Path, model: str) -> list[Group]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.gold.json"))]
    golds = [g for g in golds if (gold_dir / f"{g['id']}.txt").is_file()]
    articles = [clean(read_article(gold_dir / f"{g['id']}.txt", gold_dir)) for g in golds]
    groups: list[Group] = []
    for gold, article, doc in zip(golds, articles, nlp.parse_many(nlp.load(model), articles)):
        groups.extend(groups_of(gold, article, doc, find_actors(article, doc)[0]))
    return groups


def fit(groups: list[Group]) -> Any:  # a fitted sklearn LogisticRegression (no stubs for its types)
    from sklearn.linear_model import LogisticRegression  # training only (the `train` extra)

    rows = [r for g in groups for r in g.rows]
    labels = [y for g in groups for y in g.labels]
    return LogisticRegression(C=1.0, fit_intercept=False, max_iter=2000).fit(rows, labels)


def top_right(model: Any, group: Group) -> bool:
    scores = model.decision_function(group.rows)
    return bool(group.labels[int(max(range(len(scores)), key=lambda i: (scores[i], -i)))])


def cross_validate(groups: list[Group], folds: int) -> dict[str, float]:
    from sklearn.model_selection import GroupKFold

    right, right_open, total_open = 0, 0, 0
    ids = [g.article for g in groups]
    for train, test in GroupKFold(n_splits=folds).split(groups, groups=ids):
        model = fit([groups[i] for i in train])
        for i in test:
            ok = top_right(model, groups[i])
            right += ok
            if groups[i].open_by_rules:
                right_open += ok
                total_open += 1
    return {"groups": len(groups), "top1": round(right / len(groups), 4),
            "open_groups": total_open, "top1_open": round(right_open / max(1, total_open), 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("ranker.json"))
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args()
    groups = load(args.gold_dir, Settings().model)
    report = write(groups, args.out, args.folds, args.gold_dir.name)
    print(json.dumps(report, indent=1))


def write(groups: list[Group], out: Path, folds: int, source: str) -> dict:
    cv = cross_validate(groups, folds)
    model = fit(groups)
    data = {"features": list(ranker.FEATURES),
            "coefficients": [round(float(c), 4) for c in model.coef_[0]],
            "trained_on": source, "cross_validation": cv}
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return data


if __name__ == "__main__":
    main()
