"""Ropes over pulleys: tangent lines from fixed points to circles and the arcs the rope wraps."""
from __future__ import annotations

import math

P = tuple[float, float]


class RopeError(ValueError):
    """A rope that cannot be drawn as stated."""


def _tangent_point(p: P, c: P, r: float, side: int) -> P:
    """Where a line from p touches the circle (c, r); side +1 passes the centre on the left, -1 on the right."""
    dx, dy = c[0] - p[0], c[1] - p[1]
    d = math.hypot(dx, dy)
    if d <= r * 1.0001:
        raise RopeError("a point the rope runs to lies on or inside a pulley")
    a = side * math.asin(r / d)
    ux, uy = dx / d, dy / d
    vx, vy = ux * math.cos(a) - uy * math.sin(a), ux * math.sin(a) + uy * math.cos(a)
    t = math.sqrt(d * d - r * r)
    return (p[0] + vx * t, p[1] + vy * t)


def wrap(a: P, c: P, r: float, b: P, steps: int = 24) -> list[P]:
    """The rope from a over the pulley (c, r) to b: tangent in, the wrapped arc, tangent out (b excluded)."""
    cross = (c[0] - a[0]) * (b[1] - c[1]) - (c[1] - a[1]) * (b[0] - c[0])
    side = 1 if cross < 0 else -1  # a clockwise turn passes the pulley on the left of the rope's travel
    t1 = _tangent_point(a, c, r, side)
    t2 = _tangent_point(b, c, r, -side)
    th1 = math.atan2(t1[1] - c[1], t1[0] - c[0])
    th2 = math.atan2(t2[1] - c[1], t2[0] - c[0])
    sweep = (th2 - th1) % (2 * math.pi)
    if side == 1:  # clockwise around the pulley
        sweep -= 2 * math.pi
    return [a] + [(c[0] + r * math.cos(th1 + sweep * k / steps), c[1] + r * math.sin(th1 + sweep * k / steps))
                  for k in range(steps + 1)]


def rope_path(stops: list[tuple[P, float]]) -> list[P]:
    """A rope through stops (position, pulley radius or 0); a pulley needs plain positions on both sides."""
    out: list[P] = []
    for i, (p, r) in enumerate(stops):
        if r <= 0:
            out.append(p)
            continue
        if i == 0 or i == len(stops) - 1 or stops[i - 1][1] > 0 or stops[i + 1][1] > 0:
            raise RopeError("a pulley needs a plain position before and after it in `through`")
        out.extend(wrap(stops[i - 1][0], p, r, stops[i + 1][0])[1:])
    return out
