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
            out.labels.append(_length_label(ll, lay.center2))
    for name, p in lay.points2.items():
        out.anchors[name] = p
        out.labels.append(LabelSpec(lay.labels.get(name) or point_text(name), p, f"point {name}", size=LABEL_SIZE,
                                    prefer=_away(p, lay.center2), distance=0.08))
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


def _length_label(ll: Any, c: tuple[float, float]) -> LabelSpec:
    mid = ((ll.a[0] + ll.b[0]) / 2, (ll.a[1] + ll.b[1]) / 2)
    dx, dy = ll.b[0] - ll.a[0], ll.b[1] - ll.a[1]
    n = (-dy, dx)
    if n[0] * (mid[0] - c[0]) + n[1] * (mid[1] - c[1]) < 0:
        n = (dy, -dx)
    a = math.degrees(math.atan2(n[1], n[0]))
    return LabelSpec(ll.text, mid, ll.owner, size=LABEL_SIZE, prefer=(a, a + 20, a - 20, a + 180), distance=0.08)
