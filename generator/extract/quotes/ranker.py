"""The last resort for a quotation no cue attributes: rank the persons named nearby.

Candidates are the persons (and lone PERSON entities) named within ``BACK`` paragraphs
before the quotation's paragraph or in the one after it. Each (quotation, candidate)
pair gets the features of ``FEATURES`` below: distances to the nearest mentions, whether
the candidate is a clause subject (of a reporting verb) nearby, how salient it is in the
article, whether the neighbouring quotations were given to it. A logistic regression
fitted on ``train/polnear`` (``train.py`` beside this file) weighs them; its coefficients
live in ``ranker.json`` (plain JSON, no pickle). The best-scoring candidate speaks, with
a confidence below ``report.LOW_CONFIDENCE``: the site shows it as unsure.

Not handled: pronoun mentions (a "he said" is left to the cue rules), speakers that
are organisations, candidates named only further away than ``BACK`` paragraphs.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from ...patterns import quotes as P
from .speakers import Speakers

BACK = 3  # paragraphs before the quotation's own where a candidate may be named
FAR = 2000  # token distance standing for "not named on that side"
CONFIDENCE_CAP = 0.45  # a ranked speaker stays below report.LOW_CONFIDENCE


@dataclass(frozen=True)
class Named:
    """One mention of a candidate: where, and in which role."""

    at: int  # token index of the name's last word
    paragraph: int
    name: str
    subject: bool  # a clause subject
    reporting: bool  # the subject of a reporting verb
    quoted: bool  # inside a quotation (someone named, rarely the one speaking)
    sentence: int  # token index where the mention's sentence starts


@dataclass(frozen=True)
class Spot:
    """The quotation being attributed, as the ranker sees it."""

    first: int
    last: int
    paragraph: int
    opens_paragraph: bool
    previous: str | None  # speaker of the quotation before, in this paragraph or the one before
    following: str | None  # speaker of the quotation after, in this paragraph or the one after
    sentences: frozenset[int] = frozenset()  # starts of the sentences the quotation is part of


FEATURES = (
    "bias",
    "log_dist_before",  # tokens from the nearest mention before the quotation (FAR if none)
    "log_dist_after",  # tokens to the nearest mention after it
    "same_paragraph_before",
    "same_paragraph_after",
    "paragraph_gap",  # paragraphs since the last mention (BACK + 1 if none before)
    "nearest",  # the candidate named nearest the quotation
    "subject_here",  # a clause subject in the quotation's paragraph
    "reporting_here",  # the subject of a reporting verb in the quotation's paragraph
    "subject_before",  # a clause subject in the paragraph before
    "last_subject",  # the last person named as a clause subject before the quotation
    "log_mentions",  # salience: mentions in the whole article
    "most_mentioned",
    "previous_speaker",
    "following_speaker",
    "named_in_quote",  # named inside this very quotation
    "unknown",  # not among the article's persons (a PERSON entity only)
    "opens_x_subject_before",  # a paragraph-opening quotation after a paragraph about the candidate
    "same_sentence",  # named in a sentence the quotation is part of
    "subject_same_sentence",  # a clause subject there
)


class Mentions:
    """Every person named in one article, by token, built once per article."""

    def __init__(self, doc: Doc, speakers: Speakers, sentence_starts: list[int]) -> None:
        self.found: list[Named] = []
        self.starts = sentence_starts
        seen: set[int] = set()
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            last = ent[-1]
            name = speakers.match(ent.text, speakers.para_of[last.i])
            if name is None and not any(t.text in speakers.not_person_words for t in ent):
                name = _as_written(ent.text)  # a person the article's list missed
            if name:
                self.found.append(_named(last, name, speakers, self.sentence(last.i)))
                seen.add(last.i)
        for i, name in speakers.events:  # subjects NER did not label as persons
            if i not in seen:
                self.found.append(_named(doc[i], name, speakers, self.sentence(i)))
        self.found.sort(key=lambda n: n.at)
        self.known = {p.name for p in speakers.persons}
        self.counts = Counter(n.name for n in self.found)
        self.of: dict[str, list[Named]] = {}
        for n in self.found:
            self.of.setdefault(n.name, []).append(n)

    def sentence(self, i: int) -> int:
        """Where the sentence holding token ``i`` starts."""
        return self.starts[max(0, bisect_right(self.starts, i) - 1)] if self.starts else 0

    def candidates(self, paragraph: int) -> list[str]:
        """Names mentioned from ``BACK`` paragraphs before ``paragraph`` to the one after, sorted."""
        return sorted({n.name for n in self.found if paragraph - BACK <= n.paragraph <= paragraph + 1})


def _named(token: Token, name: str, speakers: Speakers, sentence: int) -> Named:
    head = token.head
    subject = token.dep_ in P.SUBJECT_DEPS
    reporting = subject and head.lemma_.casefold() in P.REPORTING_VERBS
    return Named(token.i, speakers.para_of[token.i], name, subject, reporting, speakers.in_quote[token.i],
                 sentence)


def _as_written(text: str) -> str | None:
    words = [w for w in text.removesuffix("’s").removesuffix("'s").split() if w.casefold().rstrip(".") not in P.TITLES]
    return " ".join(words) if words and words[0][:1].isupper() else None


def features(spot: Spot, name: str, mentions: Mentions, nearest: str | None, last_subject: str | None) -> list[float]:
    """The values of ``FEATURES`` for one (quotation, candidate) pair."""
    own = mentions.of.get(name, [])
    outside = [n for n in own if not spot.first <= n.at <= spot.last]
    before = [spot.first - n.at for n in outside if n.at < spot.first]
    after = [n.at - spot.last for n in outside if n.at > spot.last]
    here = [n for n in outside if n.paragraph == spot.paragraph]
    earlier = [spot.paragraph - n.paragraph for n in outside if n.paragraph <= spot.paragraph]
    subject_before = any(n.subject and n.paragraph == spot.paragraph - 1 for n in outside)
    top = max(mentions.counts.values(), default=0)
    sentence = [n for n in outside if n.sentence in spot.sentences]
    return [
        1.0,
        math.log1p(min(before, default=FAR)),
        math.log1p(min(after, default=FAR)),
        float(any(n.at < spot.first for n in here)),
        float(any(n.at > spot.last for n in here)),
        float(min(earlier, default=BACK + 1)),
        float(name == nearest),
        float(any(n.subject for n in here)),
        float(any(n.reporting for n in here)),
        float(subject_before),
        float(name == last_subject),
        math.log1p(mentions.counts[name]),
        float(mentions.counts[name] == top),
        float(name == spot.previous),
        float(name == spot.following),
        float(any(spot.first <= n.at <= spot.last for n in own)),
        float(name not in mentions.known),
        float(spot.opens_paragraph and subject_before),
        float(bool(sentence)),
        float(any(n.subject for n in sentence)),
    ]


def table(spot: Spot, mentions: Mentions) -> tuple[list[str], list[list[float]]]:
    """Candidates of one quotation and their feature rows, in the same order."""
    names = mentions.candidates(spot.paragraph)
    outside = [n for n in mentions.found if not spot.first <= n.at <= spot.last]
    distance = {n.name: min(abs(n.at - spot.first), abs(n.at - spot.last)) for n in reversed(outside)}
    for n in outside:
        distance[n.name] = min(distance[n.name], abs(n.at - spot.first), abs(n.at - spot.last))
    nearest = min((name for name in names if name in distance), key=lambda name: (distance[name], name), default=None)
    subjects = [n for n in outside if n.subject and n.at < spot.first]
    last_subject = subjects[-1].name if subjects else None
    return names, [features(spot, name, mentions, nearest, last_subject) for name in names]


@lru_cache(maxsize=1)
def weights() -> tuple[float, ...]:
    """The fitted coefficients, in the order of ``FEATURES`` (checked by name)."""
    data = json.loads(resources.files(__package__).joinpath("ranker.json").read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise RuntimeError("ranker.json does not match ranker.FEATURES: retrain it with "
                           "'python -m generator.extract.quotes.train'")
    return tuple(data["coefficients"])


def best(spot: Spot, mentions: Mentions, unfit: set[str] = set()) -> tuple[str, float] | None:  # noqa: B006 - never mutated
    """The likeliest speaker among the candidates not ``unfit`` and its confidence, or None without any."""
    names, rows = table(spot, mentions)
    rows = [row for name, row in zip(names, rows) if name not in unfit]
    names = [name for name in names if name not in unfit]
    if not names:
        return None
    w = weights()
    scores = [sum(a * b for a, b in zip(w, row)) for row in rows]
    top = max(scores)
    shares = [math.exp(s - top) for s in scores]
    k = scores.index(top)
    return names[k], CONFIDENCE_CAP * shares[k] / sum(shares)
