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
4. **Average linkage** over that sparse graph merges groups while their mean similarity
   is high enough and their days stay close (``linkage.py``).

Steps 1 to 3 run on arrays (numpy) over the whole collection: a candidate pair costs a
few array operations, not a Python loop (``bench/README.md``: 10,000 reports). Texts are
read by chunks of bytes, not token by token (``_numbers_fast``), and counted on arrays.
Each number is computed as the plain rule would (``tests/test_stories.py`` checks the
arrays against it pair by pair, and the chunks against the regular expression).

Not handled: a one-line report that shares fewer than two distinctive words with the
others; in a long posting list, an undated report meets only the ``NEIGHBOURS`` dated
reports before it; dates found in the text only weigh (coverage of one trial can span
months), so two undated near-copies naming days months apart still join.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import chain, compress, pairwise

import numpy as np
import numpy.typing as npt

from .extract.quotes import quote_key
from .linkage import MAX_SPAN_DAYS, PINNED_SPAN_DAYS, link
from .model import Extraction, Mention
from .partial_date import PartialDate
from .patterns.stories import JOINERS, STOP_WORDS, SUFFIXES, TOKEN

# Weights. NAME_BOOST, PLACE_BOOST and LEAD_PENALTY (with linkage's THRESHOLD and RATIO) were chosen
# on the dev story folders (ECB+, BASIL) by a grid with 5-fold cross-validation by topic: `python -m bench.stories_cv`,
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

# Time: reports of one event appear within days.
WINDOW_DAYS = 7  # two reports of one event are published (or date it) within this many days

# Scale: candidates come from an index, never from all pairs.
TOP_TERMS = 12  # terms of a report put in the candidate index
MIN_COMMON = 2  # terms two reports must share to be compared at all: one word is a coincidence
MIN_SHARED_TOP = 1  # two reports are compared when they share this many indexed terms (or a quotation)
NEIGHBOURS = 25  # in a long posting list, pair each report with this many after it (time order)
WORDS = 20  # shared words kept per story, to show why it was grouped
TABLE = 1 << 19  # cells of the table the cosines look terms up in: a few megabytes, which stay in the cache
COUNT_TABLE = 1 << 21  # cells of the tables that count each report's terms (report x term)

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


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
    named = zip(map(_TERMS.__getitem__, rows.numbers[terms[shared]].tolist()), total[shared].tolist())
    best = [t for t, _ in sorted(named, key=lambda tw: (-round(tw[1], 9), tw[0]))[:WORDS]]
    wanted = {_NUMBER[t] for t in best}
    chunks = wanted.union(range(-len(_SPLIT), 0))  # chunks of several terms are read again, whatever they hold
    seen: Counter[bytes] = Counter()
    for e in texts:  # the lead is enough to find how a word is written, and much shorter
        lead = " ".join((e.article.title, *e.article.body[:LEAD_PARAGRAPHS + 1]))
        found = lead.encode("utf-8", "surrogatepass").translate(_SPACES).split()
        seen.update(compress(found, map(chunks.__contains__, map(_CHUNK.__getitem__, found))))  # filtered in C
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for chunk, count in seen.items():  # each chunk read once, however many reports write it
        tokens = TOKEN.findall(chunk.decode("utf-8", "surrogatepass"))
        for token, n in zip(tokens, _numbers_of(tokens)):
            if n in wanted:
                forms[_TERMS[n]][token.replace("’", "'").removesuffix("'s")] += count
    return [max(forms[t].items(), key=lambda kv: (kv[1], kv[0]))[0] if forms[t] else t for t in best]


# ---- 1. profiles -------------------------------------------------------------


def profile_all(reports: Sequence[tuple[str, Extraction]]) -> tuple[list[Profile], Rows]:
    """Profiles in time order (undated last, then by slug), so that neighbours in a posting list are near in
    time; and their weights as rows of a table."""
    if len(_TERMS) > MAX_KNOWN or len(_SPLIT) > MAX_KNOWN // 10:  # no number is in use between two calls
        _forget()
    dated = sorted(((slug, e, _days(e)) for slug, e in reports), key=lambda r: (min(r[2]) if r[2] else math.inf, r[0]))
    names = [_name_terms([m for m in (*e.persons, *e.actors) if m.kind in WHO]) for _, e, _ in dated]
    weights, rows = _weights(_count([e for _, e, _ in dated], names))
    return [_profile(slug, e, days, w, n) for (slug, e, days), w, n in zip(dated, weights, names)], rows


def _profile(slug: str, e: Extraction, days: frozenset[int], weights: dict[str, float],
             names: frozenset[str]) -> Profile:
    leading = _leading(e)
    return Profile(slug=slug, weights=weights, days=days, published=_day(e.published.value), pinned=_pinned(e),
                   year=_year(e), quotes=_quotes(e), names=names, lead=_lead(leading),
                   leading=_name_terms(leading))


WHO = frozenset({"person", "org"})  # kinds of mention whose names say who: the rest are places and countries


@dataclass(frozen=True)
class Counts:
    """Every report's terms with their counts: report after report, each report's terms in the order they first
    appear (title, then body), by number (``_TERMS[n]``)."""

    terms: Ints
    counts: Floats  # whole numbers
    sizes: Ints  # terms per report
    names: npt.NDArray[np.bool_]  # the term is part of a name of a person or organisation in that report


def _count(reports: Sequence[Extraction], names: Sequence[frozenset[str]]) -> Counts:
    """Each report's terms, counted where they stand: a term counts less the further down the report it is
    (the lead says what happened, ``BANDS``), and ``NAME_BOOST`` times more in a name of a person or
    organisation, ``PLACE_BOOST`` times in a place's (two reports sharing only a place and a person are more
    than a person in the news, so places are not among the ``names``).

    Reading is the costly part: the texts are cut into terms by ``_numbers_fast``, and the counting runs
    on arrays over the whole collection."""
    places = _places(reports, names)  # before ``size``: reading names can learn terms
    found: list[int] = []
    lengths = []  # terms per part: the title and each band of every report
    for e in reports:
        body = e.article.body
        for text in (e.article.title, *("\n".join(body[start:stop]) for start, stop, _ in BANDS)):
            before = len(found)
            found += filter(None, _numbers_fast(text))  # 0: a token that is no term
            lengths.append(len(found) - before)
    weight = np.repeat(np.tile([TITLE_WEIGHT, *(w for *_, w in BANDS)], len(reports)), lengths)
    report = np.repeat(np.repeat(np.arange(len(reports)), 1 + len(BANDS)), lengths)
    term, weight, report = _spread(np.array(found, np.int64), weight, report)
    size = len(_TERMS)
    keys, counts, marks = _tally(report * size + term, weight, _keys(names, size), _keys(places, size),
                                 len(reports), size)
    named, placed = marks == 1, marks == 2
    counts = np.where(named, counts * NAME_BOOST, np.where(placed, np.round(counts * PLACE_BOOST), counts))
    return Counts(keys % size, counts, np.bincount(keys // size, minlength=len(reports)), named)


def _tally(keys: Ints, weight: Ints, names: Ints, places: Ints, reports: int, size: int) -> tuple[Ints, Floats, Ints]:
    """The distinct ``keys`` (``report * size + term``, by report) in the order they first appear, their weights
    summed (whole numbers), and whether each is a name (1), a place (2) or neither (0).

    Works a block of reports at a time on a table of ``COUNT_TABLE`` cells (report in the block x term): each
    key's cell gets the position where it first appears (written backwards, so the first write wins), which
    both finds the first ones and numbers the bins its weights go to. Nothing is sorted."""
    block = max(1, COUNT_TABLE // size)
    first, mark = np.zeros(block * size, np.int64), np.zeros(block * size, np.int8)
    cuts = np.arange(0, reports + block, block) * size  # each block's first key
    names, places = np.sort(names), np.sort(places)
    # ``keys`` are by report, not sorted within one: still, "key < cut" flips once along them
    bounds, name_bounds, place_bounds = (np.searchsorted(k, cuts).tolist() for k in (keys, names, places))
    found, sums, marks = [], [], []
    for n, (start, end) in enumerate(pairwise(bounds)):
        if start == end:
            continue
        low = n * block * size
        local, at = keys[start:end] - low, np.arange(end - start)
        first[local[::-1]] = at[::-1]
        bins = first[local]
        once = bins == at
        mark[names[name_bounds[n]:name_bounds[n + 1]] - low] = 1
        mark[places[place_bounds[n]:place_bounds[n + 1]] - low] = 2
        found.append(keys[start:end][once])
        sums.append(np.bincount(bins, weight[start:end], end - start)[once])
        marks.append(mark[local[once]])
        mark[names[name_bounds[n]:name_bounds[n + 1]] - low] = 0
        mark[places[place_bounds[n]:place_bounds[n + 1]] - low] = 0
    if not found:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0, np.int8)
    return np.concatenate(found), np.concatenate(sums), np.concatenate(marks)


def _spread(term: Ints, weight: Ints, report: Ints) -> tuple[Ints, Ints, Ints]:
    """The terms again, with each chunk of several terms (``-1 - k``) spread into its terms ``_SPLIT[k]``."""
    chunks = np.flatnonzero(term < 0)
    if not len(chunks):
        return term, weight, report
    parts = [_SPLIT[-1 - n] for n in term[chunks].tolist()]
    repeat = np.ones(len(term), np.int64)
    repeat[chunks] = [len(p) for p in parts]
    at = np.cumsum(repeat) - repeat
    spread = np.repeat(term, repeat)
    spread[_ranges(at[chunks], at[chunks] + repeat[chunks])[0]] = list(chain.from_iterable(parts))
    return spread, np.repeat(weight, repeat), np.repeat(report, repeat)


def _places(reports: Sequence[Extraction], names: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    return [_name_terms([m for m in e.actors if m.kind not in WHO]) - who for e, who in zip(reports, names)]


def _keys(terms: Sequence[frozenset[str]], size: int) -> Ints:
    """(report, term) as one number each: ``report * size + term``."""
    return np.fromiter((r * size + _NUMBER[t] for r, ts in enumerate(terms) for t in ts), np.int64)


def _name_terms(mentions: Sequence[Mention]) -> frozenset[str]:
    """The terms of every form of the mentions' names (the same names recur across reports: each is read once)."""
    forms = [m.name for m in mentions]
    forms += chain.from_iterable(m.aliases for m in mentions)
    return frozenset(chain.from_iterable(map(_terms_of_name, forms)))


@lru_cache(maxsize=65536)
def _terms_of_name(form: str) -> tuple[str, ...]:
    return tuple(_terms(form))


def _terms(text: str) -> list[str]:
    return list(map(_TERMS.__getitem__, _numbers(text)))


def _numbers(text: str) -> list[int]:
    """The number of each term of the text, in order (tokens that are no term left out)."""
    return list(filter(None, _numbers_of(TOKEN.findall(text))))


def _numbers_of(tokens: list[str]) -> list[int]:
    """The number of each token's term (0 for none), looked up in C; each new token is learnt once."""
    found = list(map(_TERM_OF.get, tokens))
    if None in found:
        new = set(tokens).difference(_TERM_OF)
        if len(_TERM_OF) + len(new) > MAX_KNOWN:
            _TERM_OF.clear()
            new = set(tokens)
        for token in new:
            term = _term(token)
            if (number := _NUMBER.get(term)) is None:
                number = _NUMBER[term] = len(_TERMS)
                _TERMS.append(term)
            _TERM_OF[token] = number
        found = list(map(_TERM_OF.get, tokens))
    return found  # type: ignore[return-value]  # every token is known now


# Tokens and terms met so far: the vocabulary is small, the tokens many. Terms go by number, so
# that counting and the arrays of step 1 work on numbers.
_TERM_OF: dict[str, int] = {}  # token as written → the number of its term (0: none)
_TERMS: list[str] = [""]  # number → term
_NUMBER: dict[str, int] = {"": 0}  # term → number
MAX_KNOWN = 1_000_000  # tokens (and terms) remembered; past it the memory starts over


def _numbers_fast(text: str) -> Iterator[int]:
    """What ``_numbers_of(TOKEN.findall(text))`` gives, zeros aside, at a fifth of the cost: the regular
    expression scans every character, while here the ASCII characters that end a token (spaces, most
    punctuation) become spaces in one C pass over the UTF-8 bytes, and each run left between them, a
    *chunk* ("Moscow," or "U.S."), is looked up whole. A new chunk is read by the regular expression
    once. A chunk of several terms ("well-known" is two) stands for them as ``-1 - k`` (``_SPLIT[k]``)."""
    return map(_CHUNK.__getitem__, text.encode("utf-8", "surrogatepass").translate(_SPACES).split())


class _Chunks(dict[bytes, int]):
    """Chunk → the number of its one term (0 for none), or ``-1 - k`` for its terms ``_SPLIT[k]``."""

    def __missing__(self, chunk: bytes) -> int:
        if len(self) >= MAX_KNOWN:
            self.clear()
        numbers = list(filter(None, _numbers_of(TOKEN.findall(chunk.decode("utf-8", "surrogatepass")))))
        if len(numbers) > 1:
            _SPLIT.append(tuple(numbers))
        number = self[chunk] = -len(_SPLIT) if len(numbers) > 1 else numbers[0] if numbers else 0
        return number


# Bytes that end a token: ASCII, and neither a word character nor a joiner. Other bytes are those of
# non-ASCII characters (UTF-8): they stay in the chunk, which the regular expression reads once.
_SPACES = bytes(b if b >= 0x80 or chr(b) in JOINERS or re.fullmatch(r"\w", chr(b)) else ord(" ") for b in range(256))
_CHUNK = _Chunks()
_SPLIT: list[tuple[int, ...]] = []  # the terms of chunks of more than one


def _forget() -> None:
    """Start the memory of tokens, chunks and terms over (between two calls, when no number is in use)."""
    _TERM_OF.clear()
    _CHUNK.clear()
    _SPLIT.clear()
    del _TERMS[1:]
    _NUMBER.clear()
    _NUMBER[""] = 0
    _terms_of_name.cache_clear()


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


def _weights(counted: Counts) -> tuple[list[dict[str, float]], Rows]:
    """Each report's sublinear term frequency times inverse document frequency, scaled to unit length.

    A term in every report weighs nothing; one in a single report weighs most but
    can pair nothing, which is why it lowers every cosine of a long, rambling report.
    Only the ``PROFILE_TERMS`` heaviest are kept (the norm counts them all; ties: the
    first in the text), heaviest first: the rest adds little to a cosine and most of
    its cost. Computed on arrays over all reports; each number is the one Python's
    ``math`` gives term by term (``log`` and ``hypot`` are called as such)."""
    terms, counts, sizes = counted.terms, counted.counts, counted.sizes
    reports = len(sizes)
    df = np.bincount(terms)
    idf = np.zeros(len(df))
    idf[df > 0] = [math.log((1 + reports) / n) for n in df[df > 0].tolist()]
    raw = _each(_tf, counts.astype(np.int64)) * idf[terms]  # the counts are whole numbers
    starts = np.concatenate(([0], np.cumsum(sizes)))
    flat = raw.tolist()
    norms = np.array([math.hypot(*flat[s:e]) or 1.0 for s, e in pairwise(starts.tolist())])
    row = np.repeat(np.arange(reports), sizes)
    order = np.lexsort((-raw, row))  # by report, heaviest first; the sort is stable: ties, the first in the text
    rank = np.arange(len(order)) - starts[row[order]]
    kept = order[(rank < PROFILE_TERMS) & (raw[order] > 0)]
    scaled = (raw / norms[row])[kept]
    words, values = list(map(_TERMS.__getitem__, terms[kept].tolist())), scaled.tolist()
    bounds = np.searchsorted(row[kept], np.arange(reports + 1)).tolist()
    weights = [dict(zip(words[s:e], values[s:e])) for s, e in pairwise(bounds)]
    return weights, Rows.of(row[kept], terms[kept], scaled, counted.names[kept], reports)


def _each(function: Callable[[float], float], values: Ints) -> Floats:
    """``function`` of each value (whole numbers, few of them distinct), called once per distinct value: found
    by counting when the values are small, as counts are, else by sorting."""
    if len(values) and values.max() < 1 << 20:
        distinct = np.flatnonzero(np.bincount(values))
        table = np.zeros(int(distinct[-1]) + 1)
        table[distinct] = [function(float(v)) for v in distinct.tolist()]
        return table[values]
    distinct, inverse = np.unique(values, return_inverse=True)
    return np.array([function(float(v)) for v in distinct.tolist()], np.float64)[inverse]


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
    return _name_terms([best])


def _leading(e: Extraction) -> list[Mention]:
    return [m for m in e.persons if m.paragraphs and min(m.paragraphs) <= LEAD_PARAGRAPHS]


def _quotes(e: Extraction) -> frozenset[str]:
    keys = (quote_key(q.text) for q in e.quotes)
    return frozenset(k for k in keys if k.count(" ") + 1 >= MIN_QUOTE_WORDS)


@dataclass(frozen=True)
class Rows:
    """The profiles' weights as a table, for the work on arrays: row ``i``, column ``k`` is profile ``i``'s
    ``k``-th heaviest term (numbered among the terms some row keeps); the columns past its last term hold
    the number ``vocabulary`` and weight 0."""

    terms: Ints
    weights: Floats
    names: npt.NDArray[np.bool_]  # the term is part of the name of a person or organisation in that report
    vocabulary: int
    numbers: Ints  # a term's number here → its own (``_TERMS[n]``)

    @classmethod
    def of(cls, row: Ints, terms: Ints, weights: Floats, names: npt.NDArray[np.bool_], size: int) -> Rows:
        """The table of ``size`` rows from its entries, row by row and in each heaviest first."""
        kept = np.bincount(terms) > 0  # only the terms kept in some row, numbered anew in their order
        numbers, terms = np.flatnonzero(kept), (np.cumsum(kept) - 1)[terms]
        sizes = np.bincount(row, minlength=size)
        at = (row, np.arange(len(row)) - (np.cumsum(sizes) - sizes)[row])
        shape = (size, int(sizes.max(initial=1)))
        table = cls(np.full(shape, len(numbers)), np.zeros(shape), np.zeros(shape, np.bool_), len(numbers), numbers)
        table.terms[at], table.weights[at], table.names[at] = terms, weights, names
        return table


def _ranges(starts: Ints, stops: Ints) -> tuple[Ints, Ints]:
    """The indexes ``starts[k]`` to ``stops[k]`` one after another, and the ``k`` each came from."""
    sizes = stops - starts
    which = np.repeat(np.arange(len(starts)), sizes)
    offsets = np.cumsum(sizes) - sizes
    return np.arange(int(sizes.sum())) - offsets[which] + starts[which], which


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
        entries, pair = _ranges(starts[x], starts[x + 1])
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
