"""Average linkage: which groups of reports merge into one story (step 4 of ``grouping.py``).

Over the sparse graph of scored candidate pairs (a missing pair counts 0), the two groups
with the highest mean similarity merge while it is at least ``THRESHOLD`` and at least
``RATIO`` of the mean within the looser group (two tight groups that only resemble each
other are two events of one kind), and the publication days of the merged group span at
most ``MAX_SPAN_DAYS`` (``PINNED_SPAN_DAYS`` for front-matter dates; days a report only
names never bound it: a film's release or a trial's verdict named in the text can lie a
year past the news itself). Averaging, unlike single linkage, keeps one shared topic word
from chaining events together.

Linkage stays a loop over merges, as a merge changes what the next one is.
"""
from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # grouping imports this module: its types are only named here
    from .grouping import Pairs, Profile

# THRESHOLD and RATIO were fitted with grouping's weights (see there); the spans are set by reasoning.
THRESHOLD = 0.12  # mean similarity at which two groups merge ...
RATIO = 0.5  # ... if it is also at least this share of the mean within the looser of the two
PINNED_SPAN_DAYS = 14  # a story's first and last dates pinned in front matter are at most this far apart
MAX_SPAN_DAYS = 365  # ... and its first and last publication days (found in the text) at most this far


def link(profiles: Sequence[Profile], edges: Pairs) -> list[list[int]]:
    """Groups of profile indexes, by average linkage over the sparse similarity graph (pairs of positive similarity).

    The strongest pair comes first from the edges sorted once, or from a heap of the means
    that merges recompute; an entry whose groups have grown since is stale and skipped. A
    group's id is its first report's index; a merged-away group keeps no sums, so that
    ``sums[a].get(b)`` alone says whether both groups still stand and touch."""
    members: list[list[int]] = [[i] for i in range(len(profiles))]
    sizes = [1] * len(profiles)  # group → its number of reports (len(members[g]), at hand)
    inner = [0.0] * len(profiles)  # group → sum of the similarities of its pairs
    # a story's span counts publication days only: a day a report names may be a premiere or a trial months off
    days: list[Span] = [(p.published, p.published) if p.published is not None else None for p in profiles]
    pinned: list[Span] = [(p.pinned, p.pinned) if p.pinned is not None else None for p in profiles]
    sums = _adjacency(len(profiles), edges)
    strong = edges.where(edges.sim >= THRESHOLD)
    order = np.lexsort((strong.b, strong.a, -strong.sim))
    queue = list(zip((-strong.sim[order]).tolist(), strong.a[order].tolist(), strong.b[order].tolist()))
    queue.append((math.inf, 0, 0))  # past the last edge: the heap's entries all come first
    heap: list[Entry] = []
    at = 0
    while at < len(queue) - 1 or heap:  # the smallest entry of the sorted queue and of the heap
        if heap and heap[0] < queue[at]:
            neg, a, b = heapq.heappop(heap)
        else:
            neg, a, b = queue[at]
            at += 1
        total = sums[a].get(b)
        if total is None:
            continue  # one of the groups is merged away
        size_a, size_b = sizes[a], sizes[b]
        mean = total / (size_a * size_b)
        if abs(mean + neg) > 1e-12:
            continue  # a stale entry: the groups have grown since
        if not (_spans(days[a], days[b], MAX_SPAN_DAYS) and _spans(pinned[a], pinned[b], PINNED_SPAN_DAYS)):
            continue
        if mean < RATIO * min(_cohesion(inner[a], size_a), _cohesion(inner[b], size_b)):
            continue  # each group is much tighter than the two together: two events of one kind
        inner[a] += inner[b] + total
        days[a], pinned[a] = _union(days[a], days[b]), _union(pinned[a], pinned[b])
        members[a] += members[b]
        members[b] = []
        sizes[a] = size = size_a + size_b
        _merge(a, b, sums)
        _push(a, sums[a], size, sizes, heap)
    return sorted(m for m in members if m)


Entry = tuple[float, int, int]  # (minus the mean similarity, group, other group), the smallest first


def _adjacency(size: int, edges: Pairs) -> list[dict[int, float]]:
    """Each profile's neighbours → similarity (in no particular order: a sum never depends on it)."""
    source, target = np.concatenate((edges.a, edges.b)), np.concatenate((edges.b, edges.a))
    order = np.argsort(source, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(source, minlength=size)))).tolist()
    targets, sims = target[order].tolist(), np.concatenate((edges.sim, edges.sim))[order].tolist()
    return [dict(zip(targets[s:e], sims[s:e])) for s, e in pairwise(bounds)]


def _cohesion(total: float, size: int) -> float:
    """The mean similarity of a group's pairs; a lone report is as tight as anything (it sets no bar)."""
    return total / (size * (size - 1) / 2) if size > 1 else 0.0


Span = tuple[int, int] | None  # a group's first and last day


def _spans(x: Span, y: Span, limit: int) -> bool:
    return x is None or y is None or max(x[1], y[1]) - min(x[0], y[0]) <= limit


def _union(x: Span, y: Span) -> Span:
    return (min(x[0], y[0]), max(x[1], y[1])) if x and y else x or y


def _merge(a: int, b: int, sums: list[dict[int, float]]) -> None:
    """Fold group ``b``'s similarity sums into ``a``'s, on both sides of each pair."""
    mine, theirs = sums[a], sums[b]
    del mine[b], theirs[a]
    for c, sim in theirs.items():
        other = sums[c]
        del other[b]
        mine[c] = other[a] = mine.get(c, 0.0) + sim
    sums[b] = {}


def _push(a: int, mine: dict[int, float], size: int, sizes: list[int], heap: list[Entry]) -> None:
    """Push group ``a``'s mean similarity with each neighbour, where it is at least ``THRESHOLD``."""
    push = heapq.heappush
    for c, total in mine.items():
        if (mean := total / (size * sizes[c])) >= THRESHOLD:
            push(heap, (-mean, a, c) if a < c else (-mean, c, a))
