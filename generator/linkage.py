"""Average linkage: which groups of reports merge into one story (step 4 of ``grouping.py``).

Over the sparse graph of scored candidate pairs (a missing pair counts 0), the two groups
with the highest mean similarity merge while it is at least ``THRESHOLD`` and at least
``RATIO`` of the mean within the looser group (two tight groups that only resemble each
other are two events of one kind), and the publication days of the merged group span at
most ``MAX_SPAN_DAYS`` (``PINNED_SPAN_DAYS`` for front-matter dates; days a report only
names never bound it: a film's release or a trial's verdict named in the text can lie a
year past the news itself). Averaging, unlike single linkage, keeps one shared topic word
from chaining events together.

Linkage stays a loop over merges, as a merge changes what the next one is; what a merge
does to a group's hundreds of neighbours runs on arrays (``_Rows``), and the pairs wait in
one sorted batch per group (``_Queue``), dropped whole when the group merges again. The
merges, their order and every sum are those of the plain heap over each pair's mean
(``tests/test_stories.py``).
"""
from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:  # grouping imports this module: its types are only named here
    from .grouping import Floats, Ints, Pairs, Profile

# THRESHOLD and RATIO were fitted with grouping's weights (see there); the spans are set by reasoning.
THRESHOLD = 0.12  # mean similarity at which two groups merge ...
RATIO = 0.5  # ... if it is also at least this share of the mean within the looser of the two
PINNED_SPAN_DAYS = 14  # a story's first and last dates pinned in front matter are at most this far apart
MAX_SPAN_DAYS = 365  # ... and its first and last publication days (found in the text) at most this far


def link(profiles: Sequence[Profile], edges: Pairs) -> list[list[int]]:
    """Groups of profile indexes, by average linkage over the sparse similarity graph (pairs of positive similarity).

    The strongest pair waiting comes first (ties: the lowest indexes); a pair whose groups have
    grown since it was put in line is stale and skipped. A group's id is its first report's index."""
    size = len(profiles)
    members: list[list[int]] = [[i] for i in range(size)]
    sizes = [1] * size  # group → its number of reports (len(members[g]), at hand)
    inner = [0.0] * size  # group → sum of the similarities of its pairs
    # a story's span counts publication days only: a day a report names may be a premiere or a trial months off
    days: list[Span] = [(p.published, p.published) if p.published is not None else None for p in profiles]
    pinned: list[Span] = [(p.pinned, p.pinned) if p.pinned is not None else None for p in profiles]
    rows = _Rows.of(size, edges)
    queue = _Queue.of(size, edges)
    while (entry := queue.pop()) is not None:
        neg, a, b, slot = entry
        total = rows.total.item(slot)
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
        rows.owner[members[b]] = a
        members[a] += members[b]
        members[b] = []
        sizes[a] = size_a + size_b
        queue.merged(a, b, *rows.join(a, b, slot, sizes[a]))
    return sorted(m for m in members if m)


@dataclass
class _Rows:
    """The sums of similarities between groups, and each group's neighbours.

    Each pair of groups that touch has one *slot* holding the sum of its similarities (at
    first, one per edge); a group's row lists its neighbours and their slots. A merge joins
    two rows and leaves the neighbours' rows as they are: their entries are read through
    ``owner`` (the group a report now belongs to; a group's id is a report's index) and a
    dead slot is skipped. Each sum is the two sums before it added, as in a plain loop."""

    owner: Ints  # report → its group
    total: Floats  # slot → the sum of the similarities of its pair
    alive: npt.NDArray[np.bool_]  # slot → its pair still stands (each pair of groups that touch has one)
    counts: Ints  # group → its number of reports
    neighbours: list[Ints]  # group → its neighbours (or groups since merged into them), in its row
    slots: list[Ints]  # group → the slot of each pair in its row

    @classmethod
    def of(cls, size: int, edges: Pairs) -> _Rows:
        source, target = np.concatenate((edges.a, edges.b)), np.concatenate((edges.b, edges.a))
        order = np.argsort(source, kind="stable")
        bounds = np.concatenate(([0], np.cumsum(np.bincount(source, minlength=size)))).tolist()
        target, slot = target[order], np.tile(np.arange(len(edges)), 2)[order]
        return cls(np.arange(size), edges.sim.copy(), np.ones(len(edges), np.bool_), np.ones(size, np.int64),
                   [target[s:e] for s, e in pairwise(bounds)], [slot[s:e] for s, e in pairwise(bounds)])

    def join(self, a: int, b: int, slot: int, size: int) -> tuple[Ints, Ints, Floats]:
        """Merge group ``b`` into ``a`` (pair ``slot``, ``size`` reports now): ``a``'s new neighbours, their
        slots and their mean similarities with ``a``. A neighbour of both keeps ``a``'s slot, with the two sums."""
        self.alive[slot] = False
        self.counts[a] = size
        ids = np.concatenate((self.neighbours[a], self.neighbours[b]))
        slots = np.concatenate((self.slots[a], self.slots[b]))
        live = self.alive[slots]
        ids, slots = self.owner[ids[live]], slots[live]
        order = np.argsort(ids, kind="stable")  # a neighbour of both: a's entry, then b's
        ids, slots = ids[order], slots[order]
        twice = np.flatnonzero(ids[1:] == ids[:-1])
        if len(twice):
            self.total[slots[twice]] += self.total[slots[twice + 1]]
            self.alive[slots[twice + 1]] = False
            once = np.ones(len(ids), np.bool_)
            once[twice + 1] = False
            ids, slots = ids[once], slots[once]
        self.neighbours[a], self.slots[a] = ids, slots
        self.neighbours[b] = self.slots[b] = ids[:0]
        return ids, slots, self.total[slots] / (size * self.counts[ids])


@dataclass
class _Queue:
    """The pairs at least ``THRESHOLD`` waiting to merge, smallest (minus the mean, group, other group) first.

    They wait in batches, each sorted: one per group, its pairs when it formed (a report's: its
    edges). The heap holds each batch's next pair; a batch whose group has merged since is
    dropped whole, as each of its pairs has a newer entry or none. The entries live in four
    flat lists, a batch being a stretch of them."""

    stamp: list[int]  # group → its merges so far
    standing: list[bool]  # group → not merged away
    neg: list[float] = field(default_factory=list)  # entry → minus the mean
    low: list[int] = field(default_factory=list)  # entry → the lower group id
    high: list[int] = field(default_factory=list)  # entry → the higher
    slot: list[int] = field(default_factory=list)  # entry → the slot of its pair
    batches: list[tuple[int, int, int]] = field(default_factory=list)  # batch → (group, its stamp then, end)
    heap: list[tuple[float, int, int, int, int]] = field(default_factory=list)  # (neg, low, high, batch, entry)

    @classmethod
    def of(cls, size: int, edges: Pairs) -> _Queue:
        """Each report's batch: its edges at least ``THRESHOLD``."""
        queue = cls([0] * size, [True] * size)
        strong = np.flatnonzero(edges.sim >= THRESHOLD)
        group = np.concatenate((edges.a[strong], edges.b[strong]))
        other = np.concatenate((edges.b[strong], edges.a[strong]))
        slot, neg = np.tile(strong, 2), np.tile(-edges.sim[strong], 2)
        order = np.lexsort((other, neg, group))  # in a group's batch, the lower pair (low, high) is the lower other
        group, other = group[order], other[order]
        queue.neg, queue.slot = neg[order].tolist(), slot[order].tolist()
        queue.low, queue.high = np.minimum(group, other).tolist(), np.maximum(group, other).tolist()
        starts = np.flatnonzero(np.diff(group, prepend=-1))
        ends = np.append(starts[1:], len(group))
        for g, start, end in zip(group[starts].tolist(), starts.tolist(), ends.tolist()):
            queue.batches.append((g, 0, end))
            queue.heap.append((queue.neg[start], queue.low[start], queue.high[start], len(queue.batches) - 1, start))
        heapq.heapify(queue.heap)
        return queue

    def merged(self, a: int, b: int, ids: Ints, slots: Ints, means: Floats) -> None:
        """Group ``b`` merged into ``a``: their batches are dropped, and ``a``'s pairs at least ``THRESHOLD`` wait."""
        self.stamp[a] += 1
        self.stamp[b] += 1
        self.standing[b] = False
        keep = np.flatnonzero(means >= THRESHOLD)
        if not len(keep):
            return
        ids, slots, neg = ids[keep], slots[keep], -means[keep]
        order = np.lexsort((ids, neg))  # the lower pair (low, high) is the lower other group
        ids, start = ids[order], len(self.neg)
        self.neg += neg[order].tolist()
        self.low += np.minimum(ids, a).tolist()
        self.high += np.maximum(ids, a).tolist()
        self.slot += slots[order].tolist()
        self.batches.append((a, self.stamp[a], len(self.neg)))
        heapq.heappush(self.heap, (self.neg[start], self.low[start], self.high[start], len(self.batches) - 1, start))

    def pop(self) -> tuple[float, int, int, int] | None:
        """The next pair (minus its mean, group, other group, slot) of standing groups whose batch stands; None
        when none waits."""
        heap, batches, stamp, standing = self.heap, self.batches, self.stamp, self.standing
        low, high = self.low, self.high
        while heap:
            neg, a, b, batch, entry = heap[0]
            group, then, end = batches[batch]
            if stamp[group] != then:
                heapq.heappop(heap)
                continue
            after = entry + 1
            while after < end and not (standing[low[after]] and standing[high[after]]):
                after += 1  # a pair with a group merged away: passed over without the heap
            if after < end:
                heapq.heapreplace(heap, (self.neg[after], low[after], high[after], batch, after))
            else:
                heapq.heappop(heap)
            if standing[a] and standing[b]:
                return neg, a, b, self.slot[entry]
        return None


def _cohesion(total: float, size: int) -> float:
    """The mean similarity of a group's pairs; a lone report is as tight as anything (it sets no bar)."""
    return total / (size * (size - 1) / 2) if size > 1 else 0.0


Span = tuple[int, int] | None  # a group's first and last day


def _spans(x: Span, y: Span, limit: int) -> bool:
    return x is None or y is None or max(x[1], y[1]) - min(x[0], y[0]) <= limit


def _union(x: Span, y: Span) -> Span:
    return (min(x[0], y[0]), max(x[1], y[1])) if x and y else x or y
