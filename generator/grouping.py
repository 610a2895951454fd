"""Which reports tell one event: profiles, candidate pairs from an index, average linkage.

1. **Profile** each report once: its words and numbers (lightly stemmed), weighted by
   TF-IDF over the collection and by where they stand (headline, lead, background);
   words of names of people and organisations weigh ``NAME_BOOST`` times more: they are
   what tells two earthquakes or two heists apart; places ``PLACE_BOOST`` times, less, as
   one city sees many events of one kind. Also its long quotes, the
   person its lead is about, and *when* it happened: its publication day, or else the
   days it names.
2. **Candidates** come from an inverted index of each report's ``TOP_TERMS`` heaviest
   terms (and its quotes): two reports are compared only when they share one. A report
   pairs only with the ``NEIGHBOURS`` after it in a posting list (time order) and stops
   at the first too late to share a story, so the work grows with the collection, not
   with its square.
3. **Similarity** of a candidate pair is the cosine of the two profiles, plus
   ``QUOTE_BONUS`` per shared quotation, ``TIME_BONUS`` when both are known to fall
   within ``WINDOW_DAYS`` (``-TIME_PENALTY`` when known and further apart), and
   ``-LEAD_PENALTY`` when each is led by a person the other's lead does not name (two
   drink-driving arrests of two players of one team). Never compared: reports sharing
   one word or only names of people and organisations (a person in the news is not an event), reports whose
   front-matter dates lie more than ``PINNED_SPAN_DAYS`` apart, or whose publication
   years differ (a year alone is evidence against, never for).
4. **Average linkage** over that sparse graph (a missing pair counts 0): the two
   groups with the highest mean similarity merge while it is at least ``THRESHOLD``
   and at least ``RATIO`` of the mean within the looser group (two tight groups that
   only resemble each other are two events of one kind), and the publication days of
   the merged group span at most ``MAX_SPAN_DAYS`` (``PINNED_SPAN_DAYS`` for front-matter
   dates; days a report only names never bound it: a film's release or a trial's
   verdict named in the text can lie a year past the news itself). Averaging,
   unlike single linkage, keeps one shared topic word from chaining events together.

Not handled: a one-line report that shares fewer than two distinctive words with the
others; in a long posting list, an undated report meets only the ``NEIGHBOURS`` dated
reports before it; dates found in the text only weigh (coverage of one trial can span
months), so two undated near-copies naming days months apart still join.
"""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from operator import itemgetter

from .extract.quotes import quote_key
from .model import Extraction, Mention
from .partial_date import PartialDate
from .patterns.stories import STOP_WORDS, SUFFIXES, TOKEN

# Weights. THRESHOLD, RATIO, NAME_BOOST, PLACE_BOOST and LEAD_PENALTY were chosen on the dev story folders
# (ECB+, BASIL) by a grid with 5-fold cross-validation by topic: `python -m bench.stories_cv`,
# figures in bench/README.md. The rest are set by reasoning, not fitted.
NAME_BOOST = 3  # weight of a term that is part of the name of a person or organisation the extraction found
# ... and of a place or country: less, since one city or country hosts many events of one kind
# (two jewel heists in Paris), while a name still tells two earthquakes apart
PLACE_BOOST = 2
# How much a word counts by where it is, in UNITs: the headline says what the event is, the lead
# what happened, the rest background (about 1 / (1 + 0.2 n) for paragraph n, in whole numbers).
UNIT = 4
TITLE_WEIGHT = 8
BANDS = ((0, 3, 4), (3, 6, 3), (6, 12, 2), (12, None, 1))  # (first paragraph, end, weight)
PROFILE_TERMS = 60  # terms of a report kept for the cosine
QUOTE_BONUS = 0.15  # similarity added per shared quotation, at most two
MIN_QUOTE_WORDS = 6  # a shorter shared quotation is a common phrase, not evidence
TIME_BONUS = 0.1  # both reports dated, and within WINDOW_DAYS
TIME_PENALTY = 0.1  # both reports dated from their text, and further apart (coverage of a trial spans months)
LEAD_PARAGRAPHS = 1  # the lead: the title and paragraphs 0 and 1
LEAD_PENALTY = 0.1  # two reports, each led by a person the other's lead does not name
THRESHOLD = 0.12  # mean similarity at which two groups merge ...
RATIO = 0.5  # ... if it is also at least this share of the mean within the looser of the two

# Time: reports of one event appear within days.
WINDOW_DAYS = 7  # two reports of one event are published (or date it) within this many days
PINNED_SPAN_DAYS = 14  # a story's first and last dates pinned in front matter are at most this far apart
MAX_SPAN_DAYS = 365  # ... and its first and last publication days (found in the text) at most this far

# Scale: candidates come from an index, never from all pairs.
TOP_TERMS = 12  # terms of a report put in the candidate index
MIN_COMMON = 2  # terms two reports must share to be compared at all: one word is a coincidence
MIN_SHARED_TOP = 1  # two reports are compared when they share this many indexed terms (or a quotation)
NEIGHBOURS = 25  # in a long posting list, pair each report with this many after it (time order)
WORDS = 20  # shared words kept per story, to show why it was grouped


@dataclass(frozen=True)
class Profile:
    """What grouping knows of one report, computed once."""

    slug: str
    weights: dict[str, float]  # term → TF-IDF weight, unit length
    days: frozenset[int]  # day numbers the event falls on: the publication day, or the days the text names
    published: int | None  # the publication day, when known (from the front matter or the text)
    pinned: int | None  # the publication day when the user pinned it (front matter): authoritative
    year: int | None  # the publication year when only that is known
    quotes: frozenset[str]  # quote keys of at least MIN_QUOTE_WORDS words
    names: frozenset[str]  # the terms that are part of names of people and organisations (not places)
    lead: frozenset[str]  # the terms of the name of the person the report is mostly about, if one leads it
    leading: frozenset[str]  # the terms of the names of every person named in the lead


def group(reports: Sequence[tuple[str, Extraction]]) -> list[tuple[list[str], list[str]]]:
    """Groups of two or more slugs that report one event, sorted, each with the distinctive words its reports share."""
    profiles = profile_all(reports)
    edges = {pair: sim for pair in candidates(profiles)
             if (sim := similarity(profiles[pair[0]], profiles[pair[1]])) > 0}
    text = {slug: e for slug, e in reports}
    groups = [[profiles[i] for i in g] for g in link(profiles, edges) if len(g) > 1]
    return sorted((sorted(p.slug for p in g), shared_words(g, [text[p.slug] for p in g])) for g in groups)


def shared_words(members: Sequence[Profile], texts: Sequence[Extraction]) -> list[str]:
    """The terms at least two members share, heaviest first, each in its most common written form."""
    reports = Counter(t for p in members for t in p.weights)
    weight = Counter({t: sum(p.weights.get(t, 0.0) for p in members) for t, n in reports.items() if n > 1})
    best = sorted(weight, key=lambda t: (-round(weight[t], 9), t))[:WORDS]
    wanted = set(best)
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for e in texts:  # the lead is enough to find how a word is written, and much shorter
        for token in TOKEN.findall(" ".join((e.article.title, *e.article.body[:LEAD_PARAGRAPHS + 1]))):
            if (term := _known(token)) in wanted:
                forms[term][token.replace("’", "'").removesuffix("'s")] += 1
    return [max(forms[t].items(), key=lambda kv: (kv[1], kv[0]))[0] if forms[t] else t for t in best]


# ---- 1. profiles -------------------------------------------------------------


def profile_all(reports: Sequence[tuple[str, Extraction]]) -> list[Profile]:
    """Profiles in time order (undated last, then by slug), so that neighbours in a posting list are near in time."""
    counted = [(slug, e, *_term_counts(e)) for slug, e in reports]
    df = Counter(t for _, _, counts, _ in counted for t in counts)
    idf = {t: math.log((1 + len(counted)) / n) for t, n in df.items()}
    profiles = [_profile(slug, e, _weights(counts, idf), names) for slug, e, counts, names in counted]
    return sorted(profiles, key=lambda p: (min(p.days) if p.days else math.inf, p.slug))


def _profile(slug: str, e: Extraction, weights: dict[str, float], names: frozenset[str]) -> Profile:
    leading = _leading(e)
    return Profile(slug=slug, weights=weights, days=_days(e), published=_day(e.published.value), pinned=_pinned(e),
                   year=_year(e), quotes=_quotes(e), names=names, lead=_lead(leading),
                   leading=frozenset(_terms(_forms(leading))))


WHO = frozenset({"person", "org"})  # kinds of mention whose names say who: the rest are places and countries


def _term_counts(e: Extraction) -> tuple[Counter[str], frozenset[str]]:
    """Terms with their counts, and which are parts of names of people and organisations (they count
    ``NAME_BOOST`` times; places count ``PLACE_BOOST`` times but are not returned: two reports sharing
    only a place and a person are more than a person in the news).

    A term counts less the further down the report it is: the lead says what happened."""
    names = frozenset(_terms(_forms([m for m in (*e.persons, *e.actors) if m.kind in WHO])))
    places = frozenset(_terms(_forms([m for m in e.actors if m.kind not in WHO]))) - names
    counts = Counter(_terms(e.article.title) * TITLE_WEIGHT)  # whole-number weights: Counter counts in C
    body = e.article.body
    for start, stop, weight in BANDS:
        if start < len(body):
            counts.update(_terms("\n".join(body[start:stop])) * weight)
    for t in names & counts.keys():
        counts[t] *= NAME_BOOST
    for t in places & counts.keys():
        counts[t] = round(counts[t] * PLACE_BOOST)  # whole numbers, as above
    return counts, names


def _forms(mentions: Sequence[Mention]) -> str:
    """Every form of the mentions' names, one a line."""
    return "\n".join(form for m in mentions for form in (m.name, *m.aliases))


def _terms(text: str) -> list[str]:
    tokens = TOKEN.findall(text)
    found = list(map(_TERM_OF.get, tokens))
    if None in found:
        found = [_known(token) for token in tokens]
    return [t for t in found if t]


def _known(token: str) -> str:
    term = _TERM_OF.get(token)
    if term is None:
        term = _term(token)
        if len(_TERM_OF) < MAX_KNOWN:
            _TERM_OF[token] = term
    return term


_TERM_OF: dict[str, str] = {}  # token as written → term ("" for none): the vocabulary is small, the tokens many
MAX_KNOWN = 1_000_000


def _term(token: str) -> str:
    token = token.casefold().replace("’", "'").removesuffix("'s")
    if token in STOP_WORDS or len(token) < (3 if token.isalpha() else 2):
        return ""
    return stem(token)


def stem(word: str) -> str:
    """A light suffix stripper ("robbers" and "robbed" → "robb"): enough to match one word's forms across reports."""
    for suffix, keep, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            return word[:-len(suffix)] + replacement
    return word


def _weights(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear term frequency times inverse document frequency, scaled to unit length.

    A term in every report weighs nothing; one in a single report weighs most but
    can pair nothing, which is why it lowers every cosine of a long, rambling report.
    Only the ``PROFILE_TERMS`` heaviest are kept (the norm counts them all): the rest
    adds little to a cosine and most of its cost."""
    raw = {t: _tf(n) * idf[t] for t, n in counts.items()}
    norm = math.hypot(*raw.values()) or 1.0
    kept = heapq.nlargest(PROFILE_TERMS, raw.items(), key=itemgetter(1))  # ties: the first in the text
    return {t: w / norm for t, w in kept if w > 0}  # heaviest first


@lru_cache(maxsize=4096)
def _tf(count: float) -> float:
    """Sublinear: the tenth mention of a word says less than the second."""
    n = count / UNIT
    return 1 + math.log(n) if n > 1 else n


def _days(e: Extraction) -> frozenset[int]:
    """The publication day; for a report without one, the full dates it names (in its publication year, if known)."""
    published = _day(e.published.value)
    if published is not None:
        return frozenset({published})
    year = _year(e)
    return frozenset(d.first_day().toordinal() for ref in e.dates
                     if (d := PartialDate.of(ref.value)) and d.is_day and (year is None or d.year == year))


def _pinned(e: Extraction) -> int | None:
    return _day(e.published.value) if e.published.how == "front matter" else None


def _day(value: str | None) -> int | None:
    day = PartialDate.of(value)
    return day.first_day().toordinal() if day and day.is_day else None


def _year(e: Extraction) -> int | None:
    """The publication year when known (an estimate is a bound, not a year: it is left out)."""
    published = PartialDate.of(e.published.value) if e.published.how != "estimate" else None
    return published.year if published else None


def _lead(leading: list[Mention]) -> frozenset[str]:
    """The name of the person named in the lead (title or first paragraphs) and most often; empty when none is."""
    if not leading:
        return frozenset()
    best = max(leading, key=lambda m: (len(m.paragraphs), -min(m.paragraphs), m.name))
    return frozenset(_terms(_forms([best])))


def _leading(e: Extraction) -> list[Mention]:
    return [m for m in e.persons if m.paragraphs and min(m.paragraphs) <= LEAD_PARAGRAPHS]


def _quotes(e: Extraction) -> frozenset[str]:
    keys = (quote_key(q.text) for q in e.quotes)
    return frozenset(k for k in keys if k.count(" ") + 1 >= MIN_QUOTE_WORDS)


# ---- 2. candidates -----------------------------------------------------------


def candidates(profiles: Sequence[Profile]) -> set[tuple[int, int]]:
    """Pairs (i < j) of profiles sharing one of their heaviest terms or a quotation."""
    df = Counter(t for p in profiles for t in p.weights)
    postings: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):  # in time order, so every posting list is too
        shared = (t for t in p.weights if df[t] > 1)  # a term of one report alone pairs nothing
        for term in islice(shared, TOP_TERMS):  # the weights are heaviest first
            postings[term].append(i)
        for key in sorted(p.quotes):
            postings["\0" + key].append(i)
    first, pinned = [p.published for p in profiles], [p.pinned for p in profiles]
    found: Counter[tuple[int, int]] = Counter()
    for term, posting in postings.items():
        weight = MIN_SHARED_TOP if term.startswith("\0") else 1  # one shared quotation is enough
        for pair in _near_pairs(posting, first, pinned):
            found[pair] += weight
    return {pair for pair, n in found.items() if n >= MIN_SHARED_TOP}


def _near_pairs(posting: list[int], first: list[int | None], pinned: list[int | None]) -> Iterable[tuple[int, int]]:
    """Pairs of a posting list, each report with its next ``NEIGHBOURS``, stopping at the first
    published too late to share a story with it (the list is in time order); ``first`` is each
    report's publication day, ``pinned`` its day pinned in front matter."""
    for n, a in enumerate(posting):
        day, span = first[a], MAX_SPAN_DAYS if pinned[a] is None else PINNED_SPAN_DAYS
        for b in posting[n + 1:n + 1 + NEIGHBOURS]:
            if day is not None and first[b] is not None and first[b] - day > span:  # type: ignore[operator]
                break
            yield a, b


# ---- 3. similarity -----------------------------------------------------------


def similarity(a: Profile, b: Profile) -> float:
    """Cosine of the two profiles plus the evidence of quotes and time; 0 when their years rule it out."""
    if not compatible(a, b):
        return 0.0
    wa, wb = a.weights, b.weights
    common = wa.keys() & wb.keys()  # the intersection runs in C
    na, nb = a.names, b.names
    if (len(common) < MIN_COMMON or all(t in na or t in nb for t in common)) and not a.quotes & b.quotes:
        return 0.0  # one word in common is a coincidence, a name alone is a person in the news
    cosine = sum(wa[t] * wb[t] for t in common)
    # each led by someone the other's lead does not name: two events of one kind
    conflict = bool(a.lead and b.lead and not a.lead & b.leading and not b.lead & a.leading)
    return (cosine + QUOTE_BONUS * min(2, _shared_quotes(a.quotes, b.quotes)) + _time_evidence(a, b)
            - (LEAD_PENALTY if conflict else 0.0))


def _time_evidence(a: Profile, b: Profile) -> float:
    """``TIME_BONUS`` when both times are known and within the window, ``-TIME_PENALTY`` when known and not."""
    if not (a.days and b.days):
        return 0.0
    gap = min(abs(x - y) for x in a.days for y in b.days)
    return TIME_BONUS if gap <= WINDOW_DAYS else -TIME_PENALTY


def compatible(a: Profile, b: Profile) -> bool:
    """False when pinned dates are too far apart, or publication years are known and differ
    (and the days do not say otherwise)."""
    if a.pinned is not None and b.pinned is not None:
        return abs(a.pinned - b.pinned) <= PINNED_SPAN_DAYS
    if a.days and b.days:
        return True
    ya = a.year if a.year is not None else _year_of(a.days)
    yb = b.year if b.year is not None else _year_of(b.days)
    return ya is None or yb is None or ya == yb


def _year_of(days: frozenset[int]) -> int | None:
    return date.fromordinal(min(days)).year if days else None


def _shared_quotes(a: frozenset[str], b: frozenset[str]) -> int:
    """Quotations of ``a`` that ``b`` also has, whole or cut (outlets cut quotations differently)."""
    return sum(1 for key in a if key in b or any(key in other or other in key for other in b))


# ---- 4. average linkage ------------------------------------------------------


def link(profiles: Sequence[Profile], edges: dict[tuple[int, int], float]) -> list[list[int]]:
    """Groups of profile indexes, by average linkage over the sparse similarity graph."""
    members = {i: [i] for i in range(len(profiles))}
    inner = dict.fromkeys(members, 0.0)  # group → sum of the similarities of its pairs
    # a story's span counts publication days only: a day a report names may be a premiere or a trial months off
    days = {i: (p.published, p.published) if p.published is not None else None for i, p in enumerate(profiles)}
    pinned = {i: (p.pinned, p.pinned) if p.pinned is not None else None for i, p in enumerate(profiles)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), sim in edges.items():
        sums[a][b] = sums[b][a] = sim
    heap = [(-sim, a, b) for (a, b), sim in edges.items() if sim >= THRESHOLD]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or sums[a].get(b) is None:
            continue
        mean = sums[a][b] / (len(members[a]) * len(members[b]))
        if abs(mean + neg) > 1e-12:
            continue  # a stale entry: the groups have grown since
        if not (_spans(days[a], days[b], MAX_SPAN_DAYS) and _spans(pinned[a], pinned[b], PINNED_SPAN_DAYS)):
            continue
        if mean < RATIO * min(_cohesion(inner[a], len(members[a])), _cohesion(inner[b], len(members[b]))):
            continue  # each group is much tighter than the two together: two events of one kind
        inner[a] += inner.pop(b) + sums[a][b]
        days[a], pinned[a] = _union(days[a], days.pop(b)), _union(pinned[a], pinned.pop(b))
        _merge(a, b, members, sums, heap)
    return sorted(members.values())


def _cohesion(total: float, size: int) -> float:
    """The mean similarity of a group's pairs; a lone report is as tight as anything (it sets no bar)."""
    return total / (size * (size - 1) / 2) if size > 1 else 0.0


Span = tuple[int, int] | None  # a group's first and last day


def _spans(x: Span, y: Span, limit: int) -> bool:
    return x is None or y is None or max(x[1], y[1]) - min(x[0], y[0]) <= limit


def _union(x: Span, y: Span) -> Span:
    return (min(x[0], y[0]), max(x[1], y[1])) if x and y else x or y


def _merge(a: int, b: int, members: dict[int, list[int]], sums: dict[int, dict[int, float]],
           heap: list[tuple[float, int, int]]) -> None:
    """Fold group ``b`` into ``a`` and push ``a``'s new mean similarity to each neighbour."""
    members[a] += members.pop(b)
    for c, sim in sums.pop(b).items():
        del sums[c][b]
        if c != a:
            sums[a][c] = sums[c][a] = sums[a].get(c, 0.0) + sim
    sums[a].pop(a, None)
    for c, total in sums[a].items():
        mean = total / (len(members[a]) * len(members[c]))
        if mean >= THRESHOLD:
            heapq.heappush(heap, (-mean, min(a, c), max(a, c)))
