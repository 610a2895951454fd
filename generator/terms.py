"""Step 1 of grouping (``grouping.py``): each report's terms, counted where they stand and weighted.

A term is a word or number, lightly stemmed (``stem``), known by a number (``_TERMS[n]``) so that
the counting works on arrays. Words of names of people and organisations weigh ``NAME_BOOST``
times more, places ``PLACE_BOOST`` times; a word counts less the further down the report it is
(``BANDS``). Texts are read by chunks of bytes, not token by token (``_numbers_fast``), and
counted on tables a block of reports at a time (``_tally``); the weights are TF-IDF over the
collection, scaled to unit length, the ``PROFILE_TERMS`` heaviest kept (``weigh``). Each
number is the one the plain rule gives (``tests/test_stories.py``).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, compress, pairwise

import numpy as np
import numpy.typing as npt

from .model import Extraction, Mention
from .patterns.stories import JOINERS, STOP_WORDS, SUFFIXES, TOKEN

# NAME_BOOST and PLACE_BOOST were chosen with grouping's LEAD_PENALTY and linkage's THRESHOLD and RATIO
# (see grouping); the rest are set by reasoning, not fitted.
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
COUNT_TABLE = 1 << 21  # cells of the tables that count each report's terms (report x term)

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def start() -> None:
    """Before a collection is read: start the memory of tokens and terms over if it is full (no number is in
    use between two collections)."""
    if len(_TERMS) > MAX_KNOWN or len(_SPLIT) > MAX_KNOWN // 10:
        _forget()


def words(numbers: Ints) -> list[str]:
    """The terms of these numbers."""
    return list(map(_TERMS.__getitem__, numbers.tolist()))


def written_forms(terms: Sequence[str], texts: Sequence[Extraction], paragraphs: int) -> list[str]:
    """Each term in its most common written form in the texts' titles and first ``paragraphs`` paragraphs
    (ties: the last in code point order); the term itself when they never write it."""
    wanted = {_NUMBER[t] for t in terms}
    chunks = wanted.union(range(-len(_SPLIT), 0))  # chunks of several terms are read again, whatever they hold
    seen: Counter[bytes] = Counter()
    for e in texts:
        lead = " ".join((e.article.title, *e.article.body[:paragraphs]))
        found = lead.encode("utf-8", "surrogatepass").translate(_SPACES).split()
        seen.update(compress(found, map(chunks.__contains__, map(_CHUNK.__getitem__, found))))  # filtered in C
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for chunk, count in seen.items():  # each chunk read once, however many texts write it
        tokens = TOKEN.findall(chunk.decode("utf-8", "surrogatepass"))
        for token, n in zip(tokens, _numbers_of(tokens)):
            if n in wanted:
                forms[_TERMS[n]][token.replace("’", "'").removesuffix("'s")] += count
    return [max(forms[t].items(), key=lambda kv: (kv[1], kv[0]))[0] if forms[t] else t for t in terms]


WHO = frozenset({"person", "org"})  # kinds of mention whose names say who: the rest are places and countries


@dataclass(frozen=True)
class Counts:
    """Every report's terms with their counts: report after report, each report's terms in the order they first
    appear (title, then body), by number (``_TERMS[n]``)."""

    terms: Ints
    counts: Floats  # whole numbers
    sizes: Ints  # terms per report
    names: npt.NDArray[np.bool_]  # the term is part of a name of a person or organisation in that report


def count(reports: Sequence[Extraction], names: Sequence[frozenset[str]]) -> Counts:
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
    term, spread = _spread(np.array(found, np.int64), np.array(lengths, np.int64))
    size = len(_TERMS)
    weight = np.repeat(np.tile([TITLE_WEIGHT, *(w for *_, w in BANDS)], len(reports)), spread)
    start = np.repeat(np.repeat(np.arange(len(reports)) * size, 1 + len(BANDS)), spread)  # report * size
    keys, counts, marks = _tally(start + term, weight, _keys(names, size), _keys(places, size), len(reports), size)
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


def _spread(term: Ints, lengths: Ints) -> tuple[Ints, Ints]:
    """The terms again, with each chunk of several terms (``-1 - k``) spread into its terms ``_SPLIT[k]``; and
    the new lengths of the parts the terms come in (``lengths``, one after another)."""
    chunks = np.flatnonzero(term < 0)
    if not len(chunks):
        return term, lengths
    parts = [_SPLIT[-1 - n] for n in term[chunks].tolist()]
    repeat = np.ones(len(term), np.int64)
    repeat[chunks] = [len(p) for p in parts]
    at = np.cumsum(repeat) - repeat
    spread = np.repeat(term, repeat)
    spread[ranges(at[chunks], at[chunks] + repeat[chunks])[0]] = list(chain.from_iterable(parts))
    ends = np.concatenate(([0], np.cumsum(repeat)))[np.cumsum(np.concatenate(([0], lengths)))]
    return spread, np.diff(ends)


def _places(reports: Sequence[Extraction], names: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    return [name_terms([m for m in e.actors if m.kind not in WHO]) - who for e, who in zip(reports, names)]


def _keys(terms: Sequence[frozenset[str]], size: int) -> Ints:
    """(report, term) as one number each: ``report * size + term``."""
    return np.fromiter((r * size + _NUMBER[t] for r, ts in enumerate(terms) for t in ts), np.int64)


def name_terms(mentions: Sequence[Mention]) -> frozenset[str]:
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


def weigh(counted: Counts) -> tuple[list[dict[str, float]], Rows]:
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


def ranges(starts: Ints, stops: Ints) -> tuple[Ints, Ints]:
    """The indexes ``starts[k]`` to ``stops[k]`` one after another, and the ``k`` each came from."""
    sizes = stops - starts
    which = np.repeat(np.arange(len(starts)), sizes)
    offsets = np.cumsum(sizes) - sizes
    return np.arange(int(sizes.sum())) - offsets[which] + starts[which], which
