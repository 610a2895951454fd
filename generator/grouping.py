"""Which reports tell one event: profiles, candidate pairs from an index, average linkage.

1. **Profile** each report once: its words and numbers (lightly stemmed), weighted by
   TF-IDF over the collection and by where they stand (headline, lead, background);
   words of names of people and organisations weigh ``NAME_BOOST`` times more: they are
   what tells two earthquakes or two heists apart; places ``PLACE_BOOST`` times, less, as
   one city sees many events of one kind (``terms.py`` reads and counts them). Also its
   long quotes, the person its lead is about, and *when* it happened: its publication
   day, or else the days it names.
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
4. **Average linkage** over that sparse graph merges groups while their mean similarity
   is high enough and their days stay close (``linkage.py``).

Steps 1 to 3 run on arrays (numpy) over the whole collection: a candidate pair costs a
few array operations, not a Python loop (``bench/README.md``: 10,000 reports). Each
number is computed as the plain rule would (``tests/test_stories.py`` checks the arrays
against it pair by pair).

Not handled: a one-line report that shares fewer than two distinctive words with the
others; in a long posting list, an undated report meets only the ``NEIGHBOURS`` dated
reports before it; dates found in the text only weigh (coverage of one trial can span
months), so two undated near-copies naming days months apart still join.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import chain

import numpy as np
import numpy.typing as npt

from .extract.quotes import quote_key
from .linkage import MAX_SPAN_DAYS, PINNED_SPAN_DAYS, link
from .model import Extraction, Mention
from .partial_date import PartialDate
from .terms import (  # noqa: F401 - BANDS, TITLE_WEIGHT and stem: resolve reads the weights as grouping's
    BANDS,
    TITLE_WEIGHT,
    WHO,
    Floats,
    Ints,
    Rows,
    count,
    name_terms,
    ranges,
    start,
    stem,
    weigh,
    words,
    written_forms,
)

# Weights. LEAD_PENALTY, with terms' NAME_BOOST and PLACE_BOOST and linkage's THRESHOLD and RATIO, was chosen
# on the dev story folders (ECB+, BASIL) by a grid with 5-fold cross-validation by topic: `python -m bench.stories_cv`,
# figures in bench/README.md. The rest are set by reasoning, not fitted.
QUOTE_BONUS = 0.15  # similarity added per shared quotation, at most two
MIN_QUOTE_WORDS = 6  # a shorter shared quotation is a common phrase, not evidence
TIME_BONUS = 0.1  # both reports dated, and within WINDOW_DAYS
TIME_PENALTY = 0.1  # both reports dated from their text, and further apart (coverage of a trial spans months)
LEAD_PARAGRAPHS = 1  # the lead: the title and paragraphs 0 and 1
LEAD_PENALTY = 0.1  # two reports, each led by a person the other's lead does not name

# Time: reports of one event appear within days.
WINDOW_DAYS = 7  # two reports of one event are published (or date it) within this many days

# Scale: candidates come from an index, never from all pairs.
TOP_TERMS = 12  # terms of a report put in the candidate index
MIN_COMMON = 2  # terms two reports must share to be compared at all: one word is a coincidence
MIN_SHARED_TOP = 1  # two reports are compared when they share this many indexed terms (or a quotation)
NEIGHBOURS = 25  # in a long posting list, pair each report with this many after it (time order)
WORDS = 20  # shared words kept per story, to show why it was grouped
TABLE = 1 << 19  # cells of the table the cosines look terms up in: a few megabytes, which stay in the cache


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


@dataclass(frozen=True)
class Pairs:
    """Pairs of profiles (indexes ``a[k] < b[k]``), sorted, with a similarity each once scored."""

    a: Ints
    b: Ints
    sim: Floats

    def __len__(self) -> int:
        return len(self.a)

    def where(self, keep: npt.NDArray[np.bool_]) -> Pairs:
        return Pairs(self.a[keep], self.b[keep], self.sim[keep])


def group(reports: Sequence[tuple[str, Extraction]]) -> list[tuple[list[str], list[str]]]:
    """Groups of two or more slugs that report one event, sorted, each with the distinctive words its reports share."""
    profiles, rows = profile_all(reports)
    scored = similarities(profiles, rows, candidates(profiles, rows))
    text = {slug: e for slug, e in reports}
    groups = [g for g in link(profiles, scored.where(scored.sim > 0)) if len(g) > 1]
    return sorted((sorted(profiles[i].slug for i in g), shared_words(rows, g, [text[profiles[i].slug] for i in g]))
                  for g in groups)


def shared_words(rows: Rows, members: Sequence[int], texts: Sequence[Extraction]) -> list[str]:
    """The terms at least two members share, heaviest first, each in its most common written form."""
    terms, inverse, reports = np.unique(rows.terms[members], return_inverse=True, return_counts=True)
    # the sums run in the members' order, as the weights were given (a term is in a row once at most)
    total = np.bincount(inverse.ravel(), rows.weights[members].ravel())
    shared = (reports > 1) & (terms < rows.vocabulary)  # the padding is no term
    named = zip(words(rows.numbers[terms[shared]]), total[shared].tolist())
    best = [t for t, _ in sorted(named, key=lambda tw: (-round(tw[1], 9), tw[0]))[:WORDS]]
    # the lead is enough to find how a word is written, and much shorter
    return written_forms(best, texts, LEAD_PARAGRAPHS + 1)


# ---- 1. profiles -------------------------------------------------------------


def profile_all(reports: Sequence[tuple[str, Extraction]]) -> tuple[list[Profile], Rows]:
    """Profiles in time order (undated last, then by slug), so that neighbours in a posting list are near in
    time; and their weights as rows of a table."""
    start()
    dated = sorted(((slug, e, _days(e)) for slug, e in reports), key=lambda r: (min(r[2]) if r[2] else math.inf, r[0]))
    names = [name_terms([m for m in (*e.persons, *e.actors) if m.kind in WHO]) for _, e, _ in dated]
    weights, rows = weigh(count([e for _, e, _ in dated], names))
    return [_profile(slug, e, days, w, n) for (slug, e, days), w, n in zip(dated, weights, names)], rows


def _profile(slug: str, e: Extraction, days: frozenset[int], weights: dict[str, float],
             names: frozenset[str]) -> Profile:
    leading = _leading(e)
    return Profile(slug=slug, weights=weights, days=days, published=_day(e.published.value), pinned=_pinned(e),
                   year=_year(e), quotes=_quotes(e), names=names, lead=_lead(leading),
                   leading=name_terms(leading))


def _days(e: Extraction) -> frozenset[int]:
    """The publication day; for a report without one, the full dates it names (in its publication year, if known)."""
    published = _day(e.published.value)
    if published is not None:
        return frozenset({published})
    year = _year(e)
    return frozenset(d.first_day().toordinal() for ref in e.dates
                     if (d := _date(ref.value)) and d.is_day and (year is None or d.year == year))


def _pinned(e: Extraction) -> int | None:
    return _day(e.published.value) if e.published.how == "front matter" else None


@lru_cache(maxsize=4096)
def _date(value: str | None) -> PartialDate | None:
    """The publication date parsed once for its four uses (the same days recur across reports)."""
    return PartialDate.of(value)


def _day(value: str | None) -> int | None:
    day = _date(value)
    return day.first_day().toordinal() if day and day.is_day else None


def _year(e: Extraction) -> int | None:
    """The publication year when known (an estimate is a bound, not a year: it is left out)."""
    published = _date(e.published.value) if e.published.how != "estimate" else None
    return published.year if published else None


def _lead(leading: list[Mention]) -> frozenset[str]:
    """The name of the person named in the lead (title or first paragraphs) and most often; empty when none is."""
    if not leading:
        return frozenset()
    best = max(leading, key=lambda m: (len(m.paragraphs), -min(m.paragraphs), m.name))
    return name_terms([best])


def _leading(e: Extraction) -> list[Mention]:
    return [m for m in e.persons if m.paragraphs and min(m.paragraphs) <= LEAD_PARAGRAPHS]


def _quotes(e: Extraction) -> frozenset[str]:
    keys = (quote_key(q.text) for q in e.quotes)
    return frozenset(k for k in keys if k.count(" ") + 1 >= MIN_QUOTE_WORDS)


# ---- 2. candidates -----------------------------------------------------------


def candidates(profiles: Sequence[Profile], rows: Rows) -> Pairs:
    """Pairs of profiles sharing one of their heaviest terms or a quotation (no similarity yet)."""
    term, row = _postings(profiles, rows)
    order = np.lexsort((row, term))  # posting lists, each in time order
    term, row = term[order], row[order]
    first = np.array([p.published or 0 for p in profiles], np.int64)  # 0: not known
    span = np.array([MAX_SPAN_DAYS if p.pinned is None else PINNED_SPAN_DAYS for p in profiles], np.int64)
    day = first[row]
    # the latest publication day met so far in each posting list (they are in time order): a report
    # stops pairing at the first too late to share a story with it
    offset = np.cumsum(np.concatenate(([False], term[1:] != term[:-1]))) * (int(day.max(initial=0)) + 1)
    latest = np.maximum.accumulate(day + offset) - offset
    quoted = term >= rows.vocabulary
    found, weight = [], []
    for k in range(1, NEIGHBOURS + 1):
        a, b = row[:-k], row[k:]
        near = (term[:-k] == term[k:]) & ((day[:-k] == 0) | (latest[k:] - day[:-k] <= span[a]))
        found.append(a[near] * len(profiles) + b[near])
        weight.append(np.where(quoted[k:][near], MIN_SHARED_TOP, 1))
    keys, which = np.unique(np.concatenate(found), return_inverse=True)
    keys = keys[np.bincount(which, np.concatenate(weight), len(keys)) >= MIN_SHARED_TOP]
    return Pairs(keys // len(profiles), keys % len(profiles), np.zeros(len(keys)))


def _postings(profiles: Sequence[Profile], rows: Rows) -> tuple[Ints, Ints]:
    """(term, row) of each report's ``TOP_TERMS`` heaviest terms that another report has too, and of
    its quotations (numbered after the terms)."""
    known = rows.terms < rows.vocabulary
    shared = known & (np.bincount(rows.terms[known], minlength=rows.vocabulary + 1)[rows.terms] > 1)
    top = shared & (np.cumsum(shared, axis=1) <= TOP_TERMS)  # a term of one report alone pairs nothing
    row, column = np.nonzero(top)
    numbers: dict[str, int] = {}
    quoted = [(rows.vocabulary + numbers.setdefault(key, len(numbers)), i)
              for i, p in enumerate(profiles) for key in sorted(p.quotes)]
    quote_term = np.array([term for term, _ in quoted], np.int64)
    quote_row = np.array([i for _, i in quoted], np.int64)
    return np.concatenate((rows.terms[row, column], quote_term)), np.concatenate((row, quote_row))


# ---- 3. similarity -----------------------------------------------------------


def similarities(profiles: Sequence[Profile], rows: Rows, pairs: Pairs) -> Pairs:
    """Each pair with its similarity: the cosine of the two profiles plus the evidence of quotes and time;
    0 when their years rule it out, when they share one word alone, or only names of people and organisations."""
    a, b = pairs.a, pairs.b
    cosine, common, plain = _overlap(rows, a, b)
    quoted, shared_quotes = _quote_evidence(profiles, a, b)
    # one word in common is a coincidence, a name alone is a person in the news
    linked = ((common >= MIN_COMMON) & (plain > 0)) | quoted
    conflict = _lead_conflict(profiles, a, b)
    sim = (cosine + QUOTE_BONUS * np.minimum(2, shared_quotes) + _time_evidence_all(profiles, a, b)
           - np.where(conflict, LEAD_PENALTY, 0.0))
    return Pairs(a, b, np.where(linked & _compatible(profiles, a, b), sim, 0.0))


def _overlap(rows: Rows, a: Ints, b: Ints) -> tuple[Floats, Ints, Ints]:
    """Per pair: the cosine, the number of terms in common, and of those naming no one in either report.

    Works through the pairs (sorted by ``a``) a block of ``a`` rows at a time: those rows are
    spread on a table (row x term → weight, negated for a name), and each term of each ``b`` row
    is looked up in it."""
    size, columns = len(rows.terms), rows.vocabulary + 1  # the last column: the padding's, always 0
    signed = np.where(rows.names, -rows.weights, rows.weights)
    block = max(1, min(size, TABLE // columns))
    table = np.zeros(block * columns)
    cosine, common, plain = np.zeros(len(a)), np.zeros(len(a), np.int64), np.zeros(len(a), np.int64)
    bounds = np.searchsorted(a, np.arange(0, size + block, block)).tolist()
    for low, first, last in zip(range(0, size, block), bounds, bounds[1:]):
        if first == last:
            continue
        cells = np.arange(min(block, size - low))[:, None] * columns + rows.terms[low:low + block]
        table[cells] = signed[low:low + block]
        theirs = table[(a[first:last] - low)[:, None] * columns + rows.terms[b[first:last]]]
        cosine[first:last] = (np.abs(theirs) * rows.weights[b[first:last]]).sum(axis=1)
        common[first:last] = np.count_nonzero(theirs, axis=1)
        plain[first:last] = np.count_nonzero((theirs > 0) & ~rows.names[b[first:last]], axis=1)
        table[cells] = 0.0
    return cosine, common, plain


def _quote_evidence(profiles: Sequence[Profile], a: Ints, b: Ints) -> tuple[npt.NDArray[np.bool_], Ints]:
    """Per pair: whether they share a quotation word for word, and how many of ``a``'s they share, whole or cut."""
    quoted = np.array([bool(p.quotes) for p in profiles], np.bool_)
    same, shared = np.zeros(len(a), np.bool_), np.zeros(len(a), np.int64)
    for k in np.flatnonzero(quoted[a] & quoted[b]).tolist():
        qa, qb = profiles[a[k]].quotes, profiles[b[k]].quotes
        same[k], shared[k] = not qa.isdisjoint(qb), _shared_quotes(qa, qb)
    return same, shared


def _lead_conflict(profiles: Sequence[Profile], a: Ints, b: Ints) -> npt.NDArray[np.bool_]:
    """Per pair: each is led by someone the other's lead does not name (two events of one kind)."""
    numbers: dict[str, int] = {}
    leading = np.unique(np.array([i * (1 << 32) + numbers.setdefault(t, len(numbers))
                                  for i, p in enumerate(profiles) for t in p.leading], np.int64))
    lead = [[numbers[t] for t in p.lead if t in numbers] for p in profiles]
    starts = np.concatenate(([0], np.cumsum([len(x) for x in lead]))).astype(np.int64)
    terms = np.fromiter(chain.from_iterable(lead), np.int64, int(starts[-1]))
    has_lead = np.array([bool(p.lead) for p in profiles], np.bool_)

    def named(x: Ints, y: Ints) -> npt.NDArray[np.bool_]:
        """Whether ``y``'s lead names the person leading ``x``."""
        entries, pair = ranges(starts[x], starts[x + 1])
        keys = y[pair] * (1 << 32) + terms[entries]
        at = np.minimum(np.searchsorted(leading, keys), max(0, len(leading) - 1))
        hit = leading[at] == keys if len(leading) else np.zeros(len(keys), np.bool_)
        return np.bincount(pair[hit], minlength=len(x)) > 0

    return has_lead[a] & has_lead[b] & ~named(a, b) & ~named(b, a)


def _time_evidence_all(profiles: Sequence[Profile], a: Ints, b: Ints) -> Floats:
    """Per pair, ``_time_evidence``: one subtraction when both have one day, the rule itself otherwise."""
    count = np.array([len(p.days) for p in profiles], np.int64)
    day = np.array([min(p.days) if p.days else 0 for p in profiles], np.int64)
    near = np.abs(day[a] - day[b]) <= WINDOW_DAYS
    evidence = np.where((count[a] > 0) & (count[b] > 0), np.where(near, TIME_BONUS, -TIME_PENALTY), 0.0)
    for k in np.flatnonzero(((count[a] > 1) & (count[b] > 0)) | ((count[a] > 0) & (count[b] > 1))).tolist():
        evidence[k] = _time_evidence(profiles[a[k]], profiles[b[k]])
    return evidence


def _time_evidence(a: Profile, b: Profile) -> float:
    """``TIME_BONUS`` when both times are known and within the window, ``-TIME_PENALTY`` when known and not."""
    if not (a.days and b.days):
        return 0.0
    gap = min(abs(x - y) for x in a.days for y in b.days)
    return TIME_BONUS if gap <= WINDOW_DAYS else -TIME_PENALTY


def _compatible(profiles: Sequence[Profile], a: Ints, b: Ints) -> npt.NDArray[np.bool_]:
    """Per pair: False when pinned dates are too far apart, or publication years are known and differ
    (and the days do not say otherwise)."""
    pinned = np.array([p.pinned or 0 for p in profiles], np.int64)  # 0: not pinned
    dated = np.array([bool(p.days) for p in profiles], np.bool_)
    year = np.array([p.year if p.year is not None else _year_of(p.days) or 0 for p in profiles], np.int64)
    both_pinned = (pinned[a] > 0) & (pinned[b] > 0)
    same_year = (year[a] == 0) | (year[b] == 0) | (year[a] == year[b])
    return np.where(both_pinned, np.abs(pinned[a] - pinned[b]) <= PINNED_SPAN_DAYS, (dated[a] & dated[b]) | same_year)


def _year_of(days: frozenset[int]) -> int | None:
    return date.fromordinal(min(days)).year if days else None


def _shared_quotes(a: frozenset[str], b: frozenset[str]) -> int:
    """Quotations of ``a`` that ``b`` also has, whole or cut (outlets cut quotations differently)."""
    return sum(1 for key in a if key in b or any(key in other or other in key for other in b))
