"""Solids on the page: visible edges solid, hidden edges dashed, vertex names, lengths and angle marks."""
from __future__ import annotations

import math
from typing import Any

from scidsl.primitives import Dot, Drawing, LabelSpec, Line, Stroke
from scidsl.style import LABEL_SIZE

VISIBLE = 1.4
HIDDEN = 0.9
MARK = 0.9


def render_solids(lay: Any, point_text: Any) -> Drawing:
    """Turn a solids layout into primitives, labels and anchors."""
    out = Drawing()
    for pts, color, owner in lay.fills:
        out.items.append(Line(tuple(pts), True, Stroke(fill=color, alpha=0.35, visible=False, zorder=1), owner=owner,
                              role="fill"))
    for s in lay.strokes:
        for pts, hidden in s.parts:
            dashed = s.style == "dashed" or (s.style == "auto" and hidden)
            stroke = Stroke(s.color, HIDDEN if dashed else VISIBLE, "dashed" if dashed else None)
            out.items.append(Line(tuple(pts), False, stroke, owner=s.owner, role=f"{s.role} hidden" if hidden else s.role))
    for a, b, n, owner in lay.ticks:
        out.items.extend(_ticks(a, b, n, owner))
    for m in lay.angles:
        out.items.append(Line(tuple(m.path), False, Stroke("black", MARK), owner=m.owner, role="angle"))
        if m.label:
            out.labels.append(LabelSpec(m.label, m.anchor, m.owner, size=LABEL_SIZE,
                                        prefer=(m.direction, m.direction + 25, m.direction - 25), distance=0.06))
    for name in lay.dots:
        out.items.append(Dot(lay.points2[name], 0.05, owner=f"point {name}"))
    for ll in lay.lengths:
        if ll.text:
            out.labels.append(_length_label(ll, lay.center2, lay.strokes))
    for name, p in lay.points2.items():
        out.anchors[name] = p
        out.labels.append(LabelSpec(lay.labels.get(name) or point_text(name), p, f"point {name}", size=LABEL_SIZE,
                                    prefer=_clear_of(_away(p, lay.center2), p, lay.points2.values()), distance=0.08))
    return out


def _ticks(a: tuple[float, float], b: tuple[float, float], n: int, owner: str) -> list[Line]:
    """n short strokes across the middle of a segment: the textbook mark of equal lengths."""
    length = math.dist(a, b) or 1.0
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    out = []
    for i in range(n):
        s = (i - (n - 1) / 2) * 0.09
        cx, cy = mx + s * ux, my + s * uy
        out.append(Line(((cx - 0.11 * uy, cy + 0.11 * ux), (cx + 0.11 * uy, cy - 0.11 * ux)), False,
                        Stroke("black", MARK), owner=owner, role="tick"))
    return out


def _away(p: tuple[float, float], c: tuple[float, float]) -> tuple[float, ...]:
    """Directions pointing away from the figure's centre first."""
    a = math.degrees(math.atan2(p[1] - c[1], p[0] - c[0])) if p != c else 90.0
    return (a, a + 30, a - 30, a + 60, a - 60, a + 90, a - 90)


def _clear_of(prefer: tuple[float, ...], p: tuple[float, float], others: Any) -> tuple[float, ...]:
    """The directions, those pointing at a near vertex last: a name beside another vertex reads as its name."""
    near = [math.degrees(math.atan2(q[1] - p[1], q[0] - p[0])) for q in others if 1e-9 < math.dist(p, q) < 1.2]

    def blocked(a: float) -> bool:
        return any(abs((a - b + 180) % 360 - 180) < 50 for b in near)

    return tuple(a for a in prefer if not blocked(a)) + tuple(a for a in prefer if blocked(a))


def _length_label(ll: Any, c: tuple[float, float], strokes: Any = ()) -> LabelSpec:
    on_top = ll.owner.endswith("radius") and min(ll.a[1], ll.b[1]) > c[1]
    if ll.owner.endswith("top_radius") or on_top:
        # a radius on a top face (a frustum's small one, a tall cylinder's) is named beside the rim,
        # outside the face, not pushed down beside the height where it would read as the height's label
        out = math.degrees(math.atan2(ll.b[1] - ll.a[1], ll.b[0] - ll.a[0]))
        return LabelSpec(ll.text, ll.b, ll.owner, size=LABEL_SIZE, prefer=(out, out + 30, out - 30, 90.0),
                         distance=0.08)
    mid = ((ll.a[0] + ll.b[0]) / 2, (ll.a[1] + ll.b[1]) / 2)
    dx, dy = ll.b[0] - ll.a[0], ll.b[1] - ll.a[1]
    n = (-dy, dx)
    if n[0] * (mid[0] - c[0]) + n[1] * (mid[1] - c[1]) < 0:
        n = (dy, -dx)
    at, n, gap = _roomy_spot(ll, n, strokes) or (mid, n, 0.08)
    a = math.degrees(math.atan2(n[1], n[0]))
    return LabelSpec(ll.text, at, ll.owner, size=LABEL_SIZE, prefer=(a, a + 20, a - 20, a + 180), distance=gap)


_ALONG = (0.5, 0.62, 0.38, 0.75, 0.25, 0.85, 0.15)


def _roomy_spot(ll: Any, n: tuple[float, float], strokes: Any) -> Any:
    """A point along the segment, and a side, where the label fits right beside it, clear of other edges.

    Edges that meet at a vertex crowd each other near it: the middle of the segment may have no room,
    and the label would be pushed out beside another edge, where it reads as that edge's length.
    """
    from shapely.geometry import LineString, box

    from scidsl.text import measure_text

    others = [LineString(pts) for st in strokes for pts, _ in st.parts if len(pts) >= 2]
    if not others:
        return None
    w, h, _ = measure_text(ll.text, LABEL_SIZE)
    size = math.hypot(*n) or 1.0
    sides = [(n[0] / size, n[1] / size), (-n[0] / size, -n[1] / size)]
    for t in _ALONG:
        p = (ll.a[0] + t * (ll.b[0] - ll.a[0]), ll.a[1] + t * (ll.b[1] - ll.a[1]))
        for u in sides:
            reach = 0.12 + abs(u[0]) * w / 2 + abs(u[1]) * h / 2  # the box clears the segment's line
            cx, cy = p[0] + u[0] * reach, p[1] + u[1] * reach
            room = box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2).buffer(0.08)  # the placer's clearance
            if not any(o.intersects(room) for o in others):
                # the placer measures its gap from the box edge along the direction, not from the line
                edge = min(w / 2 / max(abs(u[0]), 1e-9), h / 2 / max(abs(u[1]), 1e-9))
                return p, u, max(0.08, reach - edge)
    return None
