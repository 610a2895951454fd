"""Who appears with whom: the co-mention network of the most-mentioned people, as an inline SVG.

The layout is a plain force-directed one (Fruchterman–Reingold) started from a
circle in a fixed order and run for a fixed number of steps: no randomness, so
the same people give the same picture, byte for byte (coordinates are rounded).
Only the ``LIMIT`` most-mentioned people and the ``MAX_EDGES`` strongest ties
between them are drawn, so the figure's size does not grow with the collection.
Names are escaped with ``html.escape`` (the SVG sits in a raw HTML block, which
Markdown leaves alone). Colours come from CSS classes, so both themes apply.
People are then pushed apart where their circle-and-name boxes overlap
(collision), and names are placed where they overlap no other name or circle; a name that
fits nowhere is left out of the drawing (its circle keeps a tooltip and its link, and the table below the figure
gives the same ties as text). Not handled: ties may cross names.
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
FONT = 13  # name size in the drawing's units; the figure is at least WIDTH pixels wide, so this is the size read
LINE = FONT + 4  # the height of a name's line
MIN_RADIUS, MAX_RADIUS = 4.0, 14.0
NODE_GAP = 4  # the least room between two people's boxes after collision
COLLISION_ROUNDS = 300
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


def radius(person: Person, most: int) -> float:
    """A circle's radius: its area grows with the person's briefings, up to ``MAX_RADIUS`` for the most-mentioned."""
    return round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(len(person.articles) / max(most, 1)), 1)


def separate(at: dict[str, tuple[float, float]], radii: dict[str, float],
             widths: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Push apart people whose circle-and-name boxes overlap (collision), in a fixed order, so that names fit.

    Each person takes a box: the circle with the name's width and a line of text
    above it. Two overlapping boxes move apart, half each, along the axis where
    they overlap least; a fixed number of rounds at most, then back inside the drawing.
    """
    pos = {slug: [x, y] for slug, (x, y) in at.items()}
    half = {slug: (max(radii[slug], widths[slug] / 2) + NODE_GAP / 2, radii[slug] + LINE / 2 + NODE_GAP / 2)
            for slug in pos}
    slugs = list(pos)
    for _ in range(COLLISION_ROUNDS):
        moved = False
        for i, a in enumerate(slugs):
            for b in slugs[i + 1:]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                over_x = half[a][0] + half[b][0] - abs(dx)
                over_y = half[a][1] + half[b][1] - abs(dy)
                if over_x <= 0 or over_y <= 0:
                    continue
                moved = True
                if over_x < over_y:
                    step = (over_x / 2) * (1 if dx >= 0 else -1)
                    pos[a][0] -= step
                    pos[b][0] += step
                else:
                    step = (over_y / 2) * (1 if dy >= 0 else -1)
                    pos[a][1] -= step
                    pos[b][1] += step
        for slug in slugs:  # back inside the drawing, the name's line above the circle included
            hw, r = half[slug][0], radii[slug]
            pos[slug][0] = min(WIDTH - hw, max(hw, pos[slug][0]))
            pos[slug][1] = min(HEIGHT - r - 2, max(r + LINE + 2, pos[slug][1]))
        if not moved:
            break
    return {slug: (round(x, 1), round(y, 1)) for slug, (x, y) in pos.items()}


Box = tuple[float, float, float, float]  # left, top, right, bottom


def place_labels(net: Network, at: dict[str, tuple[float, float]],
                 radii: dict[str, float]) -> dict[str, tuple[float, float, str]]:
    """Where each name is written (x, baseline y, text-anchor); a name that fits nowhere is left out.

    Most-mentioned first, each name tries above, below, right and left of its circle
    and takes the first place that overlaps no name placed before, no circle and no
    edge of the drawing: names never overlap. A person without a name on the
    drawing keeps their tooltip and link, and is in the table of ties below.
    """
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for slug, (x, y) in at.items() for r in [radii[slug]]]
    placed: dict[str, tuple[float, float, str]] = {}
    for person in net.people:
        x, y = at[person.slug]
        r, w = radii[person.slug], label_width(person.name)
        for lx, ly, anchor, box in _label_spots(x, y, r, w):
            own = (x - r, y - r, x + r, y + r)
            if _inside(box) and not any(_overlap(box, other) for other in taken if other != own):
                placed[person.slug] = (lx, ly, anchor)
                taken.append(box)
                break
    return placed


def label_width(name: str) -> float:
    return len(name) * FONT * 0.58 + 4  # an average glyph of a sans-serif font is about 0.55 em wide


def _label_spots(x: float, y: float, r: float, w: float) -> list[tuple[float, float, str, Box]]:
    h = FONT + 2
    return [(x, y - r - 4, "middle", (x - w / 2, y - r - 4 - h, x + w / 2, y - r - 2)),
            (x, y + r + FONT + 2, "middle", (x - w / 2, y + r + 2, x + w / 2, y + r + 4 + h)),
            (x + r + 4, y + FONT / 3, "start", (x + r + 2, y - h / 2, x + r + 4 + w, y + h / 2)),
            (x - r - 4, y + FONT / 3, "end", (x - r - 4 - w, y - h / 2, x - r - 2, y + h / 2))]


def _inside(box: Box) -> bool:
    return box[0] >= 0 and box[1] >= 0 and box[2] <= WIDTH and box[3] <= HEIGHT


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def svg(net: Network, href: Callable[[str], str]) -> str:
    """The figure as one raw HTML block (no blank lines); ``href(slug)`` is the link to a person's page.

    Not ``role="img"``: that would hide the links from screen readers. The ties are
    drawing only (``aria-hidden``); each person is a link named by name and count.
    """
    most = max((len(p.articles) for p in net.people), default=1)
    radii = {p.slug: radius(p, most) for p in net.people}
    at = separate(layout(net), radii, {p.slug: label_width(p.name) for p in net.people})
    labels = place_labels(net, at, radii)
    heaviest = max((w for _, _, w in net.edges), default=1)
    parts = [(f'<svg class="network" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
              f'aria-labelledby="network-title"><title id="network-title">Who is mentioned with whom</title>'),
             '<g class="ties" aria-hidden="true">']
    for a, b, w in net.edges:
        (x1, y1), (x2, y2) = at[a], at[b]
        width = round(0.8 + 4 * w / heaviest, 1)
        parts.append(f'<line class="tie" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke-width="{width}"/>')
    parts.append("</g>")
    for p in net.people:
        x, y = at[p.slug]
        name = html.escape(p.name)
        count = f"{len(p.articles)} briefing{'' if len(p.articles) == 1 else 's'}"
        label = ""
        if p.slug in labels:
            lx, ly, anchor = labels[p.slug]
            label = (f'<text x="{round(lx, 1)}" y="{round(ly, 1)}" text-anchor="{anchor}" aria-hidden="true">'
                     f'{name}</text>')
        parts.append(f'<a href="{html.escape(href(p.slug))}" aria-label="{name}: {count}">'
                     f'<circle class="person" cx="{x}" cy="{y}" r="{radii[p.slug]}"><title>{name}: {count}</title>'
                     f'</circle>{label}</a>')
    parts.append("</svg>")
    return "\n".join(parts)
