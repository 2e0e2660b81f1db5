"""Renderer of coils: a solenoid's windings front and back, a toroid's windings round a ring, B by the grip rule."""
from __future__ import annotations

import math
from typing import Any

from scidsl.primitives import Circle, Drawing, Stroke, Text
from scidsl.renderers.phys_fields import RED, caption, head, label, line

COIL_L = 5.6  # page cm of a solenoid's windings
COIL_R = 1.0  # its radius
SLANT = 0.3  # how far the front of a winding leans (oblique view)


def helix(turns: int, x0: float, cy: float, steps: int = 24) -> list[tuple[float, float, bool]]:
    """Points (x, y, in front) of the windings, from the bottom at the left end; t runs up the front."""
    out = []
    for i in range(turns * steps + 1):
        t = 2 * math.pi * i / steps
        z = math.sin(t)
        out.append((x0 + COIL_L * i / (turns * steps) + SLANT * z, cy - COIL_R * math.cos(t), z >= -1e-9))
    return out


def solenoid(item: Any, box: tuple[float, float, float, float], owner: str, out: Drawing) -> None:
    """Windings (front solid, back dashed), leads with the current's heads, B along the axis, N and S."""
    from scidsl.domains.physics import fields

    node = item.node
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2 + 0.4
    x0 = cx - COIL_L / 2
    pts = helix(node.turns, x0, cy)
    run: list = [pts[0]]
    for p in pts[1:]:
        if p[2] != run[-1][2]:
            _strand(out, run + [p], owner)
            run = [p]
        else:
            run.append(p)
    _strand(out, run, owner)
    start, end = pts[0][:2], pts[-1][:2]
    low = cy - COIL_R - 1.1
    line(out, (start, (start[0], low)), owner, 1.2, role="lead")
    line(out, (end, (end[0], low)), owner, 1.2, role="lead")
    enters_left = node.front == "up"  # t increases up the front: the current enters at t = 0, the left end
    for x, into in ((start[0], enters_left), (end[0], not enters_left)):
        head(out, (x, low + 0.55 + (0.12 if into else -0.12)), (0.0, 1.0 if into else -1.0), owner, RED, 1.4)
    label(out, "$I$", (start[0], low + 0.55), owner, (180.0,), 0.15)
    right = fields.solenoid_b_right(node.front)
    s = 1.0 if right else -1.0
    tail, tip = (cx - s * (COIL_L / 2 + 0.2), cy), (cx + s * (COIL_L / 2 + 1.3), cy)
    line(out, (tail, tip), owner, 1.3, "end", role="field", color="#1f5fa8")
    label(out, "$\\vec B$", tip, owner, (90.0 if right else 90.0, 0.0 if right else 180.0), 0.1)
    north = (cx + s * (COIL_L / 2 + 0.3), cy)
    south = (cx - s * (COIL_L / 2 + 0.3), cy)
    if node.poles:
        for p, word in ((north, "N"), (south, "S")):
            x = cx + (COIL_L / 2 + 0.8) * (1.0 if p[0] > cx else -1.0)
            out.items.append(Text((x, cy + 0.5), word, 12, owner=owner, role="pole"))
    caption(out, node, box, owner)
    if node.name:
        out.anchors.update({f"{node.name}.north": north, f"{node.name}.south": south,
                            f"{node.name}.center": (cx, cy)})


def _strand(out: Drawing, run: list, owner: str) -> None:
    if len(run) < 2:
        return
    front = run[1][2] if len(run) > 2 else run[-1][2]
    pts = [(x, y) for x, y, _ in run]
    if front:
        line(out, pts, owner, 1.4, role="winding")
    else:
        line(out, pts, owner, 0.8, role="winding_back", dash="dashed", color="#777777")


RING_IN, RING_OUT = 1.5, 2.4


def toroid(item: Any, box: tuple[float, float, float, float], owner: str, out: Drawing) -> None:
    """The ring, its windings with the current's heads, leads, and B circling inside the ring."""
    from scidsl.domains.physics import fields

    node = item.node
    c = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2 + 0.3)
    for r in (RING_IN, RING_OUT):
        out.items.append(Circle(c, r, Stroke(width=1.0, fill="#f2ece0" if r == RING_OUT else "white",
                                             zorder=1 if r == RING_OUT else 1.1), owner=owner, role="ring"))
    sgn = 1.0 if node.current == "outward" else -1.0
    for i in range(node.turns):
        a = math.radians(90 + 360 * (i + 0.5) / node.turns)
        u = (math.cos(a), math.sin(a))
        p, q = (c[0] + u[0] * (RING_IN - 0.12), c[1] + u[1] * (RING_IN - 0.12)), \
            (c[0] + u[0] * (RING_OUT + 0.12), c[1] + u[1] * (RING_OUT + 0.12))
        line(out, (p, q), owner, 1.3, role="winding")
        if i % max(1, node.turns // 4) == 0:
            mid = (RING_IN + RING_OUT) / 2 + 0.15 * sgn
            head(out, (c[0] + u[0] * mid, c[1] + u[1] * mid), (u[0] * sgn, u[1] * sgn), owner, RED, 1.3)
    ccw = fields.toroid_ccw(node.current)
    rb = (RING_IN + RING_OUT) / 2
    pts = [(c[0] + rb * math.cos(math.radians(a)), c[1] + rb * math.sin(math.radians(a))) for a in range(0, 362, 4)]
    line(out, pts, owner, 1.0, role="field", dash="dashed", color="#1f5fa8")
    for a in (45.0, 225.0):
        t = math.radians(a)
        d = (-math.sin(t), math.cos(t)) if ccw else (math.sin(t), -math.cos(t))
        head(out, (c[0] + rb * math.cos(t), c[1] + rb * math.sin(t)), d, owner, "#1f5fa8", 1.2)
    label(out, "$\\vec B$", c, owner, (90.0,), 0.0)
    for side, into in ((-1.0, True), (1.0, False)):
        a = math.radians(-90 + side * 6)
        top = (c[0] + RING_OUT * math.cos(a), c[1] + RING_OUT * math.sin(a))
        low = (top[0] + side * 0.5, c[1] - RING_OUT - 1.0)
        line(out, (top, low), owner, 1.2, role="lead")
        mid = ((top[0] + low[0]) / 2, (top[1] + low[1]) / 2)
        d = (top[0] - low[0], top[1] - low[1]) if into else (low[0] - top[0], low[1] - top[1])
        head(out, mid, d, owner, RED, 1.3)
    label(out, "$I$", (c[0] - 0.6, c[1] - RING_OUT - 0.8), owner, (180.0,), 0.15)
    caption(out, node, (box[0], box[1] - 0.2, box[2], box[3]), owner)
