"""Lines in context: where the article's main text lies, and which short lines belong to it.

1. Weigh every line: sentences count for their length, everything else against.
2. The main block is the run of lines with the largest total weight (Kadane's
   maximum subarray, linear): menus, scripts and teaser lists around the article sink.
   It does not cross a comment section's header, and an earlier part of the page
   wins over a heavier comment thread after it.
3. Inside the block, sentences are body; short lines are body when sentences stand on
   both sides of them (subheadings, list items), unless a teaser marker ("Related")
   opens their run; a list right after the last sentence is body too.

Not handled: an article split into two blocks by a long run of junk keeps only the
larger block.
"""
from __future__ import annotations

from ..patterns import clean as P
from .lines import Line

WEIGHT = {"prose": 1.0, "near": 2.0, "short": -1.0, "code": -2.0, "junk": -2.0, "meta": -0.5, "blank": 0.0}
TEASER_REACH = 4  # lines above a lone paragraph searched for its teaser's headline, date or site
ALONE_REACH = 2  # a sentence with no other sentence among this many text lines each side stands alone
PROSE_CAP = 60  # a huge paragraph should not outweigh everything around it
TEASER = "related-story teaser"
COMMENTS = "comment form"  # the reason ``lines.py`` gives a comment section's lines
EARLIER_SHARE = 0.25  # an earlier part of the page this heavy, next to the heaviest, is the article
OUTSIDE = "outside the article's main text"
LIST_MIN = 3  # a trailing run of short lines is a list when it is at least this long
SUBHEADING_MOST = 10  # words: a longer lone line between paragraphs is a teaser's headline


def weights(lines: list[Line]) -> list[float]:
    """A sentence weighs its length, unless it is a teaser's summary.

    A paragraph alone among short lines, under a headline, a date or a site's address
    (within ``TEASER_REACH`` lines: a kicker and tags may sit between), is a teaser's
    summary: a list of them must not outweigh the article. (Scripts and junk between
    paragraphs do not make a paragraph alone: ads sit inside articles.)
    """
    text = [i for i, line in enumerate(lines) if line.kind in ("prose", "near", "short", "meta")]
    prose = {i for i in text if lines[i].kind == "prose"}
    out = [WEIGHT.get(line.kind, 0.0) for line in lines]
    for n, i in enumerate(text):
        if i in prose:
            before, after = text[max(0, n - ALONE_REACH):n], text[n + 1:n + 1 + ALONE_REACH]
            alone = not any(j in prose for j in before + after)
            above = text[max(0, n - TEASER_REACH):n]
            teaser = alone and any(lines[j].kind == "meta" or lines[j].titled for j in above)
            out[i] = WEIGHT["near"] if teaser else float(min(lines[i].size, PROSE_CAP))
    return out


def main_block(lines: list[Line]) -> tuple[int, int]:
    """(start, end) of the article's run of lines, end exclusive; (0, 0) when none weighs anything.

    A comment section's header ("[ 167 comments ]", "Leave a Reply") closes a part of the
    page: the run does not cross it. The article comes before its comments, so the
    first part whose heaviest run weighs at least ``EARLIER_SHARE`` of the heaviest
    part's is taken, not necessarily the heaviest: a long thread of comments must not
    win over the article it follows.
    """
    weighed = weights(lines)
    headers = [i for i, line in enumerate(lines) if line.reason == COMMENTS]
    bounds = zip([0] + [i + 1 for i in headers], headers + [len(lines)])
    parts = [_heaviest(weighed, start, end) for start, end in bounds]
    top = max(weight for weight, _ in parts)
    if top <= 0:
        return (0, 0)
    return next(span for weight, span in parts if weight > 0 and weight >= EARLIER_SHARE * top)


def _heaviest(weighed: list[float], start: int, end: int) -> tuple[float, tuple[int, int]]:
    """The heaviest run of lines in [start, end) and its weight (Kadane's maximum subarray)."""
    best, best_span = 0.0, (start, start)
    total, first = 0.0, start
    for i in range(start, end):
        if total <= 0:
            total, first = 0.0, i
        total += weighed[i]
        if total > best:
            best, best_span = total, (first, i + 1)
    return best, best_span


def choose(lines: list[Line], span: tuple[int, int]) -> list[str]:
    """For each line, "" when it is body, else the reason it is not."""
    start, end = span
    reasons = [line.reason or OUTSIDE for line in lines]
    inside = range(start, end)
    for i in inside:
        if lines[i].kind in ("prose", "near"):
            reasons[i] = ""
    for run_start, run_end in _short_runs(lines, start, end):
        before, after = _neighbour(lines, run_start - 1, -1), _neighbour(lines, run_end, 1)
        if before is not None and lines[before].reason == TEASER:
            _mark(reasons, run_start, run_end, TEASER)
        elif before is not None and lines[before].kind in ("prose", "near"):
            if _is_list(lines, run_start, run_end):
                _mark(reasons, run_start, run_end, "")
            elif after is not None and lines[after].kind in ("prose", "near"):
                _mark(reasons, run_start, run_end, "" if _subheading(lines, run_start, run_end) else TEASER)
    return reasons


def trust(lines: list[Line]) -> list[str]:
    """Reasons for lines an extractor already chose as the article: only junk and teasers go.

    The extractor has already left scripts and styles out: what looks like code in its
    text is prose with brackets (a show called <The Palace>, a table's | cells |). A
    line trailing off in "…" is the writer's pause here, not a teaser cut short.
    """
    reasons = ["" if line.kind == "code" or _trails_off(line) else line.reason for line in lines]
    for run_start, run_end in _short_runs(lines, 0, len(lines)):
        before = _neighbour(lines, run_start - 1, -1)
        if before is not None and lines[before].reason == TEASER:
            _mark(reasons, run_start, run_end, TEASER)
    return reasons


def _trails_off(line: Line) -> bool:
    return line.reason == TEASER and not P.TEASER_MARKER.search(line.text) and bool(P.CUT_OFF.search(line.text))


def _short_runs(lines: list[Line], start: int, end: int) -> list[tuple[int, int]]:
    """Maximal runs of short (and blank) lines; a run may run past ``end`` to find a list's end."""
    runs, i = [], start
    while i <= end and i < len(lines):  # a run may start right after the block: a list closing it
        if lines[i].kind == "short":
            j = i
            while j < len(lines) and lines[j].kind in ("short", "blank"):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _neighbour(lines: list[Line], i: int, step: int) -> int | None:
    """The nearest non-blank line from ``i`` in direction ``step``."""
    while 0 <= i < len(lines):
        if lines[i].kind != "blank":
            return i
        i += step
    return None


def _is_list(lines: list[Line], start: int, end: int) -> bool:
    """A run of items that open with a bullet or carry a number (dates, scores, prices)."""
    items = [line for line in lines[start:end] if line.kind == "short"]
    listy = sum(1 for line in items if line.bullet or any(c.isdigit() for c in line.text))
    return len(items) >= LIST_MIN and listy >= 2 * len(items) / 3


def _subheading(lines: list[Line], start: int, end: int) -> bool:
    """Short lines between paragraphs: subheadings, unless one long line (an inserted headline)."""
    items = [line for line in lines[start:end] if line.kind == "short"]
    return len(items) > 1 or items[0].size <= SUBHEADING_MOST


def _mark(reasons: list[str], start: int, end: int, reason: str) -> None:
    for i in range(start, end):
        reasons[i] = reason
