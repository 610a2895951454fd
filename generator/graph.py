"""Who appears with whom: the co-mention network of the most-mentioned people, as an inline SVG.

The layout is a plain force-directed one (Fruchterman–Reingold) started from a
circle in a fixed order and run for a fixed number of steps: no randomness, so
the same people give the same picture, byte for byte (coordinates are rounded).
Only the ``LIMIT`` most-mentioned people and the ``MAX_EDGES`` strongest ties
between them are drawn, so the figure's size does not grow with the collection.
Names are escaped with ``html.escape`` (the SVG sits in a raw HTML block, which
Markdown leaves alone). Colours come from CSS classes, so both themes apply.
Not handled: labels may overlap in dense clusters (the list below the figure
gives the same ties as text).
"""
from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Person

LIMIT = 40  # people drawn
MAX_EDGES = 120  # ties drawn, strongest first
WIDTH, HEIGHT, MARGIN = 800, 560, 60
STEPS = 250
FRAME = 2.0  # positions stay within ±FRAME (a person with no ties cannot drift away)


@dataclass(frozen=True)
class Network:
    people: tuple[Person, ...]  # most mentioned first
    edges: tuple[tuple[str, str, int], ...]  # (slug, slug, shared briefings), strongest first


def network(people: Sequence[Person], limit: int = LIMIT) -> Network:
    """The most-mentioned people (ties by name) and the strongest co-mentions among them."""
    top = sorted(people, key=lambda p: (-len(p.articles), p.name.casefold(), p.slug))[:limit]
    chosen = {p.slug for p in top}
    edges = {tuple(sorted((p.slug, other))): count
             for p in top for other, count in p.co_mentions if other in chosen and other != p.slug}
    strongest = sorted(((a, b, n) for (a, b), n in edges.items()), key=lambda e: (-e[2], e[0], e[1]))
    return Network(tuple(top), tuple(strongest[:MAX_EDGES]))


def layout(net: Network) -> dict[str, tuple[float, float]]:
    """Node positions inside the drawing area, deterministic.

    Fruchterman–Reingold in a 2×2 frame: every pair repels, ties attract (more for
    stronger ties), a weak pull to the centre keeps unconnected people near the
    picture, and each step's move is capped by a cooling temperature.
    """
    n = len(net.people)
    pos = {p.slug: [math.cos(2 * math.pi * i / max(n, 1)), math.sin(2 * math.pi * i / max(n, 1))]
           for i, p in enumerate(net.people)}
    k = 0.6 * math.sqrt(4.0 / max(n, 1))  # the ideal distance between neighbours
    heaviest = max((w for _, _, w in net.edges), default=1)
    for step in range(STEPS):
        heat = 0.2 * (1 - step / STEPS) + 0.005
        move = {slug: [-x * 2 * k, -y * 2 * k] for slug, (x, y) in pos.items()}  # gravity
        _repel(pos, move, k)
        for a, b, w in net.edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 1e-9
            pull = dist * dist / k * (0.05 + 0.25 * w / heaviest)  # weak: a dense clique must not collapse
            move[a][0] -= dx / dist * pull
            move[a][1] -= dy / dist * pull
            move[b][0] += dx / dist * pull
            move[b][1] += dy / dist * pull
        for slug, (mx, my) in move.items():
            length = math.hypot(mx, my) or 1e-9
            step_len = min(length, heat)
            pos[slug][0] = min(FRAME, max(-FRAME, pos[slug][0] + mx / length * step_len))
            pos[slug][1] = min(FRAME, max(-FRAME, pos[slug][1] + my / length * step_len))
    return _fit(pos)


def _repel(pos: dict[str, list[float]], move: dict[str, list[float]], k: float) -> None:
    slugs = list(pos)
    for i, a in enumerate(slugs):
        for b in slugs[i + 1:]:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 1e-9
            push = k * k / dist
            move[a][0] += dx / dist * push
            move[a][1] += dy / dist * push
            move[b][0] -= dx / dist * push
            move[b][1] -= dy / dist * push


def _fit(pos: dict[str, list[float]]) -> dict[str, tuple[float, float]]:
    """Scale into the drawing, rounded so that tiny float differences cannot reach the output."""
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {slug: (round(MARGIN + (x - min(xs)) / span_x * (WIDTH - 2 * MARGIN), 1),
                   round(MARGIN + (y - min(ys)) / span_y * (HEIGHT - 2 * MARGIN), 1))
            for slug, (x, y) in pos.items()}


def svg(net: Network, href: Callable[[str], str]) -> str:
    """The figure as one raw HTML block (no blank lines); ``href(slug)`` is the link to a person's page."""
    at = layout(net)
    heaviest = max((w for _, _, w in net.edges), default=1)
    parts = [f'<svg class="network" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="network-title"><title id="network-title">Who is mentioned with whom</title>']
    for a, b, w in net.edges:
        (x1, y1), (x2, y2) = at[a], at[b]
        width = round(0.8 + 4 * w / heaviest, 1)
        parts.append(f'<line class="tie" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{width}">'
                     f'<title>{w}</title></line>')
    for p in net.people:
        x, y = at[p.slug]
        r = round(4 + 2.5 * math.sqrt(len(p.articles)), 1)
        name = html.escape(p.name)
        parts.append(f'<a href="{html.escape(href(p.slug))}"><circle class="person" cx="{x}" cy="{y}" r="{r}">'
                     f'<title>{name}: {len(p.articles)}</title></circle>'
                     f'<text x="{x}" y="{round(y - r - 3, 1)}" text-anchor="middle">{name}</text></a>')
    parts.append("</svg>")
    return "\n".join(parts)
