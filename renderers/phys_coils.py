"""Renderer of coils (solenoid, toroid: B by the grip rule) and of a charged sphere with its radial field."""
from __future__ import annotations

import math
from typing import Any

from scidsl.primitives import Circle, Dot, Drawing, Stroke, Text
from scidsl.renderers.phys_fields import RED, caption, head, label, line, valued

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
    label(out, valued(node, None, "$I$", node.I), (start[0], low + 0.55), owner, (180.0,), 0.15)
    if node.length is not None:  # the length of the windings, between the leads
        yd = low + 0.2  # under the current heads on the leads
        line(out, ((start[0] + 0.1, yd), (end[0] - 0.1, yd)), owner, 0.8, "both", role="dimension")
        label(out, valued(node, None, "$\\ell$", node.length), (cx, yd), owner, (270.0,), 0.08, 10)
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
            out.items.append(Text((x, cy + 0.5), word, 12, owner=owner, may_touch=(owner,), role="pole"))
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
    t = math.radians(90 + 360 * round(node.turns / 8) / node.turns)
    out.items.append(Text((c[0] + rb * math.cos(t), c[1] + rb * math.sin(t)), "$\\vec B$", 11, "center", "center",
                          owner=owner, may_touch=(owner,), role="label"))
    for side, into in ((-1.0, True), (1.0, False)):
        a = math.radians(-90 + side * 6)
        top = (c[0] + RING_OUT * math.cos(a), c[1] + RING_OUT * math.sin(a))
        low = (top[0] + side * 0.5, c[1] - RING_OUT - 1.0)
        line(out, (top, low), owner, 1.2, role="lead")
        mid = ((top[0] + low[0]) / 2, (top[1] + low[1]) / 2)
        d = (top[0] - low[0], top[1] - low[1]) if into else (low[0] - top[0], low[1] - top[1])
        head(out, mid, d, owner, RED, 1.3)
    label(out, valued(node, None, "$I$", node.I), (c[0] - 0.6, c[1] - RING_OUT - 0.8), owner, (180.0,), 0.15)
    if node.r is not None:  # the radius of the field circle, drawn across the hole
        t = math.radians(200.0)
        line(out, (c, (c[0] + rb * math.cos(t), c[1] + rb * math.sin(t))), owner, 0.8, role="radius")
        label(out, valued(node, None, "$r$", node.r), c, owner, (90.0, 270.0), 0.12, 10)
    caption(out, node, (box[0], box[1] - 0.2, box[2], box[3]), owner)


def sphere(item: Any, box: tuple[float, float, float, float], owner: str, out: Drawing) -> None:
    """The sphere (or shell) with its charge signs near the surface, radial field lines and the point P."""
    from scidsl.domains.physics import fields

    node = item.node
    r = fields.SPHERE_R
    c = (box[0] + 1.2 + r, (box[1] + box[3]) / 2)
    fill = "white" if node.shell else "#eef2f8"
    out.items.append(Circle(c, r, Stroke(width=2.2 if node.shell else 1.4, fill=fill), owner=owner, role="sphere"))
    sign = "+" if node.Q.si > 0 else "−"
    for deg in (d for d in range(15, 360, 30) if min(abs(d - 225), d, 360 - d) > 20):  # clear of R and of P
        a = math.radians(deg)
        rs = r + 0.2 if node.shell else r - 0.3  # a shell carries its charge on its surface
        at = (c[0] + rs * math.cos(a), c[1] + rs * math.sin(a))
        out.items.append(Text(at, sign, 10, owner=owner, may_touch=(owner,), role="charge_sign"))
    if not node.shell:  # a uniformly charged ball: charge all through it
        for deg in (90, 160, 300):
            a = math.radians(deg)
            at = (c[0] + 0.6 * math.cos(a), c[1] + 0.6 * math.sin(a))
            out.items.append(Text(at, sign, 10, owner=owner, may_touch=(owner,), role="charge_sign"))
    p_at = fields.sphere_point(node)
    outward = node.Q.si > 0
    for i in range(8):
        a = math.radians(22.5 + 45 * i)
        u = (math.cos(a), math.sin(a))
        p, q = (c[0] + u[0] * (r + 0.1), c[1] + u[1] * (r + 0.1)), (c[0] + u[0] * (r + 1.0), c[1] + u[1] * (r + 1.0))
        line(out, (p, q), owner, 0.9, role="field_line")
        head(out, q if outward else p, u if outward else (-u[0], -u[1]), owner, width=0.9)
    line(out, (c, (c[0] - r * 0.7071, c[1] - r * 0.7071)), owner, 0.8, role="radius")
    label(out, valued(node, None, "$R$", node.radius), (c[0] - r * 0.4, c[1] - r * 0.4), owner,
          (315.0, 300.0, 330.0), 0.08, 10)
    q_text = valued(node, node.label, "$Q$", node.Q)
    wide = q_text != node.label  # the value written too: above the field lines, not between them
    label(out, q_text, (c[0], c[1] + r), owner, (90.0, 45.0), 1.1 if wide else 0.45)
    if p_at is not None:
        pt = (c[0] + p_at, c[1])
        line(out, (c, pt), owner, 0.7, role="distance", dash="dashed")
        out.items.append(Dot(pt, 0.07, "black", owner, role="point"))
        label(out, _r_text(node.distance.si), ((c[0] + pt[0]) / 2, pt[1]), owner, (270.0, 300.0, 240.0), 0.1, 10)
        label(out, "$P$", pt, owner, (90.0, 45.0, 0.0), 0.1)
        if node.name:
            out.anchors[f"{node.name}.P"] = pt
    if node.name:
        out.anchors.update({node.name: c, f"{node.name}.center": c})


def _r_text(si: float) -> str:
    """The label of the distance to P, with its value."""
    return f"$r$ = {si * 100:.3g} cm" if si < 1 else f"$r$ = {si:.3g} m"
