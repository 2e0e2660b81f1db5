"""Geometry of textbook marks, in page centimetres: angle arcs, right-angle squares, equal-length
ticks, parallel arrows, dimension lines and where labels of points and sides should go.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import constructions as cx

Vec = cx.Vec

ARC_RADIUS = 0.55  # cm, for an angle of 60 degrees or more
SQUARE_SIZE = 0.3  # cm, the smallest right-angle square
SQUARE_SHARE = 0.09  # a square grows with its arms: this share of the shorter arm, up to SQUARE_MAX
SQUARE_MAX = 0.6  # cm
DIM_OFFSET = 0.85  # cm from a segment to its dimension line: clear of the point names on the segment
TICK_SIZE = 0.3  # cm, whole length of a tick
TICK_GAP = 0.09  # cm between ticks of one mark
ARROW_SIZE = 0.18  # cm, arm of a parallel chevron


@dataclass(frozen=True)
class ArcMark:
    """An angle arc (or several, for 'equal angle' marks) and where its value label goes."""

    center: Vec
    radii: tuple[float, ...]
    theta1: float
    theta2: float
    label_at: Vec
    label_angle: float


def angle_span(vertex: Vec, p1: Vec, p2: Vec) -> tuple[float, float]:
    """(theta1, theta2) in degrees, counter-clockwise, of the angle p1-vertex-p2 below 180."""
    t1 = cx.polar_deg(cx.sub(p1, vertex))
    t2 = cx.polar_deg(cx.sub(p2, vertex))
    if (t2 - t1) % 360.0 > 180.0:
        t1, t2 = t2, t1
    if t2 < t1:
        t2 += 360.0
    return t1, t2


def arc_radius(angle: float, arm: float) -> float:
    """Arc radius: larger for small angles (room for the label), never beyond 40% of the arms."""
    r = ARC_RADIUS * max(1.0, math.sqrt(60.0 / max(angle, 5.0)))
    return min(r, 0.4 * arm, 1.5)


def angle_arc(vertex: Vec, p1: Vec, p2: Vec, count: int = 1, radius: float | None = None) -> ArcMark:
    """Arcs marking the angle p1-vertex-p2 and the spot for its label, outside the arcs."""
    t1, t2 = angle_span(vertex, p1, p2)
    arm = min(cx.dist(vertex, p1), cx.dist(vertex, p2))
    r = radius if radius is not None else arc_radius(t2 - t1, arm)
    radii = tuple(r + 0.09 * k for k in range(max(1, count)))
    mid = math.radians((t1 + t2) / 2)
    reach = radii[-1] + 0.12
    label_at = (vertex[0] + reach * math.cos(mid), vertex[1] + reach * math.sin(mid))
    return ArcMark(vertex, radii, t1, t2, label_at, math.degrees(mid))


def square_size(arm: float) -> float:
    """Side of a right-angle square on arms of this length: visible on a large figure, small on short arms."""
    return min(max(SQUARE_SIZE, SQUARE_SHARE * arm), SQUARE_MAX, 0.3 * arm)


def right_angle_square(vertex: Vec, p1: Vec, p2: Vec, size: float | None = None) -> list[Vec]:
    """Three corners of the right-angle square at vertex (an open polyline)."""
    arm = min(cx.dist(vertex, p1), cx.dist(vertex, p2))
    s = square_size(arm) if size is None else min(size, 0.3 * arm)
    u, w = cx.unit(cx.sub(p1, vertex)), cx.unit(cx.sub(p2, vertex))
    a = cx.add(vertex, cx.mul(u, s))
    return [a, cx.add(a, cx.mul(w, s)), cx.add(vertex, cx.mul(w, s))]


def arc_ticks(center: Vec, radius: float, theta1: float, theta2: float, count: int = 1,
              size: float = TICK_SIZE) -> list[tuple[Vec, Vec]]:
    """Short radial strokes across the middle of an angle arc, marking equal angles."""
    mid = (theta1 + theta2) / 2
    step = math.degrees(TICK_GAP / max(radius, 1e-9))
    out = []
    for k in range(count):
        t = math.radians(mid + (k - (count - 1) / 2) * step)
        u = (math.cos(t), math.sin(t))
        out.append((cx.add(center, cx.mul(u, radius - size / 2)), cx.add(center, cx.mul(u, radius + size / 2))))
    return out


def ticks(a: Vec, b: Vec, count: int = 1, size: float = TICK_SIZE,
          gap: float = TICK_GAP) -> list[tuple[Vec, Vec]]:
    """Short strokes across the middle of ab marking equal lengths."""
    d = cx.unit(cx.sub(b, a))
    n = cx.perp(d)
    m = cx.midpoint(a, b)
    out = []
    for k in range(count):
        c = cx.add(m, cx.mul(d, (k - (count - 1) / 2) * gap))
        out.append((cx.add(c, cx.mul(n, size / 2)), cx.sub(c, cx.mul(n, size / 2))))
    return out


def parallel_arrows(a: Vec, b: Vec, count: int = 1, size: float = ARROW_SIZE,
                    at: float = 0.5) -> list[list[Vec]]:
    """Chevrons pointing from a to b near the fraction ``at`` of ab, marking parallel lines."""
    d = cx.unit(cx.sub(b, a))
    n = cx.perp(d)
    m = cx.divide(a, b, at)
    out = []
    for k in range(count):
        tip = cx.add(m, cx.mul(d, (k - (count - 1) / 2) * size * 0.75 + size / 2))
        back = cx.sub(tip, cx.mul(d, size))
        out.append([cx.add(back, cx.mul(n, size * 0.6)), tip, cx.sub(back, cx.mul(n, size * 0.6))])
    return out


def outward_normal(a: Vec, b: Vec, inside: Vec | None) -> Vec:
    """Unit normal of ab pointing away from ``inside`` (left of ab when there is none)."""
    n = cx.perp(cx.unit(cx.sub(b, a)))
    if inside is not None and cx.dot(n, cx.sub(inside, cx.midpoint(a, b))) > 0:
        n = (-n[0], -n[1])
    return n


def side_label_prefer(a: Vec, b: Vec, inside: Vec | None) -> tuple[float, ...]:
    """Preferred label directions (degrees) for the label of side ab: outward, then inward."""
    n = outward_normal(a, b, inside)
    out = cx.polar_deg(n)
    return (out, out + 20.0, out - 20.0, out + 180.0)


def dimension_line(a: Vec, b: Vec, inside: Vec | None, offset: float = DIM_OFFSET) -> tuple[Vec, Vec, Vec]:
    """A double-arrow line beside ab (away from ``inside``): its two ends and its middle."""
    n = outward_normal(a, b, inside)
    p, q = cx.add(a, cx.mul(n, offset)), cx.add(b, cx.mul(n, offset))
    return p, q, cx.midpoint(p, q)


def point_label_prefer(point: Vec, neighbours: list[Vec], center: Vec | None) -> tuple[float, ...]:
    """Preferred directions (degrees) for a point's label: the middle of the widest free sector
    between the lines leaving the point, the side away from the figure's centre first.
    """
    dirs = sorted(cx.polar_deg(cx.sub(q, point)) % 360.0 for q in neighbours if cx.dist(q, point) > 1e-9)
    away = cx.polar_deg(cx.sub(point, center)) % 360.0 if center and cx.dist(point, center) > 1e-9 \
        else 90.0
    if not dirs:
        return _fan(away)
    gaps = []
    for i, d in enumerate(dirs):
        nxt = dirs[(i + 1) % len(dirs)] + (360.0 if i == len(dirs) - 1 else 0.0)
        gaps.append((nxt - d, (d + nxt) / 2 % 360.0))
    widest = max(g for g, _ in gaps)
    # Among nearly as wide sectors, take the one facing away from the figure.
    good = [mid for g, mid in gaps if g >= 0.8 * widest]
    best = min(good, key=lambda mid: _angdiff(mid, away))
    return _fan(best)


def _fan(center_deg: float) -> tuple[float, ...]:
    return tuple((center_deg + d) % 360.0 for d in (0.0, 25.0, -25.0, 50.0, -50.0))


def _angdiff(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


def mark_radius_for_label(text_width_cm: float, angle: float) -> float:
    """Arc radius at which a label of this width fits inside the angle's opening."""
    half = math.radians(max(angle, 5.0) / 2)
    return min(3.0, text_width_cm / (2 * math.sin(half)) if half > 0 else 3.0)
