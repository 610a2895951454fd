"""The timeline's chart: briefings published per month over the whole span, as an inline SVG.

A static drawing, no script and no request: one bar per month from the first
month with a briefing to the last, each bar a link to its month page (a month
with no briefing has no bar and no link), years marked under the axis. The bars
keep a readable width by making the drawing wider, not thinner: a long span
scrolls sideways in its box (``min-width``) instead of shrinking its bars. Colours come
from CSS classes, so both themes apply; labels are escaped with ``html.escape``.
Not handled: briefings dated only by a year (they have no month) are counted
beside the chart, not in it.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Mapping

Month = tuple[int, int]

HEIGHT = 220
TOP, BOTTOM, LEFT = 16, 40, 36  # room for the tallest bar's count, the year labels, the axis numbers
BAR = 14  # the least width of a month in the drawing's units
MAX_BAR = 36  # a bar no thicker than this, centred in its month
MONTH_LABEL = 24  # months this wide or wider get their initial under the bar
YEAR_LABEL = 40  # the least room between two years' names
MIN_WIDTH = 480  # a short span fills this, and scales to the page's width
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def month_span(months: Mapping[Month, int]) -> list[Month]:
    """Every month from the earliest to the latest with a count, in order (empty months included)."""
    if not months:
        return []
    (y, m), last = min(months), max(months)
    span: list[Month] = []
    while (y, m) <= last:
        span.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return span


def svg(counts: Mapping[Month, int], href: Callable[[Month], str]) -> str:
    """Bars of ``counts`` (month → briefings); ``href(month)`` is the link of a month that has briefings."""
    span = month_span({m: n for m, n in counts.items() if n})
    if not span:
        return ""
    bar = max(BAR, round((MIN_WIDTH - LEFT - 8) / len(span), 1))  # a short span spreads over the whole width
    width = round(LEFT + bar * len(span) + 8)
    narrowest = round(LEFT + BAR * len(span) + 8)  # below this the bars would thin: the box scrolls instead
    tallest = max(counts.get(month, 0) for month in span)
    head = (f'<svg class="timeline-chart" viewBox="0 0 {width} {HEIGHT}" width="{width}" height="{HEIGHT}" '
            f'style="min-width:{narrowest}px" aria-labelledby="timeline-chart-title"><title id="timeline-chart-title">'
            f'Briefings published per month, {_month_text(span[0])} to {_month_text(span[-1])}</title>')
    return "\n".join([head, *_axis(span, bar, width, tallest), *_bars(span, counts, bar, tallest, href), "</svg>"])


def _axis(span: list[Month], bar: float, width: int, tallest: int) -> list[str]:
    """The baseline, the scale, each month's initial when there is room, and the years where they do not collide."""
    parts = ['<g class="axis" aria-hidden="true">',
             f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{width - 4}" y2="{HEIGHT - BOTTOM}"/>',
             f'<text x="{LEFT - 6}" y="{TOP + 4}" text-anchor="end">{tallest}</text>',
             f'<text x="{LEFT - 6}" y="{HEIGHT - BOTTOM}" text-anchor="end">0</text>']
    last_label: float = -YEAR_LABEL
    for i, (year, month) in enumerate(span):
        x = round(LEFT + bar * i, 1)
        if bar >= MONTH_LABEL:
            parts.append(f'<text class="month" x="{round(x + bar / 2, 1)}" y="{HEIGHT - BOTTOM + 14}" '
                         f'text-anchor="middle">{MONTH_NAMES[month - 1][0]}</text>')
        if (month == 1 or i == 0) and x - last_label >= YEAR_LABEL:
            last_label = x
            parts.append(f'<line class="year-tick" x1="{x}" y1="{HEIGHT - BOTTOM}" x2="{x}" y2="{HEIGHT - 4}"/>')
            parts.append(f'<text x="{x + 3}" y="{HEIGHT - 8}">{year}</text>')
    return [*parts, "</g>"]


def _bars(span: list[Month], counts: Mapping[Month, int], bar: float, tallest: int,
          href: Callable[[Month], str]) -> list[str]:
    """A bar per month with briefings, a link named by month and count; none for an empty month."""
    parts = []
    plot = HEIGHT - TOP - BOTTOM
    thick = min(bar - 2, MAX_BAR)
    for i, month in enumerate(span):
        count = counts.get(month, 0)
        if not count:
            continue
        h = max(2.0, round(plot * count / tallest, 1))
        x, y = round(LEFT + bar * i + (bar - thick) / 2, 1), round(HEIGHT - BOTTOM - h, 1)
        label = html.escape(f"{_month_text(month)}: {count} briefing{'' if count == 1 else 's'}")
        parts.append(f'<a href="{html.escape(href(month))}" aria-label="{label}"><rect class="bar" x="{x}" y="{y}" '
                     f'width="{round(thick, 1)}" height="{h}"><title>{label}</title></rect></a>')
    return parts


def _month_text(month: Month) -> str:
    return f"{MONTH_NAMES[month[1] - 1]} {month[0]}"
